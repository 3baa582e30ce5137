package candidate

import (
	"caiji/ui/widgets"
	"fmt"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// educationStep is 教育经历: rows of obtained qualifications with their
// certificate numbers and scans, and the student case (在校证明).
type educationStep struct{ baseStep }

func newEducationStep(ed *editor) *educationStep {
	return &educationStep{newBase(ed, "education", "education", "enrolment")}
}

func (s *educationStep) build() fyne.CanvasObject {
	b, t := s.fresh(), s.ed.sess.Tr
	opts := &s.ed.sess.Cat.Options
	_, student := b.check("student", t.T("education.student"), func(r *domain.Record) bool { return r.Student },
		func(r *domain.Record, on bool) { r.Student = on })
	s.rebuildOnChange(student)
	top := []fyne.CanvasObject{s.header(), fieldBox(student)}
	if s.ed.rec.Student {
		enrol := b.image("enrolment", domain.AttEnrolment, func(r *domain.Record) **domain.Attachment { return &r.Enrolment })
		top = append(top, fieldBox(enrol))
	}
	rows := func(r *domain.Record) *[]domain.Education { return &r.Education }
	list := rowList(&s.baseStep, t.T("education.row"), rows, func(i int) fyne.CanvasObject {
		row := func(r *domain.Record) *domain.Education { return at(r.Education, i) }
		p := func(name string) string { return fmt.Sprintf("education[%d].%s", i, name) }
		str := func(name, label string, f func(*domain.Education) *string) *widgets.Field {
			return b.text(p(name), label, func(r *domain.Record) string { return *f(row(r)) },
				func(r *domain.Record, v string) { *f(row(r)) = v })
		}
		choose := func(name, label string, list []domain.Option, f func(*domain.Education) *string) *widgets.Field {
			return b.choice(p(name), label, list, func(r *domain.Record) string { return *f(row(r)) },
				func(r *domain.Record, v string) { *f(row(r)) = v })
		}
		mon := func(name, label string, f func(*domain.Education) *domain.Month) *widgets.Field {
			return b.month(p(name), label, func(r *domain.Record) domain.Month { return *f(row(r)) },
				func(r *domain.Record, m domain.Month) { *f(row(r)) = m })
		}
		e := row(s.ed.rec)
		_, foreign := b.check(p("foreign"), t.T("education.foreign"), func(r *domain.Record) bool { return row(r).Foreign },
			func(r *domain.Record, on bool) { row(r).Foreign = on })
		fields := []*widgets.Field{
			choose("mode", t.T("education.mode"), opts.StudyModes, func(e *domain.Education) *string { return &e.Mode }),
			str("school", t.T("education.school"), func(e *domain.Education) *string { return &e.School }),
			choose("level", t.T("education.level"), opts.LevelOptions(), func(e *domain.Education) *string { return &e.Level }),
			s.rebuildOnChange(choose("degree", t.T("education.degree"), opts.Degrees, func(e *domain.Education) *string { return &e.Degree })),
			str("major", t.T("education.major"), func(e *domain.Education) *string { return &e.Major }),
			mon("start", t.T("education.start"), func(e *domain.Education) *domain.Month { return &e.Start }),
			mon("end", t.T("education.end"), func(e *domain.Education) *domain.Month { return &e.End }),
			foreign,
			b.text(p("diploma_no"), t.T("education.diploma_no"), func(r *domain.Record) string { return row(r).DiplomaNo },
				func(r *domain.Record, v string) { row(r).DiplomaNo = domain.NormalizeCertNo(v) }),
		}
		if e.Degree != "" && e.Degree != "0" {
			fields = append(fields, b.text(p("degree_no"), t.T("education.degree_no"), func(r *domain.Record) string { return row(r).DegreeNo },
				func(r *domain.Record, v string) { row(r).DegreeNo = domain.NormalizeCertNo(v) }))
		}
		dip := b.image(p("diploma"), domain.AttDiploma, func(r *domain.Record) **domain.Attachment { return &row(r).Diploma })
		scans := []fyne.CanvasObject{fieldBox(dip)}
		if e.Degree != "" && e.Degree != "0" {
			deg := b.image(p("degree_cert"), domain.AttDegree, func(r *domain.Record) **domain.Attachment { return &row(r).DegreeCert })
			scans = append(scans, fieldBox(deg))
		}
		return container.NewVBox(widgets.FormGrid(fields...), container.NewGridWithColumns(2, scans...))
	})
	return container.NewVBox(append(top, s.ed.register("education", widgets.NewField("", list)).Msg, list)...)
}
