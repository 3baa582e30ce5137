package domain

import (
	"regexp"
	"testing"
)

func TestParseCreditCode(t *testing.T) {
	tests := []struct {
		in, code string
		inner    bool
	}{
		{"91110108MA01QWER70", "", true},
		{"12440300455608135U", "", true},
		{"511201015012345691", "", true},
		{"92440300L12345674D", "", true},
		{"93410100123456788Q", "", true},
		{" 91110108ma01qwer70 ", "", true},
		{"91110108MA01QWER5R", "", false},
		{"91110108MA01QWER71", "U2", false},
		{"91110108MAI1QWER70", "U1", false},
		{"91110108MA01QWEO7", "U1", false},
		{"91A10108MA01QWER7C", "U1", false},
		{"", "U0", false},
	}
	for _, tt := range tests {
		got, err := ParseCreditCode(tt.in)
		if code(err) != tt.code {
			t.Errorf("ParseCreditCode(%q) = %v, want %s", tt.in, err, tt.code)
			continue
		}
		if err == nil && CreditInnerCheckOK(got) != tt.inner {
			t.Errorf("CreditInnerCheckOK(%s) = %v, want %v", got, !tt.inner, tt.inner)
		}
	}
}

func TestParseDiplomaNo(t *testing.T) {
	tests := []struct {
		in              string
		higher, foreign bool
		grad            Month
		code            string
		readable        bool
		year            int
		level           string
	}{
		{"100111201205000123", true, false, NewMonth(2012, 7), "", true, 2012, "05"},
		{"10011120010500012", true, false, NewMonth(2001, 7), "", false, 0, ""},
		{"100116201205000123", true, false, NewMonth(2012, 7), "", false, 0, ""}, // 自考: not decoded
		{"", true, false, NewMonth(2012, 7), "ED1", false, 0, ""},
		{"12345", true, false, NewMonth(2012, 7), "ED2", false, 0, ""},
		{"旧证书第123号", true, false, NewMonth(1998, 7), "", false, 0, ""},
		{"", true, false, NewMonth(1998, 7), "ED1", false, 0, ""},
		{"", false, false, NewMonth(2008, 7), "", false, 0, ""},
		{"A-123", false, false, NewMonth(2008, 7), "", false, 0, ""},
		{"教留服认美00001号", true, true, NewMonth(2015, 7), "", false, 0, ""},
		{"", true, true, NewMonth(2015, 7), "ED6", false, 0, ""},
	}
	for _, tt := range tests {
		_, info, err := ParseDiplomaNo(tt.in, tt.higher, tt.foreign, tt.grad)
		if code(err) != tt.code || info.Readable != tt.readable || info.Year != tt.year || info.Level != tt.level {
			t.Errorf("ParseDiplomaNo(%q) = %+v %v, want %s", tt.in, info, err, tt.code)
		}
	}
}

func TestParseDegreeNo(t *testing.T) {
	tests := []struct {
		in     string
		before bool
		code   string
		level  string
		year   int
	}{
		{"1001142012000123", false, "", "4", 2012},
		{"10011420120S0123", false, "DG2", "", 0},
		{"1001142012S00123", false, "", "4", 2012},
		{"1001142012E00123", false, "", "4", 2012},
		{"C1001142012000123", false, "", "4", 2012},
		{"Z1001132015000123", false, "", "3", 2015},
		{"T1001132015000123", false, "", "3", 2015},
		{"1001152012000123", false, "DG2", "", 0},
		{"", false, "DG1", "", 0},
		{"学位（2004）第88号", true, "", "", 0},
	}
	for _, tt := range tests {
		_, info, err := ParseDegreeNo(tt.in, tt.before)
		if code(err) != tt.code {
			t.Errorf("ParseDegreeNo(%q) = %v, want %s", tt.in, err, tt.code)
			continue
		}
		if tt.level != "" && (info == nil || info.Level != tt.level || info.Year != tt.year) {
			t.Errorf("ParseDegreeNo(%q) = %+v", tt.in, info)
		}
	}
}

// reCreditOracle is GB 32100's form rule written independently of the parser.
var reCreditOracle = regexp.MustCompile(`^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}$`)

// FuzzParseCreditCode checks the parser against the regex oracle and the
// check character: accepted codes match the oracle and survive reparsing.
func FuzzParseCreditCode(f *testing.F) {
	for _, s := range []string{"91110108MA01QWER70", "91110108MA01QWER71", "", "９１"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseCreditCode(s)
		if err != nil {
			return
		}
		if !reCreditOracle.MatchString(got) || CreditCheckChar(got) != got[17] {
			t.Fatalf("accepted %q as %q", s, got)
		}
		CreditInnerCheckOK(got)
		if again, err := ParseCreditCode(got); err != nil || again != got {
			t.Fatalf("reparse %q: %q %v", got, again, err)
		}
	})
}

// FuzzCertificateNumbers: the diploma, degree, month, phone and name
// parsers never panic on any input.
func FuzzCertificateNumbers(f *testing.F) {
	for _, s := range []string{"100111201205000123", "C1001142012000123", "2020-09", "010-62345678", "张__", "JOHN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, higher := range []bool{true, false} {
			ParseDiplomaNo(s, higher, false, NewMonth(2012, 7))
			ParseDiplomaNo(s, higher, true, 0)
		}
		ParseDegreeNo(s, false)
		ParseDegreeNo(s, true)
		if m, err := ParseMonth(s); err == nil && m != 0 {
			if again, _ := ParseMonth(m.String()); again != m {
				t.Fatalf("month %q → %s → %s", s, m, again)
			}
		}
		ParseWorkPhone(s)
		ParseMobile(s)
		ParseName(IDMainland, s)
		ParseName(IDForeignPassport, s)
	})
}
