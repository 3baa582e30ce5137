package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// passwordSpecials is the set of special characters the password policy counts (§3).
const passwordSpecials = "!@#$%^&*()_+-=[]{};:'\",.<>/?~"

// CheckPassword applies the password policy (PW1–PW4): 8–20 characters, at
// least three of upper case, lower case, digit and special, no spaces, and
// not the ID number or phone number.
func CheckPassword(pw, idNumber, phone string) error {
	n := utf8.RuneCountInString(pw)
	if n < 8 || n > 20 {
		return errorf("PW1", "密码长度应为8–20位", "The password must have 8–20 characters")
	}
	var upper, lower, digit, special bool
	for _, r := range pw {
		switch {
		case unicode.IsSpace(r):
			return errorf("PW2", "密码不能包含空格", "The password must not contain spaces")
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(passwordSpecials, r):
			special = true
		default:
			return errorf("PW2", "密码只能包含字母、数字和常用符号", "The password may contain only letters, digits and common symbols")
		}
	}
	if (idNumber != "" && strings.EqualFold(pw, idNumber)) || (phone != "" && pw == phone) {
		return errorf("PW4", "密码不能与证件号码或手机号码相同", "The password must not equal the ID number or mobile number")
	}
	kinds := 0
	for _, b := range []bool{upper, lower, digit, special} {
		if b {
			kinds++
		}
	}
	if kinds < 3 {
		return errorf("PW3", "密码需包含大写字母、小写字母、数字、符号中的至少三种", "Use at least three of: upper case, lower case, digits, symbols")
	}
	return nil
}

// CheckPasswordConfirm checks 确认密码 (PW5).
func CheckPasswordConfirm(pw, confirm string) error {
	if pw != confirm {
		return errorf("PW5", "两次输入的密码不一致", "The two passwords differ")
	}
	return nil
}
