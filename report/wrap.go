package report

import (
	"strings"
	"unicode"
)

// wrap breaks text into lines no wider than width, where advance gives each
// rune's width. Latin words break at spaces; CJK text breaks between any
// two characters, except before closing punctuation (，。、）…) or after
// opening punctuation (（《“…), as Chinese typesetting does; a word longer
// than a line breaks between its characters. Explicit newlines are kept.
// Nothing is dropped but the spaces a line break replaces, and a line is
// wider than width only when it is one rune wider than width.
//
// fpdf's own SplitText drops the CJK character it breaks at, which is why
// the sheet wraps its text here.
func wrap(text string, width float64, advance func(rune) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapParagraph([]rune(para), width, advance)...)
	}
	return lines
}

func wrapParagraph(runes []rune, width float64, advance func(rune) float64) []string {
	var lines []string
	start := skipSpaces(runes, 0)
	if start == len(runes) {
		return []string{""}
	}
	for start < len(runes) {
		end, used, cut := start, 0.0, -1
		for ; end < len(runes); end++ {
			if end > start && breakBefore(runes[end-1], runes[end]) {
				cut = end
			}
			w := advance(runes[end])
			if used+w > width && end > start && !unicode.IsSpace(runes[end]) {
				break
			}
			used += w
		}
		if end == len(runes) || cut <= start {
			cut = end // the rest fits, or one word fills the line: break inside it
		}
		lines = append(lines, strings.TrimRightFunc(string(runes[start:cut]), unicode.IsSpace))
		start = skipSpaces(runes, cut)
	}
	return lines
}

func skipSpaces(runes []rune, i int) int {
	for i < len(runes) && unicode.IsSpace(runes[i]) {
		i++
	}
	return i
}

// breakBefore reports whether a line may break between prev and r.
func breakBefore(prev, r rune) bool {
	if unicode.IsSpace(r) || strings.ContainsRune(noLineStart, r) || strings.ContainsRune(noLineEnd, prev) {
		return false
	}
	return unicode.IsSpace(prev) || wide(prev) || wide(r)
}

// Closing marks never start a line and opening marks never end one (禁则).
const (
	noLineStart = "，。、；：！？）》」』】〕〉”’…—·,.;:!?)]}%"
	noLineEnd   = "（《「『【〔〈“‘([{"
)

// wide reports whether r is set as an ideograph, breakable on either side:
// CJK scripts, their punctuation and the full-width forms.
func wide(r rune) bool {
	return r >= 0x2E80 && (r <= 0xA4CF || (r >= 0xAC00 && r <= 0xD7AF) || (r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFFEF) || r >= 0x20000)
}

// ellipsize shortens text to width, ending it with … when it had to cut:
// for a line that only repeats what the sheet prints in full elsewhere.
func ellipsize(text string, width float64, advance func(rune) float64) string {
	total := 0.0
	for _, r := range text {
		total += advance(r)
	}
	if total <= width {
		return text
	}
	used, room := 0.0, width-advance('…')
	for i, r := range text {
		if used += advance(r); used > room {
			return text[:i] + "…"
		}
	}
	return text
}
