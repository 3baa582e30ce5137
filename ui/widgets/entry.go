package widgets

import (
	"caiji/domain"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// BlurEntry is an Entry that reports when it loses focus, so a field is
// saved the moment the user leaves it.
type BlurEntry struct {
	widget.Entry
	// OnBlur runs when the entry loses focus.
	OnBlur func()
	// Shortcut handles the window's own shortcuts (moving between steps):
	// Fyne hands every shortcut to the focused text field, none to the
	// window. It reports whether it used the shortcut.
	Shortcut func(fyne.Shortcut) bool
}

// NewBlurEntry makes an empty entry.
func NewBlurEntry() *BlurEntry {
	e := &BlurEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost saves the field before the focus moves on.
func (e *BlurEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnBlur != nil {
		e.OnBlur()
	}
}

// TypedShortcut lets the window's shortcuts work while typing here.
func (e *BlurEntry) TypedShortcut(sc fyne.Shortcut) {
	if e.Shortcut != nil && e.Shortcut(sc) {
		return
	}
	e.Entry.TypedShortcut(sc)
}

// NewMonthEntry is an entry for a year-month (2020-09). current is shown;
// each edit that reads as a month (or is empty: no month) goes to changed,
// one that cannot (2020-13) goes to invalid with the reason, so the caller
// can say so beside the field instead of saving it.
func NewMonthEntry(t *i18n.Translator, current domain.Month, changed func(domain.Month), invalid func(error)) *BlurEntry {
	e := NewBlurEntry()
	e.SetPlaceHolder(t.T("field.month.hint"))
	e.SetText(current.String())
	e.OnChanged = func(s string) {
		m, err := domain.ParseMonth(s)
		if err != nil {
			invalid(err)
			return
		}
		changed(m)
	}
	return e
}
