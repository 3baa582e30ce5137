package ui

import (
	"context"
	"time"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/storage"
	"caiji/ui/admin"
	"caiji/ui/candidate"
	"caiji/ui/i18n"
	"caiji/ui/mydata"
	"caiji/ui/review"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
)

// App is Caiji's window: the navigator, the 账户 screen, and the session
// of whoever is signed in with the screens built for it. It owns the
// session's lifecycle — sign-in, sign-out by the button, the kiosk timer
// or closing — and nothing else of what the screens do.
type App struct {
	win   fyne.Window
	store *storage.Store
	cat   *domain.Catalog
	tr    *i18n.Translator

	// sess is the signed-in session; nil while nobody is signed in. Every
	// screen below is built for it and dropped with it.
	sess *session.Session
	// coll is a candidate's record and steps.
	coll *candidate.Collection
	// Staff screens: a reviewer's queue and review, the admin's reviewers.
	queue  *review.Queue
	review *review.Case
	admin  *admin.Screen
	// mydata is a candidate's 我的数据.
	mydata *mydata.Screen
	// consent is the dialog asking for the personal-information notice
	// at sign-in, while it is open.
	consent *consentAsk

	tabs *container.AppTabs
	// keys name the tabs in order ("account", a step's key, "queue" …):
	// tabs are found by key, never by their translated titles.
	keys    []string
	account *accountScreen
	// password is the form an account must fill first when someone else
	// set its password; nil otherwise.
	password *passwordChange
	// saveDelay is the pause in typing after which a field saves.
	saveDelay time.Duration
	// afterLayout is work a build queued to start once the screen is laid out.
	afterLayout []func()

	// sync is the station's sync worker's side of the window; nil when the
	// app runs without one.
	sync *syncUI
	// stationKeys are the station's keys, for the staff's 数据包 tab; nil: no tab.
	stationKeys *caijipkg.Keys

	// kiosk is -kiosk: the window is a kiosk whatever the station's kind.
	kiosk bool
	// Kiosk: sign out after idleLimit without activity (0: never).
	idleLimit  time.Duration
	lastActive time.Time
	idleDialog *dialog.ConfirmDialog
	// dialogs are the window's own dialogs (the kiosk's, a failed
	// sign-in's); a session's are the session's.
	dialogs session.Dialogs
}

// StartSize is the window's size at start: it fits a 1024×768 screen with
// a taskbar and a title bar, the smallest screen candidates' PCs have;
// every screen of the app fits it (tested), and a larger screen can
// maximise it.
var StartSize = fyne.NewSize(1000, 690)

// New builds the UI for win over an open store and the reference data,
// speaking tr's language.
func New(win fyne.Window, store *storage.Store, cat *domain.Catalog, tr *i18n.Translator) *App {
	a := &App{win: win, store: store, cat: cat, tr: tr, saveDelay: candidate.SaveDelay}
	a.account = newAccountScreen(a)
	a.tabs = container.NewAppTabs()
	a.tabs.SetTabLocation(container.TabLocationLeading)
	a.tabs.OnSelected = func(*container.TabItem) {
		a.Touch()
		if a.coll != nil {
			a.coll.Flush()
		}
	}
	win.SetOnDropped(a.onDropped)
	a.addStepShortcuts()
	win.Canvas().SetOnTypedKey(a.typedKey)
	a.Relayout()
	a.account.refresh()
	return a
}

// Content is the window's root object: the navigator, with the sync
// status under every screen.
func (a *App) Content() fyne.CanvasObject {
	if a.sync == nil {
		return a.tabs
	}
	return container.NewBorder(nil, a.sync.bar, nil, nil, a.tabs)
}

// User returns the signed-in account, or nil.
func (a *App) User() *storage.Account {
	if a.sess == nil {
		return nil
	}
	return &a.sess.Account
}

// signIn starts a session for in and builds the screens of its role; a
// previous session is ended first.
func (a *App) signIn(in storage.SignIn) {
	a.signOut()
	sess := session.New(a.store, a.cat, a.tr, a.win, in)
	sess.Kiosk = a.onKiosk()
	a.sess = sess
	a.Touch()
	if in.Account.Role == storage.RoleCandidate {
		coll, err := candidate.New(sess, a, a.saveDelay)
		if err != nil {
			a.signOut()
			a.dialogs.Show(widgets.Inform(a.tr, a.tr.T("dialog.error"), a.tr.Err(err), a.win))
			return
		}
		a.coll = coll
	}
	a.Relayout()
	a.account.refresh()
	if in.Account.Role == storage.RoleCandidate {
		a.askConsent()
	}
}

// signOut ends the session, if any — by the button, the kiosk timer or
// closing the window. What is being typed is saved first; then the
// session's jobs, dialogs and overlays end with it, storage refuses its
// handle, the clipboard loses what came from it, every screen built for it
// is dropped and both 账户 forms are cleared: the next person at a kiosk
// sees nothing of the last one.
func (a *App) signOut() {
	if a.sess == nil {
		return
	}
	if a.coll != nil {
		a.coll.Flush()
	}
	sess := a.sess
	a.sess, a.coll, a.idleDialog, a.consent, a.mydata = nil, nil, nil, nil, nil // before End: its dialogs' answers find nobody signed in
	sess.End()
	a.queue, a.review, a.admin = nil, nil, nil
	a.Relayout()
	a.account.refresh()
}

// InterceptClose makes closing the window sign out first, saving the
// field being typed in. On a kiosk closing only signs out: the window
// stays, full screen, for the next candidate.
func (a *App) InterceptClose(kiosk bool) {
	a.kiosk = kiosk
	a.win.SetCloseIntercept(func() { a.closeRequested(kiosk) })
}

// Deleted is 我的数据 having deleted the person: their hub sign-in here
// goes too (else the feed would bring their record back), the window
// signs out and says so.
func (a *App) Deleted(account string) {
	if a.sync != nil {
		if err := a.sync.worker.Forget(account); err != nil {
			fyne.LogError("forget the hub sign-in", err)
		}
	}
	a.signOut()
	a.dialogs.Show(widgets.Inform(a.tr, a.tr.T("mydata.deleted.title"), a.tr.T("mydata.deleted"), a.win))
}

// onKiosk reports whether strangers share this window: started with
// -kiosk, or the station is a kiosk (caiji kiosk init).
func (a *App) onKiosk() bool {
	if a.kiosk {
		return true
	}
	info, err := a.store.StationInfo(context.Background())
	return err != nil || info.Kind == storage.StationKiosk // unknown: the careful answer
}

// closeRequested is the user closing the window (its button, Alt+F4).
func (a *App) closeRequested(kiosk bool) {
	a.signOut()
	if !kiosk {
		a.win.Close()
	}
}
