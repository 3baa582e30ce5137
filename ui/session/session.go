// Package session is a signed-in account's time at the window, as a value
// that every screen, picker and job is built for: its storage handle, its
// account, and a context that ends at sign-out, with what ends with it
// (dialogs, previews, the clipboard's copy of its data).
package session

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"

	"caiji/domain"
	"caiji/storage"
	"caiji/ui/filedialog"
	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// LastFolderKey is where Fyne's file dialog remembers the folder it last
// showed (fyne.io/fyne/v2/dialog); on a kiosk that folder is the previous
// candidate's.
const LastFolderKey = "fyne:fileDialogLastFolder"

// Session is one signed-in account's time at the window, as a value: the
// storage session every call is checked against, the account as read at
// sign-in (for display only), and a context that ends at sign-out. Every
// screen, picker and image job is built for one Session; when it ends,
// jobs still running see its context cancelled and drop their results,
// its dialogs close, and storage refuses its handle — so nothing of one
// candidate can land in the next one's record or screen.
type Session struct {
	Store   *storage.Store
	Cat     *domain.Catalog
	Tr      *i18n.Translator
	Win     fyne.Window
	ID      storage.Session
	Account storage.Account
	By      storage.LoginBy
	// Kiosk: the station is shared by strangers (its kind, or -kiosk), so
	// documents leave it on removable media or paper only, and files are
	// chosen with Caiji's own dialog (no recent files, no last folder).
	Kiosk bool

	ctx    context.Context
	cancel context.CancelFunc
	// previews caches the previews of stored images, for this session only.
	previews widgets.PreviewCache
	// dialogs are the dialogs open for this session, closed at its end.
	dialogs Dialogs
	// shown are the documents the session's screens showed (the record, a
	// case under review), by what they are: what the clipboard is checked
	// against at sign-out.
	shown map[string][]byte
	// temp is the session's private folder for files made for it (a sheet
	// sent to the printer); removed with everything in it at its end.
	temp string
}

// New starts the UI's side of a sign-in to store for window win.
func New(store *storage.Store, cat *domain.Catalog, tr *i18n.Translator, win fyne.Window, in storage.SignIn) *Session {
	ctx, cancel := context.WithCancel(context.Background())
	return &Session{Store: store, Cat: cat, Tr: tr, Win: win, ID: in.Session, Account: in.Account, By: in.By, ctx: ctx, cancel: cancel}
}

// Context is cancelled when the session ends.
func (s *Session) Context() context.Context { return s.ctx }

// Live reports whether the session has not ended.
func (s *Session) Live() bool { return s.ctx.Err() == nil }

// Do runs f on the UI goroutine and waits for it, unless the session has
// ended by then: a job's late result is dropped, never shown to the next
// person.
func (s *Session) Do(f func()) {
	fyne.DoAndWait(func() {
		if s.Live() {
			f()
		}
	})
}

// Show shows d for this session; it closes when the session ends.
func (s *Session) Show(d dialog.Dialog) { s.dialogs.Show(d) }

// CloseDialog closes the session's newest open dialog (Escape) and
// reports whether there was one.
func (s *Session) CloseDialog() bool { return s.dialogs.CloseTop() }

// ShowError reports a storage or input error in a dialog of the session.
func (s *Session) ShowError(err error) {
	s.Show(widgets.Inform(s.Tr, s.Tr.T("dialog.error"), s.Tr.Err(err), s.Win))
}

// Showing records that the session's screens now show v (as JSON) under
// key, replacing what they showed under key before.
func (s *Session) Showing(key string, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		return
	}
	if s.shown == nil {
		s.shown = map[string][]byte{}
	}
	s.shown[key] = body
}

// clearClipboard empties the clipboard if it holds text that came from
// the session — a value of its account or of a document its screens
// showed — and leaves anything else the user copied alone.
func (s *Session) clearClipboard() {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	cb := app.Clipboard()
	text := strings.TrimSpace(cb.Content())
	if text == "" {
		return
	}
	a := s.Account
	mine := slices.Contains([]string{a.IDNumber, a.Phone, a.Name}, text)
	for _, doc := range s.shown {
		quoted, _ := json.Marshal(text)
		mine = mine || bytes.Contains(doc, quoted[1:len(quoted)-1])
	}
	if mine {
		cb.SetContent("")
	}
}

// TempDir returns the session's private temporary folder, made on first
// use (0700); End removes it with everything in it.
func (s *Session) TempDir() (string, error) {
	if s.temp == "" {
		dir, err := os.MkdirTemp("", "caiji-session-")
		if err != nil {
			return "", err
		}
		s.temp = dir
	}
	return s.temp, nil
}

// Holder is the account the record belongs to, for the pre-audit.
func (s *Session) Holder() domain.Holder {
	return domain.Holder{IDType: s.Account.IDType, IDNumber: s.Account.IDNumber, Name: s.Account.Name}
}

// End empties the clipboard of what came from the session, cancels its
// context (jobs stop and drop their results), removes its temporary files,
// closes its dialogs and every overlay still on the window (drop-downs,
// pop-ups), ends the storage session, forgets its previews, and leaves the
// next file dialog no trace of the folders it visited.
func (s *Session) End() {
	s.clearClipboard()
	s.cancel()
	s.dialogs.CloseAll()
	if s.Win != nil {
		ov := s.Win.Canvas().Overlays()
		for _, o := range ov.List() {
			ov.Remove(o)
		}
	}
	s.Store.SignOut(s.ID)
	s.previews.Reset()
	if s.temp != "" {
		if err := os.RemoveAll(s.temp); err != nil {
			fyne.LogError("session: remove temporary files", err)
		}
		s.temp = ""
	}
	if app := fyne.CurrentApp(); app != nil {
		app.Preferences().RemoveValue(LastFolderKey)
	}
}

// PickerEnv is what the image pickers of one record's screens share: the
// record's images in storage, the session's context, dialogs and previews;
// later runs work once the screen is laid out.
func (s *Session) PickerEnv(recordID string, later func(func())) widgets.PickerEnv {
	return widgets.PickerEnv{Tr: s.Tr, Win: s.Win, Rules: s.Cat.Photo, Store: recordImages{s, recordID}, Ctx: s.ctx,
		Previews: &s.previews, Show: s.Show, Later: later, ChooseFile: s.chooseFile}
}

// chooseFile asks for an image file for this session: its dialog closes
// at sign-out and starts, like every one, in the pictures folder.
func (s *Session) chooseFile(chosen func(path string)) {
	filedialog.Open(s.ctx, filedialog.Options{Tr: s.Tr, Win: s.Win, Kiosk: s.Kiosk, Show: s.Show}, chosen)
}

// recordImages is the image store of one record of one session.
type recordImages struct {
	sess     *Session
	recordID string
}

// Put stores data as an image of kind for the record.
func (r recordImages) Put(kind domain.AttachmentKind, data []byte) (domain.Attachment, error) {
	return r.sess.Store.PutAttachment(r.sess.ctx, r.sess.ID, r.recordID, kind, data, r.sess.Cat.Photo)
}

// Get reads a stored image the session may see.
func (r recordImages) Get(sha string) ([]byte, error) {
	return r.sess.Store.Attachment(r.sess.ctx, r.sess.ID, sha)
}
