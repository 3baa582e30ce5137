// Package store is the hub's own database: persons, stations, departments,
// record versions, blobs, decisions and the feed, over an embedded SQLite
// file (one machine) or PostgreSQL (several hub processes). It is not the
// app's storage ported: the hub keeps what travels (package wire), and every
// uniqueness or conflict is decided by the database — primary keys,
// ON CONFLICT, and UPDATE … WHERE on the expected state — never by a check
// in Go followed by a write, so hub processes sharing one PostgreSQL stay
// correct together.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Store is an open hub database. It holds no state beyond the connection
// pool, so any number of Stores (in any number of processes) may share one
// PostgreSQL database.
type Store struct {
	db *sql.DB
	pg bool
}

// Errors the HTTP layer maps to answers.
var (
	ErrNotFound = errors.New("store: not found")
	ErrConflict = errors.New("store: conflict")
	ErrExists   = errors.New("store: already exists")
)

// OpenSQLite opens (creating it if needed) the hub database at path in WAL
// mode with foreign keys on, and migrates it. Write transactions take the
// lock when they begin (_txlock=immediate), so two writers never both read
// and then fail on upgrade.
func OpenSQLite(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	return open(ctx, db, false)
}

// OpenPostgres connects to the PostgreSQL database at url
// (postgres://user@host/db?sslmode=…) and migrates it; concurrent hub
// processes migrate one at a time under an advisory lock.
func OpenPostgres(ctx context.Context, url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(16)
	return open(ctx, db, true)
}

func open(ctx context.Context, db *sql.DB, pg bool) (*Store, error) {
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	if err := migrate(ctx, db, pg); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, pg: pg}, nil
}

// Close closes the connection pool.
func (s *Store) Close() error { return s.db.Close() }

// Ping reports whether the database answers (for /healthz).
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// q rewrites the ? placeholders of a query for PostgreSQL ($1, $2 …). The
// queries of this package hold no ? inside string literals.
func (s *Store) q(query string) string {
	if !s.pg {
		return query
	}
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (s *Store) exec(ctx context.Context, tx execer, query string, args ...any) (sql.Result, error) {
	return tx.ExecContext(ctx, s.q(query), args...)
}

func (s *Store) queryRow(ctx context.Context, tx execer, query string, args ...any) *sql.Row {
	return tx.QueryRowContext(ctx, s.q(query), args...)
}

func (s *Store) query(ctx context.Context, tx execer, query string, args ...any) (*sql.Rows, error) {
	return tx.QueryContext(ctx, s.q(query), args...)
}

// bytes is the column type of raw bytes.
func (s *Store) bytes() string {
	if s.pg {
		return "BYTEA"
	}
	return "BLOB"
}

// execer is a *sql.DB or a *sql.Tx.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in one transaction, committed when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// rowsOf reads every row of a query with scan, and closes the rows.
func rowsOf[T any](rows *sql.Rows, err error, scan func(*sql.Rows) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// scanString reads a row of one text column.
func scanString(rows *sql.Rows) (string, error) {
	var v string
	err := rows.Scan(&v)
	return v, err
}

// affected returns ErrConflict when a conditional write changed no row.
func affected(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrConflict
	}
	return nil
}

// Backup writes a consistent copy of a SQLite database to path while the
// hub keeps serving (VACUUM INTO). PostgreSQL is backed up with pg_dump.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.pg {
		return errors.New("store: back up PostgreSQL with pg_dump")
	}
	_, err := s.db.ExecContext(ctx, "VACUUM INTO ?", path)
	return err
}
