package domain

import (
	"math"
	"strconv"
)

// The rules state sizes in KB, reading each bound the stricter way: "≥ 10 KB"
// is 10,240 B and "> 20 KB" more than 20,480 B (1 KB = 1,024 B), "≤ 500 KB"
// is 500,000 B (1 KB = 1,000 B). A size judged against a bound is shown in
// that bound's own unit, and rounded away from it, so that a file is never
// shown on the wrong side of the rule it fails ("498 KB — too big" for a
// 510,000 B file, or "10.0 KB, needs at least 10 KB" for 10,239 B).

// limitUnit is the KB in which a bound is stated: 1,024 B when the bound is
// a whole number of those, else 1,000 B.
func limitUnit(limit int) int {
	if limit%1024 == 0 {
		return 1024
	}
	return 1000
}

// LimitText is a bound as the rules state it: 10,240 → "10 KB",
// 500,000 → "500 KB".
func LimitText(limit int) string { return sizeIn(limit, limitUnit(limit), math.Round) }

// SizeAgainst is n bytes in the unit of limit, rounded down below it and up
// above it.
func SizeAgainst(n, limit int) string {
	round := math.Floor
	if n > limit {
		round = math.Ceil
	}
	return sizeIn(n, limitUnit(limit), round)
}

// SizeText is a file's size where no bound is in question, in KB of
// 1,000 B like the 500 KB bound (1,000 KB and more in MB).
func SizeText(n int) string { return sizeIn(n, 1000, math.Round) }

// sizeIn writes n bytes in KB of unit bytes (MB from 1,000 KB) with at most
// one decimal, rounded to tenths by round.
func sizeIn(n, unit int, round func(float64) float64) string {
	v, name := float64(n)/float64(unit), "KB"
	if v >= 1000 {
		v, name = v/float64(unit), "MB"
	}
	return strconv.FormatFloat(round(v*10)/10, 'f', -1, 64) + " " + name
}
