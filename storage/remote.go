package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"caiji/domain"
	"caiji/wire"
)

// ApplyDecision applies a decision pulled from the hub to the local copy of
// its record, exactly as a local reviewer's would be: the status follows
// the verdict, the changes are events, the decision is kept. The reviewer
// is known by UUID and name only; no local account stands behind them. A
// decision already here, or on a record this station does not hold (a
// kiosk purged it), changes nothing. cursor is the feed position it came
// from, stored in the same transaction, so a decision is applied once.
func (s *Store) ApplyDecision(ctx context.Context, d *wire.Decision, principal string, cursor int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := setFeedCursor(ctx, tx, principal, cursor); err != nil {
			return err
		}
		_, err := s.applyDecision(ctx, tx, d)
		return err
	})
}

// applyDecision applies d inside tx, as ApplyDecision describes, and
// reports whether it changed anything (false: the decision is here
// already, or the record is not).
func (s *Store) applyDecision(ctx context.Context, tx *sql.Tx, d *wire.Decision) (bool, error) {
	var id int64
	var data string
	err := tx.QueryRowContext(ctx, "SELECT id, data FROM records WHERE uuid = ?", d.Record).Scan(&id, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var mine string
	err = tx.QueryRowContext(ctx, "SELECT reviewer_uuid FROM decisions WHERE record_id = ? AND version = ?", id, d.N).Scan(&mine)
	switch {
	case err == nil && mine != d.Reviewer.UUID: // ours was refused: another reviewer was first
		return false, noteHubDecision(ctx, tx, d)
	case err == nil:
		return false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return false, err
	}
	rec := new(domain.Record)
	if err := json.Unmarshal([]byte(data), rec); err != nil {
		return false, err
	}
	if rec.Version != d.N {
		return false, ErrStale
	}
	before := []byte(data)
	pass := d.Verdict == wire.Pass
	if rec.Status, err = domain.Decided(rec.Status, pass); err != nil {
		return false, ErrStale
	}
	rec.RealName.Status = domain.RealNameStatus(d.RealName)
	if _, err := tx.ExecContext(ctx, `INSERT INTO decisions (record_id, version, reviewer_id, reviewer_uuid, reviewer_name, pass, reasons, comment, realname, at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
		id, d.N, d.Reviewer.UUID, d.Reviewer.Name, pass, strings.Join(d.Reasons, ","), d.Comment, string(rec.RealName.Status), d.At.Unix()); err != nil {
		return false, err
	}
	rec.Version++
	reviewer := Account{UUID: d.Reviewer.UUID, Name: d.Reviewer.Name, Role: RoleReviewer}
	if _, err := s.writeRecord(ctx, tx, id, reviewer, "decided", before, rec); err != nil {
		return false, err
	}
	if pass {
		body, _ := json.Marshal(rec)
		_, err = tx.ExecContext(ctx, "UPDATE records SET approved_data = ? WHERE id = ?", string(body), id)
	}
	return true, err
}

// SetFeedCursor moves a feed's cursor past items that change nothing here
// (the station's own versions coming back).
func (s *Store) SetFeedCursor(ctx context.Context, principal string, cursor int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return setFeedCursor(ctx, tx, principal, cursor) })
}

// noteHubDecision tells the reviewer whose decision the hub refused (409)
// what the hub holds instead: the refused item in the outbox says who
// decided, what, and when.
func noteHubDecision(ctx context.Context, tx *sql.Tx, d *wire.Decision) error {
	verdict := domain.Msg{Zh: "通过", En: "approved"}
	if d.Verdict != wire.Pass {
		verdict = domain.Msg{Zh: "不通过 " + strings.Join(d.Reasons, " "), En: "rejected " + strings.Join(d.Reasons, " ")}
	}
	at := d.At.In(domain.Shanghai).Format("2006-01-02 15:04")
	_, err := tx.ExecContext(ctx, `UPDATE outbox SET error_zh = ?, error_en = ? WHERE record_uuid = ? AND version = ? AND kind = 'decision' AND state = 'attention'`,
		fmt.Sprintf("中心已有另一审核结论：%s（%s，%s），本站的结论未被采用", verdict.Zh, d.Reviewer.Name, at),
		fmt.Sprintf("The hub holds another decision: %s (%s, %s); this station's was not taken", verdict.En, d.Reviewer.Name, at),
		d.Record, d.N)
	return err
}
