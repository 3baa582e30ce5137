package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// noticeHeight is how much of a notice shows before it scrolls: enough to
// read a paragraph, small enough that the check box stays in view.
const noticeHeight = 150

// Notice is a consent notice as a form shows it: its title, its whole text
// in a scrolling box, and under it the check box by which the person
// agrees (its text wraps). changed runs when the box is ticked or cleared.
func Notice(title, text, agree string, changed func(bool)) (*CheckBox, fyne.CanvasObject) {
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(0, noticeHeight))
	check, row := WrappingCheck(agree, changed)
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return check, container.NewVBox(head, scroll, row)
}
