package syncer

import (
	"errors"
	"slices"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/syncer/synctest"
)

// rejected submits the candidate's record from pc and has a review
// station reject it with R02.
func rejected(t *testing.T, h *synctest.Hub, pc *station, me storage.Session) (*domain.Record, *station, storage.Session) {
	t.Helper()
	rec := pc.submit(me)
	pc.sync()
	rs, reviewer := reviewStation(t, h)
	decide(t, rs, reviewer, rec.ID, false, "R02")
	return rec, rs, reviewer
}

// A candidate who submitted at home signs in at another PC with the hub
// reachable: their record comes back with the decision on it, and they can
// go on (修改) there.
func TestSecondPCGetsTheRecordBack(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	home, me := homePC(t, h)
	rec, _, _ := rejected(t, h, home, me)

	other := newStation(t, h)
	if _, err := other.Store.Login(ctx, "13800138000", password); err == nil {
		t.Fatal("the account exists on the second PC already")
	}
	if _, err := other.W.Restore(ctx, "13800138000", "wrong-Pass1"); err == nil {
		t.Fatal("a wrong password restored the record")
	}
	in, err := other.W.Restore(ctx, "13800138000", password)
	if err != nil {
		t.Fatal(err)
	}
	got, err := other.Store.MyRecord(ctx, in.Session)
	if err != nil || got.ID != rec.ID || got.Status != domain.StatusRejected || got.Basic.Photo == nil {
		t.Fatalf("restored record: %+v %v", got, err)
	}
	if photo, err := other.Store.Attachment(ctx, in.Session, got.Basic.Photo.SHA256); err != nil || len(photo) == 0 {
		t.Fatalf("the photo did not come back: %v", err)
	}
	ds, _ := other.Store.Decisions(ctx, in.Session, rec.ID)
	if len(ds) != 1 || ds[0].Reasons[0] != "R02" {
		t.Fatalf("decisions: %+v", ds)
	}
	if _, err := other.Store.Reopen(ctx, in.Session, rec.ID); err != nil {
		t.Fatalf("修改 on the second PC: %v", err)
	}
	// Signing in again works locally now, with the same password.
	if _, err := other.Store.Login(ctx, "110101199003079913", password); err != nil {
		t.Fatal(err)
	}
}

// The record changed here and another PC submitted a version too: nothing
// is overwritten; the candidate sees both and chooses.
func TestBothCopiesChangedOfferTheChoice(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	home, me := homePC(t, h)
	rec, rs, reviewer := rejected(t, h, home, me)
	home.sync()

	// At home: 修改 and an edit, not submitted.
	if _, err := home.Store.Reopen(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := home.Store.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Work[0].Address = "家里改的地址" }); err != nil {
		t.Fatal(err)
	}
	// At another PC: restored, changed and resubmitted.
	other := newStation(t, h)
	in, err := other.W.Restore(ctx, "13800138000", password)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Store.Reopen(ctx, in.Session, rec.ID); err != nil {
		t.Fatal(err)
	}
	// This PC has no consent on record: it collects nothing until the
	// person agrees here, as the window asks at sign-in.
	edit := func(r *domain.Record) { r.Committed = true; r.Work[0].Phone = "010-88888888" }
	var ce *domain.ConsentError
	if _, err := other.Store.UpdateRecord(ctx, in.Session, rec.ID, edit); !errors.As(err, &ce) || ce.Notice != domain.NoticePersonal {
		t.Fatalf("edit before consent on a restored PC: %v, want the personal notice asked", err)
	}
	if err := other.Store.Agree(ctx, in.Session, domain.NoticePersonal, other.Store.Notices()[domain.NoticePersonal].Digest); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Store.UpdateRecord(ctx, in.Session, rec.ID, edit); err != nil {
		t.Fatal(err)
	}
	sent, err := other.Store.Submit(ctx, in.Session, rec.ID, domaintest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	other.sync()

	home.sync()
	got, _ := home.Store.MyRecord(ctx, me)
	if got.Work[0].Address != "家里改的地址" || got.Status != domain.StatusRejected && got.Status != domain.StatusDraft {
		t.Fatalf("the home copy was overwritten: %s %s", got.Status, got.Work[0].Address)
	}
	c, err := home.Store.PendingConflict(ctx, me)
	if err != nil || c == nil {
		t.Fatalf("no choice offered: %v", err)
	}
	if c.Hub.Work[0].Phone != "010-88888888" || c.Local.Work[0].Address != "家里改的地址" || c.HubAt.IsZero() || c.LocalAt.IsZero() ||
		c.HubStation == "" || !slices.Contains(c.Differ, "work[0].address") || !slices.Contains(c.Differ, "work[0].phone") {
		t.Fatalf("conflict %+v", c)
	}
	if err := home.Store.ResolveConflict(ctx, me, true); err != nil {
		t.Fatal(err)
	}
	got, _ = home.Store.MyRecord(ctx, me)
	if got.Version != sent.Version || got.Status != domain.StatusSubmitted || got.Work[0].Phone != "010-88888888" {
		t.Fatalf("after keeping the hub's copy: v%d %s %s", got.Version, got.Status, got.Work[0].Phone)
	}
	if c, _ := home.Store.PendingConflict(ctx, me); c != nil {
		t.Fatal("the choice is still offered")
	}
	// The decision on the chosen version reaches this PC too.
	decide(t, rs, reviewer, rec.ID, true)
	home.sync()
	if got, _ := home.Store.MyRecord(ctx, me); got.Status != domain.StatusApproved {
		t.Fatalf("after the approval: %s", got.Status)
	}
}

// A candidate who chose 保存草稿到服务器 edits after a rejection at home and
// goes on at another PC with those edits.
func TestDraftKeptOnTheHub(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	home, me := homePC(t, h)
	if err := home.Store.SetKeepDraftOnHub(ctx, me, true); err != nil {
		t.Fatal(err)
	}
	rec, _, _ := rejected(t, h, home, me)
	home.sync()
	if _, err := home.Store.Reopen(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	edited, err := home.Store.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Work[0].Address = "草稿里的地址" })
	if err != nil {
		t.Fatal(err)
	}
	home.sync()
	if n := h.Count("SELECT count(*) FROM drafts"); n != 1 {
		t.Fatalf("hub holds %d drafts", n)
	}

	other := newStation(t, h)
	in, err := other.W.Restore(ctx, "13800138000", password)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := other.Store.MyRecord(ctx, in.Session)
	if got.Status != domain.StatusDraft || got.Work[0].Address != "草稿里的地址" || got.Version != edited.Version {
		t.Fatalf("on the other PC: %s v%d %q", got.Status, got.Version, got.Work[0].Address)
	}
	if keep, _ := other.Store.KeepsDraftOnHub(ctx, in.Session); !keep {
		t.Fatal("the choice did not follow the candidate")
	}
}
