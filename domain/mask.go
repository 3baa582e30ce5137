package domain

import "strings"

// MaskIDNumber hides the middle of an identity number (110101********9913),
// for screens that someone else at a kiosk or review desk might see.
func MaskIDNumber(s string) string { return mask(s, 6, 4) }

// MaskPhone hides the middle four digits of a mobile number (138****5678).
func MaskPhone(s string) string { return mask(s, 3, 4) }

func mask(s string, head, tail int) string {
	if len(s) <= head+tail {
		return s
	}
	return s[:head] + strings.Repeat("*", len(s)-head-tail) + s[len(s)-tail:]
}
