package wire

import (
	"regexp"
	"time"
)

// Verdicts of a review.
const (
	Pass   = "pass"
	Reject = "reject"
)

// Reviewer is who judged: their UUID on their station, name and ID number.
// The ID number travels so the hub can refuse a decision on the reviewer's
// own record.
type Reviewer struct {
	UUID     string `json:"uuid"`
	Name     string `json:"name"`
	IDNumber string `json:"id_number"`
}

// Decision is a review of one submitted version. Reasons are codes R01–R14
// (domain.Reasons), required on a rejection. RealName is the reviewer's
// verdict on the real-name material, "verified" or "failed" (domain's
// RealNameStatus): a pass needs it verified. At is the reviewer's station
// time; the hub keeps its own receipt time beside it.
type Decision struct {
	Record   string    `json:"record"`
	N        int       `json:"version"`
	Verdict  string    `json:"verdict"`
	RealName string    `json:"realname"`
	Reasons  []string  `json:"reasons,omitempty"`
	Comment  string    `json:"comment,omitempty"`
	Reviewer Reviewer  `json:"reviewer"`
	Station  string    `json:"station"`
	At       time.Time `json:"at"`
}

var reasonCode = regexp.MustCompile(`^R(0[1-9]|1[0-4])$`)

// ValidReason reports whether code is one of R01–R14.
func ValidReason(code string) bool { return reasonCode.MatchString(code) }

// FeedItem is one change in a caller's feed: a submitted version (for review
// stations, and a person's own versions) or a decision. Cursor orders the
// feed; pass the last one seen as ?since= to resume.
type FeedItem struct {
	Cursor   int64     `json:"cursor"`
	Version  *Version  `json:"version,omitempty"`
	Decision *Decision `json:"decision,omitempty"`
}

// Feed is one page of a feed. More says another page waits after Next.
type Feed struct {
	Items []FeedItem `json:"items"`
	Next  int64      `json:"next"`
	More  bool       `json:"more"`
}
