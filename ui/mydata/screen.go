package mydata

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"

	"caiji/storage"
	"caiji/ui/export"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Host is what the window does once the person is deleted.
type Host interface {
	// Deleted runs after the person's data left this station: the window
	// forgets their hub sign-in, signs out and says so.
	Deleted(account string)
}

// Screen is 我的数据: export and delete.
type Screen struct {
	sess *session.Session
	host Host

	Export       *widgets.Button
	ExportStatus *widget.Label

	// Warning says what deleting would lose; Accept is ticked to accept
	// it, shown only with a warning.
	Warning  *widget.Label
	Accept   *widget.Check
	Password *widget.Entry
	Delete   *widgets.Button
	Status   *widget.Label

	// save hands the finished archive on; export.Save unless a test watches.
	save func(name string, data []byte)
	// confirm asks before deleting; a dialog unless a test answers.
	confirm func(yes func())
	jobs    sync.WaitGroup
}

// New builds 我的数据 for sess.
func New(sess *session.Session, host Host) *Screen {
	t := sess.Tr
	s := &Screen{sess: sess, host: host, ExportStatus: widgets.StatusLabel(), Status: widgets.StatusLabel()}
	s.save = func(name string, data []byte) { export.Save(sess, name, data) }
	s.confirm = func(yes func()) {
		d := dialog.NewConfirm(t.T("mydata.delete.title"), t.T("mydata.delete.confirm"), func(ok bool) {
			if ok {
				yes()
			}
		}, sess.Win)
		d.SetConfirmText(t.T("mydata.delete"))
		d.SetDismissText(t.T("dialog.cancel"))
		sess.Show(d)
	}
	s.Export = widgets.NewIconButton(t.T("mydata.export"), theme.DownloadIcon(), s.makeArchive)
	s.Warning = widget.NewLabel("")
	s.Warning.Wrapping = fyne.TextWrapWord
	s.Warning.Importance = widget.WarningImportance
	s.Accept = widget.NewCheck(t.T("mydata.delete.accept"), nil)
	s.Password = widget.NewPasswordEntry()
	s.Password.SetPlaceHolder(t.T("mydata.delete.password"))
	s.Delete = widgets.NewIconButton(t.T("mydata.delete"), theme.DeleteIcon(), s.askDelete)
	s.Delete.Importance = widget.DangerImportance
	s.Password.OnSubmitted = func(string) { s.askDelete() }
	s.warn()
	return s
}

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject {
	t := s.sess.Tr
	text := func(key string) *widget.Label {
		l := widget.NewLabel(t.T(key))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	exportCard := widget.NewCard(t.T("mydata.export.title"), "", container.NewVBox(text("mydata.export.intro"), container.NewHBox(s.Export), s.ExportStatus))
	deleteCard := widget.NewCard(t.T("mydata.delete.title"), "", container.NewVBox(text("mydata.delete.intro"), s.Warning, s.Accept,
		widgets.FormGrid(widgets.NewField(t.T("account.password"), s.Password)), container.NewHBox(s.Delete), s.Status))
	return container.NewVScroll(container.NewPadded(container.NewVBox(exportCard, deleteCard)))
}

// warn says what deleting would lose: versions the hub has not confirmed,
// or, with no hub, that this station holds the only copy.
func (s *Screen) warn() {
	t, ctx := s.sess.Tr, s.sess.Context()
	info, err := s.sess.Store.StationInfo(ctx)
	pending, perr := s.sess.Store.Unconfirmed(ctx, s.sess.ID)
	var lines []string
	switch {
	case err != nil || perr != nil:
		lines = append(lines, t.Err(errors.Join(err, perr)))
	case info.Hub == "":
		lines = append(lines, t.T("mydata.warn.only_copy"))
	case len(pending) > 0:
		vs := make([]string, len(pending))
		for i, v := range pending {
			vs[i] = strconv.Itoa(v)
		}
		lines = append(lines, t.T("mydata.warn.unconfirmed", strings.Join(vs, "、")))
	}
	s.Warning.SetText(strings.Join(lines, "\n"))
	s.Warning.Hidden = len(lines) == 0
	s.Accept.Hidden = len(lines) == 0
	s.Accept.SetChecked(false)
}

// makeArchive makes the zip in the background and offers it to save.
func (s *Screen) makeArchive() {
	sess := s.sess
	s.Export.Disable()
	widgets.SetStatus(s.ExportStatus, sess.Tr.T("mydata.export.making"), widget.MediumImportance)
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		name, data, err := Archive(sess)
		sess.Do(func() {
			s.Export.Enable()
			if err != nil {
				widgets.SetStatus(s.ExportStatus, sess.Tr.Err(err), widget.DangerImportance)
				return
			}
			widgets.SetStatus(s.ExportStatus, "", widget.MediumImportance)
			s.save(name, data)
		})
	}()
}

// askDelete checks what can be checked here, asks once more, and deletes.
func (s *Screen) askDelete() {
	t := s.sess.Tr
	switch {
	case s.Password.Text == "":
		widgets.SetStatus(s.Status, t.T("mydata.delete.need_password"), widget.DangerImportance)
		return
	case s.Accept.Visible() && !s.Accept.Checked:
		widgets.SetStatus(s.Status, t.T("mydata.delete.need_accept"), widget.DangerImportance)
		return
	}
	s.confirm(s.delete)
}

// delete deletes the person in the background (the database is rewritten
// so their bytes are gone from its files), then hands over to the window.
func (s *Screen) delete() {
	sess := s.sess
	password, accept := s.Password.Text, s.Accept.Visible() && s.Accept.Checked
	s.Password.SetText("")
	s.Delete.Disable()
	widgets.SetStatus(s.Status, sess.Tr.T("mydata.delete.running"), widget.MediumImportance)
	account := sess.Account.UUID
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		err := sess.Store.DeleteMe(context.WithoutCancel(sess.Context()), sess.ID, password, accept)
		sess.Do(func() {
			s.Delete.Enable()
			switch {
			case errors.Is(err, storage.ErrBadCredentials):
				widgets.SetStatus(s.Status, sess.Tr.T("mydata.delete.wrong_password"), widget.DangerImportance)
			case errors.Is(err, storage.ErrUnconfirmed):
				s.warn()
				widgets.SetStatus(s.Status, sess.Tr.T("mydata.delete.need_accept"), widget.DangerImportance)
			case err != nil:
				widgets.SetStatus(s.Status, sess.Tr.Err(err), widget.DangerImportance)
			default:
				s.host.Deleted(account)
			}
		})
	}()
}

// Wait waits for the export or deletion running, if any.
func (s *Screen) Wait() { s.jobs.Wait() }
