package store

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"time"
)

// Station kinds.
const (
	Kiosk  = "kiosk"
	Review = "review"
)

// Station is an enrolled (or waiting) station.
type Station struct {
	UUID        string
	Name        string
	Kind        string
	PublicKey   ed25519.PublicKey // nil until enrolled
	Departments []string
	CreatedAt   time.Time
	Disabled    bool
}

// AddStation creates a station waiting for enrolment with the hash of its
// one-time code, valid until expires. Departments must exist.
func (s *Store) AddStation(ctx context.Context, st Station, codeHash string, expires time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "INSERT INTO stations (uuid, name, kind, enrol_code, enrol_expires, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			st.UUID, st.Name, st.Kind, codeHash, expires.UnixMilli(), st.CreatedAt.UnixMilli()); err != nil {
			return err
		}
		for _, d := range st.Departments {
			if _, err := s.exec(ctx, tx, "INSERT INTO station_departments (station, department) VALUES (?, ?)", st.UUID, d); err != nil {
				return errors.Join(ErrNotFound, err)
			}
		}
		return nil
	})
}

// Enrol spends a one-time code: the station waiting with it takes the public
// key. A code spent, expired or of a disabled station changes nothing and
// is ErrNotFound; the update itself decides, so a code works once even when
// two stations race with it.
func (s *Store) Enrol(ctx context.Context, codeHash string, pub ed25519.PublicKey, now time.Time) (*Station, error) {
	var uuid string
	err := s.queryRow(ctx, s.db, `UPDATE stations SET public_key = ?, enrol_code = NULL
		WHERE enrol_code = ? AND enrol_expires > ? AND disabled_at IS NULL RETURNING uuid`,
		[]byte(pub), codeHash, now.UnixMilli()).Scan(&uuid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return s.Station(ctx, uuid)
}

// Station returns a station with its departments.
func (s *Store) Station(ctx context.Context, uuid string) (*Station, error) {
	st := &Station{UUID: uuid}
	var pub []byte
	var created int64
	var disabled sql.NullInt64
	err := s.queryRow(ctx, s.db, "SELECT name, kind, public_key, created_at, disabled_at FROM stations WHERE uuid = ?", uuid).
		Scan(&st.Name, &st.Kind, &pub, &created, &disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	st.PublicKey, st.CreatedAt, st.Disabled = pub, time.UnixMilli(created), disabled.Valid
	st.Departments, err = s.stationDepartments(ctx, uuid)
	return st, err
}

func (s *Store) stationDepartments(ctx context.Context, uuid string) ([]string, error) {
	rows, err := s.query(ctx, s.db, "SELECT department FROM station_departments WHERE station = ? ORDER BY department", uuid)
	return rowsOf(rows, err, scanString)
}

// Stations lists every station, oldest first.
func (s *Store) Stations(ctx context.Context) ([]Station, error) {
	rows, err := s.query(ctx, s.db, "SELECT uuid FROM stations ORDER BY created_at, uuid")
	ids, err := rowsOf(rows, err, scanString)
	if err != nil {
		return nil, err
	}
	out := make([]Station, 0, len(ids))
	for _, id := range ids {
		st, err := s.Station(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *st)
	}
	return out, nil
}

// DisableStation refuses the station from now on; its unspent code dies too.
func (s *Store) DisableStation(ctx context.Context, uuid string, now time.Time) error {
	err := affected(s.exec(ctx, s.db, "UPDATE stations SET disabled_at = ?, enrol_code = NULL WHERE uuid = ? AND disabled_at IS NULL", now.UnixMilli(), uuid))
	if errors.Is(err, ErrConflict) {
		return ErrNotFound
	}
	return err
}

// Department is an accounting management department the hub serves.
type Department struct {
	Code string
	Name string
}

// PutDepartment adds a department or renames it.
func (s *Store) PutDepartment(ctx context.Context, d Department) error {
	_, err := s.exec(ctx, s.db, "INSERT INTO departments (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name", d.Code, d.Name)
	return err
}

// Departments lists the departments by code.
func (s *Store) Departments(ctx context.Context) ([]Department, error) {
	rows, err := s.query(ctx, s.db, "SELECT code, name FROM departments ORDER BY code")
	return rowsOf(rows, err, func(rows *sql.Rows) (Department, error) {
		var d Department
		err := rows.Scan(&d.Code, &d.Name)
		return d, err
	})
}
