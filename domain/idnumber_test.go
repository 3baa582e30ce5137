package domain

import (
	"testing"
	"time"
)

var today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func TestParseIdentityVectors(t *testing.T) {
	tests := []struct {
		typ    IDType
		in     string
		code   string // "" = valid
		norm   string
		gender Gender
		birth  string
	}{
		{IDMainland, "110101199003079913", "", "110101199003079913", Male, "1990-03-07"},
		{IDMainland, "440305200002299920", "", "440305200002299920", Female, "2000-02-29"},
		{IDMainland, "120101198512319986", "", "120101198512319986", Female, "1985-12-31"},
		{IDMainland, "140105200401019971", "", "140105200401019971", Male, "2004-01-01"},
		{IDMainland, "31010119950615998X", "", "31010119950615998X", Female, "1995-06-15"},
		{IDMainland, " 31010119950615998x ", "", "31010119950615998X", Female, "1995-06-15"},
		{IDMainland, "１１０１０１１９９００３０７９９１３", "", "110101199003079913", Male, "1990-03-07"},
		{IDMainland, "110101199003079910", "ID6", "", "", ""},
		{IDMainland, "110101199002309916", "ID5", "", "", ""},
		{IDMainland, "110101200102299917", "ID5", "", "", ""},
		{IDMainland, "110101209901019919", "ID5", "", "", ""},
		{IDMainland, "110101180001019917", "ID5", "", "", ""},
		{IDMainland, "990101199003079917", "ID3", "", "", ""},
		{IDMainland, "11010119900307991", "ID2", "", "", ""},
		{IDMainland, "110101900307993", "ID7", "", "", ""},
		{IDMainland, "810000199208089959", "ID3", "", "", ""},
		{IDMainland, "911840198805129941", "ID3", "", "", ""},
		{IDMainland, "", "ID0", "", "", ""},
		{IDMainland, "11010119900307991A", "ID2", "", "", ""},
		{IDHMTResidence, "810000199208089959", "", "810000199208089959", Male, "1992-08-08"},
		{IDHMTResidence, "820000199208089950", "", "820000199208089950", Male, "1992-08-08"},
		{IDHMTResidence, "830000199208089952", "", "830000199208089952", Male, "1992-08-08"},
		{IDHMTResidence, "110101199003079913", "ID2", "", "", ""},
		{IDHMTResidence, "810000199208089958", "ID6", "", "", ""},
		{IDForeignPR, "911840198805129941", "", "911840198805129941", Female, "1988-05-12"},
		{IDForeignPR, "USA110088051248", "", "USA110088051248", Female, "1988-05-12"},
		{IDForeignPR, "usa110088051248", "", "USA110088051248", Female, "1988-05-12"},
		{IDForeignPR, "USA110088051247", "ID6", "", "", ""},
		{IDForeignPR, withPRCheck("USA11008802314"), "ID5", "", "", ""},
		{IDForeignPR, "911840198805129940", "ID6", "", "", ""},
		{IDForeignPR, "A12345", "ID2", "", "", ""},
		{IDHKMacaoPermit, "H12345678", "", "H12345678", "", ""},
		{IDHKMacaoPermit, "m1234567801", "", "M1234567801", "", ""},
		{IDHKMacaoPermit, "H1234567", "ID2", "", "", ""},
		{IDHKMacaoPermit, "X12345678", "ID2", "", "", ""},
		{IDTaiwanPermit, "12345678", "", "12345678", "", ""},
		{IDTaiwanPermit, "1234567801", "", "1234567801", "", ""},
		{IDTaiwanPermit, "1234567A", "ID2", "", "", ""},
		{IDForeignPassport, "e1234567", "", "E1234567", "", ""},
		{IDForeignPassport, "E12", "ID2", "", "", ""},
		{IDType("99"), "110101199003079913", "IDT", "", "", ""},
	}
	for _, tt := range tests {
		id, err := ParseIdentity(tt.typ, tt.in, today)
		if tt.code != "" {
			p, ok := err.(Problem)
			if !ok || p.Code != tt.code {
				t.Errorf("ParseIdentity(%s, %q) = %v, want %s", tt.typ, tt.in, err, tt.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseIdentity(%s, %q): %v", tt.typ, tt.in, err)
			continue
		}
		if id.Number != tt.norm || id.Gender != tt.gender {
			t.Errorf("ParseIdentity(%s, %q) = %+v, want %s %s", tt.typ, tt.in, id, tt.norm, tt.gender)
		}
		if tt.birth != "" && id.Birth.Format("2006-01-02") != tt.birth {
			t.Errorf("ParseIdentity(%s, %q) birth %s, want %s", tt.typ, tt.in, id.Birth.Format("2006-01-02"), tt.birth)
		}
	}
}

func TestUpgradeLegacyID(t *testing.T) {
	got, ok := UpgradeLegacyID("110101900307993")
	if !ok || got != "11010119900307993X" {
		t.Fatalf("UpgradeLegacyID = %q %v, want 11010119900307993X", got, ok)
	}
	if _, ok := UpgradeLegacyID("11010190030799"); ok {
		t.Fatal("14 digits upgraded")
	}
	if _, err := ParseIdentity(IDMainland, got, today); err != nil {
		t.Fatalf("upgraded number invalid: %v", err)
	}
}

func TestAgeAt(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse("2006-01-02", s); return v }
	tests := []struct {
		birth, at string
		want      int
	}{
		{"2000-02-29", "2016-02-28", 15},
		{"2000-02-29", "2016-02-29", 16},
		{"2000-02-29", "2017-02-28", 16},
		{"2000-02-29", "2017-03-01", 17},
		{"1990-03-07", "2026-03-06", 35},
		{"1990-03-07", "2026-03-07", 36},
	}
	for _, tt := range tests {
		if got := AgeAt(d(tt.birth), d(tt.at)); got != tt.want {
			t.Errorf("AgeAt(%s, %s) = %d, want %d", tt.birth, tt.at, got, tt.want)
		}
	}
}

// FuzzParseIdentity: no input panics, and an accepted number is a fixed
// point of normalisation that parses again to the same identity.
func FuzzParseIdentity(f *testing.F) {
	for _, s := range []string{"110101199003079913", "31010119950615998x", "USA110088051248", "H12345678", "", "９", "110101900307993"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ty := range IDTypes() {
			id, err := ParseIdentity(ty, s, today)
			if err != nil {
				if _, ok := err.(Problem); !ok {
					t.Fatalf("error of type %T", err)
				}
				continue
			}
			again, err := ParseIdentity(ty, id.Number, today)
			if err != nil || again != id {
				t.Fatalf("%s %q: reparse %+v %v, first %+v", ty, s, again, err, id)
			}
		}
	})
}

// withPRCheck appends the 7-3-1 check digit, to build old-format numbers
// that fail only on another rule.
func withPRCheck(s string) string { return s + string(prOldCheck(s)) }

// TestBirthJudgedOnBeijingDay: a child born on 2026-11-28 exists from
// midnight in Beijing, which is 16:00 UTC the day before.
func TestBirthJudgedOnBeijingDay(t *testing.T) {
	id := "11010120261128001"
	id += string(IDCheckDigit(id + "0"))
	if _, err := ParseIdentity(IDMainland, id, time.Date(2026, 11, 27, 16, 30, 0, 0, time.UTC)); err != nil {
		t.Errorf("born today in Beijing: %v", err)
	}
	if _, err := ParseIdentity(IDMainland, id, time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)); err == nil {
		t.Error("born tomorrow in Beijing accepted")
	}
}
