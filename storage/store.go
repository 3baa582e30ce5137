package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"caiji/domain"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database's name inside the data folder.
const FileName = "caiji.db"

// Store is an open data folder. It holds the folder's lock for its whole life,
// so a second copy of the app fails fast with ErrInUse instead of writing into
// the same file.
type Store struct {
	db   *sql.DB
	lock *os.File
	// now is the clock; tests replace it to step over lock-outs and deadlines.
	now      func() time.Time
	sessions sessions
	// due is signalled when the sync worker has work now (see Due).
	due chan struct{}
	// notices are the consent notices the store checks agreements against.
	notices domain.Notices
}

// Open creates dir if needed, locks it, opens (or creates) caiji.db in WAL
// mode with foreign keys, secure delete and a busy timeout, and applies
// pending migrations. The folder and the database are made private to the
// user before SQLite touches them (SQLite gives -wal and -shm the
// database's mode), and a database from a newer Caiji is refused before
// anything is written to it.
func Open(dir string) (*Store, error) {
	if err := makePrivate(dir); err != nil {
		return nil, err
	}
	lock, err := os.OpenFile(filepath.Join(dir, "caiji.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("storage: open lock file: %w", err)
	}
	if err := lockFile(lock); err != nil {
		lock.Close()
		return nil, err
	}
	notices, err := loadNotices()
	if err != nil {
		lock.Close()
		return nil, err
	}
	s := &Store{lock: lock, now: time.Now, due: make(chan struct{}, 1), notices: notices}
	if err := s.open(filepath.Join(dir, FileName)); err != nil {
		lock.Close()
		return nil, err
	}
	return s, nil
}

// makePrivate creates dir and caiji.db if missing and sets them to 0700 and
// 0600, also when they exist with wider modes (a folder made by hand in
// /srv). On Windows the modes mean nothing and the user's profile folder
// is private already.
func makePrivate(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("storage: create data folder: %w", err)
	}
	db := filepath.Join(dir, FileName)
	f, err := os.OpenFile(db, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return fmt.Errorf("storage: create %s: %w", db, err)
	}
	f.Close()
	if runtime.GOOS == "windows" {
		return nil
	}
	for _, p := range []struct {
		path string
		mode os.FileMode
	}{{dir, 0o700}, {db, 0o600}, {db + "-wal", 0o600}, {db + "-shm", 0o600}} {
		if err := os.Chmod(p.path, p.mode); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("storage: make %s private: %w", p.path, err)
		}
	}
	return nil
}

func (s *Store) open(path string) error {
	q := url.Values{}
	// Per connection: none of these writes to the file. secure_delete
	// overwrites deleted content, so a signed-out candidate's replaced
	// images do not linger in free pages.
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(5000)", "synchronous(FULL)", "secure_delete(1)"} {
		q.Add("_pragma", p)
	}
	// synchronous FULL: a committed save survives a power cut, not only a crash.
	q.Set("_txlock", "immediate") // writers take the lock up front: no deadlocked upgrades
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("storage: open %s: %w", path, err)
	}
	s.db = db
	if err := migrate(context.Background(), db); err != nil {
		db.Close()
		return err
	}
	return nil
}

// Close closes the database and releases the folder's lock.
func (s *Store) Close() error {
	err := s.db.Close()
	if lerr := s.lock.Close(); err == nil {
		err = lerr
	}
	return err
}

// SetClock replaces the store's clock; for tests and the benchmarks only.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// IntegrityCheck runs PRAGMA integrity_check and returns an error unless
// SQLite answers "ok".
func (s *Store) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return errors.New("storage: integrity check: " + res)
	}
	return nil
}

// inTx runs fn in one transaction, rolling back on error — and when fn
// panics, so the write lock is never left held — so that every multi-row
// change is all or nothing.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback() // after Commit a no-op
	if err := fn(tx); err != nil {
		return classify(err)
	}
	return classify(tx.Commit())
}

// Now is the store's clock, so screens judge dates by the same day as storage.
func (s *Store) Now() time.Time { return s.now() }
