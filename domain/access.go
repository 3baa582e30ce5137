package domain

import (
	"errors"
	"slices"
	"strings"
)

// Role is what an account may do.
type Role string

const (
	RoleCandidate Role = "candidate"
	RoleReviewer  Role = "reviewer"
	RoleAdmin     Role = "admin"
)

// Actor is the account acting on a record, as the store holding it has just
// read it — never as a client described it. Storage on a station and the
// hub server both build it from their own tables and ask the functions of
// this file, so a rule holds the same whichever screen, client or package
// asked.
type Actor struct {
	Role        Role
	IDNumber    string
	Disabled    bool
	Departments []string // division codes a reviewer reviews for
}

// Refusals of the access rules. Storage and the hub return them as they
// are, so every caller can tell the user which rule refused.
var (
	// ErrForbidden: the account may not see or do this at all.
	ErrForbidden = errors.New("not allowed for this account")
	// ErrDisabled: an administrator disabled the account.
	ErrDisabled = errors.New("the account is disabled")
	// ErrOwnRecord: nobody reviews a record with their own ID number.
	ErrOwnRecord = errors.New("a record with the reviewer's own ID number cannot be reviewed by them")
	// ErrNotSubmitted: reviewers see submitted versions only, never a draft.
	ErrNotSubmitted = errors.New("the record has not been submitted")
	// ErrNotAwaitingReview: decisions are taken on records awaiting review only.
	ErrNotAwaitingReview = errors.New("the record is not awaiting review")
	// ErrStale: the record changed after the reviewer opened it.
	ErrStale = errors.New("the record has changed since it was opened")
	// ErrNoReason: a rejection must name at least one reason.
	ErrNoReason = errors.New("a rejection needs at least one reason")
	// ErrUnknownReason: a reason code that is not R01–R14.
	ErrUnknownReason = errors.New("unknown rejection reason")
	// ErrRealNameUndecided: every decision says whether the real name was verified.
	ErrRealNameUndecided = errors.New("the decision must say whether the real name was verified")
	// ErrPassWithoutRealName: a record whose real name failed cannot pass.
	ErrPassWithoutRealName = errors.New("a record whose real name was not verified cannot pass")
	// ErrDepartmentTooBroad: a reviewer reviews for a city or a county, the
	// level a record names; a province alone would match no record.
	ErrDepartmentTooBroad = errors.New("a reviewer's department must be a city (市本级) or a county")
)

// Active refuses a disabled account, whatever it asks.
func (a Actor) Active() error {
	if a.Disabled {
		return ErrDisabled
	}
	return nil
}

// MayUseOwnRecord says whether a candidate may read (and, when the status
// allows, edit) the record they own. owner is whether the record is theirs.
func MayUseOwnRecord(a Actor, owner bool) error {
	if err := a.Active(); err != nil {
		return err
	}
	if a.Role != RoleCandidate || !owner {
		return ErrForbidden
	}
	return nil
}

// Case is what the review rules need to know of a record.
type Case struct {
	OwnerIDNumber string
	Department    string // the most specific division code the candidate chose
	Status        Status
	Version       int  // the current version
	Submitted     bool // a submitted version (snapshot) exists
}

// MayReview says whether a reviewer may open a record: an active reviewer,
// one of their departments, not their own ID number, and a version that was
// submitted (a candidate's draft is theirs alone).
func MayReview(a Actor, c Case) error {
	if err := a.Active(); err != nil {
		return err
	}
	if a.Role != RoleReviewer || !slices.Contains(a.Departments, c.Department) {
		return ErrForbidden
	}
	if c.OwnerIDNumber == a.IDNumber {
		return ErrOwnRecord
	}
	if !c.Submitted {
		return ErrNotSubmitted
	}
	return nil
}

// Verdict is a reviewer's decision as asked for.
type Verdict struct {
	Pass     bool
	Reasons  []string       // R-codes; at least one to reject
	RealName RealNameStatus // verified or failed
	Version  int            // the version the reviewer judged
}

// CheckDecision says whether reviewer a may take verdict v on the record c:
// MayReview, the record awaiting review at the version judged, a verdict on
// the real name, a pass only with the real name verified, a rejection only
// with known reasons.
func CheckDecision(a Actor, c Case, v Verdict) error {
	if err := MayReview(a, c); err != nil {
		return err
	}
	if !c.Status.AwaitingReview() {
		return ErrNotAwaitingReview
	}
	if v.Version != c.Version {
		return ErrStale
	}
	return v.check()
}

func (v Verdict) check() error {
	if v.RealName != RealNameVerified && v.RealName != RealNameFailed {
		return ErrRealNameUndecided
	}
	if v.Pass && v.RealName != RealNameVerified {
		return ErrPassWithoutRealName
	}
	if !v.Pass && len(v.Reasons) == 0 {
		return ErrNoReason
	}
	for _, r := range v.Reasons {
		if ReasonByCode(r) == nil {
			return ErrUnknownReason
		}
	}
	return nil
}

// CheckDepartments refuses a reviewer's department list with a code that is
// not a city or county code (six digits, not ending in 0000).
func CheckDepartments(codes []string) error {
	for _, c := range codes {
		if len(c) != 6 || strings.Trim(c, "0123456789") != "" || strings.HasSuffix(c, "0000") {
			return ErrDepartmentTooBroad
		}
	}
	return nil
}

// MayAdminister says whether a may manage the reviewers of a station.
func MayAdminister(a Actor) error {
	if err := a.Active(); err != nil {
		return err
	}
	if a.Role != RoleAdmin {
		return ErrForbidden
	}
	return nil
}
