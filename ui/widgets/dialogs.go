package widgets

import (
	"caiji/ui/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// dialogWidth is the width of a message dialog: wide enough for a
// sentence, narrow enough for a 1024×768 screen.
const dialogWidth = 440

// Inform is a message dialog whose button speaks the UI language: Fyne's
// own information dialog labels it from the OS locale, so a Chinese window
// on an English system would read "OK".
func Inform(tr *i18n.Translator, title, message string, win fyne.Window) dialog.Dialog {
	d := dialog.NewCustom(title, tr.T("dialog.ok"), wrapped(message), win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	return d
}

// Confirm asks a question with two buttons named for what they do, in the
// UI language; answer gets true for yes.
func Confirm(tr *i18n.Translator, title, message, yes, no string, answer func(bool), win fyne.Window) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm(title, yes, no, wrapped(message), answer, win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	return d
}

func wrapped(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
