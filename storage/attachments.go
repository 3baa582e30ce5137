package storage

import (
	"context"
	"database/sql"
	"errors"

	"caiji/domain"
)

// PutAttachment stores an image for the actor's record, once per content
// (the SHA-256 in facts names it), and lets the record read it. The record's
// JSON refers to it by that digest; a blob stored but never referenced is
// harmless.
func (s *Store) PutAttachment(ctx context.Context, actor Account, recordUUID string, facts domain.Attachment, data []byte) error {
	if facts.SHA256 == "" || len(data) != facts.Bytes {
		return errors.New("storage: attachment facts do not match its data")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		id, _, err := editableRecord(ctx, tx, actor, recordUUID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO attachments (sha256, kind, mime, bytes, width, height, data, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
			facts.SHA256, string(facts.Kind), facts.MIME, facts.Bytes, facts.Width, facts.Height, data, s.now().Unix()); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO record_attachments (record_id, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING", id, facts.SHA256)
		return err
	})
}

// Attachment returns an image's bytes if the actor may read a record that
// refers to it: their own, or for a reviewer one of their departments'.
func (s *Store) Attachment(ctx context.Context, actor Account, sha256 string) ([]byte, error) {
	q := `SELECT a.data FROM attachments a
		JOIN record_attachments ra ON ra.sha256 = a.sha256
		JOIN records r ON r.id = ra.record_id
		WHERE a.sha256 = ? AND r.owner_id = ? LIMIT 1`
	args := []any{sha256, actor.ID}
	if actor.Role == RoleReviewer {
		q = `SELECT a.data FROM attachments a
		JOIN record_attachments ra ON ra.sha256 = a.sha256
		JOIN records r ON r.id = ra.record_id
		JOIN accounts o ON o.id = r.owner_id
		WHERE a.sha256 = ? AND o.id_number <> ?
		AND r.department IN (SELECT department FROM reviewer_departments WHERE account_id = ?) LIMIT 1`
		args = []any{sha256, actor.IDNumber, actor.ID}
	}
	var data []byte
	err := s.db.QueryRowContext(ctx, q, args...).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return data, err
}
