package domain

import (
	"regexp"
	"strings"

	"golang.org/x/text/width"
)

// creditChars are the 31 characters of GB 32100 (no I, O, S, V, Z); a
// character's value is its index.
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var (
	creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	reCredit      = regexp.MustCompile(`^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$`)
	orgWeights    = [8]int{3, 7, 9, 10, 5, 8, 4, 2}
)

// NormalizeCreditCode trims, folds full-width characters, removes spaces and
// upper-cases.
func NormalizeCreditCode(raw string) string {
	s := width.Narrow.String(raw)
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// CreditCheckChar computes the GB 32100 check character over the first 17
// characters of s, which must all be in the character set.
func CreditCheckChar(s string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(creditChars, s[i]) * creditWeights[i]
	}
	return creditChars[(31-sum%31)%31]
}

// ParseCreditCode validates a 统一社会信用代码 (U1 form, U2 check character)
// and returns it normalised.
func ParseCreditCode(raw string) (string, error) {
	s := NormalizeCreditCode(raw)
	if s == "" {
		return s, errorf("U0", "请填写统一社会信用代码", "Enter the unified social credit code")
	}
	if !reCredit.MatchString(s) {
		return s, errorf("U1", "统一社会信用代码应为18位，第3–8位为数字，且不含字母 I、O、S、V、Z", "A credit code has 18 characters, digits in positions 3–8, and no I, O, S, V or Z")
	}
	if CreditCheckChar(s) != s[17] {
		return s, errorf("U2", "统一社会信用代码校验位（最后一位）不正确，请对照营业执照核对", "The credit code's check character (last) is wrong: compare it with the business licence")
	}
	return s, nil
}

// CreditInnerCheckOK applies the optional GB 11714 check to positions 9–17
// of a valid credit code (U6, a warning only).
func CreditInnerCheckOK(s string) bool {
	sum := 0
	for i := 0; i < 8; i++ {
		c := s[8+i]
		v := int(c - '0')
		if c >= 'A' && c <= 'Z' {
			v = int(c-'A') + 10
		}
		sum += v * orgWeights[i]
	}
	var want byte
	switch c9 := 11 - sum%11; c9 {
	case 10:
		want = 'X'
	case 11:
		want = '0'
	default:
		want = byte('0' + c9)
	}
	return s[16] == want
}
