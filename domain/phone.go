package domain

import (
	"regexp"
	"strings"

	"golang.org/x/text/width"
)

var (
	reMobile   = regexp.MustCompile(`^1[3-9]\d{9}$`)
	reLandline = regexp.MustCompile(`^0(10|2\d|[3-9]\d{2})-?[2-9]\d{6,7}(-\d{1,6})?$`)
	reService  = regexp.MustCompile(`^[48]00-?\d{3}-?\d{4}$`)
)

// NormalizeMobile folds full-width digits, strips spaces, dashes and a
// leading +86/86, as people paste numbers in every shape.
func NormalizeMobile(raw string) string {
	s := width.Narrow.String(raw)
	s = strings.NewReplacer(" ", "", "-", "", "\t", "").Replace(s)
	s = strings.TrimPrefix(s, "+")
	if len(s) == 13 && strings.HasPrefix(s, "86") {
		s = s[2:]
	}
	return s
}

// ParseMobile validates a mainland mobile number (PH1) and returns it normalised.
func ParseMobile(raw string) (string, error) {
	s := NormalizeMobile(raw)
	if s == "" {
		return s, errorf("PH0", "请填写手机号码", "Enter the mobile number")
	}
	if !reMobile.MatchString(s) {
		return s, errorf("PH1", "手机号码应为1开头的11位数字", "A mobile number has 11 digits starting with 1")
	}
	return s, nil
}

// ParseWorkPhone validates 工作单位电话 (TEL1): a landline with area code, a
// mobile, or a 400/800 service number. A local landline number never starts
// with 0 or 1 (those dial out of the area), so examples use 010-62345678.
func ParseWorkPhone(raw string) (string, error) {
	s := strings.TrimSpace(width.Narrow.String(raw))
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return s, errorf("TEL0", "请填写工作单位电话", "Enter the work phone")
	}
	if reLandline.MatchString(s) || reService.MatchString(s) {
		return s, nil
	}
	if m := NormalizeMobile(s); reMobile.MatchString(m) {
		return m, nil
	}
	return s, errorf("TEL1", "请填写带区号的固定电话（如 010-62345678）、手机号码或400/800电话", "Enter a landline with area code (e.g. 010-62345678), a mobile or a 400/800 number")
}
