package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

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
	now func() time.Time
}

// Open creates dir if needed, locks it, opens (or creates) caiji.db in WAL
// mode with foreign keys and a busy timeout, and applies pending migrations.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("storage: create data folder: %w", err)
	}
	lock, err := os.OpenFile(filepath.Join(dir, "caiji.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("storage: open lock file: %w", err)
	}
	if err := lockFile(lock); err != nil {
		lock.Close()
		return nil, err
	}
	s := &Store{lock: lock, now: time.Now}
	if err := s.open(filepath.Join(dir, FileName)); err != nil {
		lock.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) open(path string) error {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(5000)", "synchronous(FULL)"} {
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

// inTx runs fn in one transaction, rolling back on error, so that every
// multi-row change is all or nothing.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return classify(err)
	}
	return classify(tx.Commit())
}

// Now is the store's clock, so screens judge dates by the same day as storage.
func (s *Store) Now() time.Time { return s.now() }
