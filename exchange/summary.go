package exchange

import (
	"errors"
	"fmt"
	"time"

	"caiji/caijipkg"
	"caiji/storage"
	"caiji/wire"
)

// Summary is what an import did: n new, n already present, n older ones
// ignored, n refused with why; on the way back, the decisions applied and
// how many candidates a kiosk forgot.
type Summary struct {
	Station string // the station that made the package
	Items   int
	New     int // stored now
	Present int // here already: the same package (or item) again
	Older   int // a version older than the one here: ignored
	Refused []Refused
	// Decisions are those the package carried that this station holds, by
	// the receipt code the candidate was shown at submission.
	Decisions []Applied
	Purged    int // candidates a kiosk forgot: the department has their submission
}

// Refused is an item not stored, and why, in both UI languages.
type Refused struct {
	Index int    // 1-based position in the package
	ID    string // "<record UUID>/<version>"
	Why   wire.Error
}

// Applied is a decision the package brought back.
type Applied struct {
	Receipt string // the candidate's receipt code, e.g. "K7QD-2MXA"
	Record  string
	Version int
	Verdict string // wire.Pass or wire.Reject
	Reasons []string
	At      time.Time
}

// Line is the summary in one sentence, in lang ("zh" or "en").
func (s *Summary) Line(lang string) string {
	if lang == "en" {
		line := fmt.Sprintf("%d new, %d already present, %d older ignored, %d refused", s.New, s.Present, s.Older, len(s.Refused))
		if s.Purged > 0 {
			line += fmt.Sprintf("; %d candidates' data deleted from this kiosk", s.Purged)
		}
		return line
	}
	line := fmt.Sprintf("新增 %d，已存在 %d，旧版本忽略 %d，拒收 %d", s.New, s.Present, s.Older, len(s.Refused))
	if s.Purged > 0 {
		line += fmt.Sprintf("；已从本机删除 %d 名考生的数据", s.Purged)
	}
	return line
}

func (s *Summary) count(o storage.Outcome) {
	switch o {
	case storage.Stored:
		s.New++
	case storage.Present:
		s.Present++
	case storage.Older:
		s.Older++
	}
}

func (s *Summary) refuse(e *caijipkg.Entry, why *wire.Error) {
	s.Refused = append(s.Refused, Refused{Index: e.Index, ID: e.ID, Why: *why})
}

// refuseWire counts err as the item's refusal when it is one (a
// *wire.Error); any other error stops the import, which then stores
// nothing.
func (s *Summary) refuseWire(e *caijipkg.Entry, err error) error {
	var we *wire.Error
	if errors.As(err, &we) {
		s.refuse(e, we)
		return nil
	}
	return err
}
