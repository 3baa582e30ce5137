package storage

import (
	"errors"
	"slices"
	"testing"
	"time"

	"caiji/domain"
	"caiji/domain/domaintest"
)

func staff(id, name string) domain.Registration {
	return domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: name, Password: "Review12!", Confirm: "Review12!"}
}

// reviewStation makes s a review station with an admin and a reviewer for
// 海淀区 (110108).
func reviewStation(t *testing.T, s *Store) (admin, reviewer Session) {
	t.Helper()
	if _, err := s.InitAdmin(ctx, staff("120101198512319986", "王管理")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.InitAdmin(ctx, staff("140105200401019971", "赵二")); !errors.Is(err, ErrAdminExists) {
		t.Fatalf("second admin: %v", err)
	}
	admin = signIn(t, s, "120101198512319986", "Review12!")
	newReviewer(t, s, admin, "440305200002299920", "李审核", []string{"110108"})
	return admin, signIn(t, s, "440305200002299920", "Review12!")
}

// submitted registers a candidate with a complete record in 海淀 and submits it.
func submitted(t *testing.T, s *Store, id, phone string) (Session, *domain.Record) {
	t.Helper()
	me := candidate(t, s, id, phone)
	rec, _ := s.MyRecord(ctx, me)
	if _, err := s.UpdateRecord(ctx, me, rec.ID, filled(t, s, me, rec.ID)); err != nil {
		t.Fatal(err)
	}
	rec, err := s.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	return me, rec
}

func TestStationAndRoles(t *testing.T) {
	s, _ := openTemp(t)
	if k, _ := s.Station(ctx); k != StationCandidate {
		t.Fatalf("new database is a %s station", k)
	}
	admin, reviewer := reviewStation(t, s)
	if k, _ := s.Station(ctx); k != StationReview {
		t.Fatal("admin init did not make a review station")
	}
	me := candidate(t, s, "110101199003079913", "13800138000")
	if _, err := s.CreateReviewer(ctx, me, staff("31010119950615998X", "钱五"), nil); !errors.Is(err, ErrForbidden) {
		t.Errorf("a candidate created a reviewer: %v", err)
	}
	if _, err := s.CreateReviewer(ctx, reviewer, staff("31010119950615998X", "钱五"), nil); !errors.Is(err, ErrForbidden) {
		t.Errorf("a reviewer created a reviewer: %v", err)
	}
	if _, err := s.Queue(ctx, me, QueueFilter{}); !errors.Is(err, ErrForbidden) {
		t.Errorf("a candidate listed the queue: %v", err)
	}
	if _, err := s.Queue(ctx, admin, QueueFilter{}); !errors.Is(err, ErrForbidden) {
		t.Errorf("the admin listed the queue: %v", err)
	}
	rs, err := s.Reviewers(ctx, admin)
	if err != nil || len(rs) != 1 || !slices.Equal(rs[0].Departments, []string{"110108"}) {
		t.Fatalf("reviewers %+v %v", rs, err)
	}
	if err := s.SetDisabled(ctx, admin, rs[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, rs[0].IDNumber, "Review12!"); !errors.Is(err, ErrDisabled) {
		t.Errorf("disabled reviewer logged in: %v", err)
	}
}

func TestReviewAccess(t *testing.T) {
	s, _ := openTemp(t)
	admin, reviewer := reviewStation(t, s)
	alice, rec := submitted(t, s, "110101199003079913", "13800138000")
	bob := candidate(t, s, "31010119950615998X", "13900139000")

	// Another candidate can neither list, read nor decide.
	if _, err := s.Decisions(ctx, bob, rec.ID); !errors.Is(err, ErrForbidden) {
		t.Errorf("bob reads alice's decisions: %v", err)
	}
	if err := s.Decide(ctx, bob, rec.ID, rec.Version, Decision{Pass: true, RealName: domain.RealNameVerified}); !errors.Is(err, ErrForbidden) {
		t.Errorf("bob decides: %v", err)
	}
	if _, err := s.OpenForReview(ctx, alice, rec.ID); !errors.Is(err, ErrForbidden) {
		t.Errorf("alice reviews herself: %v", err)
	}
	// A reviewer of another department sees nothing.
	newReviewer(t, s, admin, "140105200401019971", "赵审核", []string{"440106"})
	other := signIn(t, s, "140105200401019971", "Review12!")
	if q, _ := s.Queue(ctx, other, QueueFilter{}); len(q) != 0 {
		t.Errorf("another department's reviewer sees %d records", len(q))
	}
	if _, err := s.OpenForReview(ctx, other, rec.ID); !errors.Is(err, ErrForbidden) {
		t.Errorf("another department's reviewer opens it: %v", err)
	}
	if _, err := s.Attachment(ctx, other, rec.Basic.Photo.SHA256); !errors.Is(err, ErrNotFound) {
		t.Errorf("another department's reviewer reads an image: %v", err)
	}
	q, err := s.Queue(ctx, reviewer, QueueFilter{})
	if err != nil || len(q) != 1 || q[0].RecordID != rec.ID || q[0].Name != "张三" {
		t.Fatalf("queue %+v %v", q, err)
	}
	for _, term := range []string{"张", "0307", "138001"} {
		if q, _ := s.Queue(ctx, reviewer, QueueFilter{Search: term}); len(q) != 1 {
			t.Errorf("search %q found %d", term, len(q))
		}
	}
	if q, _ := s.Queue(ctx, reviewer, QueueFilter{Search: "李"}); len(q) != 0 {
		t.Errorf("search 李 found %d", len(q))
	}
}

func TestDecisions(t *testing.T) {
	s, _ := openTemp(t)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, domain.Shanghai)
	s.SetClock(func() time.Time { return now })
	_, reviewer := reviewStation(t, s)
	me, rec := submitted(t, s, "110101199003079913", "13800138000")
	c, err := s.OpenForReview(ctx, reviewer, rec.ID)
	if mine, _ := s.Me(ctx, me); err != nil || c.Record.Version != rec.Version || c.Owner.ID != mine.ID {
		t.Fatalf("open: %v", err)
	}
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Pass: false, RealName: domain.RealNameVerified}); !errors.Is(err, ErrNoReason) {
		t.Errorf("rejection without reasons: %v", err)
	}
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version-1, Decision{Pass: true, RealName: domain.RealNameVerified}); !errors.Is(err, ErrStale) {
		t.Errorf("decision on a stale version: %v", err)
	}
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Reasons: []string{"R02", "R09"}, Comment: "照片背景不是白色", RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	// The same version cannot be decided twice, and decisions cannot change.
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Pass: true, RealName: domain.RealNameVerified}); !errors.Is(err, ErrStale) {
		t.Errorf("second decision: %v", err)
	}
	if _, err := s.db.Exec("UPDATE decisions SET pass = 1"); err == nil {
		t.Error("a decision was edited")
	}
	if _, err := s.db.Exec("DELETE FROM decisions"); err == nil {
		t.Error("a decision was deleted")
	}
	ds, err := s.Decisions(ctx, me, rec.ID)
	if err != nil || len(ds) != 1 || ds[0].Pass || !slices.Equal(ds[0].Reasons, []string{"R02", "R09"}) || ds[0].Version != rec.Version {
		t.Fatalf("decisions %+v %v", ds, err)
	}
	// Reopen, fix, resubmit: the old decision stays.
	r, err := s.Reopen(ctx, me, rec.ID)
	if err != nil || r.Status != domain.StatusDraft {
		t.Fatalf("reopen: %v", err)
	}
	// A reviewer holding the old version cannot decide on the new one.
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Pass: true, RealName: domain.RealNameVerified}); !errors.Is(err, ErrStale) {
		t.Errorf("decision on a reopened record: %v", err)
	}
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true }); err != nil {
		t.Fatal(err)
	}
	r, err = s.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Decide(ctx, reviewer, rec.ID, r.Version, Decision{Pass: true, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	// A change: the approved version stays in force until the change passes.
	ch, err := s.OpenChange(ctx, me, rec.ID)
	if err != nil || ch.Status != domain.StatusChangeDraft {
		t.Fatalf("open change: %v", err)
	}
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
		r.Work[0].Address = "北京市海淀区中关村大街2号"
		r.Committed = true
	}); err != nil {
		t.Fatal(err)
	}
	inForce, _ := s.InForce(ctx, reviewer, rec.ID)
	if inForce.Work[0].Address != "北京市海淀区中关村大街1号" || inForce.Status != domain.StatusApproved {
		t.Fatalf("in force during the change: %+v", inForce.Work[0].Address)
	}
	ch, err = s.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil || ch.Status != domain.StatusChangeSubmitted {
		t.Fatalf("submit change: %v", err)
	}
	if err := s.Decide(ctx, reviewer, rec.ID, ch.Version, Decision{Reasons: []string{"R14"}, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	dropped, err := s.DiscardChange(ctx, me, rec.ID)
	if err != nil || dropped.Status != domain.StatusApproved || dropped.Work[0].Address != "北京市海淀区中关村大街1号" {
		t.Fatalf("discard: %v %+v", err, dropped)
	}
	// The reviewer's log ends at the last decision: the discarded draft's
	// edits are the candidate's alone.
	seen, _ := s.Events(ctx, reviewer, rec.ID)
	if last := seen[len(seen)-1]; last.Kind != "decided" {
		t.Errorf("the reviewer's log ends with %s", last.Kind)
	}
	events, _ := s.Events(ctx, me, rec.ID)
	replayed, err := Replay(events)
	mine, _ := s.MyRecord(ctx, me)
	if err != nil || replayed.Version != mine.Version || replayed.Work[0].Address != mine.Work[0].Address || replayed.Status != mine.Status {
		t.Fatalf("replay after the whole loop: %v", err)
	}
}
