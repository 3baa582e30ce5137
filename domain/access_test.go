package domain

import (
	"errors"
	"testing"
	"time"
)

func TestCheckDecision(t *testing.T) {
	rev := Actor{Role: RoleReviewer, IDNumber: "440305200002299920", Departments: []string{"110108"}}
	open := Case{OwnerIDNumber: "110101199003079913", Department: "110108", Status: StatusSubmitted, Version: 8, Submitted: true}
	pass := Verdict{Pass: true, RealName: RealNameVerified, Version: 8}
	reject := Verdict{Reasons: []string{"R01"}, RealName: RealNameFailed, Version: 8}
	with := func(f func(*Actor, *Case, *Verdict)) (Actor, Case, Verdict) {
		a, c, v := rev, open, pass
		f(&a, &c, &v)
		return a, c, v
	}
	for _, tc := range []struct {
		name string
		edit func(*Actor, *Case, *Verdict)
		want error
	}{
		{"pass", func(*Actor, *Case, *Verdict) {}, nil},
		{"reject R01", func(_ *Actor, _ *Case, v *Verdict) { *v = reject }, nil},
		{"change awaiting review", func(_ *Actor, c *Case, _ *Verdict) { c.Status = StatusChangeSubmitted }, nil},
		{"disabled", func(a *Actor, _ *Case, _ *Verdict) { a.Disabled = true }, ErrDisabled},
		{"candidate", func(a *Actor, _ *Case, _ *Verdict) { a.Role = RoleCandidate }, ErrForbidden},
		{"admin", func(a *Actor, _ *Case, _ *Verdict) { a.Role = RoleAdmin }, ErrForbidden},
		{"other department", func(_ *Actor, c *Case, _ *Verdict) { c.Department = "110105" }, ErrForbidden},
		{"own ID number", func(a *Actor, _ *Case, _ *Verdict) { a.IDNumber = open.OwnerIDNumber }, ErrOwnRecord},
		{"never submitted", func(_ *Actor, c *Case, _ *Verdict) { c.Submitted, c.Status = false, StatusDraft }, ErrNotSubmitted},
		{"already decided", func(_ *Actor, c *Case, _ *Verdict) { c.Status = StatusRejected }, ErrNotAwaitingReview},
		{"reopened draft", func(_ *Actor, c *Case, _ *Verdict) { c.Status = StatusDraft }, ErrNotAwaitingReview},
		{"stale version", func(_ *Actor, _ *Case, v *Verdict) { v.Version = 7 }, ErrStale},
		{"pass, real name failed", func(_ *Actor, _ *Case, v *Verdict) { v.RealName = RealNameFailed }, ErrPassWithoutRealName},
		{"no real-name verdict", func(_ *Actor, _ *Case, v *Verdict) { v.RealName = RealNamePending }, ErrRealNameUndecided},
		{"reject without reason", func(_ *Actor, _ *Case, v *Verdict) { v.Pass = false }, ErrNoReason},
		{"unknown reason", func(_ *Actor, _ *Case, v *Verdict) { *v = reject; v.Reasons = []string{"R15"} }, ErrUnknownReason},
	} {
		a, c, v := with(tc.edit)
		if err := CheckDecision(a, c, v); !errors.Is(err, tc.want) || (tc.want == nil && err != nil) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestCheckCandidateEdit(t *testing.T) {
	base := func() *Record {
		return &Record{ID: "r", Version: 3, Status: StatusDraft, RealName: RealName{Status: RealNameFailed},
			Basic: Basic{IDType: IDMainland, IDNumber: "110101199003079913", Name: "张三", Gender: Male, Birth: NewMonth(1990, 3), Phone: "13800138000"}}
	}
	for _, tc := range []struct {
		field string
		edit  func(*Record)
	}{
		{"", func(r *Record) { r.Committed = true; r.Work = []Work{{Employer: "某公司"}} }},
		{"id", func(r *Record) { r.ID = "other" }},
		{"version", func(r *Record) { r.Version = 99 }},
		{"status", func(r *Record) { r.Status = StatusApproved }},
		{"submitted_at", func(r *Record) { r.SubmittedAt = time.Unix(1, 0) }},
		{"basic.id_number", func(r *Record) { r.Basic.IDNumber = "31010119950615998X" }},
		{"basic.name", func(r *Record) { r.Basic.Name = "李四" }},
		{"basic.phone", func(r *Record) { r.Basic.Phone = "13900139000" }},
		{"basic.gender", func(r *Record) { r.Basic.Gender = Female }},
		{"basic.birth", func(r *Record) { r.Basic.Birth = NewMonth(1991, 1) }},
		{"realname.status", func(r *Record) { r.RealName.Status = RealNameVerified }},
	} {
		after := base()
		tc.edit(after)
		err := CheckCandidateEdit(base(), after)
		var lf *LockedFieldError
		if tc.field == "" && err != nil || tc.field != "" && (!errors.As(err, &lf) || lf.Field != tc.field) {
			t.Errorf("edit of %q: %v", tc.field, err)
		}
	}
	// Without a number that carries them, gender and birth are the candidate's.
	before := base()
	before.Basic.IDType = IDForeignPassport
	after := base()
	after.Basic.IDType, after.Basic.Gender, after.Basic.Birth = IDForeignPassport, Female, NewMonth(1991, 1)
	if err := CheckCandidateEdit(before, after); err != nil {
		t.Errorf("passport holder's gender and birth: %v", err)
	}
}

func TestRealNameAfterEdit(t *testing.T) {
	img := func(sha string) *Attachment { return &Attachment{SHA256: sha} }
	before := &Record{RealName: RealName{Front: img("a"), Back: img("b"), Handheld: img("c"), Status: RealNameFailed}}
	for _, tc := range []struct {
		name string
		rn   RealName
		want RealNameStatus
	}{
		{"unchanged", RealName{Front: img("a"), Back: img("b"), Handheld: img("c"), Status: RealNameFailed}, RealNameFailed},
		{"new front", RealName{Front: img("x"), Back: img("b"), Handheld: img("c"), Status: RealNameFailed}, RealNamePending},
		{"new handheld", RealName{Front: img("a"), Back: img("b"), Handheld: img("y"), Status: RealNameFailed}, RealNamePending},
		{"back removed", RealName{Front: img("a"), Handheld: img("c"), Status: RealNameFailed}, RealNamePending},
	} {
		if got := RealNameAfterEdit(before, &Record{RealName: tc.rn}); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestCheckDepartments(t *testing.T) {
	for codes, ok := range map[string]bool{"110108": true, "110100": true, "429004": true, "110000": false, "11010": false, "11010x": false} {
		if err := CheckDepartments([]string{codes}); (err == nil) != ok {
			t.Errorf("%s: %v", codes, err)
		}
	}
}

func TestStationThrottle(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, Shanghai)
	var th StationThrottle
	for i := 0; i < StationMaxFailures-1; i++ {
		th = th.AfterFailure(now.Add(time.Duration(i) * time.Second))
	}
	if th.Paused(now.Add(time.Minute)) {
		t.Fatal("paused before the limit")
	}
	late := th.AfterFailure(now.Add(StationWindow + time.Hour)) // a new window
	if late.Paused(now.Add(StationWindow+time.Hour)) || late.Failures != 1 {
		t.Fatalf("old failures counted: %+v", late)
	}
	th = th.AfterFailure(now.Add(time.Minute))
	if !th.Paused(now.Add(time.Minute)) || th.Paused(now.Add(time.Minute+StationPause)) {
		t.Fatalf("pause %+v", th)
	}
}
