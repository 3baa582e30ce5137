package domain

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Gender as derived from an identity number or entered by the user.
type Gender string

const (
	Male   Gender = "M"
	Female Gender = "F"
)

// Name returns 男/女 or Male/Female.
func (g Gender) Name() Msg {
	switch g {
	case Male:
		return Msg{"男", "Male"}
	case Female:
		return Msg{"女", "Female"}
	}
	return Msg{}
}

// GenderOptions are 男 and 女 as an option list, for the ID types that do
// not carry the gender.
func GenderOptions() []Option {
	out := make([]Option, 0, 2)
	for _, g := range []Gender{Male, Female} {
		out = append(out, Option{Code: string(g), Zh: g.Name().Zh, En: g.Name().En})
	}
	return out
}

// Identity is a parsed, normalised identity number with what it reveals.
type Identity struct {
	Type   IDType
	Number string
	// Birth and Gender are set only when the number carries them.
	Birth  time.Time
	Gender Gender
}

var (
	reMainland  = regexp.MustCompile(`^[1-9]\d{16}[\dX]$`)
	reHMTRes    = regexp.MustCompile(`^(810000|820000|830000)\d{8}\d{3}[\dX]$`)
	rePRNew     = regexp.MustCompile(`^9\d{16}[\dX]$`)
	rePROld     = regexp.MustCompile(`^[A-Z]{3}\d{12}$`)
	reHKMacao   = regexp.MustCompile(`^[HM]\d{8}(\d{2})?$`)
	reTaiwan    = regexp.MustCompile(`^\d{8}(\d{2})?$`)
	rePassport  = regexp.MustCompile(`^[A-Z0-9]{5,17}$`)
	reAllDigits = regexp.MustCompile(`^\d+$`)
)

// NormalizeIDNumber trims, folds full-width characters (０-９, Ｘ) to ASCII,
// removes inner spaces and upper-cases (ID1).
func NormalizeIDNumber(raw string) string {
	s := width.Narrow.String(raw)
	s = strings.Join(strings.Fields(s), "")
	return strings.ToUpper(s)
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// IDCheckDigit computes the ISO 7064 MOD 11-2 check character over the first
// 17 digits of s. s must hold at least 17 ASCII digits.
func IDCheckDigit(s string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(s[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// UpgradeLegacyID turns a first-generation 15-digit number into its 18-digit
// form (§1.4); ok is false when s is not 15 digits.
func UpgradeLegacyID(s string) (string, bool) {
	if len(s) != 15 || !reAllDigits.MatchString(s) {
		return "", false
	}
	body := s[:6] + "19" + s[6:]
	return body + string(IDCheckDigit(body)), true
}

var mainlandProvinces = map[string]bool{}

func init() {
	for _, r := range [][2]int{{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}} {
		for p := r[0]; p <= r[1]; p++ {
			mainlandProvinces[itoa2(p)] = true
		}
	}
}

func itoa2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// ParseIdentity validates raw as a number of type t on the day of today in
// Beijing and returns the normalised identity, or a Problem (as error)
// naming the first rule it breaks.
func ParseIdentity(t IDType, raw string, today time.Time) (Identity, error) {
	today = CivilDate(today)
	s := NormalizeIDNumber(raw)
	id := Identity{Type: t, Number: s}
	if s == "" {
		return id, errorf("ID0", "请填写证件号码", "Enter the ID number")
	}
	var err error
	switch t {
	case IDMainland:
		err = parseMainland(&id, today)
	case IDHMTResidence:
		if !reHMTRes.MatchString(s) {
			return id, errorf("ID2", "港澳台居民居住证号码应为 810000/820000/830000 开头的18位号码", "A HK/Macao/Taiwan residence permit number has 18 characters starting with 810000, 820000 or 830000")
		}
		err = parseBirthAndCheck(&id, s[6:14], today)
	case IDForeignPR:
		err = parseForeignPR(&id, today)
	case IDHKMacaoPermit:
		if !reHKMacao.MatchString(s) {
			return id, errorf("ID2", "港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（可再加 2 位换证次数），如 H12345678", "A HK/Macao permit number is H or M plus 8 digits (optionally 2 more), e.g. H12345678")
		}
	case IDTaiwanPermit:
		if !reTaiwan.MatchString(s) {
			return id, errorf("ID2", "台湾居民来往大陆通行证号码应为 8 位数字（可再加 2 位换证次数）", "A Taiwan permit number is 8 digits (optionally 2 more)")
		}
	case IDForeignPassport:
		if !rePassport.MatchString(s) {
			return id, errorf("ID2", "护照号码应为 5–17 位字母或数字", "A passport number has 5–17 letters or digits")
		}
	default:
		return id, errorf("IDT", "请选择证件类型", "Choose the ID type")
	}
	return id, err
}

func parseMainland(id *Identity, today time.Time) error {
	s := id.Number
	if len(s) == 15 && reAllDigits.MatchString(s) {
		return errorf("ID7", "请输入18位居民身份证号码（15位一代身份证已于2013年1月1日停止使用）", "Enter the 18-digit ID number (15-digit first-generation cards expired on 2013-01-01)")
	}
	if !reMainland.MatchString(s) {
		return errorf("ID2", "居民身份证号码应为18位：17位数字加1位数字或X", "A resident ID number has 18 characters: 17 digits and a digit or X")
	}
	switch p := s[:2]; {
	case p == "81" || p == "82" || p == "83" || p == "71":
		return errorf("ID3", "这是港澳台居民的证件号码，请将证件类型选为“港澳台居民居住证”", "This number belongs to a HK/Macao/Taiwan residence permit: choose that ID type")
	case p[0] == '9':
		return errorf("ID3", "这是外国人永久居留身份证号码，请将证件类型选为“外国人永久居留身份证”", "This is a foreigner's permanent residence ID: choose that ID type")
	case !mainlandProvinces[p]:
		return errorf("ID3", "身份证号码前两位不是内地省份代码，请核对", "The first two digits are not a mainland province code")
	}
	return parseBirthAndCheck(id, s[6:14], today)
}

func parseForeignPR(id *Identity, today time.Time) error {
	s := id.Number
	if rePRNew.MatchString(s) {
		return parseBirthAndCheck(id, s[6:14], today)
	}
	if !rePROld.MatchString(s) {
		return errorf("ID2", "外国人永久居留身份证号码应为9开头的18位号码，或3个字母加12位数字的旧版号码", "A permanent residence ID is 18 characters starting with 9, or the old 3 letters + 12 digits")
	}
	if prOldCheck(s) != s[14] {
		return errorf("ID6", "证件号码校验位不正确，请逐位核对", "The check digit is wrong: compare the number digit by digit")
	}
	century := "19"
	if s[7:13] <= today.Format("060102") {
		century = "20"
	}
	birth, ok := parseYMD(century + s[7:13])
	if !ok || birth.After(today) {
		return errorf("ID5", "证件号码中的出生日期不是有效日期", "The birth date in the number is not a real date")
	}
	id.Birth = birth
	id.Gender = genderFromDigit(s[13])
	return nil
}

// prOldCheck computes the ICAO 9303 7-3-1 check over the first 14 characters.
func prOldCheck(s string) byte {
	w := [3]int{7, 3, 1}
	sum := 0
	for i := 0; i < 14; i++ {
		c := s[i]
		v := int(c - '0')
		if c >= 'A' && c <= 'Z' {
			v = int(c-'A') + 10
		}
		sum += v * w[i%3]
	}
	return byte('0' + sum%10)
}

func parseBirthAndCheck(id *Identity, ymd string, today time.Time) error {
	birth, ok := parseYMD(ymd)
	if !ok {
		return errorf("ID5", "证件号码中的出生日期（第7–14位）不是有效日期", "The birth date in the number (characters 7–14) is not a real date")
	}
	if birth.Before(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)) || birth.After(today) {
		return errorf("ID5", "证件号码中的出生日期早于1900年或晚于今天", "The birth date in the number is before 1900 or in the future")
	}
	if IDCheckDigit(id.Number) != id.Number[17] {
		return errorf("ID6", "证件号码校验位（最后一位）不正确，请逐位核对", "The check digit (last character) is wrong: compare the number digit by digit")
	}
	id.Birth = birth
	id.Gender = genderFromDigit(id.Number[16])
	return nil
}

func genderFromDigit(c byte) Gender {
	if (c-'0')%2 == 1 {
		return Male
	}
	return Female
}

// parseYMD reads YYYYMMDD and rejects dates that time.Date would normalise
// (02-30 becoming 03-02).
func parseYMD(s string) (time.Time, bool) {
	t, err := time.Parse("20060102", s)
	return t, err == nil
}

// AgeAt returns whole years from birth to d, counting a 02-29 birthday as
// 03-01 in non-leap years.
func AgeAt(birth, d time.Time) int {
	age := d.Year() - birth.Year()
	bm, bd := birth.Month(), birth.Day()
	if bm == time.February && bd == 29 && !isLeap(d.Year()) {
		bm, bd = time.March, 1
	}
	if d.Month() < bm || (d.Month() == bm && d.Day() < bd) {
		age--
	}
	return age
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
