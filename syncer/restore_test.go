package syncer

import (
	"testing"

	"caiji/domain"
)

// A candidate who submitted at home signs in at another PC with the hub
// reachable: their record comes back with the decision on it, and they can
// go on (修改) there.
func TestSecondPCGetsTheRecordBack(t *testing.T) {
	h := newTestHub(t)
	h.Start()
	home := newStation(t, h)
	me := home.register("110101199003079913", "13800138000")
	if err := home.W.SignIn(ctx, me, "110101199003079913", password); err != nil {
		t.Fatal(err)
	}
	rec := home.submit(me)
	home.sync()
	rs, reviewer := reviewStation(t, h)
	decide(t, rs, reviewer, rec.ID, false, "R02")

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
