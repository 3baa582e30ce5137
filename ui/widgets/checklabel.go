package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// checkLabel is a wrapping label that toggles its check box when tapped.
// Fyne's check box text never wraps, and a long one (a 采集范围 option, a
// rejection reason) would make the whole window wider than the screen.
type checkLabel struct {
	widget.Label
	check *CheckBox
}

func newCheckLabel(text string, c *CheckBox) *checkLabel {
	l := &checkLabel{check: c}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped toggles the check box, as tapping a check box's own text does.
func (l *checkLabel) Tapped(*fyne.PointEvent) {
	if !l.check.Disabled() {
		l.check.SetChecked(!l.check.Checked)
	}
}

// WrappingCheck is a check box followed by its text, wrapped.
func WrappingCheck(text string, changed func(bool)) (*CheckBox, fyne.CanvasObject) {
	c := NewCheckBox(changed)
	return c, container.NewBorder(nil, nil, c, nil, newCheckLabel(text, c))
}
