package ui

import (
	"caiji/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// App is Caiji's window content: the step navigator and the signed-in account.
type App struct {
	win   fyne.Window
	store *storage.Store
	tr    *Translator

	// user is the signed-in account; nil while nobody is.
	user *storage.Account

	tabs    *container.AppTabs
	account *accountScreen
}

// stepKeys are the navigator's steps in the seed's order; each key names the
// step's title ("step.<key>") and its introduction ("step.<key>.intro").
var stepKeys = []string{"account", "realname", "notice", "basic", "education", "work", "department", "submit", "result"}

// New builds the UI for win over an open store, speaking tr's language.
func New(win fyne.Window, store *storage.Store, tr *Translator) *App {
	a := &App{win: win, store: store, tr: tr}
	a.account = newAccountScreen(a)
	items := make([]*container.TabItem, len(stepKeys))
	for i, k := range stepKeys {
		var content fyne.CanvasObject
		if k == "account" {
			content = a.account.content
		} else {
			content = a.stepIntro(k)
		}
		items[i] = container.NewTabItem(tr.T("step."+k), content)
	}
	a.tabs = container.NewAppTabs(items...)
	a.tabs.SetTabLocation(container.TabLocationLeading)
	a.setUser(nil)
	return a
}

// Content is the window's root object.
func (a *App) Content() fyne.CanvasObject { return a.tabs }

// User returns the signed-in account, or nil.
func (a *App) User() *storage.Account { return a.user }

// setUser switches between signed-in and signed-out: the steps after 账户
// open only for a signed-in account, and signing out clears every form so
// the next person at a kiosk sees nothing of the last one.
func (a *App) setUser(u *storage.Account) {
	a.user = u
	for i := 1; i < len(a.tabs.Items); i++ {
		if u == nil {
			a.tabs.DisableIndex(i)
		} else {
			a.tabs.EnableIndex(i)
		}
	}
	if u == nil {
		a.tabs.SelectIndex(0)
	}
	a.account.refresh()
}

// stepIntro is a step's page before its form: its title and what it collects.
func (a *App) stepIntro(key string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(a.tr.T("step."+key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(a.tr.T("step." + key + ".intro"))
	body.Wrapping = fyne.TextWrapWord
	return container.NewVBox(title, body)
}
