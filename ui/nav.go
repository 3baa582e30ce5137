package ui

import (
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The navigator's tab buttons take no keyboard focus in Fyne, so the steps
// are reached by keys that work from anywhere in the window: Ctrl+PageDown
// and Ctrl+PageUp (as in browsers' and editors' tabs) move to the next or
// previous step, Alt+1…9 to the step of that number (账户 is 1). The foot of
// every step has 上一步 and 下一步 buttons and names these keys.

// stepShortcuts are the shortcuts of the navigator: each with the tab index
// it selects, relative to the current one when relative is set.
var stepShortcuts = func() []struct {
	key      *desktop.CustomShortcut
	n        int
	relative bool
} {
	type sc = struct {
		key      *desktop.CustomShortcut
		n        int
		relative bool
	}
	list := []sc{
		{&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierControl}, 1, true},
		{&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierControl}, -1, true},
	}
	for i, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9} {
		list = append(list, sc{&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}, i, false})
	}
	return list
}()

// addStepShortcuts registers the navigator's keys on the window's canvas,
// which gets them whenever the focused widget is not a text field.
func (a *App) addStepShortcuts() {
	for _, s := range stepShortcuts {
		a.win.Canvas().AddShortcut(s.key, func(sc fyne.Shortcut) { a.Shortcut(sc) })
	}
}

// Shortcut acts on a navigator key and reports whether sc was one. Text
// fields pass shortcuts they do not use here, since Fyne gives a focused
// text field every shortcut and the canvas none.
func (a *App) Shortcut(sc fyne.Shortcut) bool {
	for _, s := range stepShortcuts {
		if sc.ShortcutName() != s.key.ShortcutName() {
			continue
		}
		if s.relative {
			a.stepBy(s.n)
		} else {
			a.showStep(s.n)
		}
		return true
	}
	return false
}

// stepBy moves delta steps from the current one, over steps that are locked.
func (a *App) stepBy(delta int) {
	for i := a.tabs.SelectedIndex() + delta; i >= 0 && i < len(a.tabs.Items); i += delta {
		if !a.tabs.Items[i].Disabled() {
			a.showStep(i)
			return
		}
	}
}

// showStep selects tab i, when it exists and is open, and puts the
// keyboard focus on its first control, so Tab goes on from there.
func (a *App) showStep(i int) {
	if i < 0 || i >= len(a.tabs.Items) || a.tabs.Items[i].Disabled() {
		return
	}
	c := a.win.Canvas()
	c.Unfocus() // saves the field being left
	a.tabs.SelectIndex(i)
	c.FocusNext()
}

// withFooter puts the foot of a step beneath its (scrolling) screen: 上一步
// unless it is the first, 下一步 unless it is the last, and the
// navigator's keys. It stays in view however long the step.
func (a *App) withFooter(screen fyne.CanvasObject, first, last bool) fyne.CanvasObject {
	return container.NewBorder(nil, a.stepFooter(first, last), nil, nil, screen)
}

func (a *App) stepFooter(first, last bool) fyne.CanvasObject {
	t := a.tr
	buttons := container.NewHBox()
	if !first {
		buttons.Add(widgets.NewButton(t.T("nav.prev"), func() { a.stepBy(-1) }))
	}
	if !last {
		next := widgets.NewButton(t.T("nav.next"), func() { a.stepBy(1) })
		next.Importance = widget.HighImportance
		buttons.Add(next)
	}
	keys := widget.NewLabel(t.T("nav.keys"))
	keys.Importance = widget.LowImportance
	keys.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewSeparator(), buttons, keys)
}

// typedKey gets the keys no widget takes: with a dialog open, every key
// unless a text field or list of the dialog has the focus. Escape closes
// the newest dialog.
func (a *App) typedKey(ev *fyne.KeyEvent) {
	if ev.Name != fyne.KeyEscape {
		return
	}
	if a.sess != nil && a.sess.CloseDialog() {
		return
	}
	a.dialogs.CloseTop()
}
