package ui

import (
	"strings"

	"caiji/domain"
	"caiji/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showConflict asks a candidate which copy of their record to keep when it
// changed here and another PC submitted a version too: when and where each
// was made and which fields differ. Nothing is overwritten until they
// choose.
func (a *App) showConflict(c *storage.Conflict) {
	t, sess := a.tr, a.sess
	const layout = "2006-01-02 15:04"
	side := func(title, when, where string) fyne.CanvasObject {
		return widget.NewCard(title, "", container.NewVBox(widget.NewLabel(when), widget.NewLabel(where)))
	}
	local := side(t.T("conflict.local"), t.T("conflict.changed_at", c.LocalAt.In(domain.Shanghai).Format(layout)), t.T("conflict.this_pc"))
	hub := side(t.T("conflict.hub"), t.T("conflict.received_at", c.HubAt.In(domain.Shanghai).Format(layout)), t.T("conflict.other_pc", shortID(c.HubStation)))
	differ := widget.NewLabel(t.T("conflict.differ", strings.Join(c.Differ, "\n")))
	differ.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(t.T("conflict.intro"))
	intro.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	choose := func(keepHub bool) func() {
		return func() {
			d.Hide()
			if err := a.store.ResolveConflict(sess.Context(), sess.ID, keepHub); err != nil {
				a.showError(err)
				return
			}
			a.reloadRecord()
		}
	}
	keepHub := widget.NewButton(t.T("conflict.keep_hub"), choose(true))
	keepLocal := widget.NewButton(t.T("conflict.keep_local"), choose(false))
	body := container.NewVBox(intro, container.NewGridWithColumns(2, local, hub), differ, container.NewGridWithColumns(2, keepLocal, keepHub))
	d = dialog.NewCustomWithoutButtons(t.T("conflict.title"), body, a.win)
	d.Resize(fyne.NewSize(640, 420))
	sess.Show(d)
}
