package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"caiji/domain"
	"caiji/wire"
)

// TestMyDataHoldsEverything: the person's read holds every version as
// stored (each snapshot and the newer working copy), the events, decisions,
// consents and every image, and nothing of anyone else.
func TestMyDataHoldsEverything(t *testing.T) {
	s, _ := openTemp(t)
	_, reviewer := reviewStation(t, s)
	me, rec := submitted(t, s, "110101199003079913", "13800138000")
	submitted(t, s, "31010119950615998X", "13900139000") // someone else
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Reasons: []string{"R02"}, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reopen(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Work[0].Address = "新地址" }); err != nil {
		t.Fatal(err)
	}
	d, err := s.MyData(ctx, me)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{}
	rows, _ := s.db.QueryContext(ctx, "SELECT s.version, s.data FROM snapshots s JOIN records r ON r.id = s.record_id WHERE r.uuid = ? UNION ALL SELECT version, data FROM records WHERE uuid = ?", rec.ID, rec.ID)
	for rows.Next() {
		var v int
		var data string
		rows.Scan(&v, &data)
		want[v] = data
	}
	rows.Close()
	if len(d.Versions) != len(want) || len(want) != 2 {
		t.Fatalf("%d versions read, %d stored (want the snapshot and the newer draft)", len(d.Versions), len(want))
	}
	for _, v := range d.Versions {
		if v.Record != rec.ID || string(v.JSON) != want[v.Version] {
			t.Errorf("version %d is not the stored bytes", v.Version)
		}
	}
	for _, a := range rec.Attachments() {
		if data := d.Images[a.SHA256]; wire.Digest(data) != a.SHA256 {
			t.Errorf("image %s missing or altered", a.SHA256)
		}
	}
	if len(d.Decisions) != 1 || d.Decisions[0].Reviewer != "李审核" || d.Decisions[0].Reasons[0] != "R02" {
		t.Errorf("decisions %+v", d.Decisions)
	}
	if len(d.Consents) != 2 || len(d.Events) < 3 || d.Account.IDNumber != "110101199003079913" {
		t.Errorf("consents %d, events %d, account %s", len(d.Consents), len(d.Events), d.Account.IDNumber)
	}
	for _, e := range d.Events {
		if e.Record != rec.ID {
			t.Fatalf("an event of another record: %+v", e)
		}
	}
	if _, err := s.MyData(ctx, reviewer); !errors.Is(err, domain.ErrOwnRecord) && err == nil {
		t.Error("a reviewer read a person's data as their own")
	}
}

// dbFiles reads caiji.db and its write-ahead log as they are on disk.
func dbFiles(t *testing.T, dir string) []byte {
	t.Helper()
	var all []byte
	for _, name := range []string{FileName, FileName + "-wal"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

// TestDeleteMe: deleting needs the password again, is refused while a
// submitted version is unconfirmed unless the person accepts the loss,
// and then leaves neither the rows nor the bytes (ID number, image
// content) in the database files; another person stays whole.
func TestDeleteMe(t *testing.T) {
	s, dir := openTemp(t)
	const id = "110101199003079913"
	me, rec := submitted(t, s, id, "13800138000")
	// Another person, still typing (the fixtures' images are shared, so
	// they have none: a shared image stays for as long as a record uses it).
	other := candidate(t, s, "31010119950615998X", "13900139000")
	draft, _ := s.MyRecord(ctx, other)
	if _, err := s.UpdateRecord(ctx, other, draft.ID, func(r *domain.Record) { r.Committed = true }); err != nil {
		t.Fatal(err)
	}
	var chunks [][]byte
	for _, a := range rec.Attachments() {
		data, err := s.Blob(ctx, a.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		chunks = append(chunks, data[len(data)/2:][:64])
	}
	if before := dbFiles(t, dir); !bytes.Contains(before, []byte(id)) || !bytes.Contains(before, chunks[0]) {
		t.Fatal("the markers are not in the database to begin with")
	}
	if err := s.DeleteMe(ctx, me, "wrong", true); !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("delete with a wrong password: %v", err)
	}
	if v, err := s.Unconfirmed(ctx, me); err != nil || len(v) != 1 || v[0] != rec.Version {
		t.Fatalf("unconfirmed %v %v", v, err)
	}
	if err := s.DeleteMe(ctx, me, "Abcdef12!", false); !errors.Is(err, ErrUnconfirmed) {
		t.Fatalf("delete with an unconfirmed version: %v", err)
	}
	if err := s.DeleteMe(ctx, me, "Abcdef12!", true); err != nil {
		t.Fatal(err)
	}
	after := dbFiles(t, dir)
	for i, chunk := range chunks {
		if bytes.Contains(after, chunk) {
			t.Errorf("bytes of image %d remain in the database files", i)
		}
	}
	for _, mark := range []string{id, "13800138000"} {
		if bytes.Contains(after, []byte(mark)) {
			t.Errorf("%s remains in the database files", mark)
		}
	}
	if _, err := s.MyRecord(ctx, me); !errors.Is(err, ErrSignedOut) {
		t.Errorf("the deleted person's session lives on: %v", err)
	}
	if _, err := s.Login(ctx, id, "Abcdef12!"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("the deleted person can still log in: %v", err)
	}
	if d, err := s.MyData(ctx, other); err != nil || len(d.Versions) != 1 || !bytes.Contains(d.Versions[0].JSON, []byte(`"commitment":true`)) {
		t.Fatalf("the other person's data: %v", err)
	}
}

// TestDeleteConfirmedNeedsNoAcceptance: once the hub confirmed every
// submitted version, nothing is lost and no acceptance is asked.
func TestDeleteConfirmedNeedsNoAcceptance(t *testing.T) {
	s, _ := openTemp(t)
	me, rec := submitted(t, s, "110101199003079913", "13800138000")
	if err := s.inTx(ctx, func(tx *sql.Tx) error {
		return putReceipt(ctx, tx, wire.Receipt{Record: rec.ID, N: rec.Version, SHA256: "ab", ReceivedAt: s.now()})
	}); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Unconfirmed(ctx, me); len(v) != 0 {
		t.Fatalf("unconfirmed after the receipt: %v", v)
	}
	if err := s.DeleteMe(ctx, me, "Abcdef12!", false); err != nil {
		t.Fatal(err)
	}
}
