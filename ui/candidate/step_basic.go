package candidate

import (
	"caiji/domain"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// basicStep is 基本信息: the standard photo, the identity as registered
// (read-only), 性别 and 出生年月 — derived from the ID number where it
// carries them — and both sides of the ID.
type basicStep struct{ baseStep }

func newBasicStep(ed *editor) *basicStep { return &basicStep{newBase(ed, "basic", "basic")} }

func (s *basicStep) build() fyne.CanvasObject {
	b, t, rec := s.fresh(), s.ed.sess.Tr, s.ed.rec
	bi := rec.Basic
	ro := func(path, label, value string) *widgets.Field {
		return s.ed.register(path, widgets.NewField(label, widget.NewLabel(value)))
	}
	rows := []*widgets.Field{
		ro("basic.id_type", t.T("account.id_type"), t.Msg(bi.IDType.Name())),
		ro("basic.id_number", t.T("account.id_number"), bi.IDNumber),
		ro("basic.name", t.T("account.name"), bi.Name),
		ro("basic.phone", t.T("account.phone"), bi.Phone),
	}
	if bi.IDType.CarriesBirth() {
		rows = append(rows, ro("basic.gender", t.T("basic.gender"), t.Msg(bi.Gender.Name())),
			ro("basic.birth", t.T("basic.birth"), bi.Birth.String()))
	} else {
		rows = append(rows,
			b.choice("basic.gender", t.T("basic.gender"), domain.GenderOptions(), func(r *domain.Record) string { return string(r.Basic.Gender) },
				func(r *domain.Record, c string) { r.Basic.Gender = domain.Gender(c) }),
			b.month("basic.birth", t.T("basic.birth"), func(r *domain.Record) domain.Month { return r.Basic.Birth },
				func(r *domain.Record, m domain.Month) { r.Basic.Birth = m }))
		if bi.IDType == domain.IDForeignPassport {
			rows = append(rows, s.nationality(b))
		}
	}
	derived := widget.NewLabel(t.T("basic.from_account"))
	derived.Importance = widget.LowImportance
	derived.Wrapping = fyne.TextWrapWord
	ph := b.image("basic.photo", domain.AttPhoto, func(r *domain.Record) **domain.Attachment { return &r.Basic.Photo })
	front := b.image("basic.id_front", domain.AttIDFront, func(r *domain.Record) **domain.Attachment { return &r.Basic.IDFront })
	back := b.image("basic.id_back", domain.AttIDBack, func(r *domain.Record) **domain.Attachment { return &r.Basic.IDBack })
	return container.NewVBox(s.header(),
		container.NewGridWithColumns(2, container.NewVBox(widgets.FormGrid(rows...), derived), fieldBox(ph)),
		container.NewGridWithColumns(2, fieldBox(front), fieldBox(back)))
}

// nationality is the 国籍 of a passport holder, searchable by Chinese or
// English name or by code.
func (s *basicStep) nationality(b *binder) *widgets.Field {
	t, countries := s.ed.sess.Tr, s.ed.sess.Cat.Countries
	codes, names := make([]string, len(countries)), make([]string, len(countries))
	for i, c := range countries {
		codes[i], names[i] = c.Alpha3, t.Msg(c.Name())+"（"+c.Alpha3+"）"
	}
	matches := func(code, q string) bool { return s.ed.sess.Cat.Country(code).Matches(q) }
	e := widgets.SearchEntry(t, codes, names, s.ed.rec.Basic.Nationality, false, matches, func(code string) {
		s.ed.save(func(r *domain.Record) { r.Basic.Nationality = code })
	})
	e.Shortcut = s.ed.host.Shortcut
	b.track("basic.nationality", e)
	return s.ed.register("basic.nationality", widgets.NewField(t.T("basic.nationality"), e))
}
