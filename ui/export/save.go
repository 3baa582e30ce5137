package export

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Save offers a document to keep: on a PC a file dialog (name proposed)
// and then to open the file with the system viewer; on a kiosk removable
// media or the printer. It runs on the UI goroutine.
func Save(sess *session.Session, name string, data []byte) {
	if sess.Kiosk {
		saveOnKiosk(sess, name, data)
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil || !sess.Live() {
			if wc != nil {
				wc.Close()
			}
			return
		}
		if err := write(wc, data); err != nil {
			sess.ShowError(err)
			return
		}
		offerToOpen(sess, wc.URI())
	}, sess.Win)
	d.SetFileName(name)
	sess.Show(d)
}

// write writes data and closes wc; a short or failed write is an error.
func write(wc fyne.URIWriteCloser, data []byte) error {
	_, err := wc.Write(data)
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	return err
}

// offerToOpen says where the file went and offers the system viewer.
func offerToOpen(sess *session.Session, u fyne.URI) {
	t := sess.Tr
	d := dialog.NewConfirm(t.T("export.saved.title"), t.T("export.saved", u.Path()), func(open bool) {
		if !open {
			return
		}
		fileURL := &url.URL{Scheme: "file", Path: filepath.ToSlash(u.Path())}
		if err := fyne.CurrentApp().OpenURL(fileURL); err != nil {
			sess.ShowError(err)
		}
	}, sess.Win)
	d.SetConfirmText(t.T("export.open"))
	d.SetDismissText(t.T("dialog.close"))
	sess.Show(d)
}

// saveOnKiosk offers the removable media found now and, where a printer
// spooler exists, the printer. With neither, it says to insert a USB drive.
func saveOnKiosk(sess *session.Session, name string, data []byte) {
	t := sess.Tr
	drives := removableDrives()
	printer := canPrint(name)
	if len(drives) == 0 && !printer {
		sess.Show(widgets.Inform(sess.Tr, t.T("export.kiosk.title"), t.T("export.kiosk.no_drive"), sess.Win))
		return
	}
	var d dialog.Dialog
	box := container.NewVBox(widget.NewLabel(t.T("export.kiosk.where")))
	for _, drive := range drives {
		box.Add(widgets.NewIconButton(t.T("export.kiosk.drive", drive), theme.DocumentSaveIcon(), func() {
			d.Hide()
			saveToDrive(sess, drive, name, data)
		}))
	}
	if printer {
		box.Add(widgets.NewIconButton(t.T("export.kiosk.print"), theme.DocumentPrintIcon(), func() {
			d.Hide()
			printInBackground(sess, name, data)
		}))
	}
	if len(drives) == 0 {
		box.Add(widget.NewLabel(t.T("export.kiosk.no_drive")))
	}
	d = dialog.NewCustom(t.T("export.kiosk.title"), t.T("dialog.close"), box, sess.Win)
	sess.Show(d)
}

// saveToDrive opens a save dialog on a removable drive and refuses a
// destination outside every removable drive.
func saveToDrive(sess *session.Session, drive, name string, data []byte) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil || !sess.Live() {
			if wc != nil {
				wc.Close()
			}
			return
		}
		if !onRemovable(wc.URI().Path()) {
			wc.Close()
			os.Remove(wc.URI().Path())
			sess.Show(widgets.Inform(sess.Tr, sess.Tr.T("export.kiosk.title"), sess.Tr.T("export.kiosk.not_removable"), sess.Win))
			return
		}
		if err := write(wc, data); err != nil {
			sess.ShowError(err)
			return
		}
		sess.Show(widgets.Inform(sess.Tr, sess.Tr.T("export.saved.title"), sess.Tr.T("export.saved_drive", wc.URI().Path()), sess.Win))
	}, sess.Win)
	if l, err := storage.ListerForURI(storage.NewFileURI(drive)); err == nil {
		d.SetLocation(l)
	}
	d.SetFileName(name)
	sess.Show(d)
}

// onRemovable reports whether path lies on one of the removable drives.
func onRemovable(path string) bool {
	for _, d := range removableDrives() {
		rel, err := filepath.Rel(d, path)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// canPrint reports whether a document can go to a printer: a PDF, and the
// CUPS client (lp) installed.
func canPrint(name string) bool {
	if filepath.Ext(name) != ".pdf" {
		return false
	}
	_, err := exec.LookPath("lp")
	return err == nil
}

// printInBackground sends data to the printer off the UI goroutine (lp
// waits on the print spooler, which may be slow or hung, and the window
// must not freeze meanwhile) and says how it went, unless the session has
// ended by then. The session's private folder is made here, on the UI
// goroutine, where End removes it.
func printInBackground(sess *session.Session, name string, data []byte) {
	t := sess.Tr
	dir, err := sess.TempDir()
	if err != nil {
		sess.ShowError(err)
		return
	}
	go func() {
		err := print(dir, name, data)
		sess.Do(func() {
			if err != nil {
				sess.ShowError(err)
				return
			}
			sess.Show(widgets.Inform(t, t.T("export.kiosk.title"), t.T("export.kiosk.printed"), sess.Win))
		})
	}()
}

// print sends data to the default printer through a file in dir, the
// session's private folder, removed when the session ends.
func print(dir, name string, data []byte) error {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return err
	}
	out, err := exec.Command("lp", "-t", name, "--", path).CombinedOutput()
	if err != nil {
		return fmt.Errorf("lp: %v: %s", err, out)
	}
	return nil
}
