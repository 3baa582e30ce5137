package ui

import (
	"time"

	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
)

// idleWarning is how long before an idle sign-out the kiosk warns.
const idleWarning = time.Minute

// SignOutWhenIdle makes a shared kiosk sign the candidate out after idle
// without typing, saving or moving between steps: what was typed is saved,
// every form is cleared, and the next person starts at 账户. A minute before,
// a dialog offers to stay.
func (a *App) SignOutWhenIdle(idle time.Duration) {
	a.idleLimit = idle
	go func() {
		for range time.Tick(15 * time.Second) {
			fyne.Do(a.checkIdle)
		}
	}()
}

// Touch records activity.
func (a *App) Touch() { a.lastActive = a.store.Now() }

// checkIdle warns, then signs out, an idle kiosk session.
func (a *App) checkIdle() {
	if a.idleLimit == 0 || a.sess == nil {
		return
	}
	idle := a.store.Now().Sub(a.lastActive)
	switch {
	case idle >= a.idleLimit:
		a.signOut() // the warning closes with the session's other dialogs
		a.dialogs.Show(widgets.Inform(a.tr, a.tr.T("kiosk.title"), a.tr.T("kiosk.signed_out"), a.win))
	case idle >= a.idleLimit-idleWarning && a.idleDialog == nil:
		d := widgets.Confirm(a.tr, a.tr.T("kiosk.title"), a.tr.T("kiosk.warning"), a.tr.T("kiosk.stay"), a.tr.T("account.logout"), func(stay bool) {
			a.idleDialog = nil
			if stay {
				a.Touch()
			} else {
				a.signOut()
			}
		}, a.win)
		a.idleDialog = d
		a.sess.Show(d)
	}
}
