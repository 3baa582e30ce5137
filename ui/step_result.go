package ui

import (
	"time"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// resultStep is 审核结果: the status, when it was submitted, the working-day
// window in which a decision is due, and the province's collection deadline
// with the time left.
type resultStep struct{ baseStep }

func newResultStep(ed *editor) *resultStep { return &resultStep{newBase(ed, "result", "result")} }

func (s *resultStep) build() fyne.CanvasObject {
	s.fresh()
	t, rec, cat := s.ed.app.tr, s.ed.rec, s.ed.app.cat
	now := s.ed.app.store.Now()
	status := widget.NewLabelWithStyle(t.Msg(rec.Status.Name()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	fields := []*field{newField(t.T("result.status"), status)}
	const layout = "2006-01-02 15:04"
	if !rec.SubmittedAt.IsZero() {
		fields = append(fields, newField(t.T("result.submitted_at"), widget.NewLabel(rec.SubmittedAt.In(domain.Shanghai).Format(layout))))
		w := cat.Calendar.ReviewDue(rec.SubmittedAt)
		due := t.T("result.window", w.Earliest.Format("2006-01-02"), w.Latest.Format("2006-01-02"))
		if !w.Complete {
			due += "\n" + t.T("result.no_holidays")
		}
		if w.Overdue(now) && rec.Status == domain.StatusSubmitted {
			due += "\n" + t.T("result.overdue")
		}
		l := widget.NewLabel(due)
		l.Wrapping = fyne.TextWrapWord
		fields = append(fields, newField(t.T("result.due"), l))
	}
	if code := rec.Department.Code(); code != "" {
		fields = append(fields, newField(t.T("department.name"), widget.NewLabel(cat.Divisions.Department(code))))
	}
	fields = append(fields, newField(t.T("result.deadline"), widget.NewLabel(s.deadline(now))))
	return container.NewVBox(s.header(), formGrid(fields...))
}

// deadline describes the chosen province's collection deadline.
func (s *resultStep) deadline(now time.Time) string {
	t, rec := s.ed.app.tr, s.ed.rec
	prov := rec.Department.Province
	if prov == "" {
		return t.T("result.deadline.no_province")
	}
	d := s.ed.app.cat.DeadlineFor(prov)
	if d == nil {
		return t.T("result.deadline.unknown")
	}
	at := d.At.In(domain.Shanghai).Format("2006-01-02 15:04")
	left := d.TimeLeft(now)
	if left < 0 {
		return t.T("result.deadline.passed", d.Year, at)
	}
	return t.T("result.deadline.left", d.Year, at, int(left.Hours())/24, int(left.Hours())%24)
}
