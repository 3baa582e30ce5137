package domain

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RareCharPlaceholder is what the platform asks users to type for a 生僻字
// their input method cannot produce.
const RareCharPlaceholder = "__"

var reLatinName = regexp.MustCompile(`^[A-Z][A-Z .'\-]{0,63}$`)

// NormalizeName trims and unifies the middle dots people type (• ．・ → ·).
func NormalizeName(raw string) string {
	s := strings.TrimSpace(raw)
	return strings.NewReplacer("•", "·", "．", "·", "・", "·").Replace(s)
}

// ParseName validates a person's name for an ID type (NM1–NM3): Chinese names
// of 2–30 CJK characters (extensions included) with · and the __ placeholder;
// Latin names in passport form for foreign passports.
func ParseName(t IDType, raw string) (string, error) {
	s := NormalizeName(raw)
	if s == "" {
		return s, errorf("NM0", "请填写姓名", "Enter the name")
	}
	if t.LatinName() {
		s = strings.ToUpper(s)
		if !reLatinName.MatchString(s) {
			return s, errorf("NM2", "请按护照填写英文姓名（大写字母、空格、点、撇号或连字符）", "Enter the name as in the passport (letters, spaces, . ' -)")
		}
		return s, nil
	}
	if !isChineseName(s) {
		return s, errorf("NM1", "姓名应为2–30个汉字，可含“·”；无法输入的生僻字请用两个下划线“__”代替", "A name has 2–30 Chinese characters and may contain ·; type __ for a character you cannot input")
	}
	return s, nil
}

func isChineseName(s string) bool {
	rest := strings.ReplaceAll(s, RareCharPlaceholder, "\u3400") // a placeholder counts as one character
	n := utf8.RuneCountInString(rest)
	if n < 2 || n > 30 || strings.HasPrefix(rest, "·") || strings.HasSuffix(rest, "·") || strings.Contains(rest, "··") {
		return false
	}
	for _, r := range rest {
		if r != '·' && !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// HasRareCharPlaceholder reports whether the name uses the 生僻字 placeholder,
// which flags the record "含生僻字" for the reviewer.
func HasRareCharPlaceholder(name string) bool { return strings.Contains(name, RareCharPlaceholder) }
