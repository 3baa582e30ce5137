package syncer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"caiji/domain"
	"caiji/hub/store"
	"caiji/storage"
	"caiji/syncer/synctest"
)

// kioskStation makes an enrolled kiosk with its staff account.
func kioskStation(t testing.TB, h *synctest.Hub) *station {
	t.Helper()
	k := newStation(t, h)
	if _, err := k.Store.InitKiosk(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理", Password: password, Confirm: password}); err != nil {
		t.Fatal(err)
	}
	if _, err := Connect(ctx, k.Store, k.W.keys, k.W.tlsConf, h.URL, h.AddStation(store.Kiosk)); err != nil {
		t.Fatal(err)
	}
	return k
}

// dbBytes reads caiji.db and its write-ahead log as they are on disk.
func (s *station) dbBytes() []byte {
	s.t.Helper()
	var all []byte
	for _, name := range []string{storage.FileName, storage.FileName + "-wal"} {
		b, err := os.ReadFile(filepath.Join(s.dir, name))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			s.t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

// logIn reports whether the account can still log in, leaving no session
// behind: a kiosk keeps whoever is signed in.
func (s *station) logIn(id string) error {
	in, err := s.Store.Login(ctx, id, password)
	if err == nil {
		s.Store.SignOut(in.Session)
	}
	return err
}

// Once the hub confirms a kiosk candidate's submission, the kiosk keeps
// nothing of them: not the rows, and not the bytes in the database files.
// The receipt remains, found by the code shown at submission.
func TestKioskForgetsConfirmedCandidate(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	k := kioskStation(t, h)
	const id = "110101199003079913"
	me := k.register(id, "13800138000")
	rec := k.submit(me)
	code, err := k.Store.SubmissionCode(ctx, me, rec.ID, rec.Version)
	if err != nil {
		t.Fatal(err)
	}
	// A second candidate, still typing, must stay.
	other := k.register("440305200002299920", "13900139000")
	if _, err := k.Store.MyRecord(ctx, other); err != nil {
		t.Fatal(err)
	}
	before := k.dbBytes()
	// A run of bytes from the middle of each image as stored.
	var chunks [][]byte
	for _, a := range rec.Attachments() {
		data, err := k.Store.Blob(ctx, a.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		chunks = append(chunks, data[len(data)/2:][:64])
	}
	for _, mark := range append(chunks, []byte(id)) {
		if !bytes.Contains(before, mark) {
			t.Fatalf("the marker %q is not in the database to begin with", mark)
		}
	}

	k.sync()
	if n := h.Count("SELECT count(*) FROM versions WHERE record = ?", rec.ID); n != 1 {
		t.Fatalf("hub holds %d versions", n)
	}
	// Still signed in, reading the receipt code on 审核结果: nothing of them
	// is pulled from under the screen.
	if !bytes.Contains(k.dbBytes(), []byte(id)) {
		t.Fatal("the candidate was deleted while still signed in")
	}
	if got, err := k.Store.SubmissionCode(ctx, me, rec.ID, rec.Version); err != nil || got != code {
		t.Fatalf("signed in after confirmation, the code is %q, %v", got, err)
	}
	k.Store.SignOut(me)
	k.sync()
	after := k.dbBytes()
	for i, chunk := range chunks {
		if bytes.Contains(after, chunk) {
			t.Errorf("bytes of image %d remain in the database files", i)
		}
	}
	for _, mark := range []string{id, "13800138000"} { // the receipt keeps the record UUID only
		if bytes.Contains(after, []byte(mark)) {
			t.Errorf("%s remains in the database files", mark)
		}
	}
	if err := k.logIn(id); !errors.Is(err, storage.ErrBadCredentials) {
		t.Errorf("the purged candidate can still log in: %v", err)
	}
	rc, err := k.Store.ReceiptByCode(ctx, code)
	if err != nil || rc.Record != rec.ID || rc.Version != rec.Version || rc.ReceivedAt.IsZero() {
		t.Fatalf("receipt by code %s: %+v %v", code, rc, err)
	}
	if err := k.logIn("440305200002299920"); err != nil {
		t.Fatalf("the other candidate was deleted too: %v", err)
	}
	if err := k.Store.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}

	// A draft never submitted goes after the staff's number of days.
	k.Store.SignOut(other)
	k.Store.SetClock(func() time.Time { return time.Now().Add(8 * 24 * time.Hour) })
	k.sync()
	if err := k.logIn("440305200002299920"); !errors.Is(err, storage.ErrBadCredentials) {
		t.Fatalf("a stale draft was kept: %v", err)
	}
}

// A kiosk never connected to a hub still deletes drafts left longer than
// its staff's number of days.
func TestOfflineKioskDeletesStaleDrafts(t *testing.T) {
	h := synctest.NewHub(t)
	k := newStation(t, h)
	if err := k.Store.SetHub(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Store.InitKiosk(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理", Password: password, Confirm: password}); err != nil {
		t.Fatal(err)
	}
	me := k.register("110101199003079913", "13800138000")
	k.fillReal(me)
	k.Store.SignOut(me)
	k.sync()
	if err := k.logIn("110101199003079913"); err != nil {
		t.Fatalf("a fresh draft was deleted: %v", err)
	}
	k.Store.SetClock(func() time.Time { return time.Now().Add(8 * 24 * time.Hour) })
	k.sync()
	if err := k.logIn("110101199003079913"); !errors.Is(err, storage.ErrBadCredentials) {
		t.Fatalf("a stale draft was kept: %v", err)
	}
}

// A kiosk with nothing to send still tells whether its hub answers: staff
// must not read 离线 on a connected kiosk, nor "all sent" with the hub down.
func TestIdleKioskStatusSaysWhetherTheHubAnswers(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	k := kioskStation(t, h)
	k.sync()
	if st := k.W.Status(); !st.Online || st.LastSync.IsZero() {
		t.Fatalf("idle kiosk, hub up: %+v", st)
	}
	h.Stop()
	if err := k.W.SyncOnce(ctx); err == nil {
		t.Fatal("idle kiosk, hub down: sync reported no error")
	}
	if st := k.W.Status(); st.Online {
		t.Fatalf("idle kiosk, hub down: %+v", st)
	}
}
