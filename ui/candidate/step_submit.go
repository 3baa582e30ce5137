package candidate

import (
	"caiji/domain"
	"caiji/ui/widgets"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// submitStep is 预审与提交: the pre-audit's problems as one list (errors
// first, each with a jump to its field), the commitment, and 提交 — enabled
// only when no error is left.
type submitStep struct {
	baseStep
	list    *fyne.Container
	summary *widget.Label
	commit  *widgets.CheckBox
	submit  *widgets.Button
}

func newSubmitStep(ed *editor) *submitStep {
	s := &submitStep{baseStep: newBase(ed, "submit", "commitment")}
	ed.onChange = append(ed.onChange, s.refresh)
	return s
}

func (s *submitStep) build() fyne.CanvasObject {
	b, t := s.fresh(), s.ed.sess.Tr
	s.list = container.NewVBox()
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	var commitField *widgets.Field
	s.commit, commitField = b.check("commitment", t.T("submit.commitment"), func(r *domain.Record) bool { return r.Committed },
		func(r *domain.Record, on bool) { r.Committed = on })
	s.submit = widgets.NewIconButton(t.T("submit.button"), theme.MailSendIcon(), s.doSubmit)
	s.submit.Importance = widget.HighImportance
	s.refresh()
	return container.NewVBox(s.header(), s.summary, s.list, widget.NewSeparator(), commitField.Input, s.submit)
}

// refresh lists the current problems and enables 提交 when none is an error.
func (s *submitStep) refresh() {
	if s.list == nil {
		return
	}
	t, ed := s.ed.sess.Tr, s.ed
	s.list.RemoveAll()
	// The summary counts what the list shows; the commitment is the check
	// box below, with its own line.
	var listedErrs, notes int
	uncommitted := false
	for _, p := range ed.problems {
		if p.Code == domain.CodeCommitment {
			uncommitted = true
			continue
		}
		if p.Severity == domain.Warning {
			notes++
		} else {
			listedErrs++
		}
		p := p
		icon := widget.NewIcon(theme.ErrorIcon())
		if p.Severity == domain.Warning {
			icon = widget.NewIcon(theme.WarningIcon())
		}
		msg := widget.NewLabel(t.Msg(p.Msg))
		msg.Wrapping = fyne.TextWrapWord
		where := widget.NewLabel(t.T("step." + s.ed.stepOf(p.Field)))
		where.Importance = widget.LowImportance
		jump := widgets.NewButton(t.T("submit.jump"), func() { s.ed.host.JumpTo(p.Field) })
		s.list.Add(container.NewBorder(nil, nil, container.NewHBox(icon, where), jump, msg))
	}
	var lines []string
	switch {
	case !ed.editable():
		lines = append(lines, t.T("submit.done", t.Msg(ed.rec.Status.Name())))
	case listedErrs > 0:
		lines = append(lines, t.N("submit.errors", listedErrs, listedErrs))
	default:
		lines = append(lines, t.T("submit.no_errors"))
	}
	if ed.editable() {
		if notes > 0 {
			lines = append(lines, t.N("submit.notes", notes, notes))
		}
		if uncommitted {
			lines = append(lines, t.T("submit.commit_first"))
		}
	}
	s.summary.SetText(strings.Join(lines, "\n"))
	if ed.editable() && domain.Errors(ed.problems) == 0 {
		s.submit.Enable()
	} else {
		s.submit.Disable()
	}
}

func (s *submitStep) doSubmit() {
	ed := s.ed
	ed.flush()
	rec, err := ed.sess.Store.Submit(ed.sess.Context(), ed.sess.ID, ed.rec.ID, ed.sess.Cat)
	if err != nil {
		ed.sess.ShowError(err)
		return
	}
	ed.rec = rec
	ed.audit()
	ed.host.Relayout()
	ed.host.Select("result")
}
