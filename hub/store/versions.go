package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"caiji/wire"
)

// More refusals of a version.
var (
	// ErrStale is a base that is not the hub's latest version of the record,
	// or a record whose last version still awaits review.
	ErrStale = errors.New("store: stale base")
	// ErrForbidden is a record that belongs to another person.
	ErrForbidden = errors.New("store: another person's record")
)

// RecordState is where the hub holds a record: its owner, department,
// status, latest version and the version awaiting review (0: none).
type RecordState struct {
	UUID       string
	Person     string
	IDNumber   string // the owner's, for the own-record rule of reviewers
	Department string
	Status     string
	Latest     int
	Awaiting   int
}

// Record returns the hub's state of a record, or ErrNotFound.
func (s *Store) Record(ctx context.Context, uuid string) (*RecordState, error) {
	return s.record(ctx, s.db, uuid)
}

func (s *Store) record(ctx context.Context, tx execer, uuid string) (*RecordState, error) {
	r := &RecordState{UUID: uuid}
	var awaiting sql.NullInt64
	err := s.queryRow(ctx, tx, `SELECT r.person, p.id_number, r.department, r.status, r.latest, r.awaiting
		FROM records r JOIN persons p ON p.uuid = r.person WHERE r.uuid = ?`, uuid).
		Scan(&r.Person, &r.IDNumber, &r.Department, &r.Status, &r.Latest, &awaiting)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	r.Awaiting = int(awaiting.Int64)
	return r, err
}

// Submission is a version the hub has checked and will store.
type Submission struct {
	Version    *wire.Version
	Person     string // the owner's UUID
	Department string
	From       string // the hub's status of the record the check was made against; "" for a new record
	To         string // the status the version puts the record in (awaiting review)
	ReceivedAt time.Time
}

// SubmitVersion stores a version exactly once per (record, n). It answers
// the receipt and whether the same bytes were already there (a retry). The
// database decides every race: the version's primary key, and the record
// moving only from (From, latest = Base, nothing awaiting). Another content
// at that version is ErrConflict; a stale base or a version still awaiting
// review is ErrStale; another person's record is ErrForbidden. The
// person's draft of the record goes with the same transaction.
func (s *Store) SubmitVersion(ctx context.Context, sub *Submission) (*wire.Receipt, bool, error) {
	v := sub.Version
	var rc *wire.Receipt
	repeat := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if got, err := s.existing(ctx, tx, v); got != nil || err != nil {
			rc, repeat = got, got != nil
			return err
		}
		var res sql.Result
		var err error
		if v.Base == 0 {
			res, err = s.exec(ctx, tx, `INSERT INTO records (uuid, person, department, status, latest, awaiting, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING`,
				v.Record, sub.Person, sub.Department, sub.To, v.N, v.N, sub.ReceivedAt.UnixMilli())
		} else {
			res, err = s.exec(ctx, tx, `UPDATE records SET department = ?, status = ?, latest = ?, awaiting = ?, updated_at = ?
				WHERE uuid = ? AND person = ? AND status = ? AND latest = ? AND awaiting IS NULL`,
				sub.Department, sub.To, v.N, v.N, sub.ReceivedAt.UnixMilli(), v.Record, sub.Person, sub.From, v.Base)
		}
		if err := affected(res, err); errors.Is(err, ErrConflict) {
			// Lost to another writer: the same version (a retry racing
			// itself) is a repeat; anything else is refused with its reason.
			if got, err := s.existing(ctx, tx, v); got != nil || err != nil {
				rc, repeat = got, got != nil
				return err
			}
			return s.whyRefused(ctx, tx, v.Record, sub.Person)
		} else if err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO versions (record, n, base, sha256, document, person, station, department, received_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, v.Record, v.N, v.Base, v.SHA256, v.Document, sub.Person, v.Station, sub.Department, sub.ReceivedAt.UnixMilli()); err != nil {
			return err
		}
		for _, d := range v.Blobs {
			if _, err := s.exec(ctx, tx, "INSERT INTO version_blobs (record, n, digest) VALUES (?, ?, ?)", v.Record, v.N, d); err != nil {
				return fmt.Errorf("store: blob %s: %w", d, err)
			}
		}
		// The submitted version supersedes the person's draft of the record.
		if _, err := s.exec(ctx, tx, "DELETE FROM drafts WHERE record = ? AND person = ?", v.Record, sub.Person); err != nil {
			return err
		}
		if err := s.addFeed(ctx, tx, v.Record, v.N, "version", sub.Person, sub.Department); err != nil {
			return err
		}
		rc = &wire.Receipt{Record: v.Record, N: v.N, SHA256: v.SHA256, ReceivedAt: sub.ReceivedAt.Truncate(time.Millisecond).UTC()}
		return nil
	})
	return rc, repeat, err
}

// existing returns the receipt of the version already stored at (record, n)
// with the same digest, nil when none is stored, or ErrConflict for another
// digest.
func (s *Store) existing(ctx context.Context, tx execer, v *wire.Version) (*wire.Receipt, error) {
	var sha string
	var at int64
	err := s.queryRow(ctx, tx, "SELECT sha256, received_at FROM versions WHERE record = ? AND n = ?", v.Record, v.N).Scan(&sha, &at)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, err
	case sha != v.SHA256:
		return nil, ErrConflict
	}
	return &wire.Receipt{Record: v.Record, N: v.N, SHA256: sha, ReceivedAt: time.UnixMilli(at).UTC()}, nil
}

func (s *Store) whyRefused(ctx context.Context, tx execer, record, person string) error {
	r, err := s.record(ctx, tx, record)
	if err != nil {
		return err
	}
	if r.Person != person {
		return ErrForbidden
	}
	return ErrStale
}

// Version returns a stored version if r may read it (the owner, or a review
// station of its department), else ErrNotFound.
func (s *Store) Version(ctx context.Context, record string, n int, r Reader) (*wire.Version, error) {
	where, args := r.versionScope("")
	v := &wire.Version{Record: record, N: n}
	var at int64
	err := s.queryRow(ctx, s.db, `SELECT base, sha256, document, station, received_at FROM versions WHERE record = ? AND n = ? AND `+where,
		append([]any{record, n}, args...)...).Scan(&v.Base, &v.SHA256, &v.Document, &v.Station, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	v.ReceivedAt = time.UnixMilli(at).UTC()
	if err := s.versionPerson(ctx, v); err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, s.db, "SELECT digest FROM version_blobs WHERE record = ? AND n = ? ORDER BY digest", record, n)
	blobs, err := rowsOf(rows, err, scanString)
	if err != nil {
		return nil, err
	}
	v.Blobs = append([]string{}, blobs...)
	return v, nil
}

func (s *Store) versionPerson(ctx context.Context, v *wire.Version) error {
	return s.queryRow(ctx, s.db, "SELECT p.id_type, p.id_number, p.name FROM versions v JOIN persons p ON p.uuid = v.person WHERE v.record = ? AND v.n = ?", v.Record, v.N).
		Scan(&v.Person.IDType, &v.Person.IDNumber, &v.Person.Name)
}

// Draft is a person's unsubmitted record kept on the hub so they can go on
// at another PC. It is never pre-audited and never shown to reviewers.
type Draft struct {
	Record    string
	Document  []byte
	SHA256    string
	UpdatedAt time.Time
}

// PutDraft replaces the person's draft of a record. A record or draft of
// another person is ErrForbidden, decided by the statement's conditions.
func (s *Store) PutDraft(ctx context.Context, person string, d *Draft) error {
	err := affected(s.exec(ctx, s.db, `INSERT INTO drafts (record, person, document, sha256, updated_at)
		SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS `+s.bytes()+`), CAST(? AS TEXT), CAST(? AS BIGINT) WHERE NOT EXISTS (SELECT 1 FROM records WHERE uuid = ? AND person <> ?)
		ON CONFLICT (record) DO UPDATE SET document = excluded.document, sha256 = excluded.sha256,
		updated_at = excluded.updated_at WHERE drafts.person = excluded.person`,
		d.Record, person, d.Document, d.SHA256, d.UpdatedAt.UnixMilli(), d.Record, person))
	if errors.Is(err, ErrConflict) {
		return ErrForbidden
	}
	return err
}

// Drafts lists the person's drafts without their documents, newest first:
// what a second PC fetches after the person signs in there.
func (s *Store) Drafts(ctx context.Context, person string) ([]Draft, error) {
	rows, err := s.query(ctx, s.db, "SELECT record, sha256, updated_at FROM drafts WHERE person = ? ORDER BY updated_at DESC, record", person)
	return rowsOf(rows, err, func(rows *sql.Rows) (Draft, error) {
		var d Draft
		var at int64
		err := rows.Scan(&d.Record, &d.SHA256, &at)
		d.UpdatedAt = time.UnixMilli(at).UTC()
		return d, err
	})
}

// Draft returns the person's draft of a record, or ErrNotFound.
func (s *Store) Draft(ctx context.Context, person, record string) (*Draft, error) {
	d := &Draft{Record: record}
	var at int64
	err := s.queryRow(ctx, s.db, "SELECT document, sha256, updated_at FROM drafts WHERE record = ? AND person = ?", record, person).
		Scan(&d.Document, &d.SHA256, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	d.UpdatedAt = time.UnixMilli(at).UTC()
	return d, err
}
