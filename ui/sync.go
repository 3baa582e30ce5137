package ui

import (
	"context"
	"errors"
	"time"

	"caiji/domain"
	"caiji/storage"
	"caiji/syncer"
	"caiji/ui/candidate"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// syncUI is the window's side of the station's sync worker: the status
// line under every screen, the 同步 tab, the hub's address on 账户, and the
// sign-in to the hub beside the local one.
type syncUI struct {
	app       *App
	worker    *syncer.Worker
	line      *widget.Label
	nowButton *widget.Button
	bar       fyne.CanvasObject
	view      *syncView
	last      syncer.Status
	// conflictShown is the record whose both-changed choice is on screen.
	conflictShown string
	// 连接中心 on a staff's 同步 tab.
	connectHub, connectCode *widget.Entry
	connectBtn              *widget.Button
}

// SetSync connects the window to the station's sync worker; call it before
// Content. Without it the app works as a station that never syncs.
func (a *App) SetSync(w *syncer.Worker) {
	s := &syncUI{app: a, worker: w, line: widget.NewLabel("")}
	s.line.Truncation = fyne.TextTruncateEllipsis
	s.nowButton = widget.NewButton(a.tr.T("sync.now"), s.sendNow)
	s.nowButton.Importance = widget.LowImportance
	s.bar = container.NewBorder(nil, nil, nil, s.nowButton, s.line)
	a.sync = s
	s.show(w.Status())
	w.OnChange(func(st syncer.Status) { fyne.Do(func() { s.show(st) }) })
	a.account.addSyncCards()
	a.Relayout()
}

// show puts the worker's status on the line, the 同步 tab and, when a run
// has ended, brings what it changed to the candidate's screens.
func (s *syncUI) show(st syncer.Status) {
	ended := s.last.LastSync != st.LastSync || s.last.Sending > 0 && st.Sending == 0
	s.last = st
	s.line.SetText(statusText(s.app, st))
	s.line.Importance = widget.MediumImportance
	if st.Attention > 0 {
		s.line.Importance = widget.DangerImportance
	}
	s.line.Refresh()
	setSendable(s.nowButton, st)
	if s.view != nil && st.Sending == 0 {
		s.view.refresh()
	}
	if ended {
		s.app.afterSync()
	}
}

// statusText is the one line of sync status: offline, sending n of m,
// all sent at hh:mm, or what needs attention.
func statusText(a *App, st syncer.Status) string {
	t := a.tr
	switch {
	case st.Hub == "":
		return t.T("sync.status.no_hub")
	case st.Sending > 0:
		if st.Total > 0 {
			return t.T("sync.status.sending_bytes", st.Sending, st.Of, int(100*st.Done/st.Total))
		}
		return t.T("sync.status.sending", st.Sending, st.Of)
	case st.Attention > 0:
		return t.T("sync.status.attention", st.Attention)
	case !st.Online && st.Waiting > 0:
		return t.T("sync.status.offline_waiting", st.Waiting)
	case !st.Online:
		return t.T("sync.status.offline")
	case st.Waiting > 0:
		return t.T("sync.status.waiting", st.Waiting)
	}
	return t.T("sync.status.all_sent", st.LastSync.In(domain.Shanghai).Format("15:04"))
}

// setSendable enables a 立即同步 button only once the station has a hub:
// before, pressing it did nothing at all, and the status line beside it
// already says why.
func setSendable(b *widget.Button, st syncer.Status) {
	if st.Hub == "" {
		b.Disable()
		return
	}
	b.Enable()
}

// sendNow is 立即同步.
func (s *syncUI) sendNow() {
	if err := s.worker.SendNow(context.Background()); err != nil {
		s.app.showError(err)
	}
}

// afterSync brings what a sync changed to the screens: a reviewer's queue
// lists what was pulled; for a candidate, a
// decision that arrived reloads their record, a receipt shows on 审核结果,
// and a version submitted on another PC while this one changed too asks
// them to choose.
func (a *App) afterSync() {
	if a.queue != nil { // a review station's pull may have brought submissions
		a.queue.Refresh()
	}
	if a.sess == nil || a.coll == nil {
		return
	}
	sess := a.sess
	if c, err := a.store.PendingConflict(sess.Context(), sess.ID); err == nil && c != nil && a.sync.conflictShown != c.Hub.ID {
		a.sync.conflictShown = c.Hub.ID
		a.showConflict(c)
		return
	}
	rec, err := a.store.MyRecord(sess.Context(), sess.ID)
	switch {
	case err == nil && rec.Status != a.coll.Record().Status:
		a.reloadRecord()
	case a.index("result") >= 0: // a receipt may have come
		a.Rebuild("result")
	}
}

// reloadRecord rebuilds the candidate's screens over their record as
// storage holds it now (what is being typed is saved first).
func (a *App) reloadRecord() {
	a.coll.Flush()
	coll, err := candidate.New(a.sess, a, a.saveDelay)
	if err != nil {
		a.showError(err)
		return
	}
	a.coll = coll
	a.Relayout()
}

// hubSignIn signs the person just signed in here in to the hub as well,
// off the UI goroutine: their submissions can then go out later without
// them. Failing (offline) changes nothing here; the 同步 tab says what
// waits.
func (a *App) hubSignIn(sess storage.Session, login, password string) {
	if a.sync == nil {
		return
	}
	w := a.sync.worker
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_ = w.SignIn(ctx, sess, login, password)
	}()
}

// hubRestore tries the hub when the local login found no such account: a
// candidate who submitted on another PC gets their record back here. done
// runs on the UI goroutine with the sign-in, or the local error when the
// hub cannot help.
func (a *App) hubRestore(login, password string, local error, done func(storage.SignIn, error)) bool {
	if a.sync == nil || !errors.Is(local, storage.ErrBadCredentials) || a.sync.last.Hub == "" {
		return false
	}
	w := a.sync.worker
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		in, err := w.Restore(ctx, login, password)
		switch {
		case in.Account.ID != 0: // signed in; what did not come yet comes at the next sync
			err = nil
		case err != nil:
			err = local // the hub could not help: the local answer stands
		}
		fyne.Do(func() { done(in, err) })
	}()
	return true
}

// showError shows err in the user's language.
func (a *App) showError(err error) {
	a.dialogs.Show(widgets.Inform(a.tr, a.tr.T("dialog.error"), a.tr.Err(err), a.win))
}
