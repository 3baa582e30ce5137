package ui

import (
	"time"

	"caiji/domain"
	"caiji/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// App is Caiji's window content: the step navigator, the signed-in account
// and the record its steps edit.
type App struct {
	win   fyne.Window
	store *storage.Store
	cat   *domain.Catalog
	tr    *Translator

	// sess is the signed-in session; nil while nobody is signed in. Every
	// screen below is built for it and dropped with it.
	sess   *Session
	editor *editor

	tabs    *container.AppTabs
	account *accountScreen
	// steps are the collection steps after 账户, built for the signed-in record.
	steps []step
	// Staff screens: a reviewer's queue and review, the admin's reviewers.
	queue  *queueScreen
	review *caseScreen
	admin  *adminScreen
	// saveDelay is the pause in typing after which a field saves.
	saveDelay time.Duration
	// afterLayout is work a build queued to start once the screen is laid out.
	afterLayout []func()

	// Kiosk: sign out after idleLimit without activity (0: never).
	idleLimit  time.Duration
	lastActive time.Time
	idleDialog *dialog.ConfirmDialog
}

// step is one screen of the navigator after 账户.
type step interface {
	// key names the step's title ("step.<key>") and introduction.
	key() string
	// build makes the screen from the editor's record.
	build() fyne.CanvasObject
	// prefixes are the problem paths the step is responsible for.
	prefixes() []string
	// binder is the screen's inputs, for read-only mode and jumps.
	binder() *binder
}

// stepKeys are the navigator's steps in the seed's order; "qualifications"
// appears only for scope A.
var stepKeys = []string{"account", "realname", "notice", "basic", "education", "qualifications", "work", "department", "submit", "result"}

// New builds the UI for win over an open store and the reference data,
// speaking tr's language.
func New(win fyne.Window, store *storage.Store, cat *domain.Catalog, tr *Translator) *App {
	a := &App{win: win, store: store, cat: cat, tr: tr, saveDelay: saveDelay}
	a.account = newAccountScreen(a)
	a.tabs = container.NewAppTabs()
	a.tabs.SetTabLocation(container.TabLocationLeading)
	a.tabs.OnSelected = func(*container.TabItem) {
		a.touch()
		if a.editor != nil {
			a.editor.flush()
		}
	}
	win.SetOnDropped(a.onDropped)
	a.layoutTabs()
	a.account.refresh()
	return a
}

// Content is the window's root object.
func (a *App) Content() fyne.CanvasObject { return a.tabs }

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
	sess := newSession(a, in)
	a.sess = sess
	a.touch()
	if in.Account.Role == storage.RoleCandidate {
		ed := newEditor(a, sess)
		if err := ed.load(); err != nil {
			a.signOut()
			a.showError(err)
			return
		}
		a.editor = ed
		a.steps = a.newSteps()
		ed.onChange = append(ed.onChange, a.refreshNavigator)
	}
	a.layoutTabs()
	a.account.refresh()
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
	if a.editor != nil {
		a.editor.flush()
	}
	a.sess.end()
	a.sess, a.editor, a.steps = nil, nil, nil
	a.queue, a.review, a.admin = nil, nil, nil
	a.layoutTabs()
	a.account.refresh()
}

func (a *App) newSteps() []step {
	ed := a.editor
	return []step{newRealNameStep(ed), newNoticeStep(ed), newBasicStep(ed), newEducationStep(ed),
		newQualificationsStep(ed), newWorkStep(ed), newDepartmentStep(ed), newSubmitStep(ed), newResultStep(ed)}
}

// layoutTabs rebuilds the navigator: 账户, then each step (the qualification
// step only for scope A), each with its status icon.
func (a *App) layoutTabs() {
	selected := a.tabs.SelectedIndex()
	items := []*container.TabItem{container.NewTabItem(a.tr.T("step.account"), a.account.content)}
	switch {
	case a.sess != nil && a.sess.Account.Role == storage.RoleReviewer:
		items = append(items, a.reviewerTabs()...)
	case a.sess != nil && a.sess.Account.Role == storage.RoleAdmin:
		a.admin = newAdminScreen(a, a.sess)
		items = append(items, container.NewTabItem(a.tr.T("tab.reviewers"), a.admin.content()))
	case a.sess == nil:
		for _, k := range stepKeys[1:] {
			if k != "qualifications" {
				items = append(items, container.NewTabItem(a.tr.T("step."+k), a.stepIntro(k)))
			}
		}
	default:
		for _, s := range a.steps {
			if s.key() == "qualifications" && !a.editor.rec.HasScope(domain.ScopeQualified) {
				continue
			}
			items = append(items, container.NewTabItem(a.tr.T("step."+s.key()), a.buildStep(s)))
		}
	}
	a.tabs.Items = items
	for i := 1; i < len(items); i++ {
		if a.sess == nil {
			a.tabs.DisableIndex(i)
		}
	}
	a.tabs.Refresh()
	if a.sess == nil || selected < 0 || selected >= len(items) {
		selected = 0
	}
	a.tabs.SelectIndex(selected)
	a.refreshNavigator()
	a.startQueued()
}

// later queues f to start once the screen being built is laid out.
func (a *App) later(f func()) { a.afterLayout = append(a.afterLayout, f) }

// startQueued starts the work builds queued for after the layout.
func (a *App) startQueued() {
	queued := a.afterLayout
	a.afterLayout = nil
	for _, f := range queued {
		f()
	}
}

// buildStep builds a step's screen in a scroll container, read-only when
// the record is submitted.
func (a *App) buildStep(s step) fyne.CanvasObject {
	a.editor.forgetStep(s)
	content := s.build()
	s.binder().setEditable(a.editor.editable())
	a.editor.audit()
	return container.NewVScroll(container.NewPadded(content))
}

// rebuild rebuilds one step's screen (after a row is added or removed, or
// the scope changed which steps exist).
func (a *App) rebuild(key string) {
	if key == "notice" {
		a.layoutTabs() // the scope decides whether the qualification step exists
		return
	}
	for _, it := range a.tabs.Items {
		for _, s := range a.steps {
			if s.key() == key && it.Text == a.tr.T("step."+key) {
				it.Content = a.buildStep(s)
			}
		}
	}
	a.tabs.Refresh()
	a.refreshNavigator()
	a.startQueued()
}

// stepIcon says whether a step is complete, incomplete or has errors.
func (a *App) stepIcon(s step) fyne.Resource {
	probs := a.editor.problemsIn(s.prefixes()...)
	switch {
	case domain.Errors(probs) == 0:
		return theme.ConfirmIcon()
	case hasInvalid(probs):
		return theme.ErrorIcon()
	}
	return theme.RadioButtonIcon()
}

// hasInvalid reports whether some error is a wrong value rather than a
// missing one.
func hasInvalid(ps []domain.Problem) bool {
	for _, p := range ps {
		if p.Severity == domain.Error && !domain.IsMissing(p.Code) {
			return true
		}
	}
	return false
}

// refreshNavigator updates each step's status icon.
func (a *App) refreshNavigator() {
	if a.editor == nil {
		for _, it := range a.tabs.Items {
			it.Icon = nil
		}
		a.tabs.Refresh()
		return
	}
	for _, it := range a.tabs.Items[1:] {
		for _, s := range a.steps {
			if it.Text == a.tr.T("step."+s.key()) {
				it.Icon = a.stepIcon(s)
			}
		}
	}
	a.tabs.Refresh()
}

// stepIntro is a locked step's page: its title and what it collects.
func (a *App) stepIntro(key string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(a.tr.T("step."+key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(a.tr.T("step." + key + ".intro"))
	body.Wrapping = fyne.TextWrapWord
	return container.NewVBox(title, body)
}

// jumpTo selects the step responsible for path and focuses its input.
func (a *App) jumpTo(path string) {
	for _, s := range a.steps {
		for _, pre := range s.prefixes() {
			if path != pre && !hasPrefixPath(path, pre) {
				continue
			}
			for i, it := range a.tabs.Items {
				if it.Text == a.tr.T("step."+s.key()) {
					a.tabs.SelectIndex(i)
				}
			}
			if f := s.binder().focusFor(path); f != nil {
				a.win.Canvas().Focus(f)
			}
			return
		}
	}
}

// InterceptClose makes closing the window sign out first, saving the
// field being typed in. On a kiosk closing only signs out: the window
// stays, full screen, for the next candidate.
func (a *App) InterceptClose(kiosk bool) {
	a.win.SetCloseIntercept(func() { a.closeRequested(kiosk) })
}

// closeRequested is the user closing the window (its button, Alt+F4).
func (a *App) closeRequested(kiosk bool) {
	a.signOut()
	if !kiosk {
		a.win.Close()
	}
}

// reviewerTabs are a reviewer's 审核队列 and 审核 screens; opening a record
// in the queue shows it in the second, and a decision returns to the first.
func (a *App) reviewerTabs() []*container.TabItem {
	a.review = newCaseScreen(a, a.sess)
	reviewTab := container.NewTabItem(a.tr.T("tab.review"), a.review.content())
	queueTab := container.NewTabItem(a.tr.T("tab.queue"), nil)
	a.queue = newQueueScreen(a, a.sess, func(id string) {
		if err := a.review.open(id); err != nil {
			a.sess.ShowError(err)
			return
		}
		a.tabs.Select(reviewTab)
		a.review.startLoading()
	})
	queueTab.Content = a.queue.content
	a.review.done = func() {
		a.queue.refresh()
		a.tabs.Select(queueTab)
	}
	return []*container.TabItem{queueTab, reviewTab}
}
