package ui

import (
	"fmt"

	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// dropTarget returns the picker shown under pos, if any.
func (a *App) dropTarget(pos fyne.Position) *widgets.Picker {
	if a.coll == nil {
		return nil
	}
	d := fyne.CurrentApp().Driver()
	for _, p := range a.coll.Pickers() {
		c := p.Content()
		if !c.Visible() || d.CanvasForObject(c) == nil {
			continue
		}
		at, size := d.AbsolutePositionForObject(c), c.Size()
		if pos.X >= at.X && pos.Y >= at.Y && pos.X < at.X+size.Width && pos.Y < at.Y+size.Height {
			return p
		}
	}
	return nil
}

// onDropped loads a file dropped on a picker.
func (a *App) onDropped(pos fyne.Position, uris []fyne.URI) {
	p := a.dropTarget(pos)
	if p == nil || len(uris) == 0 {
		return
	}
	rc, err := storage.Reader(uris[0])
	if err != nil {
		p.Fail(fmt.Errorf("%s: %w", uris[0].Name(), err))
		return
	}
	defer rc.Close()
	p.LoadFrom(rc)
}
