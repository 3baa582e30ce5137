package ui

import (
	"image/color"

	"caiji/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// cjkFont is the embedded DroidSansFallbackFull face. Fyne's own font has no
// hanzi and a kiosk image may have no system CJK font, so the theme supplies
// it for all text; glyphs it lacks fall through to Fyne's font.
var cjkFont = fyne.NewStaticResource("DroidSansFallbackFull.ttf", assets.CJKFont)

// Theme is Fyne's default theme, light or dark as the system asks, with the
// embedded CJK font for every text style except monospace.
type Theme struct{}

var _ fyne.Theme = Theme{}

func (Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

func (Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace {
		return theme.DefaultTheme().Font(s)
	}
	return cjkFont
}

func (Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
