package candidate

import (
	"caiji/ui/widgets"
	"fmt"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// qualificationsStep is 专业技术资格, in the navigator only for scope A.
type qualificationsStep struct{ baseStep }

func newQualificationsStep(ed *editor) *qualificationsStep {
	return &qualificationsStep{newBase(ed, "qualifications", "qualifications")}
}

func (s *qualificationsStep) build() fyne.CanvasObject {
	b, t := s.fresh(), s.ed.sess.Tr
	opts := &s.ed.sess.Cat.Options
	list := rowList(&s.baseStep, t.T("qualifications.row"), func(r *domain.Record) *[]domain.Qualification { return &r.Qualifications },
		func(i int) fyne.CanvasObject {
			row := func(r *domain.Record) *domain.Qualification { return at(r.Qualifications, i) }
			p := func(name string) string { return fmt.Sprintf("qualifications[%d].%s", i, name) }
			level := b.choice(p("level"), t.T("qualifications.level"), opts.QualificationLevels,
				func(r *domain.Record) string { return row(r).Level }, func(r *domain.Record, v string) { row(r).Level = v })
			obtained := b.month(p("obtained"), t.T("qualifications.obtained"),
				func(r *domain.Record) domain.Month { return row(r).Obtained }, func(r *domain.Record, m domain.Month) { row(r).Obtained = m })
			no := b.text(p("cert_no"), t.T("qualifications.cert_no"),
				func(r *domain.Record) string { return row(r).CertNo }, func(r *domain.Record, v string) { row(r).CertNo = v })
			cert := b.image(p("cert"), domain.AttQualification, func(r *domain.Record) **domain.Attachment { return &row(r).Cert })
			return container.NewGridWithColumns(2, widgets.FormGrid(level, obtained, no), fieldBox(cert))
		})
	return container.NewVBox(s.header(), s.ed.register("qualifications", widgets.NewField("", list)).Msg, list)
}
