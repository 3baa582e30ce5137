package candidate

import (
	"caiji/domain"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// realNameStep is 实名认证's offline path: three ID images and 所在省/市.
// The reviewer verifies them together with the record, so here the status
// stays 待核验; the name and number are the account's and cannot drift.
type realNameStep struct{ baseStep }

func newRealNameStep(ed *editor) *realNameStep {
	return &realNameStep{newBase(ed, "realname", "realname")}
}

func (s *realNameStep) build() fyne.CanvasObject {
	b, t, rec := s.fresh(), s.ed.sess.Tr, s.ed.rec
	u := &s.ed.sess.Account
	who := widgets.FormGrid(widgets.NewField(t.T("account.name"), widget.NewLabel(u.Name)),
		widgets.NewField(t.T("account.id_number"), widget.NewLabel(t.Msg(u.IDType.Name())+"  "+u.IDNumber)),
		widgets.NewField(t.T("realname.status"), widget.NewLabel(t.T("realname.status."+string(rec.RealName.Status)))))
	province := b.division("realname.province", t.T("realname.province"), func(*domain.Record) string { return "" },
		func(r *domain.Record) string { return r.RealName.Province },
		func(r *domain.Record, c string) { r.RealName.Province, r.RealName.City = c, "" }, "", func() { s.ed.host.Rebuild(s.k) })
	city := b.division("realname.city", t.T("realname.city"), func(r *domain.Record) string { return r.RealName.Province },
		func(r *domain.Record) string { return r.RealName.City },
		func(r *domain.Record, c string) { r.RealName.City = c }, "", nil)
	front := b.image("realname.front", domain.AttIDFront, func(r *domain.Record) **domain.Attachment { return &r.RealName.Front })
	back := b.image("realname.back", domain.AttIDBack, func(r *domain.Record) **domain.Attachment { return &r.RealName.Back })
	hand := b.image("realname.handheld", domain.AttIDHandheld, func(r *domain.Record) **domain.Attachment { return &r.RealName.Handheld })
	return container.NewVBox(s.header(), who, widgets.FormGrid(province, city),
		container.NewGridWithColumns(2, fieldBox(front), fieldBox(back), fieldBox(hand)))
}

// fieldBox stacks a field's input over its message, for fields without a label.
func fieldBox(f *widgets.Field) fyne.CanvasObject { return container.NewVBox(f.Input, f.Msg) }
