package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// focusRing draws a ring just inside a control while it has the keyboard
// focus. Fyne marks a focused button or check box only by a faint tint — on
// the blue 登录 button one colour step — which a keyboard user cannot
// follow. The ring takes the text colour of what it is drawn on: the text
// colour on blue for a blue button, the ordinary one elsewhere; both stand
// out at 3:1 or more in both themes.
type focusRing struct {
	fyne.WidgetRenderer
	ring    *canvas.Rectangle
	focused func() bool
	colour  func() fyne.ThemeColorName
}

// withFocusRing wraps a control's own renderer.
func withFocusRing(r fyne.WidgetRenderer, focused func() bool, colour func() fyne.ThemeColorName) fyne.WidgetRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = 2
	ring.Hide()
	return &focusRing{WidgetRenderer: r, ring: ring, focused: focused, colour: colour}
}

func (r *focusRing) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring)
}

func (r *focusRing) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	inset := theme.Size(theme.SizeNameInputBorder)
	r.ring.Move(fyne.NewPos(inset, inset))
	r.ring.Resize(size.SubtractWidthHeight(2*inset, 2*inset))
}

func (r *focusRing) Refresh() {
	r.WidgetRenderer.Refresh()
	r.ring.StrokeColor = theme.Color(r.colour())
	r.ring.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	r.ring.Hidden = !r.focused()
	r.ring.Refresh()
}
