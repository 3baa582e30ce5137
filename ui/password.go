package ui

import (
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// passwordChange is what an account whose password someone else set (a
// reviewer created by the admin) sees at sign-in instead of its screens:
// the form to replace that password. Storage refuses the account every
// other call until it is done; this screen only says so.
type passwordChange struct {
	current, next, confirm *widget.Entry
	save                   *widgets.Button
	status                 *widget.Label
	content                fyne.CanvasObject
}

func newPasswordChange(a *App) *passwordChange {
	t := a.tr
	p := &passwordChange{current: widget.NewPasswordEntry(), next: widget.NewPasswordEntry(), confirm: widget.NewPasswordEntry(), status: widgets.StatusLabel()}
	p.next.SetPlaceHolder(t.T("account.password.hint"))
	p.save = widgets.NewButton(t.T("password.save"), func() { p.submit(a) })
	p.save.Importance = widget.HighImportance
	p.confirm.OnSubmitted = func(string) { p.submit(a) }
	form := widgets.FormGrid(widgets.NewField(t.T("password.current"), p.current), widgets.NewField(t.T("password.new"), p.next),
		widgets.NewField(t.T("account.confirm"), p.confirm))
	logout := widgets.NewButton(t.T("account.logout"), a.signOut)
	p.content = container.NewVScroll(widget.NewCard(t.T("password.title"), t.T("password.subtitle"),
		container.NewVBox(form, container.NewHBox(p.save, logout), p.status)))
	return p
}

// submit changes the password; the account's screens open once storage
// has taken it.
func (p *passwordChange) submit(a *App) {
	if a.sess == nil {
		return
	}
	err := a.store.ChangePassword(a.sess.Context(), a.sess.ID, p.current.Text, p.next.Text, p.confirm.Text)
	for _, e := range []*widget.Entry{p.current, p.next, p.confirm} {
		e.SetText("")
	}
	if err != nil {
		widgets.SetStatus(p.status, a.tr.Err(err), widget.DangerImportance)
		return
	}
	a.sess.Account.MustChangePassword = false
	a.Relayout()
	a.account.refresh()
}
