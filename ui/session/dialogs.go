package session

import "fyne.io/fyne/v2/dialog"

// Dialogs are the dialogs open on a window, the newest last. Escape closes
// the newest, as in every desktop toolkit (Fyne's dialogs have no key of
// their own for it); closing answers a dialog as its dismiss button would
// (a file dialog: nothing chosen).
type Dialogs struct{ open []dialog.Dialog }

// Show shows d and keeps it until it closes.
func (ds *Dialogs) Show(d dialog.Dialog) {
	ds.open = append(ds.open, d)
	d.SetOnClosed(func() {
		for i, x := range ds.open {
			if x == d {
				ds.open = append(ds.open[:i], ds.open[i+1:]...)
				break
			}
		}
	})
	d.Show()
}

// CloseTop closes the newest open dialog and reports whether there was one.
func (ds *Dialogs) CloseTop() bool {
	if len(ds.open) == 0 {
		return false
	}
	ds.open[len(ds.open)-1].Hide()
	return true
}

// CloseAll closes every open dialog.
func (ds *Dialogs) CloseAll() {
	for _, d := range append([]dialog.Dialog(nil), ds.open...) {
		d.Hide()
	}
	ds.open = nil
}
