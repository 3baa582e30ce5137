package domain

import (
	"fmt"
	"strconv"
	"time"
)

// Shanghai is the time zone of every deadline and working day in the
// collection, whatever the machine's zone.
var Shanghai = time.FixedZone("CST", 8*3600)

// CivilDate is the calendar date of t in Asia/Shanghai, as midnight UTC —
// the form dates read from ID numbers take — so "today" is the candidate's
// day in China whatever zone the machine is set to.
func CivilDate(t time.Time) time.Time {
	t = t.In(Shanghai)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

type holidayYear struct {
	Source string      `json:"source"`
	Off    [][2]string `json:"off"`
	Work   []string    `json:"work"`
}

// Calendar knows the official holidays and make-up working days (调休上班日)
// of the years it has tables for; other years fall back to Monday–Friday.
type Calendar struct {
	off, work map[string]bool // "2006-01-02"
	years     map[int]string  // year → source of its table
}

func newCalendar(years map[string]holidayYear) (*Calendar, error) {
	c := &Calendar{off: map[string]bool{}, work: map[string]bool{}, years: map[int]string{}}
	for ys, y := range years {
		year, err := strconv.Atoi(ys)
		if err != nil {
			return nil, fmt.Errorf("holidays: year %q", ys)
		}
		c.years[year] = y.Source
		day := func(md string) (time.Time, error) { return time.Parse("2006-01-02", ys+"-"+md) }
		for _, r := range y.Off {
			from, err1 := day(r[0])
			to, err2 := day(r[1])
			if err1 != nil || err2 != nil || to.Before(from) {
				return nil, fmt.Errorf("holidays %s: bad range %v", ys, r)
			}
			for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
				c.off[d.Format("2006-01-02")] = true
			}
		}
		for _, w := range y.Work {
			d, err := day(w)
			if err != nil {
				return nil, fmt.Errorf("holidays %s: bad day %q", ys, w)
			}
			c.work[d.Format("2006-01-02")] = true
		}
	}
	return c, nil
}

// HasYear reports whether the holiday table for year is loaded; without it
// the UI says "节假日安排未载入，按周一至周五计算".
func (c *Calendar) HasYear(year int) bool { _, ok := c.years[year]; return ok }

// IsWorkingDay reports whether the date of t (in Asia/Shanghai) is a working day.
func (c *Calendar) IsWorkingDay(t time.Time) bool {
	t = t.In(Shanghai)
	key := t.Format("2006-01-02")
	if c.work[key] {
		return true
	}
	if c.off[key] {
		return false
	}
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkingDays returns the end (23:59:59, Asia/Shanghai) of the n-th
// working day after the day of t; the day of t itself does not count. ok is
// false when a year on the way has no holiday table.
func (c *Calendar) AddWorkingDays(t time.Time, n int) (end time.Time, ok bool) {
	d := t.In(Shanghai)
	d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, Shanghai)
	ok = c.HasYear(d.Year())
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		ok = ok && c.HasYear(d.Year())
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d.Add(24*time.Hour - time.Second), ok
}

// ReviewWindow is when a decision on a record submitted at submitted is due:
// 3 to 5 working days (§0, step 10).
type ReviewWindow struct {
	Earliest, Latest time.Time
	// Complete is false when a year in the window has no holiday table and
	// Monday–Friday was assumed.
	Complete bool
}

// Review windows in working days.
const (
	ReviewMinDays = 3
	ReviewMaxDays = 5
)

// ReviewDue computes the review window for a submission at submitted.
func (c *Calendar) ReviewDue(submitted time.Time) ReviewWindow {
	e, ok1 := c.AddWorkingDays(submitted, ReviewMinDays)
	l, ok2 := c.AddWorkingDays(submitted, ReviewMaxDays)
	return ReviewWindow{Earliest: e, Latest: l, Complete: ok1 && ok2}
}

// Overdue reports whether the window has passed at now.
func (w ReviewWindow) Overdue(now time.Time) bool { return now.After(w.Latest) }

// Deadline is a province's last moment to finish the collection for the
// exam of Year.
type Deadline struct {
	Province string    `json:"province"`
	Year     int       `json:"year"`
	At       time.Time `json:"deadline"`
}

// examMonth is the month the junior accounting exam is held in each year
// (May). Until it is over, the next exam is this year's; from the month
// after it, next year's.
const examMonth = time.May

// NextExamYear is the year of the next junior accounting exam on the
// Beijing date of now: a record collected in November 2026 is for the 2027
// exam, whatever 2025's deadline said.
func NextExamYear(now time.Time) int {
	d := now.In(Shanghai)
	if d.Month() > examMonth {
		return d.Year() + 1
	}
	return d.Year()
}

// DeadlineFor returns province's collection deadline for the exam of year,
// or nil when it is not published (or not loaded). Another year's deadline
// is never returned in its place.
func (c *Catalog) DeadlineFor(province string, year int) *Deadline {
	for i, d := range c.Deadlines {
		if d.Province == province && d.Year == year {
			return &c.Deadlines[i]
		}
	}
	return nil
}

// TimeLeft is the time from now to the deadline; negative once it passed
// (the UI then says "本年度考试报名不可用").
func (d Deadline) TimeLeft(now time.Time) time.Duration { return d.At.Sub(now) }
