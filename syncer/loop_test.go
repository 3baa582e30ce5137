package syncer

import (
	"slices"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/hub/store"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/syncer/synctest"
)

// reviewStation makes an enrolled review station for 海淀区 with one
// reviewer.
func reviewStation(t *testing.T, h *synctest.Hub) (*station, storage.Session) {
	t.Helper()
	rs := newStation(t, h)
	if _, err := rs.Store.InitAdmin(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理", Password: password, Confirm: password}); err != nil {
		t.Fatal(err)
	}
	storagetest.NewReviewer(t, rs.Store, rs.login("120101198512319986"), "440305200002299920", "李审核", password, []string{"110108"})
	reviewer := rs.login("440305200002299920")
	if _, err := Connect(ctx, rs.Store, rs.W.keys, rs.W.tlsConf, h.URL, h.AddStation(store.Review, "110108")); err != nil {
		t.Fatal(err)
	}
	return rs, reviewer
}

// decide has the review station pull, judge the record's version awaiting
// review, and push the decision.
func decide(t *testing.T, rs *station, reviewer storage.Session, record string, pass bool, reasons ...string) {
	t.Helper()
	rs.sync()
	c, err := rs.Store.OpenForReview(ctx, reviewer, record)
	if err != nil {
		t.Fatal(err)
	}
	if err := rs.Store.Decide(ctx, reviewer, record, c.Record.Version, storage.Decision{Pass: pass, Reasons: reasons, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	rs.sync()
	for _, it := range rs.outbox() {
		if it.State != storage.OutSent {
			t.Fatalf("review station outbox: %+v", it)
		}
	}
}

// The loop between three parties: a home PC submits offline, the hub comes
// up and takes it, a review station pulls it and rejects it with R02, the
// candidate's PC pulls the rejection, the candidate fixes and resubmits,
// the reviewer approves, the candidate sees 审核通过; then 信息变更 goes
// the same way.
func TestHomePCReviewStationLoop(t *testing.T) {
	h := synctest.NewHub(t)
	pc := newStation(t, h)
	me := pc.register("110101199003079913", "13800138000")
	// Signed in to the hub once, while online.
	h.Start()
	if err := pc.W.SignIn(ctx, me, "13800138000", password); err != nil {
		t.Fatal(err)
	}
	h.Stop()
	rec := pc.submit(me)

	// Offline: the version waits, the attempt is postponed, nothing is lost.
	if err := pc.W.SyncOnce(ctx); err == nil {
		t.Fatal("sync with the hub down reported no error")
	}
	items := pc.outbox()
	if len(items) != 1 || items[0].State != storage.OutQueued || items[0].Attempts != 1 || items[0].Version != rec.Version {
		t.Fatalf("offline outbox: %+v", items)
	}
	if st := pc.W.Status(); st.Online || st.Waiting != 1 {
		t.Fatalf("offline status: %+v", st)
	}

	h.Start()
	pc.sync() // the item is not due yet: backoff
	if items := pc.outbox(); items[0].State != storage.OutQueued {
		t.Fatalf("sent before its time: %+v", items)
	}
	if err := pc.W.SendNow(ctx); err != nil { // 立即同步
		t.Fatal(err)
	}
	pc.sync()
	rc, err := pc.Store.ReceiptFor(ctx, me, rec.ID, rec.Version)
	if err != nil {
		t.Fatalf("no receipt after sync: %v %+v %+v", err, pc.outbox(), pc.W.Status())
	}
	if st := pc.W.Status(); !st.Online || st.Waiting != 0 || st.LastSync.IsZero() {
		t.Fatalf("status after sending: %+v", st)
	}
	if n := h.Count("SELECT count(*) FROM versions WHERE record = ?", rec.ID); n != 1 {
		t.Fatalf("hub holds %d versions", n)
	}
	if rc.Code == "" || rc.ReceivedAt.IsZero() {
		t.Fatalf("receipt %+v", rc)
	}
	if code, _ := pc.Store.SubmissionCode(ctx, me, rec.ID, rec.Version); code != rc.Code {
		t.Fatalf("code shown at submission %s, receipt %s", code, rc.Code)
	}

	rs, reviewer := reviewStation(t, h)
	decide(t, rs, reviewer, rec.ID, false, "R02")

	pc.sync()
	got, _ := pc.Store.MyRecord(ctx, me)
	ds, _ := pc.Store.Decisions(ctx, me, rec.ID)
	if got.Status != domain.StatusRejected || len(ds) != 1 || !slices.Equal(ds[0].Reasons, []string{"R02"}) {
		t.Fatalf("after the rejection: %s %+v", got.Status, ds)
	}
	events, _ := pc.Store.Events(ctx, me, rec.ID)
	if e := events[len(events)-1]; e.Kind != "decided" || e.ActorID != 0 {
		t.Fatalf("the decision's event: %+v", e)
	}

	// 修改 and resubmit: the second version is based on the first.
	if _, err := pc.Store.Reopen(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.Store.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
		r.Committed = true
		r.Work[0].Address = "北京市海淀区中关村大街2号"
	}); err != nil {
		t.Fatal(err)
	}
	again, err := pc.Store.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	pc.sync()
	if _, err := pc.Store.ReceiptFor(ctx, me, rec.ID, again.Version); err != nil {
		t.Fatalf("resubmission not received: %v %+v", err, pc.outbox())
	}
	decide(t, rs, reviewer, rec.ID, true)
	pc.sync()
	if got, _ := pc.Store.MyRecord(ctx, me); got.Status != domain.StatusApproved {
		t.Fatalf("after the approval: %s", got.Status)
	}

	// 信息变更 the same way.
	if _, err := pc.Store.OpenChange(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.Store.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true; r.Work[0].Phone = "010-62345679" }); err != nil {
		t.Fatal(err)
	}
	change, err := pc.Store.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil || change.Status != domain.StatusChangeSubmitted {
		t.Fatal(err, change.Status)
	}
	pc.sync()
	decide(t, rs, reviewer, rec.ID, true)
	pc.sync()
	if got, _ := pc.Store.MyRecord(ctx, me); got.Status != domain.StatusApproved || got.Work[0].Phone != "010-62345679" {
		t.Fatalf("after the change's approval: %s %s", got.Status, got.Work[0].Phone)
	}
	if n := h.Count("SELECT count(*) FROM versions WHERE record = ?", rec.ID); n != 3 {
		t.Fatalf("hub holds %d versions, want 3", n)
	}
}
