package export

import (
	"bytes"
	"sync"

	"caiji/report"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Sheet is a screen's 信息采集表 button: it makes the PDF of the record's
// latest submitted version off the UI goroutine (a sheet costs about 50 ms
// and 45 MB while it is made) and then offers to save it (Save). On the
// candidate's own copy a check box prints the ID number in full; every
// other copy masks it.
type Sheet struct {
	Button *widgets.Button
	// FullID is 显示完整证件号码, on the candidate's own copy only; nil on
	// a reviewer's.
	FullID *widget.Check
	Status *widget.Label

	sess   *session.Session
	record string
	// save hands the finished PDF on; Save, unless a test watches.
	save func(name string, data []byte)
	jobs sync.WaitGroup
}

// NewSheet makes the button for record; own is the candidate's own copy.
func NewSheet(sess *session.Session, record string, own bool) *Sheet {
	t := sess.Tr
	s := &Sheet{sess: sess, record: record, Status: widgets.StatusLabel()}
	s.save = func(name string, data []byte) { Save(sess, name, data) }
	s.Button = widgets.NewIconButton(t.T("sheet.make"), theme.DocumentPrintIcon(), s.make)
	if own {
		s.FullID = widget.NewCheck(t.T("sheet.full_id"), nil)
	}
	return s
}

// Content is the button, the check box and the status line.
func (s *Sheet) Content() fyne.CanvasObject {
	row := container.NewHBox(s.Button)
	if s.FullID != nil {
		row.Add(s.FullID)
	}
	return container.NewVBox(row, s.Status)
}

// Wait waits for the sheet being made, if any.
func (s *Sheet) Wait() { s.jobs.Wait() }

// make renders the sheet in the background and hands it to save on the UI
// goroutine, unless the session ended meanwhile.
func (s *Sheet) make() {
	sess := s.sess
	full := s.FullID != nil && s.FullID.Checked
	s.Button.Disable()
	widgets.SetStatus(s.Status, sess.Tr.T("sheet.making"), widget.MediumImportance)
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		name, pdf, err := Render(sess, s.record, full)
		sess.Do(func() {
			s.Button.Enable()
			if err != nil {
				widgets.SetStatus(s.Status, sess.Tr.Err(err), widget.DangerImportance)
				return
			}
			widgets.SetStatus(s.Status, "", widget.MediumImportance)
			s.save(name, pdf)
		})
	}()
}

// Render makes the 信息采集表 of record's latest submitted version in the
// session's language, with its photo, decision and consents, and returns
// its file name (report.SheetFileName) and bytes. fullID prints the ID
// number unmasked. It reads storage and renders: call it off the UI
// goroutine.
func Render(sess *session.Session, record string, fullID bool) (string, []byte, error) {
	src, err := sess.Store.SheetSource(sess.Context(), sess.ID, record)
	if err != nil {
		return "", nil, err
	}
	sheet := report.Sheet{Snapshot: src.Snapshot, Photo: src.Photo, Lang: sess.Tr.Lang(), FullID: fullID,
		Consents: src.Record.Consents, Creator: "Caiji"}
	if sess.Kiosk {
		sheet.Creator = "Caiji (kiosk)"
	}
	if d := src.Decision; d != nil {
		sheet.Decision = &report.Decision{Pass: d.Pass, Reasons: d.Reasons, Comment: d.Comment, Reviewer: src.Reviewer, At: d.At, RealName: d.RealName}
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, sheet, sess.Cat); err != nil {
		return "", nil, err
	}
	return report.SheetFileName(src.Record.Basic.Name, src.Record.Version), buf.Bytes(), nil
}
