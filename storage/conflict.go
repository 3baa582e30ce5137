package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"caiji/domain"
	"caiji/wire"
)

// changedSinceSync reports whether the local record was edited after what
// this PC last exchanged with the hub (a version sent or received, or a
// decision applied): then a version from another PC must not replace it
// unasked.
func changedSinceSync(ctx context.Context, tx *sql.Tx, record string) (bool, error) {
	var have int
	var status string
	err := tx.QueryRowContext(ctx, "SELECT version, status FROM records WHERE uuid = ?", record).Scan(&have, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var synced int
	err = tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(version) FROM receipts WHERE record_uuid = ?1), 0),
		coalesce((SELECT max(d.version) + 1 FROM decisions d JOIN records r ON r.id = d.record_id WHERE r.uuid = ?1), 0))`, record).Scan(&synced)
	return domain.Status(status).Editable() && have > synced, err
}

// holdIncoming keeps a version that came while the record had changes of
// its own, with its images linked to the record, until the candidate
// chooses (ResolveConflict).
func (s *Store) holdIncoming(ctx context.Context, tx *sql.Tx, owner Account, v *wire.Version, images map[string][]byte, cursor int64) error {
	var id int64
	if err := tx.QueryRowContext(ctx, "SELECT id FROM records WHERE uuid = ? AND owner_id = ?", v.Record, owner.ID).Scan(&id); err != nil {
		return err
	}
	rec, err := versionRecord(v)
	if err != nil {
		return err
	}
	if err := linkImages(ctx, tx, id, rec, images, s.now()); err != nil {
		return err
	}
	body, _ := json.Marshal(v)
	_, err = tx.ExecContext(ctx, `INSERT INTO incoming (record_uuid, version, cursor, principal, at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (record_uuid) DO UPDATE SET version = excluded.version, cursor = excluded.cursor, at = excluded.at`,
		v.Record, string(body), cursor, owner.UUID, s.now().Unix())
	return err
}

// Conflict is what a candidate sees when their record changed here and
// another PC submitted a version too: both copies, when and where each was
// made, and the fields that differ.
type Conflict struct {
	Local      *domain.Record
	LocalAt    time.Time // the last change here
	Hub        *domain.Record
	HubAt      time.Time // when the hub received it
	HubStation string    // the UUID of the PC it was submitted from
	Differ     []string  // field paths that differ ("work[0].address")
}

// PendingConflict returns the session's record's conflict, or nil.
func (s *Store) PendingConflict(ctx context.Context, sess Session) (*Conflict, error) {
	var c *Conflict
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		v, local, at, err := s.incomingFor(ctx, tx, sess)
		if err != nil || v == nil {
			return err
		}
		hub, err := versionRecord(v)
		if err != nil {
			return err
		}
		before, _ := json.Marshal(local)
		changes, err := diffDocs(before, v.Document)
		if err != nil {
			return err
		}
		c = &Conflict{Local: local, LocalAt: at, Hub: hub, HubAt: v.ReceivedAt, HubStation: v.Station}
		for _, ch := range changes {
			if ch.path != "version" && ch.path != "status" && ch.path != "submitted_at" {
				c.Differ = append(c.Differ, ch.path)
			}
		}
		return nil
	})
	return c, err
}

// incomingFor loads the version held for the session's own record, with
// the record as it is here and when it last changed.
func (s *Store) incomingFor(ctx context.Context, tx *sql.Tx, sess Session) (*wire.Version, *domain.Record, time.Time, error) {
	act, err := s.actor(ctx, tx, sess)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	var body, data string
	var updated int64
	err = tx.QueryRowContext(ctx, `SELECT i.version, r.data, r.updated_at FROM incoming i JOIN records r ON r.uuid = i.record_uuid
		WHERE r.owner_id = ?`, act.ID).Scan(&body, &data, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, time.Time{}, nil
	}
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	var v wire.Version
	local := new(domain.Record)
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		return nil, nil, time.Time{}, err
	}
	return &v, local, time.Unix(updated, 0), json.Unmarshal([]byte(data), local)
}

// ResolveConflict applies the candidate's choice. Keeping the hub's copy
// makes the version from the other PC the record here (the changes made
// here stay in the history, as events). Keeping this PC's copy leaves the
// record as it is; the hub keeps the other version, so the next submission
// from here waits until that one is decided (the hub says so).
func (s *Store) ResolveConflict(ctx context.Context, sess Session, keepHub bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		v, _, _, err := s.incomingFor(ctx, tx, sess)
		if err != nil || v == nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM incoming WHERE record_uuid = ?", v.Record); err != nil {
			return err
		}
		if !keepHub {
			return nil
		}
		act, err := s.actor(ctx, tx, sess)
		if err != nil {
			return err
		}
		rec, err := versionRecord(v)
		if err != nil {
			return err
		}
		return s.importVersion(ctx, tx, act.Account, v, rec, nil, true)
	})
}
