package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrNotKiosk: only a kiosk forgets its candidates on its own.
var ErrNotKiosk = errors.New("storage: this station is not a kiosk")

// PurgeKiosk deletes, on a kiosk, every candidate whose submitted version
// the hub has confirmed (a receipt for their latest submitted version: the
// one awaiting review, or the one a decision from a package judged), and
// every candidate whose record was never submitted and has not changed for
// the station's draft_days — but not while they are signed in: the
// candidate who has just submitted is reading the receipt code, and goes
// at the first purge after signing out (SignOut wakes the sync worker).
// The receipts stay. It returns how many persons
// were deleted; the database is then scrubbed so their bytes are gone from
// the files, not only from the tables.
func (s *Store) PurgeKiosk(ctx context.Context) (int, error) {
	info, err := s.StationInfo(ctx)
	if err != nil {
		return 0, err
	}
	if info.Kind != StationKiosk {
		return 0, ErrNotKiosk
	}
	stale := s.now().Add(-time.Duration(info.DraftDays) * 24 * time.Hour).Unix()
	rows, err := s.db.QueryContext(ctx, `SELECT a.id FROM accounts a LEFT JOIN records r ON r.owner_id = a.id
		WHERE a.role = 'candidate' AND (
			EXISTS (SELECT 1 FROM receipts rc WHERE rc.record_uuid = r.uuid AND rc.version = (SELECT max(version) FROM snapshots WHERE record_id = r.id))
			OR (NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.record_id = r.id) AND coalesce(r.updated_at, a.created_at) < ?))`, stale)
	if err != nil {
		return 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	deleted := 0
	for _, id := range ids {
		if !s.sessions.reserve(id) {
			continue // signed in: deleted after they sign out
		}
		err := s.deletePerson(ctx, id)
		s.sessions.release(id)
		if err != nil {
			return deleted, err
		}
		deleted++
	}
	return deleted, s.scrub(ctx)
}

// deletePerson is the one function that deletes a person's data: their
// records, every version, event and decision of them, the images no other
// record uses, their outbox items and feed cursor, and their account. The
// guards that keep snapshots, events and decisions let these rows go only
// while they are listed in erasing, which this transaction fills and
// empties. SQLite's secure_delete zeroes the freed content as it goes.
func (s *Store) deletePerson(ctx context.Context, accountID int64) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA secure_delete = OFF")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	if err := erase(ctx, tx, accountID); err != nil {
		tx.Rollback()
		return classify(err)
	}
	return classify(tx.Commit())
}

func erase(ctx context.Context, tx *sql.Tx, accountID int64) error {
	var uuid string
	if err := tx.QueryRowContext(ctx, "SELECT uuid FROM accounts WHERE id = ?", accountID).Scan(&uuid); err != nil {
		return err
	}
	mine := "(SELECT record_id FROM erasing)"
	for _, q := range []string{
		"INSERT INTO erasing (record_id) SELECT id FROM records WHERE owner_id = ?1",
		"DELETE FROM events WHERE record_id IN " + mine,
		"DELETE FROM decisions WHERE record_id IN " + mine,
		"DELETE FROM snapshots WHERE record_id IN " + mine,
		"CREATE TEMP TABLE IF NOT EXISTS erasing_blobs (sha256 TEXT PRIMARY KEY)",
		"INSERT OR IGNORE INTO erasing_blobs SELECT sha256 FROM record_attachments WHERE record_id IN " + mine,
		"DELETE FROM record_attachments WHERE record_id IN " + mine,
		"DELETE FROM attachments WHERE sha256 IN (SELECT sha256 FROM erasing_blobs) AND sha256 NOT IN (SELECT sha256 FROM record_attachments)",
		"DELETE FROM erasing_blobs",
		"DELETE FROM outbox WHERE record_uuid IN (SELECT uuid FROM records WHERE id IN " + mine + ")",
		"DELETE FROM incoming WHERE record_uuid IN (SELECT uuid FROM records WHERE id IN " + mine + ")",
		"DELETE FROM feed_cursors WHERE principal = ?2",
		"DELETE FROM records WHERE id IN " + mine,
		"DELETE FROM reviewer_departments WHERE account_id = ?1",
		"DELETE FROM consents WHERE account_id = ?1",
		"DELETE FROM hub_drafts WHERE account_id = ?1",
		"DELETE FROM accounts WHERE id = ?1",
		"DELETE FROM erasing",
		"UPDATE station SET scrub = 1 WHERE id = 1",
	} {
		if _, err := tx.ExecContext(ctx, q, accountID, uuid); err != nil {
			return fmt.Errorf("storage: delete person: %w", err)
		}
	}
	return nil
}

// scrub rewrites the database without its free space (VACUUM: cell
// remnants of earlier updates go too, not only the pages secure_delete
// zeroed) and then checkpoints the write-ahead log into it and truncates
// the log to nothing, so no old page survives in caiji.db-wal either.
//
// It runs only while a deletion is not yet scrubbed (station.scrub), so a
// scrub that could not finish (another reader held the log) is done at the
// next purge, and a purge that deleted no one costs nothing.
func (s *Store) scrub(ctx context.Context) error {
	var pending bool
	if err := s.db.QueryRowContext(ctx, "SELECT scrub FROM station WHERE id = 1").Scan(&pending); err != nil || !pending {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM"); err != nil {
		return classify(err)
	}
	var busy, logFrames, done int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil {
		return classify(err)
	}
	if busy != 0 {
		return fmt.Errorf("%w: the write-ahead log could not be emptied", ErrInUse)
	}
	// Clearing the flag writes to the log again: checkpoint once more.
	if _, err := s.db.ExecContext(ctx, "UPDATE station SET scrub = 0 WHERE id = 1"); err != nil {
		return classify(err)
	}
	_, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return classify(err)
}
