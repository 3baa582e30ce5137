package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// sideBySide lays out its objects in equal columns when each gets at least
// minWidth, else one above the other: two forms stand side by side on a
// wide window and stay readable (placeholders whole) on a 1024×768 screen.
type sideBySide struct{ minWidth float32 }

// SideBySide holds objects in columns of at least minWidth each, stacked
// when the width is too small for that.
func SideBySide(minWidth float32, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(sideBySide{minWidth}, objects...)
}

func (l sideBySide) columns(width float32, n int) int {
	gap := theme.Padding()
	if n > 1 && width >= float32(n)*l.minWidth+float32(n-1)*gap {
		return n
	}
	return 1
}

func (l sideBySide) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	n, gap := l.columns(size.Width, len(objects)), theme.Padding()
	if n == 1 {
		y := float32(0)
		for _, o := range objects {
			h := o.MinSize().Height
			o.Move(fyne.NewPos(0, y))
			o.Resize(fyne.NewSize(size.Width, h))
			y += h + gap
		}
		return
	}
	w := (size.Width - float32(n-1)*gap) / float32(n)
	for i, o := range objects {
		o.Move(fyne.NewPos(float32(i)*(w+gap), 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// MinSize is the widest object's width and the stacked height: the height
// the layout needs at its narrowest.
func (l sideBySide) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objects {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height += theme.Padding()
		}
	}
	return s
}
