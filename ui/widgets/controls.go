package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Button is Fyne's button as a keyboard user expects it: Enter presses it
// as well as Space, the focus stays on it, and its focus shows as a ring.
type Button struct {
	widget.Button
	focused bool
}

// NewButton makes a button with a label.
func NewButton(label string, tapped func()) *Button {
	return NewIconButton(label, nil, tapped)
}

// NewIconButton makes a button with a label (may be "") and an icon.
func NewIconButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter (Return or the keypad's) as on
// Space.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		b.press()
	default:
		b.Button.TypedKey(ev)
	}
}

// press runs the button's action and leaves the keyboard focus on it.
// Fyne's Tapped clears the focus first (a mouse tap bypasses the focus
// manager), so after Space, Tab started again at the top of the window and
// a dialog the button opened left nothing focused once closed.
func (b *Button) press() {
	if !b.Disabled() && b.OnTapped != nil {
		b.OnTapped()
	}
}

func (b *Button) FocusGained() { b.focused = true; b.Button.FocusGained() }
func (b *Button) FocusLost()   { b.focused = false; b.Button.FocusLost() }

func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	return withFocusRing(b.Button.CreateRenderer(), func() bool { return b.focused }, b.ringColour,
		func() float32 { return theme.Size(theme.SizeNameInnerPadding) / 2 })
}

// ringColour is the text colour on the button's fill.
func (b *Button) ringColour() fyne.ThemeColorName {
	if b.Importance == widget.HighImportance {
		return theme.ColorNameForegroundOnPrimary
	}
	return theme.ColorNameForeground
}

// CheckBox is Fyne's check box with its focus shown as a ring; Space
// toggles it, as in Fyne.
type CheckBox struct {
	widget.Check
	focused bool
}

// NewCheckBox makes a check box without text (WrappingCheck adds it).
func NewCheckBox(changed func(bool)) *CheckBox {
	c := &CheckBox{}
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *CheckBox) FocusGained() { c.focused = true; c.Check.FocusGained() }
func (c *CheckBox) FocusLost()   { c.focused = false; c.Check.FocusLost() }

func (c *CheckBox) CreateRenderer() fyne.WidgetRenderer {
	return withFocusRing(c.Check.CreateRenderer(), func() bool { return c.focused },
		func() fyne.ThemeColorName { return theme.ColorNameForeground },
		func() float32 { return theme.Size(theme.SizeNameInputBorder) })
}
