package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"caiji/wire"
)

// Receipt is the hub's word that it holds a version, with the short code
// the candidate was shown. A kiosk keeps it after the person's data is
// gone: it names no one.
type Receipt struct {
	Record     string
	Version    int
	SHA256     string
	Code       string
	ReceivedAt time.Time // the hub's time
}

func putReceipt(ctx context.Context, tx *sql.Tx, rc wire.Receipt) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO receipts (record_uuid, version, sha256, code, received_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (record_uuid, version) DO NOTHING`, rc.Record, rc.N, rc.SHA256, wire.ReceiptCode(rc.SHA256), rc.ReceivedAt.Unix())
	return err
}

func scanReceipt(row interface{ Scan(...any) error }) (Receipt, error) {
	var r Receipt
	var at int64
	err := row.Scan(&r.Record, &r.Version, &r.SHA256, &r.Code, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	r.ReceivedAt = time.Unix(at, 0)
	return r, err
}

// ReceiptFor returns the hub's receipt of a record's version for the
// record's owner (审核结果 shows 已送达审核部门 with its time), or ErrNotFound
// while the hub does not have it.
func (s *Store) ReceiptFor(ctx context.Context, sess Session, recordUUID string, version int) (Receipt, error) {
	var r Receipt
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, _, _, err := s.ownRecord(ctx, tx, sess, recordUUID); err != nil {
			return err
		}
		var err error
		r, err = scanReceipt(tx.QueryRowContext(ctx, "SELECT record_uuid, version, sha256, code, received_at FROM receipts WHERE record_uuid = ? AND version = ?", recordUUID, version))
		return err
	})
	return r, err
}

// ReceiptByCode finds a receipt by the code shown at submission, for a
// candidate asking at a kiosk that has long forgotten them.
func (s *Store) ReceiptByCode(ctx context.Context, code string) (Receipt, error) {
	return scanReceipt(s.db.QueryRowContext(ctx, "SELECT record_uuid, version, sha256, code, received_at FROM receipts WHERE code = ? ORDER BY received_at DESC LIMIT 1", code))
}

// SubmissionCode is the receipt code of the version a candidate just
// submitted, computed from the snapshot as the hub will hash it, so it can
// be shown (and printed) before the hub has it.
func (s *Store) SubmissionCode(ctx context.Context, sess Session, recordUUID string, version int) (string, error) {
	var code string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, id, _, err := s.ownRecord(ctx, tx, sess, recordUUID)
		if err != nil {
			return err
		}
		var data string
		if err := tx.QueryRowContext(ctx, "SELECT data FROM snapshots WHERE record_id = ? AND version = ?", id, version).Scan(&data); err != nil {
			return err
		}
		doc, err := wire.Canonical(json.RawMessage(data))
		code = wire.ReceiptCode(wire.Digest(doc))
		return err
	})
	return code, err
}

// Receipt returns the hub's receipt of a version, for the station's 同步
// view: a receipt names no one, so any signed-in user of the station may
// see the list.
func (s *Store) Receipt(ctx context.Context, record string, version int) (Receipt, error) {
	return scanReceipt(s.db.QueryRowContext(ctx, "SELECT record_uuid, version, sha256, code, received_at FROM receipts WHERE record_uuid = ? AND version = ?", record, version))
}
