package syncer

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"strings"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/syncer/synctest"
	"caiji/wire"
)

// A version the hub refuses (422: its department is not served there) is
// set aside with the hub's message in both languages and not sent again.
func TestRefusedVersionNeedsAttention(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	pc, me := homePC(t, h)
	pc.fillReal(me)
	rec, _ := pc.Store.MyRecord(ctx, me)
	if _, err := pc.Store.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
		r.Department = domain.Department{Province: "110000", City: "110100", County: "110105"} // 朝阳区: not this hub's
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.Store.Submit(ctx, me, rec.ID, domaintest.Catalog(t)); err != nil {
		t.Fatal(err)
	}
	pc.sync()
	pc.sync()
	items := pc.outbox()
	if len(items) != 1 || items[0].State != storage.OutAttention || items[0].Attempts != 1 || items[0].Error.Code != wire.CodeInvalid ||
		!strings.Contains(items[0].Error.Zh, "会计管理部门") || items[0].Error.En == "" {
		t.Fatalf("outbox after a 422: %+v", items)
	}
	if st := pc.W.Status(); st.Attention != 1 || st.Waiting != 0 {
		t.Fatalf("status: %+v", st)
	}
	if err := pc.W.SendNow(ctx); err != nil {
		t.Fatal(err)
	}
	pc.sync()
	if items := pc.outbox(); items[0].State != storage.OutAttention || items[0].Attempts != 1 {
		t.Fatalf("a refused version was sent again: %+v", items)
	}
	if n := h.Count("SELECT count(*) FROM versions"); n != 0 {
		t.Fatalf("hub stored %d versions", n)
	}
}

// Two review stations judge the same version; the slower one's decision
// is refused with 409 and shown to its reviewer with the hub's message.
func TestStaleDecisionIsShown(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	pc, me := homePC(t, h)
	rec := pc.submit(me)
	pc.sync()
	first, r1 := reviewStation(t, h)
	second, r2 := reviewStation(t, h)
	first.sync()
	second.sync()
	decide(t, first, r1, rec.ID, true)
	c, err := second.Store.OpenForReview(ctx, r2, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := second.Store.Decide(ctx, r2, rec.ID, c.Record.Version, storage.Decision{Pass: false, Reasons: []string{"R02"}, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	second.sync()
	items := second.outbox()
	if len(items) != 1 || items[0].State != storage.OutAttention || items[0].Error.Code != wire.CodeConflict || items[0].Error.Zh == "" {
		t.Fatalf("the stale decision: %+v", items)
	}
	if n := h.Count("SELECT count(*) FROM decisions"); n != 1 {
		t.Fatalf("hub holds %d decisions", n)
	}
	// The next pull says what the hub holds instead.
	second.sync()
	if items := second.outbox(); !strings.Contains(items[0].Error.Zh, "中心已有另一审核结论：通过") || !strings.Contains(items[0].Error.Zh, "李审核") {
		t.Fatalf("the refused decision does not say what the hub holds: %+v", items[0].Error)
	}
}

// A station given no CA file does not trust the hub's own certificate:
// there is no trust on first use.
func TestHubCertificateIsVerified(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	conf, err := TLSConfig("")
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClient(h.URL, conf, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Feed(ctx, "x", 0)
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &unknown) {
		t.Fatalf("unverified hub: %v", err)
	}
	if _, err := NewClient("http://"+h.Addr, &tls.Config{}, "", nil); err == nil {
		t.Fatal("a plain-http hub was accepted")
	}
}
