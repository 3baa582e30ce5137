package packages

import (
	"errors"

	"caiji/caijipkg"
	"caiji/exchange"
	"caiji/storage"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Screen is the 数据包 tab of a station's staff (its administrator).
type Screen struct {
	sess   *session.Session
	keys   *caijipkg.Keys
	info   storage.StationInfo
	body   *fyne.Container
	bar    *widget.ProgressBar
	status *widget.Label
	result *fyne.Container
	busy   []*widget.Button // disabled while a transfer runs

	copy       *widget.Button  // a review station's recipient to the clipboard
	recipients *fyne.Container // a kiosk's departments and their recipients
	depts      *widget.Entry
	recipient  *widget.Entry
	add        *widget.Button

	// accept asks the administrator to accept a station not known yet.
	accept *dialog.ConfirmDialog

	// OnDone, if set, runs on the UI goroutine when an export or import
	// has ended, whatever its outcome.
	OnDone func()
}

// New makes the screen for the staff signed in as sess, with the station's
// keys.
func New(sess *session.Session, keys *caijipkg.Keys) *Screen {
	s := &Screen{sess: sess, keys: keys, bar: widget.NewProgressBar(), status: widgets.StatusLabel(), result: container.NewVBox()}
	s.bar.Hide()
	info, err := sess.Store.StationInfo(sess.Context())
	if err != nil {
		s.body = container.NewVBox(widgets.WrapLabel(s.errText(err)))
		return s
	}
	s.info = info
	t := sess.Tr
	progress := container.NewVBox(s.bar, s.status, s.result)
	if info.Kind == storage.StationReview {
		s.body = container.NewVBox(s.recipientCard(),
			widget.NewCard(t.T("pkg.import.title"), t.T("pkg.import.review"), s.button(t.T("pkg.import.choose"), s.chooseImport)),
			widget.NewCard(t.T("pkg.decisions.title"), t.T("pkg.decisions.subtitle"), s.button(t.T("pkg.export.choose"), s.chooseExport)),
			progress)
	} else {
		s.body = container.NewVBox(s.recipientsCard(),
			widget.NewCard(t.T("pkg.export.title"), t.T("pkg.export.subtitle"), s.button(t.T("pkg.export.choose"), s.chooseExport)),
			widget.NewCard(t.T("pkg.import.title"), t.T("pkg.import.kiosk"), s.button(t.T("pkg.import.choose"), s.chooseImport)),
			progress)
	}
	return s
}

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(s.body))
}

// button is an action that waits while a transfer runs.
func (s *Screen) button(label string, tapped func()) *fyne.Container {
	b := widget.NewButton(label, tapped)
	b.Importance = widget.HighImportance
	s.busy = append(s.busy, b)
	return container.NewHBox(b)
}

// running disables the actions (and shows the bar) while a transfer runs.
func (s *Screen) running(on bool) {
	for _, b := range s.busy {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if on {
		s.bar.SetValue(0)
		s.bar.Show()
		s.result.RemoveAll()
	} else {
		s.bar.Hide()
	}
}

// progress shows p on the bar, from the worker's goroutine.
func (s *Screen) progress(p exchange.Progress) {
	if p.Total <= 0 {
		return
	}
	s.sess.Do(func() { s.bar.SetValue(float64(p.Done) / float64(p.Total)) })
}

// errText is what the staff read of err: a package refusal names what is
// wrong and where, in the UI's language.
func (s *Screen) errText(err error) string {
	var pe *caijipkg.Error
	switch {
	case errors.As(err, &pe):
		return pe.Message(s.sess.Tr.Lang())
	case errors.Is(err, exchange.ErrNothingToExport):
		return s.sess.Tr.T("pkg.nothing")
	case errors.Is(err, storage.ErrReviewStation):
		return s.sess.Tr.T("pkg.err.review_station")
	}
	return s.sess.Tr.Err(err)
}

func (s *Screen) fail(err error) { s.say(s.errText(err), widget.DangerImportance) }

// say sets the screen's status line.
func (s *Screen) say(text string, imp widget.Importance) { widgets.SetStatus(s.status, text, imp) }

func (s *Screen) finished() {
	if s.OnDone != nil {
		s.OnDone()
	}
}

// line adds a line of text to the result.
func (s *Screen) line(text string, imp widget.Importance) {
	l := widgets.WrapLabel(text)
	l.Importance = imp
	s.result.Add(l)
}
