package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Month is a year and month, as the collection's dates are (入学时间,
// 毕业时间, 开始时间 …). It counts months since year 0, so months compare
// and subtract as integers; the zero value means "not entered".
type Month int

// MonthOf returns the month of t.
func MonthOf(t time.Time) Month { return Month(t.Year()*12 + int(t.Month()) - 1) }

// NewMonth builds a month; m is 1–12.
func NewMonth(y, m int) Month { return Month(y*12 + m - 1) }

// Year and Mon split the month.
func (m Month) Year() int { return int(m) / 12 }
func (m Month) Mon() int  { return int(m)%12 + 1 }

// IsZero reports whether the month was not entered.
func (m Month) IsZero() bool { return m == 0 }

// String formats YYYY-MM, or "" for the zero month.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), m.Mon())
}

// ParseMonth reads YYYY-MM (also YYYY.MM, YYYY/MM, YYYYMM and full-width
// digits) and refuses impossible months and years outside 1900–2100.
func ParseMonth(s string) (Month, error) {
	s = strings.TrimSpace(width.Narrow.String(s))
	if s == "" {
		return 0, nil
	}
	var ys, ms string
	if i := strings.IndexAny(s, "-./年"); i > 0 {
		ys, ms = s[:i], strings.TrimSuffix(strings.TrimLeft(s[i:], "-./年"), "月")
	} else if len(s) == 6 {
		ys, ms = s[:4], s[4:]
	}
	y, err1 := strconv.Atoi(ys)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || len(ys) != 4 || m < 1 || m > 12 || y < 1900 || y > 2100 {
		return 0, errorf("MON1", "请按“年-月”填写，如 2020-09，月份为 1–12", "Enter year-month, e.g. 2020-09, with a month of 1–12")
	}
	return NewMonth(y, m), nil
}

// MarshalText writes YYYY-MM so records serialise readably.
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads what MarshalText wrote.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := ParseMonth(string(b))
	*m = v
	return err
}
