package ui

import (
	"testing"

	"caiji/ui/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestSignInPlaceholdersFit: the placeholders of the sign-in and
// registration forms are shown whole at the window's size, in both
// languages (the English password rule was cut off after "digit,"). The
// steps' placeholders are checked in package candidate.
func TestSignInPlaceholdersFit(t *testing.T) {
	for _, lang := range []string{i18n.LangZh, i18n.LangEn} {
		a, _ := newTestApp(t, lang)
		for _, e := range []*widget.Entry{a.account.loginID, a.account.regName, a.account.regPW} {
			room := e.Size().Width - 2*theme.InnerPadding() - 2*theme.InputBorderSize()
			if e.Password {
				room -= theme.IconInlineSize() + 2*theme.InnerPadding() // the reveal button
			}
			if w := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width; e.PlaceHolder == "" || w > room {
				t.Errorf("%s: placeholder %q is %.0f px in %.0f px", lang, e.PlaceHolder, w, room)
			}
		}
	}
}
