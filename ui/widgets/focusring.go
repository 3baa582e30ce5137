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
	// inset is how far inside the control's edge the ring runs: on a
	// filled button far enough to have the fill on both sides of it.
	inset func() float32
}

// withFocusRing wraps a control's own renderer.
func withFocusRing(r fyne.WidgetRenderer, focused func() bool, colour func() fyne.ThemeColorName, inset func() float32) fyne.WidgetRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = 2
	ring.Hide()
	return &focusRing{WidgetRenderer: r, ring: ring, focused: focused, colour: colour, inset: inset}
}

func (r *focusRing) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring)
}

func (r *focusRing) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	inset := r.inset()
	r.ring.Move(fyne.NewPos(inset, inset))
	r.ring.Resize(size.SubtractWidthHeight(2*inset, 2*inset))
}

func (r *focusRing) Refresh() {
	r.WidgetRenderer.Refresh()
	r.ring.StrokeColor = theme.Color(r.colour())
	r.ring.CornerRadius = max(theme.Size(theme.SizeNameInputRadius)-r.inset()/2, 0)
	r.ring.Hidden = !r.focused()
	r.ring.Refresh()
}
