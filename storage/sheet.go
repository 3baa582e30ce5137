package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"caiji/domain"
)

// SheetSource is what a 信息采集表 is printed from: a submitted version as
// stored, its photo's bytes, and the decision on it with the reviewer's
// name.
type SheetSource struct {
	Snapshot []byte         // the version's JSON, byte for byte as stored
	Record   *domain.Record // Snapshot, read
	Photo    []byte         // the standard photo; nil when the version names none
	Decision *Decision      // on this version; nil while it awaits review
	Reviewer string         // the deciding reviewer's name
}

// SheetSource returns the latest submitted version of a record — the one
// under review, or decided (the version in force once approved; while a
// change is drafted, still that one) — for its owner or a reviewer who may
// open it. A record never submitted has no sheet: domain.ErrNotSubmitted.
func (s *Store) SheetSource(ctx context.Context, sess Session, uuid string) (*SheetSource, error) {
	var src SheetSource
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		id, _, err := s.readable(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		var snap string
		var version int
		err = tx.QueryRowContext(ctx, "SELECT version, data FROM snapshots WHERE record_id = ? ORDER BY version DESC LIMIT 1", id).Scan(&version, &snap)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.ErrNotSubmitted
		}
		if err != nil {
			return err
		}
		src.Snapshot = []byte(snap)
		src.Record = new(domain.Record)
		if err := json.Unmarshal(src.Snapshot, src.Record); err != nil {
			return err
		}
		if p := src.Record.Basic.Photo; p != nil {
			if err := tx.QueryRowContext(ctx, "SELECT data FROM attachments WHERE sha256 = ?", p.SHA256).Scan(&src.Photo); err != nil {
				return err
			}
		}
		var d Decision
		var reasons string
		var at int64
		err = tx.QueryRowContext(ctx, "SELECT version, pass, reasons, comment, realname, at, reviewer_name FROM decisions WHERE record_id = ? AND version = ?", id, version).
			Scan(&d.Version, &d.Pass, &reasons, &d.Comment, &d.RealName, &at, &src.Reviewer)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if reasons != "" {
			d.Reasons = strings.Split(reasons, ",")
		}
		d.At = time.Unix(at, 0).UTC()
		src.Decision = &d
		return err
	})
	if err != nil {
		return nil, err
	}
	return &src, nil
}
