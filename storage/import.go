package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"caiji/domain"
	"caiji/wire"

	"github.com/google/uuid"
)

// ImportVersion stores, on a review station, a submitted version pulled
// from the hub, as if the candidate had submitted it here: the record (new
// or moved to this version), its immutable snapshot, its images, and the
// hub's receipt (so the decision on it goes back to the hub). The
// candidate gets a local account that cannot sign in (disabled, no
// password): it only names whose record it is. images holds every blob the
// version names. The same version twice changes nothing. cursor is the
// feed position, stored with it.
func (s *Store) ImportVersion(ctx context.Context, v *wire.Version, images map[string][]byte, cursor int64) error {
	rec, err := versionRecord(v)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := setFeedCursor(ctx, tx, "station", cursor); err != nil {
			return err
		}
		return s.receiveVersion(ctx, tx, v, rec, images)
	})
}

// receiveVersion is how a review station stores a submitted version that
// came from elsewhere — pulled from the hub, or carried in a .caiji package
// — inside tx: under the person's local (disabled) account, as
// importVersion stores it.
func (s *Store) receiveVersion(ctx context.Context, tx *sql.Tx, v *wire.Version, rec *domain.Record, images map[string][]byte) error {
	var kind string
	if err := tx.QueryRowContext(ctx, "SELECT kind FROM station WHERE id = 1").Scan(&kind); err != nil {
		return err
	}
	if kind != StationReview {
		return ErrForbidden
	}
	owner, err := s.remoteCandidate(ctx, tx, v.Person)
	if err != nil {
		return err
	}
	return s.importVersion(ctx, tx, owner, v, rec, images, false)
}

// RestoreVersion stores a candidate's own version pulled from the hub
// (with the token of the account whose UUID is given) on a PC that does not
// have it — they submitted it on another PC: their record comes back as it
// was submitted, with its history from there on. A version of someone
// else is refused, and one of another record than the candidate's local
// one is ErrOtherRecord.
func (s *Store) RestoreVersion(ctx context.Context, account string, v *wire.Version, images map[string][]byte, cursor int64) error {
	rec, err := versionRecord(v)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		act, err := scanAccount(tx.QueryRowContext(ctx, "SELECT "+accountCols+" FROM accounts WHERE uuid = ?", account))
		if err != nil {
			return err
		}
		if act.Role != RoleCandidate || act.IDNumber != domain.NormalizeIDNumber(v.Person.IDNumber) {
			return ErrForbidden
		}
		var other string
		err = tx.QueryRowContext(ctx, "SELECT uuid FROM records WHERE owner_id = ?", act.ID).Scan(&other)
		if err == nil && other != v.Record {
			return ErrOtherRecord
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := setFeedCursor(ctx, tx, act.UUID, cursor); err != nil {
			return err
		}
		if changed, err := changedSinceSync(ctx, tx, v.Record); err != nil || changed {
			if err != nil {
				return err
			}
			return s.holdIncoming(ctx, tx, act, v, images, cursor)
		}
		return s.importVersion(ctx, tx, act, v, rec, images, false)
	})
}

// ErrOtherRecord: the hub holds another record of this person than the one
// on this PC.
var ErrOtherRecord = errors.New("storage: the hub holds another record of this person than this PC")

// HasVersion reports whether the station holds version n of a record as
// exchanged with the hub (sent, received, or held for the candidate's
// choice), so a version pulled again is not fetched again.
func (s *Store) HasVersion(ctx context.Context, record string, n int) (bool, error) {
	var has bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM receipts WHERE record_uuid = ?1 AND version = ?2)
		OR EXISTS (SELECT 1 FROM incoming WHERE record_uuid = ?1 AND json_extract(version, '$.version') = ?2)`, record, n).Scan(&has)
	return has, err
}

func versionRecord(v *wire.Version) (*domain.Record, error) {
	if err := v.Check(); err != nil {
		return nil, err
	}
	var rec domain.Record
	if err := json.Unmarshal(v.Document, &rec); err != nil {
		return nil, fmt.Errorf("storage: version %s/%d: %w", v.Record, v.N, err)
	}
	if rec.ID != v.Record || rec.Version != v.N {
		return nil, fmt.Errorf("storage: version %s/%d holds record %s/%d", v.Record, v.N, rec.ID, rec.Version)
	}
	return &rec, nil
}

// importVersion stores version v (its document read as rec) of owner's
// record inside tx: the record created or moved to it, its images, its
// snapshot and the hub's receipt. A version the station has (or has gone
// past) changes nothing, unless replace: the candidate chose the hub's copy
// over the one here, and the record takes the hub's version number again.
func (s *Store) importVersion(ctx context.Context, tx *sql.Tx, owner Account, v *wire.Version, rec *domain.Record, images map[string][]byte, replace bool) error {
	var id, ownerID int64
	var have int
	var data string
	err := tx.QueryRowContext(ctx, "SELECT id, owner_id, version, data FROM records WHERE uuid = ?", v.Record).Scan(&id, &ownerID, &have, &data)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		id, err = s.insertRemoteRecord(ctx, tx, owner, rec, v.Document)
	case err != nil:
	case ownerID != owner.ID:
		return ErrForbidden
	case have >= v.N && !replace:
		return nil // already here
	default:
		_, err = s.writeRecord(ctx, tx, id, owner, "received", []byte(data), rec)
	}
	if err != nil {
		return err
	}
	if err := linkImages(ctx, tx, id, rec, images, s.now()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE records SET submitted_at = ? WHERE id = ?", v.ReceivedAt.Unix(), id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO snapshots (record_id, version, data, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", id, v.N, string(v.Document), s.now().Unix()); err != nil {
		return err
	}
	return putReceipt(ctx, tx, wire.Receipt{Record: v.Record, N: v.N, SHA256: v.SHA256, ReceivedAt: v.ReceivedAt})
}

// linkImages stores the images rec names from images (fetched from the
// hub) and links them to record row id. An image not in images must be
// stored already.
func linkImages(ctx context.Context, tx *sql.Tx, id int64, rec *domain.Record, images map[string][]byte, now time.Time) error {
	for _, a := range rec.Attachments() {
		body, ok := images[a.SHA256]
		if ok && wire.Digest(body) != a.SHA256 {
			return fmt.Errorf("storage: image %s does not hash to its name", a.SHA256)
		}
		if ok { // the facts are the hub's: it measured the image with the same code
			if _, err := tx.ExecContext(ctx, `INSERT INTO attachments (sha256, kind, mime, bytes, width, height, warnings, data, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
				a.SHA256, string(a.Kind), a.MIME, len(body), a.Width, a.Height, strings.Join(a.Warnings, ","), body, now.Unix()); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO record_attachments (record_id, sha256) SELECT ?, sha256 FROM attachments WHERE sha256 = ? ON CONFLICT DO NOTHING", id, a.SHA256)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var linked int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM record_attachments WHERE record_id = ? AND sha256 = ?", id, a.SHA256).Scan(&linked); err != nil || linked == 0 {
				return errors.Join(err, fmt.Errorf("storage: version %s/%d lacks image %s", rec.ID, rec.Version, a.SHA256))
			}
		}
	}
	return nil
}

// remoteCandidate finds the local account of the person a pulled version
// belongs to, making a disabled one (no password) the first time.
func (s *Store) remoteCandidate(ctx context.Context, tx *sql.Tx, p wire.Person) (Account, error) {
	a, err := scanAccount(tx.QueryRowContext(ctx, "SELECT "+accountCols+" FROM accounts WHERE id_number = ?", domain.NormalizeIDNumber(p.IDNumber)))
	if err == nil {
		if a.Role != RoleCandidate {
			return a, ErrForbidden // staff of this station: their own record is never reviewed here
		}
		return a, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return a, err
	}
	a = Account{UUID: uuid.NewString(), IDType: domain.IDType(p.IDType), IDNumber: domain.NormalizeIDNumber(p.IDNumber), Name: p.Name,
		Role: RoleCandidate, Disabled: true, CreatedAt: s.now().Truncate(time.Second)}
	res, err := tx.ExecContext(ctx, `INSERT INTO accounts (uuid, id_type, id_number, name, phone, password_hash, role, disabled, created_at)
		VALUES (?, ?, ?, ?, '', '', 'candidate', 1, ?)`, a.UUID, string(a.IDType), a.IDNumber, a.Name, a.CreatedAt.Unix())
	if err != nil {
		return a, err
	}
	a.ID, err = res.LastInsertId()
	return a, err
}

func (s *Store) insertRemoteRecord(ctx context.Context, tx *sql.Tx, owner Account, rec *domain.Record, doc []byte) (int64, error) {
	now := s.now().Unix()
	res, err := tx.ExecContext(ctx, `INSERT INTO records (uuid, owner_id, version, status, department, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		rec.ID, owner.ID, rec.Version, string(rec.Status), rec.Department.Code(), string(doc), now, now)
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	return id, s.addEvent(ctx, tx, id, rec.Version, owner, "created", change{new: doc})
}
