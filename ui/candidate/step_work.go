package candidate

import (
	"caiji/ui/widgets"
	"fmt"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// workStep is 工作经历: jobs with their 会计专业工作经历 rows and proofs, and
// the 居住证明 of people without a current job.
type workStep struct{ baseStep }

func newWorkStep(ed *editor) *workStep {
	return &workStep{newBase(ed, "work", "work", "residence")}
}

func (s *workStep) build() fyne.CanvasObject {
	b, t, rec := s.fresh(), s.ed.sess.Tr, s.ed.rec
	opts := &s.ed.sess.Cat.Options
	list := rowList(&s.baseStep, t.T("work.row"), func(r *domain.Record) *[]domain.Work { return &r.Work }, func(i int) fyne.CanvasObject {
		row := func(r *domain.Record) *domain.Work { return at(r.Work, i) }
		p := func(name string) string { return fmt.Sprintf("work[%d].%s", i, name) }
		str := func(name, label string, f func(*domain.Work) *string) *widgets.Field {
			return b.text(p(name), label, func(r *domain.Record) string { return *f(row(r)) }, func(r *domain.Record, v string) { *f(row(r)) = v })
		}
		w := row(rec)
		_, current := b.check(p("current"), t.T("work.current"), func(r *domain.Record) bool { return row(r).Current },
			func(r *domain.Record, on bool) {
				row(r).Current = on
				if on {
					row(r).End = 0
				}
			})
		_, hasAcc := b.check(p("has_accounting"), t.T("work.has_accounting"), func(r *domain.Record) bool { return row(r).HasAccounting },
			func(r *domain.Record, on bool) { row(r).HasAccounting = on })
		fields := []*widgets.Field{
			b.month(p("start"), t.T("work.start"), func(r *domain.Record) domain.Month { return row(r).Start }, func(r *domain.Record, m domain.Month) { row(r).Start = m }),
		}
		if !w.Current {
			fields = append(fields, b.month(p("end"), t.T("work.end"), func(r *domain.Record) domain.Month { return row(r).End }, func(r *domain.Record, m domain.Month) { row(r).End = m }))
		}
		phone := str("phone", t.T("work.phone"), func(w *domain.Work) *string { return &w.Phone })
		phone.Input.(*widgets.BlurEntry).SetPlaceHolder(t.T("work.phone.hint"))
		fields = append(fields, s.rebuildOnChange(current),
			str("employer", t.T("work.employer"), func(w *domain.Work) *string { return &w.Employer }),
			b.text(p("credit_code"), t.T("work.credit_code"), func(r *domain.Record) string { return row(r).CreditCode },
				func(r *domain.Record, v string) { row(r).CreditCode = domain.NormalizeCreditCode(v) }),
			b.choice(p("unit_type"), t.T("work.unit_type"), opts.UnitTypeOptions(), func(r *domain.Record) string { return row(r).UnitType }, func(r *domain.Record, v string) { row(r).UnitType = v }),
			b.choice(p("industry"), t.T("work.industry"), opts.Industries, func(r *domain.Record) string { return row(r).Industry }, func(r *domain.Record, v string) { row(r).Industry = v }),
			str("address", t.T("work.address"), func(w *domain.Work) *string { return &w.Address }),
			phone, s.rebuildOnChange(hasAcc))
		parts := []fyne.CanvasObject{widgets.FormGrid(fields...)}
		if w.Current {
			si := b.image(p("social_insurance"), domain.AttSocialInsurance, func(r *domain.Record) **domain.Attachment { return &row(r).SocialInsurance })
			parts = append(parts, fieldBox(si))
		}
		if w.HasAccounting {
			parts = append(parts, s.ed.register(p("posts"), widgets.NewField("", nil)).Msg, s.posts(b, i))
		}
		return container.NewVBox(parts...)
	})
	out := []fyne.CanvasObject{s.header(), s.ed.register("work", widgets.NewField("", list)).Msg, list}
	if !rec.Employed() && !rec.Student {
		res := b.image("residence", domain.AttResidence, func(r *domain.Record) **domain.Attachment { return &r.Residence })
		note := widget.NewLabel(t.T("work.residence_note"))
		note.Wrapping = fyne.TextWrapWord
		out = append(out, note, fieldBox(res))
	}
	return container.NewVBox(out...)
}

// posts is the 会计专业工作经历 list inside job i.
func (s *workStep) posts(b *binder, i int) fyne.CanvasObject {
	t, opts := s.ed.sess.Tr, &s.ed.sess.Cat.Options
	rows := func(r *domain.Record) *[]domain.AccountingPost { return &at(r.Work, i).Posts }
	return rowList(&s.baseStep, t.T("work.post_row"), rows, func(j int) fyne.CanvasObject {
		row := func(r *domain.Record) *domain.AccountingPost { return at(at(r.Work, i).Posts, j) }
		p := func(name string) string { return fmt.Sprintf("work[%d].posts[%d].%s", i, j, name) }
		ap := row(s.ed.rec)
		_, current := b.check(p("current"), t.T("work.current"), func(r *domain.Record) bool { return row(r).Current },
			func(r *domain.Record, on bool) {
				row(r).Current = on
				if on {
					row(r).End = 0
				}
			})
		fields := []*widgets.Field{
			b.month(p("start"), t.T("work.start"), func(r *domain.Record) domain.Month { return row(r).Start }, func(r *domain.Record, m domain.Month) { row(r).Start = m }),
		}
		if !ap.Current {
			fields = append(fields, b.month(p("end"), t.T("work.end"), func(r *domain.Record) domain.Month { return row(r).End }, func(r *domain.Record, m domain.Month) { row(r).End = m }))
		}
		fields = append(fields, s.rebuildOnChange(current),
			b.choice(p("post"), t.T("work.post"), opts.AccountingPosts, func(r *domain.Record) string { return row(r).Post }, func(r *domain.Record, v string) { row(r).Post = v }),
			s.rebuildOnChange(b.choice(p("title"), t.T("work.title"), opts.Titles, func(r *domain.Record) string { return row(r).Title }, func(r *domain.Record, v string) { row(r).Title = v })))
		var scans []fyne.CanvasObject
		if ap.Title != "" && ap.Title != "0" {
			fields = append(fields, b.month(p("appointed_at"), t.T("work.appointed_at"), func(r *domain.Record) domain.Month { return row(r).AppointedAt }, func(r *domain.Record, m domain.Month) { row(r).AppointedAt = m }))
			app := b.image(p("appointment"), domain.AttAppointment, func(r *domain.Record) **domain.Attachment { return &row(r).Appointment })
			scans = append(scans, fieldBox(app))
		}
		if s.ed.rec.HasScope(domain.ScopeAccounting) {
			proof := b.image(p("proof"), domain.AttAccountingProof, func(r *domain.Record) **domain.Attachment { return &row(r).Proof })
			scans = append(scans, fieldBox(proof))
		}
		return container.NewVBox(widgets.FormGrid(fields...), container.NewGridWithColumns(2, scans...))
	})
}
