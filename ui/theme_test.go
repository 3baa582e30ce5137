package ui

import (
	"bytes"
	"image"
	"testing"
	"unicode"

	"caiji/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font/sfnt"
)

// TestFontCoversChineseStrings: every hanzi the Chinese UI shows has a glyph
// in the embedded font.
func TestFontCoversChineseStrings(t *testing.T) {
	f, err := sfnt.Parse(assets.CJKFont)
	if err != nil {
		t.Fatal(err)
	}
	zh := messages(t, "zh")
	var buf sfnt.Buffer
	checked := 0
	for _, s := range zh {
		for _, r := range s {
			// Hanzi and CJK/full-width punctuation; Latin text falls through
			// to Fyne's own font.
			if !unicode.Is(unicode.Han, r) && !(r >= 0x3000 && r <= 0x303F) && !(r >= 0xFF00 && r <= 0xFFEF) {
				continue
			}
			checked++
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				t.Errorf("no glyph for %q (in %q)", r, s)
			}
		}
	}
	if checked < 500 {
		t.Fatalf("checked only %d runes", checked)
	}
}

// render draws text alone in a headless window with the given theme.
func render(t *testing.T, th fyne.Theme, text string) image.Image {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(th)
	w := test.NewWindow(widget.NewLabel(text))
	defer w.Close()
	w.Resize(fyne.NewSize(160, 60))
	return w.Canvas().Capture()
}

func samePixels(a, b image.Image) bool {
	ra, rb := a.(*image.NRGBA), b.(*image.NRGBA)
	return ra != nil && rb != nil && bytes.Equal(ra.Pix, rb.Pix)
}

// TestThemeDrawsChineseGlyphs renders two different hanzi. Without a CJK font
// both become the same replacement box; with the theme they must differ, and
// each must differ from a blank label.
func TestThemeDrawsChineseGlyphs(t *testing.T) {
	han, zi, blank := render(t, Theme{}, "汉汉"), render(t, Theme{}, "字字"), render(t, Theme{}, "")
	if samePixels(han, zi) || samePixels(han, blank) {
		t.Fatal("the theme draws 汉 and 字 alike or not at all: Chinese glyphs are not resolved")
	}
	// The control case, showing the check can fail: without a system CJK
	// font, Fyne's own font draws both as the same box.
	if samePixels(render(t, theme.DefaultTheme(), "汉汉"), render(t, theme.DefaultTheme(), "字字")) {
		t.Log("control: the default theme draws 汉 and 字 as the same box")
	} else {
		t.Log("control not applicable: a system CJK font is installed")
	}
}
