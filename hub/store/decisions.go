package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"caiji/wire"
)

// Decision is a decision the hub has checked and will store: From is the
// record's status it was judged against, To the status it leads to.
type Decision struct {
	Decision   *wire.Decision
	From, To   string
	ReceivedAt time.Time
}

// Decide stores the one decision on the version awaiting review. The record
// moves only if it still awaits that version in the status the rules were
// checked against, and the decisions' primary key allows one per version;
// whoever loses a race gets ErrConflict.
func (s *Store) Decide(ctx context.Context, d *Decision) error {
	w := d.Decision
	reasons, err := json.Marshal(w.Reasons)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var person, dept string
		err := s.queryRow(ctx, tx, `UPDATE records SET status = ?, awaiting = NULL, updated_at = ?
			WHERE uuid = ? AND awaiting = ? AND status = ? RETURNING person, department`,
			d.To, d.ReceivedAt.UnixMilli(), w.Record, w.N, d.From).Scan(&person, &dept)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrConflict
		}
		if err != nil {
			return err
		}
		res, err := s.exec(ctx, tx, `INSERT INTO decisions (record, n, verdict, realname, reasons, comment, reviewer_uuid, reviewer_name,
			reviewer_id_number, station, at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			w.Record, w.N, w.Verdict, w.RealName, string(reasons), w.Comment, w.Reviewer.UUID, w.Reviewer.Name, w.Reviewer.IDNumber,
			w.Station, w.At.UnixMilli(), d.ReceivedAt.UnixMilli())
		if err := affected(res, err); err != nil {
			return err
		}
		return s.addFeed(ctx, tx, w.Record, w.N, "decision", person, dept)
	})
}

// DecisionOn returns the decision on a version if r may read it.
func (s *Store) DecisionOn(ctx context.Context, record string, n int, r Reader) (*wire.Decision, error) {
	where, args := r.versionScope("v.")
	d := &wire.Decision{Record: record, N: n}
	var reasons string
	var at int64
	err := s.queryRow(ctx, s.db, `SELECT d.verdict, d.realname, d.reasons, d.comment, d.reviewer_uuid, d.reviewer_name, d.reviewer_id_number, d.station, d.at
		FROM decisions d JOIN versions v ON v.record = d.record AND v.n = d.n WHERE d.record = ? AND d.n = ? AND `+where,
		append([]any{record, n}, args...)...).
		Scan(&d.Verdict, &d.RealName, &reasons, &d.Comment, &d.Reviewer.UUID, &d.Reviewer.Name, &d.Reviewer.IDNumber, &d.Station, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	d.At = time.UnixMilli(at).UTC()
	if r.Person != "" {
		d.Reviewer.IDNumber = "" // a candidate learns who judged, not their ID number
	}
	return d, json.Unmarshal([]byte(reasons), &d.Reasons)
}

// CountDecisions counts the decisions stored on a version (tests of races).
func (s *Store) CountDecisions(ctx context.Context, record string, n int) (int, error) {
	var c int
	err := s.queryRow(ctx, s.db, "SELECT COUNT(*) FROM decisions WHERE record = ? AND n = ?", record, n).Scan(&c)
	return c, err
}
