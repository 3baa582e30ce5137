package domain

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

var (
	reDiploma   = regexp.MustCompile(`^\d{17,18}$`)
	reDegree    = regexp.MustCompile(`^[CZT]?\d{5}[234]\d{4}[0-9SEZ]\d{5}$`)
	reFreeCert  = regexp.MustCompile(`^[0-9A-Za-z\-]{1,30}$`)
	xuexinStart = NewMonth(2001, 9) // diplomas from 2001-09 on are in 学信网 (ED1)
)

// NormalizeCertNo trims, folds full-width characters and removes spaces.
func NormalizeCertNo(raw string) string {
	return strings.ToUpper(strings.Join(strings.Fields(width.Narrow.String(raw)), ""))
}

// DiplomaInfo is what an 18-digit 学信网 number says (§5.2).
type DiplomaInfo struct {
	School   string // digits 1–5
	Kind     byte   // digit 6: 1 普通, 5 成人, 6 自考, 7 网络
	Year     int    // digits 7–10
	Level    string // digits 11–12: 01 02 04 05 06
	Readable bool   // false for 17-digit and 自考 numbers
}

// ParseDiplomaNo checks a 学历证书编号 for a diploma of level (ED1, ED2, ED5,
// ED6). higher says the level is registered with 学信网; graduated is the
// 毕业时间; foreign rows take a 留服认证 number instead.
func ParseDiplomaNo(raw string, higher, foreign bool, graduated Month) (string, DiplomaInfo, error) {
	s := NormalizeCertNo(raw)
	var info DiplomaInfo
	switch {
	case foreign:
		s = strings.TrimSpace(width.Narrow.String(raw))
		if n := utf8.RuneCountInString(s); n < 1 || n > 30 {
			return s, info, errorf("ED6", "境外学历请填写教育部留学服务中心认证书编号（1–30个字符）", "For a foreign degree enter the CSCSE certification number (1–30 characters)")
		}
		return s, info, nil
	case !higher:
		if s != "" && !reFreeCert.MatchString(s) {
			return s, info, errorf("ED5", "证书编号只能包含字母、数字和“-”，最多30位", "A certificate number may contain letters, digits and -, at most 30")
		}
		return s, info, nil
	case graduated != 0 && graduated < xuexinStart:
		if n := utf8.RuneCountInString(s); n < 1 || n > 30 {
			return s, info, errorf("ED1", "请填写学历证书编号（1–30个字符）", "Enter the diploma number (1–30 characters)")
		}
		return s, info, nil
	}
	if s == "" {
		return s, info, errorf("ED1", "请填写学历证书编号（见毕业证书或学信网）", "Enter the diploma number (on the diploma or in CHSI)")
	}
	if !reDiploma.MatchString(s) {
		return s, info, errorf("ED2", "2001年9月以后毕业的学历证书编号应为17或18位数字", "Diplomas from September 2001 on have 17 or 18 digits")
	}
	if len(s) == 18 && strings.IndexByte("157", s[5]) >= 0 {
		info = DiplomaInfo{School: s[:5], Kind: s[5], Level: s[10:12], Readable: true}
		info.Year = int(s[6]-'0')*1000 + int(s[7]-'0')*100 + int(s[8]-'0')*10 + int(s[9]-'0')
	}
	return s, info, nil
}

// DegreeInfo is what a 学位证书编号 says (§5.3).
type DegreeInfo struct {
	School string // the 5-digit 授予单位代码
	Level  string // 2 博士, 3 硕士, 4 学士
	Year   int
}

// ParseDegreeNo checks a 学位证书编号 (DG1, DG2, DG6). Numbers of degrees
// conferred before 2006 used other schemes and are free text.
func ParseDegreeNo(raw string, conferredBefore2006 bool) (string, *DegreeInfo, error) {
	s := NormalizeCertNo(raw)
	if s == "" {
		return s, nil, errorf("DG1", "请填写学位证书编号", "Enter the degree certificate number")
	}
	if conferredBefore2006 {
		if utf8.RuneCountInString(s) > 30 {
			return s, nil, errorf("DG6", "学位证书编号最多30个字符", "A degree certificate number has at most 30 characters")
		}
		return s, nil, nil
	}
	if !reDegree.MatchString(s) {
		return s, nil, errorf("DG2", "学位证书编号应为16位数字（双学位、第二学士学位第11位为 S/E），或以 C、Z、T 开头的17位", "A degree number has 16 digits (S/E in position 11 for double or second degrees), or 17 starting with C, Z or T")
	}
	body := strings.TrimLeft(s[:1], "CZT") + s[1:]
	info := &DegreeInfo{School: body[:5], Level: body[5:6]}
	info.Year = int(body[6]-'0')*1000 + int(body[7]-'0')*100 + int(body[8]-'0')*10 + int(body[9]-'0')
	return s, info, nil
}
