package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"caiji/domain"
)

// TestFilesArePrivate opens a store in an existing 0755 folder: the folder
// becomes 0700 and the database, its WAL and shared-memory files 0600.
func TestFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are not Windows' access control")
	}
	dir := filepath.Join(t.TempDir(), "srv-caiji")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755) // whatever the umask
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	candidate(t, s, "110101199003079913", "13800138000") // a write: the WAL exists
	want := map[string]os.FileMode{dir: 0o700, filepath.Join(dir, FileName): 0o600,
		filepath.Join(dir, FileName+"-wal"): 0o600, filepath.Join(dir, FileName+"-shm"): 0o600}
	for path, mode := range want {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != mode {
			t.Errorf("%s is %o, want %o", filepath.Base(path), got, mode)
		}
	}
}

// TestNewerSchemaIsReadBeforeAnyWrite: a newer database stays in the
// journal mode it had, with no WAL file created beside it.
func TestNewerSchemaIsReadBeforeAnyWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, _ := sql.Open("sqlite", "file:"+path)
	if _, err := db.Exec("CREATE TABLE future (x); PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(dir); err == nil {
		t.Fatal("newer schema opened")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a WAL file was created beside a newer database")
	}
	db, _ = sql.Open("sqlite", "file:"+path)
	defer db.Close()
	var mode string
	db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "delete" {
		t.Errorf("journal mode of the newer database changed to %s", mode)
	}
}

// TestTimesAreSeconds: every stored time is unix seconds, events included.
func TestTimesAreSeconds(t *testing.T) {
	s, _ := openTemp(t)
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, domain.Shanghai)
	s.SetClock(func() time.Time { return at })
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	var stored int64
	s.db.QueryRow("SELECT max(at) FROM events").Scan(&stored)
	if stored != at.Unix() {
		t.Errorf("events.at = %d, want %d", stored, at.Unix())
	}
	events, _ := s.Events(ctx, me, rec.ID)
	if !events[0].At.Equal(at) {
		t.Errorf("event read back at %v", events[0].At)
	}
}

// TestPanickingEditLeavesNoLock: an edit that panics rolls its transaction
// back, so the next write is not blocked.
func TestPanickingEditLeavesNoLock(t *testing.T) {
	s, _ := openTemp(t)
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	func() {
		defer func() { recover() }()
		s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { panic("a bug in a screen") })
	}()
	s.db.SetMaxOpenConns(2)
	done := make(chan error, 1)
	go func() {
		_, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true })
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the write lock of the panicked edit is still held")
	}
}

// TestBusyIsNotInUse: a write that waits out the busy timeout behind
// another connection's write is ErrBusy ("try again"), not ErrInUse
// (another copy of Caiji).
func TestBusyIsNotInUse(t *testing.T) {
	s, dir := openTemp(t)
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	s.db.SetMaxOpenConns(1) // one connection, whose busy timeout is cut short
	if _, err := s.db.Exec("PRAGMA busy_timeout = 50"); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE station SET kind = kind"); err != nil { // holds the write lock
		t.Fatal(err)
	}
	_, err = s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true })
	if !errors.Is(err, ErrBusy) || errors.Is(err, ErrInUse) {
		t.Fatalf("write behind another writer: %v", err)
	}
}

// TestUpgradeFromSchema3: a database of the previous schema, with an event
// timed in milliseconds and an image stored with the caller's facts, opens
// with the event in seconds and the image untouched.
func TestUpgradeFromSchema3(t *testing.T) {
	dir, db := databaseAt(t, 3)
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, domain.Shanghai)
	for _, q := range []string{
		`INSERT INTO accounts (id, uuid, id_type, id_number, name, phone, password_hash, created_at) VALUES (1, 'u1', '01', '110101199003079913', '张三', '13800138000', 'x', 0)`,
		`INSERT INTO records (id, uuid, owner_id, version, status, data, created_at, updated_at) VALUES (1, 'r1', 1, 1, 'draft', '{}', 0, 0)`,
		fmt.Sprintf(`INSERT INTO events (record_id, version, actor_id, kind, at) VALUES (1, 1, 1, 'created', %d)`, at.UnixMilli()),
		`INSERT INTO attachments (sha256, kind, mime, bytes, width, height, data, created_at) VALUES ('old', 'photo', 'image/jpeg', 3, 1, 1, x'010203', 0)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got int64
	var data []byte
	var warnings sql.NullString
	s.db.QueryRow("SELECT at FROM events").Scan(&got)
	s.db.QueryRow("SELECT data, warnings FROM attachments WHERE sha256 = 'old'").Scan(&data, &warnings)
	if got != at.Unix() || !bytes.Equal(data, []byte{1, 2, 3}) || warnings.Valid {
		t.Fatalf("after the upgrade: at %d, image %v, warnings %v", got, data, warnings)
	}
	if _, err := s.db.Exec("UPDATE events SET at = 0"); err == nil {
		t.Fatal("the event log is no longer append-only")
	}
}
