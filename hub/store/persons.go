package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Person is a candidate known to the hub.
type Person struct {
	UUID         string
	IDType       string
	IDNumber     string
	Name         string
	Phone        string // "" when none was given
	PasswordHash string
	Failures     int
	LockedUntil  time.Time
	Kiosk        string // the kiosk that registered them, "" for a home PC
	CreatedAt    time.Time
	Disabled     bool
}

// personCols are the columns scanPerson reads, of persons aliased p.
const personCols = "p.uuid, p.id_type, p.id_number, p.name, COALESCE(p.phone, ''), p.password_hash, p.failures, p.locked_until, COALESCE(p.kiosk, ''), p.created_at, p.disabled_at"

func scanPerson(row interface{ Scan(...any) error }) (*Person, error) {
	var p Person
	var locked, created int64
	var disabled sql.NullInt64
	err := row.Scan(&p.UUID, &p.IDType, &p.IDNumber, &p.Name, &p.Phone, &p.PasswordHash, &p.Failures, &locked, &p.Kiosk, &created, &disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	p.LockedUntil, p.CreatedAt, p.Disabled = time.UnixMilli(locked), time.UnixMilli(created), disabled.Valid
	return &p, nil
}

// CreatePerson registers a person. A person with the same ID number or
// phone already there is ErrExists (the unique keys decide).
func (s *Store) CreatePerson(ctx context.Context, p *Person) error {
	var phone, kiosk any
	if p.Phone != "" {
		phone = p.Phone
	}
	if p.Kiosk != "" {
		kiosk = p.Kiosk
	}
	res, err := s.exec(ctx, s.db, `INSERT INTO persons (uuid, id_type, id_number, name, phone, password_hash, kiosk, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		p.UUID, p.IDType, p.IDNumber, p.Name, phone, p.PasswordHash, kiosk, p.CreatedAt.UnixMilli())
	if errors.Is(affected(res, err), ErrConflict) {
		return ErrExists
	}
	return err
}

// PersonByLogin finds a person by ID number or phone.
func (s *Store) PersonByLogin(ctx context.Context, login string) (*Person, error) {
	return scanPerson(s.queryRow(ctx, s.db, "SELECT "+personCols+" FROM persons p WHERE p.id_number = ? OR p.phone = ? ORDER BY p.id_number = ? DESC LIMIT 1", login, login, login))
}

// Person finds a person by UUID.
func (s *Store) Person(ctx context.Context, uuid string) (*Person, error) {
	return scanPerson(s.queryRow(ctx, s.db, "SELECT "+personCols+" FROM persons p WHERE p.uuid = ?", uuid))
}

// Persons lists every person, oldest first.
func (s *Store) Persons(ctx context.Context) ([]Person, error) {
	rows, err := s.query(ctx, s.db, "SELECT "+personCols+" FROM persons p ORDER BY p.created_at, p.uuid")
	return rowsOf(rows, err, func(rows *sql.Rows) (Person, error) {
		p, err := scanPerson(rows)
		if err != nil {
			return Person{}, err
		}
		return *p, nil
	})
}

// SetLoginState stores the outcome of a password attempt. It writes only if
// the state is still the one the attempt started from, so two processes
// judging attempts at once cannot both reset or under-count failures: the
// loser gets ErrConflict and judges again.
func (s *Store) SetLoginState(ctx context.Context, uuid string, fromFailures int, fromLocked time.Time, failures int, locked time.Time) error {
	return affected(s.exec(ctx, s.db, "UPDATE persons SET failures = ?, locked_until = ? WHERE uuid = ? AND failures = ? AND locked_until = ?",
		failures, locked.UnixMilli(), uuid, fromFailures, fromLocked.UnixMilli()))
}

// DisablePerson refuses the person and every token of theirs at once.
func (s *Store) DisablePerson(ctx context.Context, uuid string, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := affected(s.exec(ctx, tx, "UPDATE persons SET disabled_at = ? WHERE uuid = ? AND disabled_at IS NULL", now.UnixMilli(), uuid)); err != nil {
			return ErrNotFound
		}
		return s.revokeTokens(ctx, tx, uuid, now)
	})
}

// ResetPassword sets a new hash, clears the lock-out and revokes every
// token of the person in the same transaction.
func (s *Store) ResetPassword(ctx context.Context, uuid, hash string, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := affected(s.exec(ctx, tx, "UPDATE persons SET password_hash = ?, failures = 0, locked_until = 0 WHERE uuid = ?", hash, uuid)); err != nil {
			return ErrNotFound
		}
		return s.revokeTokens(ctx, tx, uuid, now)
	})
}

func (s *Store) revokeTokens(ctx context.Context, tx *sql.Tx, person string, now time.Time) error {
	_, err := s.exec(ctx, tx, "UPDATE tokens SET revoked_at = ? WHERE person = ? AND revoked_at IS NULL", now.UnixMilli(), person)
	return err
}

// AddToken stores the hash of a new token for a person on a station.
func (s *Store) AddToken(ctx context.Context, hash, person, station string, now, expires time.Time) error {
	_, err := s.exec(ctx, s.db, "INSERT INTO tokens (hash, person, station, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
		hash, person, station, now.UnixMilli(), expires.UnixMilli())
	return err
}

// TokenPerson returns the person a live token belongs to: not revoked, not
// expired at now, and the person not disabled. Anything else is ErrNotFound.
func (s *Store) TokenPerson(ctx context.Context, hash string, now time.Time) (*Person, error) {
	return scanPerson(s.queryRow(ctx, s.db, "SELECT "+personCols+` FROM tokens t JOIN persons p ON p.uuid = t.person
		WHERE t.hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND p.disabled_at IS NULL`, hash, now.UnixMilli()))
}

// RevokeToken ends one token (a station signing its person out).
func (s *Store) RevokeToken(ctx context.Context, hash string, now time.Time) error {
	_, err := s.exec(ctx, s.db, "UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL", now.UnixMilli(), hash)
	return err
}
