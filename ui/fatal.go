package ui

import (
	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// StartupError is the window content shown when Caiji cannot open its data
// (another copy running, a database from a newer version, a full disk): the
// user started a window, so the reason belongs in a window, not on a terminal
// they never see. Nothing is written.
func StartupError(tr *i18n.Translator, dir string, err error, quit func()) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(tr.T("startup.failed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(tr.Err(err))
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	where := widget.NewLabel(tr.T("startup.data_dir", dir))
	where.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(title, msg, where, widgets.NewButton(tr.T("startup.quit"), quit)))
}
