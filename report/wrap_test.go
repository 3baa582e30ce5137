package report

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// unit gives every rune width 1 and CJK runes width 2, as a monospaced
// CJK font would.
func unit(r rune) float64 {
	if wide(r) {
		return 2
	}
	return 1
}

func TestWrap(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"", 10, []string{""}},
		{"short", 10, []string{"short"}},
		{"two words", 5, []string{"two", "words"}},
		{"a long address line here", 10, []string{"a long", "address", "line here"}},
		{"unbreakableword", 5, []string{"unbre", "akabl", "eword"}},
		{"北京市海淀区中关村大街", 8, []string{"北京市海", "淀区中关", "村大街"}},
		// Closing punctuation stays with the character before it.
		{"北京市，海淀区", 6, []string{"北京", "市，海", "淀区"}},
		// Opening punctuation goes with the character after it.
		{"北京（海淀）", 6, []string{"北京", "（海", "淀）"}},
		{"中关村1号院Zhongguancun", 10, []string{"中关村1号", "院", "Zhongguanc", "un"}},
		{"line one\nline two", 20, []string{"line one", "line two"}},
		{"  padded  ", 20, []string{"padded"}},
		{"a\n\nb", 20, []string{"a", "", "b"}},
		// Narrower than one rune: one rune a line, never an endless loop.
		{"北京", 1, []string{"北", "京"}},
	} {
		got := wrap(tt.text, tt.width, unit)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// FuzzWrap: whatever the text and width, wrapping loses no character but
// the spaces it breaks at, adds none, and keeps every line within the
// width unless the line is a single rune wider than it.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"北京市海淀区中关村大街1号", "Zhongguancun Street No. 1, Haidian", "（东门）。，", "a\n\nb  c", "\t\r😀𠮷", ""} {
		f.Add(s, 12.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width != width || width < 1 || width > 500 {
			t.Skip()
		}
		lines := wrap(text, width, unit)
		if squeeze(strings.Join(lines, "")) != squeeze(text) {
			t.Fatalf("wrap(%q, %v) = %q: characters lost or added", text, width, lines)
		}
		for _, l := range lines {
			w := 0.0
			for _, r := range l {
				w += unit(r)
			}
			if w > width && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("wrap(%q, %v): line %q is %v wide", text, width, l, w)
			}
			if strings.TrimFunc(l, unicode.IsSpace) != l {
				t.Fatalf("wrap(%q, %v): line %q has spaces at an end", text, width, l)
			}
		}
	})
}

func TestEllipsize(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float64
		want  string
	}{
		{"张三", 4, "张三"},
		{"欧阳欧阳欧阳", 7, "欧阳欧…"},
		{"abcdef", 4, "abc…"},
		{"abc", 0, "…"},
	} {
		if got := ellipsize(tt.text, tt.width, unit); got != tt.want {
			t.Errorf("ellipsize(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
