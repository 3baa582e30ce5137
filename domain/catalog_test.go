package domain

import (
	"os"
	"sync"
	"testing"
	"time"
)

var (
	catOnce sync.Once
	testCat *Catalog
	catErr  error
)

// catalog loads the shipped reference data from assets/data.
func catalog(t testing.TB) *Catalog {
	t.Helper()
	catOnce.Do(func() { testCat, catErr = LoadCatalog(os.DirFS("../assets/data")) })
	if catErr != nil {
		t.Fatal(catErr)
	}
	return testCat
}

func TestDivisions(t *testing.T) {
	d := catalog(t).Divisions
	if n := len(d.Provinces()); n != 31 {
		t.Fatalf("%d provinces, want 31", n)
	}
	if d.Len() < 3300 || d.Len() > 3400 {
		t.Fatalf("%d divisions", d.Len())
	}
	tests := []struct{ code, name, dept string }{
		{"110000", "北京市", "北京市财政局"},
		{"110100", "市辖区", "北京市财政局"},
		{"110108", "海淀区", "海淀区财政局"},
		{"440000", "广东省", "广东省财政厅"},
		{"440100", "广州市", "广州市财政局"},
		{"440106", "天河区", "天河区财政局"},
		{"441900", "东莞市", "东莞市财政局"},
		{"450000", "广西壮族自治区", "广西壮族自治区财政厅"},
		{"540481", "米林市", "米林市财政局"},
		{"320576", "苏州工业园区", "苏州工业园区财政局"},
		{"500200", "县", "重庆市财政局"},
	}
	for _, tt := range tests {
		div := d.Get(tt.code)
		if div == nil || div.Name != tt.name {
			t.Errorf("Get(%s) = %+v, want %s", tt.code, div, tt.name)
			continue
		}
		if got := d.Department(tt.code); got != tt.dept {
			t.Errorf("Department(%s) = %s, want %s", tt.code, got, tt.dept)
		}
	}
	if !d.Get("320576").Functional || d.Get("320505").Functional {
		t.Error("functional-zone tag wrong")
	}
	for _, m := range []struct {
		code, q string
		want    bool
	}{{"110108", "海淀", true}, {"110108", "hd", true}, {"110108", "HDQ", true}, {"110108", "dq", false}, {"440106", "th", true}, {"110108", "天河", false}} {
		if d.Matches(m.code, m.q) != m.want {
			t.Errorf("Matches(%s, %q) = %v", m.code, m.q, !m.want)
		}
	}
	if got := d.DisplayName("110100"); got != "北京市（市辖区）" {
		t.Errorf("DisplayName(110100) = %s", got)
	}
	// 东莞 has no districts: its stand-in row was dropped, 市本级 is the choice.
	if kids := d.Children("441900"); len(kids) != 0 {
		t.Errorf("东莞市 has %d children", len(kids))
	}
	if kids := d.Children("110100"); len(kids) != 16 {
		t.Errorf("北京市辖区 has %d districts, want 16", len(kids))
	}
	if d.Get("330103") != nil {
		t.Error("abolished 下城区 present in current data")
	}
	for _, p := range d.Provinces() {
		for _, c := range d.Children(p.Code) {
			if c.Level != 2 || c.Parent != p.Code {
				t.Fatalf("bad city %+v", c)
			}
		}
	}
}

func TestOptionLists(t *testing.T) {
	o := catalog(t).Options
	for name, n := range map[string]int{"scopes": len(o.Scopes), "levels": len(o.EducationLevels), "degrees": len(o.Degrees),
		"modes": len(o.StudyModes), "unit types": len(o.UnitTypes), "industries": len(o.Industries),
		"posts": len(o.AccountingPosts), "titles": len(o.Titles), "qualification levels": len(o.QualificationLevels)} {
		want := map[string]int{"scopes": 3, "levels": 9, "degrees": 4, "modes": 2, "unit types": 10, "industries": 20, "posts": 11, "titles": 6, "qualification levels": 4}[name]
		if n != want {
			t.Errorf("%s: %d options, want %d", name, n, want)
		}
	}
	for _, list := range [][]Option{o.Scopes, o.Degrees, o.StudyModes, o.Industries, o.AccountingPosts, o.Titles, o.QualificationLevels} {
		seen := map[string]bool{}
		for _, op := range list {
			if op.Code == "" || op.Zh == "" || op.En == "" || seen[op.Code] {
				t.Errorf("bad or duplicate option %+v", op)
			}
			seen[op.Code] = true
		}
	}
	if o.Level("61") == nil || !o.Level("61").Eligible || o.Level("71").Eligible {
		t.Error("eligibility flags wrong")
	}
}

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, Shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

func TestWorkingDays(t *testing.T) {
	c := catalog(t).Calendar
	tests := []struct {
		from string
		n    int
		want string
		ok   bool
	}{
		// 2025 春节: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked.
		{"2025-01-22 10:00", 3, "2025-01-26", true}, // Thu 23, Fri 24, Sun 26 (make-up day)
		{"2025-01-22 10:00", 5, "2025-02-05", true}, // …Mon 27, Wed 02-05
		{"2025-01-24 18:00", 1, "2025-01-26", true},
		{"2025-02-05 09:00", 3, "2025-02-08", true}, // Thu 6, Fri 7, Sat 8 (make-up)
		// 2026 春节: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked.
		{"2026-02-12 09:00", 3, "2026-02-24", true}, // Fri 13, Sat 14, Tue 24
		{"2026-02-12 09:00", 5, "2026-02-26", true},
		{"2026-02-26 09:00", 2, "2026-02-28", true}, // Fri 27, Sat 28 (make-up)
		// 元旦 2026: 01-01..03 off, Sunday 01-04 worked.
		{"2025-12-31 12:00", 1, "2026-01-04", true},
		// 国庆 2026: 10-01..07 off; 09-20 and 10-10 worked.
		{"2026-09-30 12:00", 1, "2026-10-08", true},
		// No 2027 table: Monday–Friday, flagged.
		{"2026-12-30 12:00", 3, "2027-01-04", false},
		{"2026-11-27 12:00", 3, "2026-12-02", true},
	}
	for _, tt := range tests {
		got, ok := c.AddWorkingDays(day(tt.from), tt.n)
		if got.Format("2006-01-02") != tt.want || ok != tt.ok || got.Format("15:04:05") != "23:59:59" {
			t.Errorf("AddWorkingDays(%s, %d) = %s %v, want %s %v", tt.from, tt.n, got, ok, tt.want, tt.ok)
		}
	}
	w := c.ReviewDue(day("2025-01-22 10:00"))
	if w.Earliest.Format("01-02") != "01-26" || w.Latest.Format("01-02") != "02-05" || !w.Complete {
		t.Errorf("ReviewDue across 春节 = %+v", w)
	}
	if w.Overdue(day("2025-02-05 23:00")) || !w.Overdue(day("2025-02-06 00:00")) {
		t.Error("Overdue boundary wrong")
	}
	// A UTC timestamp late on the 22nd is already the 23rd in Shanghai.
	utc := time.Date(2025, 1, 22, 17, 0, 0, 0, time.UTC)
	if got, _ := c.AddWorkingDays(utc, 1); got.Format("2006-01-02") != "2025-01-24" {
		t.Errorf("time zone: %s", got)
	}
}

func TestDeadlines(t *testing.T) {
	c := catalog(t)
	for prov, want := range map[string]string{"120000": "2025-01-22 17:00", "440000": "2025-01-23 12:00", "140000": "2025-01-21 12:00"} {
		d := c.DeadlineFor(prov, 2025)
		if d == nil || !d.At.Equal(day(want)) {
			t.Errorf("deadline %s = %+v, want %s", prov, d, want)
		}
	}
	if c.DeadlineFor("110000", 2025) != nil {
		t.Error("a deadline for 北京 was invented")
	}
	if c.DeadlineFor("440000", 2027) != nil {
		t.Error("2025's deadline given as 2027's")
	}
	d := c.DeadlineFor("120000", 2025)
	if left := d.TimeLeft(day("2025-01-22 15:00")); left != 2*time.Hour {
		t.Errorf("time left %s", left)
	}
	if d.TimeLeft(day("2025-01-23 00:00")) >= 0 {
		t.Error("time left after the deadline is not negative")
	}
}

// TestNextExamYear: the exam is held in May; the Beijing date decides.
func TestNextExamYear(t *testing.T) {
	for _, tt := range []struct {
		at   time.Time
		want int
	}{
		{day("2025-01-22 15:00"), 2025},
		{day("2025-05-31 23:59"), 2025},
		{day("2025-06-01 00:00"), 2026},
		{day("2026-11-27 10:00"), 2027},
		{time.Date(2026, 5, 31, 16, 30, 0, 0, time.UTC), 2027}, // already 1 June in Beijing
		{time.Date(2026, 12, 31, 15, 0, 0, 0, time.UTC), 2027},
		{time.Date(2026, 12, 31, 17, 0, 0, 0, time.UTC), 2027}, // 1 January 2027 in Beijing
	} {
		if got := NextExamYear(tt.at); got != tt.want {
			t.Errorf("NextExamYear(%s) = %d, want %d", tt.at, got, tt.want)
		}
	}
}

func TestParseMonth(t *testing.T) {
	tests := []struct{ in, want, code string }{
		{"2020-09", "2020-09", ""},
		{"2020.9", "2020-09", ""},
		{"2020/12", "2020-12", ""},
		{"202009", "2020-09", ""},
		{"2020年9月", "2020-09", ""},
		{"２０２０－０９", "2020-09", ""},
		{"", "", ""},
		{"2020-13", "", "MON1"},
		{"2020-00", "", "MON1"},
		{"20-09", "", "MON1"},
		{"1899-12", "", "MON1"},
		{"abc", "", "MON1"},
	}
	for _, tt := range tests {
		m, err := ParseMonth(tt.in)
		if code(err) != tt.code || (tt.code == "" && m.String() != tt.want) {
			t.Errorf("ParseMonth(%q) = %s %v, want %s %s", tt.in, m, err, tt.want, tt.code)
		}
	}
}

func TestCatalogRejectsBadData(t *testing.T) {
	if _, err := newDivisions([][5]any{{"11", "x", "", 1.0, 0.0}}); err == nil {
		t.Error("short code accepted")
	}
	if _, err := newDivisions([][5]any{{"110100", "x", "110000", 2.0, 0.0}}); err == nil {
		t.Error("orphan city accepted")
	}
	if _, err := newCalendar(map[string]holidayYear{"2025": {Off: [][2]string{{"02-04", "01-28"}}}}); err == nil {
		t.Error("reversed holiday range accepted")
	}
}

func TestCountriesAndOptionViews(t *testing.T) {
	c := catalog(t)
	if len(c.Countries) != 241 || c.Country("USA") == nil || c.Country("840") != c.Country("USA") || c.Country("XYZ") != nil {
		t.Fatal("country lookup")
	}
	usa := *c.Country("USA")
	for q, want := range map[string]bool{"美国": true, "united": true, "us": true, "法国": false} {
		if usa.Matches(q) != want {
			t.Errorf("USA.Matches(%q) = %v", q, !want)
		}
	}
	if lv := c.Options.LevelOptions(); len(lv) != 9 || lv[2].Zh != "大学本科" {
		t.Errorf("LevelOptions %v", lv)
	}
	if ut := c.Options.UnitTypeOptions(); len(ut) != 10 || ut[2].Code != "ENT" {
		t.Errorf("UnitTypeOptions %v", ut)
	}
	if g := GenderOptions(); len(g) != 2 || g[0].Zh != "男" || g[1].Code != "F" {
		t.Errorf("GenderOptions %v", g)
	}
}
