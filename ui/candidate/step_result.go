package candidate

import (
	"caiji/ui/export"
	"caiji/ui/history"
	"caiji/ui/widgets"
	"context"
	"time"

	"caiji/domain"
	"caiji/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// resultStep is 审核结果: the status, when it was submitted, the working-day
// window in which a decision is due, and the province's collection deadline
// with the time left.
type resultStep struct {
	baseStep
	reasonRows              []*widget.Label
	reopen, change, discard *widgets.Button
	// sheet makes the 信息采集表 once the record has been submitted.
	sheet *export.Sheet
}

func newResultStep(ed *editor) *resultStep {
	return &resultStep{baseStep: newBase(ed, "result", "result")}
}

func (s *resultStep) build() fyne.CanvasObject {
	s.fresh()
	s.reasonRows = nil
	t, rec, cat := s.ed.sess.Tr, s.ed.rec, s.ed.sess.Cat
	now := s.ed.sess.Store.Now()
	status := widget.NewLabelWithStyle(t.Msg(rec.Status.Name()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	fields := []*widgets.Field{widgets.NewField(t.T("result.status"), status)}
	const layout = "2006-01-02 15:04"
	if !rec.SubmittedAt.IsZero() {
		fields = append(fields, widgets.NewField(t.T("result.submitted_at"), widget.NewLabel(rec.SubmittedAt.In(domain.Shanghai).Format(layout))))
		w := cat.Calendar.ReviewDue(s.countedFrom())
		due := t.T("result.window", w.Earliest.Format("2006-01-02"), w.Latest.Format("2006-01-02"))
		if !w.Complete {
			due += "\n" + t.T("result.no_holidays")
		}
		if w.Overdue(now) && rec.Status == domain.StatusSubmitted {
			due += "\n" + t.T("result.overdue")
		}
		l := widget.NewLabel(due)
		l.Wrapping = fyne.TextWrapWord
		fields = append(fields, widgets.NewField(t.T("result.due"), l))
	}
	fields = append(fields, s.receipt()...)
	if code := rec.Department.Code(); code != "" {
		fields = append(fields, widgets.NewField(t.T("department.name"), widget.NewLabel(cat.Divisions.Department(code))))
	}
	fields = append(fields, widgets.NewField(t.T("result.deadline"), widgets.WrapLabel(s.deadline(now)))) // long in English: it wraps
	parts := []fyne.CanvasObject{s.header(), widgets.FormGrid(fields...)}
	parts = append(parts, s.decision()...)
	parts = append(parts, s.actions()...)
	s.sheet = nil
	if !rec.SubmittedAt.IsZero() {
		s.sheet = export.NewSheet(s.ed.sess, rec.ID, true)
		parts = append(parts, widget.NewCard(t.T("sheet.title"), t.T("sheet.subtitle"), s.sheet.Content()))
	}
	parts = append(parts, history.View(s.ed.sess, rec.ID))
	return container.NewVBox(parts...)
}

// decision shows the latest decision: for a rejection each reason with a
// link to the fields it concerns.
func (s *resultStep) decision() []fyne.CanvasObject {
	t := s.ed.sess.Tr
	if s.ed.rec.Status.AwaitingReview() {
		return nil // a past decision is in the history; this round has none yet
	}
	ds, err := s.ed.sess.Store.Decisions(s.ed.sess.Context(), s.ed.sess.ID, s.ed.rec.ID)
	if err != nil || len(ds) == 0 {
		return nil
	}
	d := ds[len(ds)-1]
	box := container.NewVBox()
	if d.Pass {
		box.Add(widget.NewLabel(t.T("result.passed", d.At.In(domain.Shanghai).Format("2006-01-02"))))
	}
	for _, code := range d.Reasons {
		r := domain.ReasonByCode(code)
		if r == nil {
			continue
		}
		msg := widget.NewLabel(code + "  " + t.Msg(r.Msg))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.DangerImportance
		var jump fyne.CanvasObject = widget.NewLabel("")
		if len(r.Fields) > 0 && s.ed.editable() {
			field := r.Fields[0]
			jump = widgets.NewButton(t.T("submit.jump"), func() { s.ed.host.JumpTo(field) })
		}
		s.reasonRows = append(s.reasonRows, msg)
		box.Add(container.NewBorder(nil, nil, nil, jump, msg))
	}
	if d.Comment != "" {
		c := widget.NewLabel(t.T("result.comment", d.Comment))
		c.Wrapping = fyne.TextWrapWord
		box.Add(c)
	}
	return []fyne.CanvasObject{widget.NewCard(t.T("result.decision"), "", box)}
}

// actions offers the next step of the workflow: 修改 after a rejection,
// 信息变更 after approval, 放弃变更 during a change.
func (s *resultStep) actions() []fyne.CanvasObject {
	t, st, store := s.ed.sess.Tr, s.ed.rec.Status, s.ed.sess.Store
	run := func(f func(context.Context, storage.Session, string) (*domain.Record, error)) func() {
		return func() {
			rec, err := f(s.ed.sess.Context(), s.ed.sess.ID, s.ed.rec.ID)
			if err != nil {
				s.ed.sess.ShowError(err)
				return
			}
			s.ed.rec = rec
			s.ed.audit()
			s.ed.host.Relayout()
			if len(s.ed.rejected) > 0 && rec.Status.Editable() {
				s.ed.host.JumpTo(s.ed.rejected[0]) // 修改 starts at the first reason
			}
		}
	}
	s.reopen, s.change, s.discard = nil, nil, nil
	var out []fyne.CanvasObject
	switch {
	case st == domain.StatusRejected:
		s.reopen = widgets.NewButton(t.T("result.reopen"), run(store.Reopen))
		note := widget.NewLabel(t.T("result.reopen_note"))
		note.Wrapping = fyne.TextWrapWord
		out = append(out, s.reopen, note)
	case st == domain.StatusApproved:
		s.change = widgets.NewButton(t.T("result.open_change"), run(store.OpenChange))
		out = append(out, s.change)
	case st == domain.StatusChangeDraft || st == domain.StatusChangeRejected:
		note := widget.NewLabel(t.T("result.in_force"))
		note.Wrapping = fyne.TextWrapWord
		s.discard = widgets.NewButton(t.T("result.discard_change"), run(store.DiscardChange))
		out = append(out, note, s.discard)
	case st == domain.StatusChangeSubmitted:
		note := widget.NewLabel(t.T("result.in_force"))
		note.Wrapping = fyne.TextWrapWord
		out = append(out, note)
	}
	return out
}

// deadline describes the chosen province's collection deadline for the next
// exam (by the Beijing date): its time left, that it has passed, or that it
// is not published yet — never another year's deadline in its place.
func (s *resultStep) deadline(now time.Time) string {
	t, rec := s.ed.sess.Tr, s.ed.rec
	prov := rec.Department.Province
	if prov == "" {
		return t.T("result.deadline.no_province")
	}
	year := domain.NextExamYear(now)
	d := s.ed.sess.Cat.DeadlineFor(prov, year)
	if d == nil {
		return t.T("result.deadline.unpublished", year)
	}
	at := d.At.In(domain.Shanghai).Format("2006-01-02 15:04")
	left := d.TimeLeft(now)
	if left < 0 {
		return t.T("result.deadline.passed", d.Year, at)
	}
	hours := int(left.Hours())
	return t.T("result.deadline.left", d.Year, at, t.N("time.days", hours/24, hours/24), t.N("time.hours", hours%24, hours%24))
}
