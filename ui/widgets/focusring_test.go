package widgets

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestFocusRingStandsOut checks the ring against what it is drawn on, in
// both theme variants — the blue high-importance button, a plain button and
// the window background (a check box) — at the 3:1 contrast WCAG asks of
// focus indicators, and that it shows exactly while the control is focused.
func TestFocusRingStandsOut(t *testing.T) {
	th := theme.DefaultTheme() // Caiji's theme keeps Fyne's colours
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, p := range []struct{ ring, on fyne.ThemeColorName }{
			{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
			{theme.ColorNameForeground, theme.ColorNameButton},
			{theme.ColorNameForeground, theme.ColorNameBackground},
		} {
			if r := contrast(th.Color(p.ring, v), th.Color(p.on, v)); r < 3 {
				t.Errorf("variant %d: ring %s on %s has contrast %.1f:1", v, p.ring, p.on, r)
			}
		}
	}
	b := NewButton("登录", nil)
	b.Importance = widget.HighImportance
	if b.ringColour() != theme.ColorNameForegroundOnPrimary {
		t.Error("the blue button's ring is not in its text colour")
	}
	w := test.NewWindow(b)
	defer w.Close()
	ring := test.WidgetRenderer(b).(*focusRing).ring
	w.Canvas().Focus(b)
	if !ring.Visible() {
		t.Error("focused button shows no ring")
	}
	w.Canvas().Unfocus()
	if ring.Visible() {
		t.Error("ring shown without focus")
	}
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
