package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// scrollIntoView scrolls the step shown so that obj stands in its upper
// third: focusing an input does not scroll to it, so 前往 a field below the
// fold would land at the top of the step with the field out of sight.
func (a *App) scrollIntoView(obj fyne.CanvasObject) {
	tab := a.tabs.Selected()
	if tab == nil {
		return
	}
	scroll := scrollHolding(tab.Content, obj)
	if scroll == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(scroll.Content).Y
	bottom := scroll.Content.MinSize().Height - scroll.Size().Height
	scroll.Offset.Y = max(0, min(y-scroll.Size().Height/3, bottom))
	scroll.Refresh()
}

// scrollHolding is the scroll container of root's layout (its containers,
// not the insides of widgets) whose content holds obj's position, or nil.
func scrollHolding(root, obj fyne.CanvasObject) *container.Scroll {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(obj)
	var walk func(o fyne.CanvasObject) *container.Scroll
	walk = func(o fyne.CanvasObject) *container.Scroll {
		switch x := o.(type) {
		case *container.Scroll:
			c := d.AbsolutePositionForObject(x.Content)
			size := x.Content.Size()
			if at.Y >= c.Y && at.Y < c.Y+size.Height && at.X >= c.X && at.X < c.X+size.Width {
				return x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				if s := walk(c); s != nil {
					return s
				}
			}
		}
		return nil
	}
	return walk(root)
}
