package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"caiji/domain"
	"caiji/wire"
)

// Outbox item kinds and states.
const (
	OutVersion   = "version"   // a submitted record version, sent by its station
	OutDecision  = "decision"  // a review station's decision
	OutQueued    = "queued"    // waiting to be sent (again)
	OutSent      = "sent"      // the hub answered 2xx
	OutAttention = "attention" // the hub refused it; the user must act, it is not retried
)

// OutboxItem is one thing waiting for, or delivered to, the hub.
type OutboxItem struct {
	ID        int64
	Record    string
	Version   int
	Kind      string
	State     string
	Attempts  int
	NextAt    time.Time
	Error     wire.Error // the hub's refusal (attention) or the last failure (queued)
	CreatedAt time.Time
	SentAt    time.Time
}

// queue adds an item in the caller's transaction: the submission (or the
// decision) and its place in the outbox commit together or not at all. On a
// review station a version is not queued (it is judged here), and a
// decision is queued only on a version the hub holds.
func (s *Store) queue(ctx context.Context, tx *sql.Tx, recordUUID string, version int, kind string) error {
	var stationKind string
	if err := tx.QueryRowContext(ctx, "SELECT kind FROM station WHERE id = 1").Scan(&stationKind); err != nil {
		return err
	}
	switch {
	case kind == OutVersion && stationKind == StationReview:
		return nil
	case kind == OutDecision: // only on a version that came from the hub, not in a package (its decision goes back in one)
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM receipts WHERE record_uuid = ?1 AND version = ?2
			AND NOT EXISTS (SELECT 1 FROM package_versions WHERE record_uuid = ?1 AND version = ?2)`, recordUUID, version).Scan(&n); err != nil || n == 0 {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO outbox (record_uuid, version, kind, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
		recordUUID, version, kind, s.now().UnixMilli())
	return err
}

// Due receives when the sync worker has work now rather than at its next
// poll: a submission or a decision has been committed with its outbox item,
// or someone signed out (on a kiosk, whom the hub has confirmed may now be
// deleted). Signals are merged: one receive may stand for several.
func (s *Store) Due() <-chan struct{} { return s.due }

// signalDue tells Due's reader; call it after the commit, so that the
// reader finds what changed.
func (s *Store) signalDue() {
	select {
	case s.due <- struct{}{}:
	default:
	}
}

const outboxCols = "id, record_uuid, version, kind, state, attempts, next_at, error_code, error_zh, error_en, created_at, coalesce(sent_at, 0)"

func scanOutbox(row interface{ Scan(...any) error }) (OutboxItem, error) {
	var it OutboxItem
	var next, created, sent int64
	err := row.Scan(&it.ID, &it.Record, &it.Version, &it.Kind, &it.State, &it.Attempts, &next, &it.Error.Code, &it.Error.Zh, &it.Error.En, &created, &sent)
	it.NextAt, it.CreatedAt = time.UnixMilli(next), time.UnixMilli(created)
	if sent > 0 {
		it.SentAt = time.UnixMilli(sent)
	}
	return it, err
}

// Outbox lists every item, what needs attention first, then what waits,
// then what was sent (newest first), for the 同步 view.
func (s *Store) Outbox(ctx context.Context) ([]OutboxItem, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+outboxCols+` FROM outbox
		ORDER BY CASE state WHEN 'attention' THEN 0 WHEN 'queued' THEN 1 ELSE 2 END, coalesce(sent_at, 0) DESC, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutboxItem
	for rows.Next() {
		it, err := scanOutbox(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// NextDue returns the oldest queued item whose time has come, or
// ErrNotFound. Items go in queue order, so a record's versions (and a
// decision after the version it judges) reach the hub in order: an item
// waits while an older one of the same record is still queued.
func (s *Store) NextDue(ctx context.Context, now time.Time) (OutboxItem, error) {
	it, err := scanOutbox(s.db.QueryRowContext(ctx, "SELECT "+outboxCols+` FROM outbox o
		WHERE state = 'queued' AND next_at <= ?
		AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.record_uuid = o.record_uuid AND p.state <> 'sent' AND p.id < o.id)
		ORDER BY id LIMIT 1`, now.UnixMilli()))
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	return it, err
}

// Postpone keeps an item queued until next after a failed attempt (the
// hub unreachable, 408, 429, 5xx), noting why.
func (s *Store) Postpone(ctx context.Context, id int64, next time.Time, why wire.Error) error {
	_, err := s.db.ExecContext(ctx, "UPDATE outbox SET attempts = attempts + 1, next_at = ?, error_code = ?, error_zh = ?, error_en = ? WHERE id = ? AND state = 'queued'",
		next.UnixMilli(), why.Code, why.Zh, why.En, id)
	return classify(err)
}

// NeedsAttention takes an item out of the queue with the hub's refusal: it
// is not sent again until the user acts.
func (s *Store) NeedsAttention(ctx context.Context, id int64, why wire.Error) error {
	_, err := s.db.ExecContext(ctx, "UPDATE outbox SET state = 'attention', attempts = attempts + 1, error_code = ?, error_zh = ?, error_en = ? WHERE id = ?",
		why.Code, why.Zh, why.En, id)
	return classify(err)
}

// SendNow makes every queued item due at once (立即同步) and puts back in
// the queue the items refused for a reason the user may have fixed since
// (not signed in on the hub).
func (s *Store) SendNow(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `UPDATE outbox SET state = 'queued', next_at = 0
		WHERE state = 'queued' OR (state = 'attention' AND error_code = ?)`, wire.CodeUnauthorized)
	return classify(err)
}

// Sent marks a decision item delivered.
func (s *Store) Sent(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "UPDATE outbox SET state = 'sent', error_code = '', error_zh = '', error_en = '', sent_at = ? WHERE id = ?", s.now().UnixMilli(), id)
	return classify(err)
}

// Delivered marks a version item sent and keeps the hub's receipt; the
// same transaction, so a receipt exists exactly for what was sent.
func (s *Store) Delivered(ctx context.Context, id int64, rc wire.Receipt) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE outbox SET state = 'sent', error_code = '', error_zh = '', error_en = '', sent_at = ? WHERE id = ?", s.now().UnixMilli(), id); err != nil {
			return err
		}
		return putReceipt(ctx, tx, rc)
	})
}

// Outgoing is a version ready to send, with what the station's credential
// needs: the owner's local account (its UUID picks a home PC's token) and,
// for a kiosk registering the person on the hub, their password hash.
type Outgoing struct {
	Version      *wire.Version
	Owner        Account
	PasswordHash string
}

// OutgoingVersion builds the version an outbox item names from its
// immutable snapshot. Base is the last version of the record the hub
// acknowledged (0 for none).
func (s *Store) OutgoingVersion(ctx context.Context, it OutboxItem) (*Outgoing, error) {
	var out Outgoing
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var data, station string
		var owner int64
		err := tx.QueryRowContext(ctx, `SELECT s.data, r.owner_id FROM snapshots s JOIN records r ON r.id = s.record_id
			WHERE r.uuid = ? AND s.version = ?`, it.Record, it.Version).Scan(&data, &owner)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if out.Owner, err = scanAccount(tx.QueryRowContext(ctx, "SELECT "+accountCols+", password_hash FROM accounts WHERE id = ?", owner), &out.PasswordHash); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT uuid FROM station WHERE id = 1").Scan(&station); err != nil {
			return err
		}
		var base int
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM receipts WHERE record_uuid = ? AND version < ?", it.Record, it.Version).Scan(&base); err != nil {
			return err
		}
		var rec domain.Record
		if err := json.Unmarshal([]byte(data), &rec); err != nil {
			return err
		}
		var blobs []string
		for _, a := range rec.Attachments() {
			blobs = append(blobs, a.SHA256)
		}
		p := wire.Person{IDType: string(out.Owner.IDType), IDNumber: out.Owner.IDNumber, Name: out.Owner.Name}
		out.Version, err = wire.NewVersion(it.Record, it.Version, base, []byte(data), blobs, p, station)
		return err
	})
	return &out, err
}

// Blob returns a stored image's bytes for the sync worker, which sends what
// the outbox's versions name (no account: the station itself is sending).
func (s *Store) Blob(ctx context.Context, sha256 string) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, "SELECT data FROM attachments WHERE sha256 = ?", sha256).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return data, err
}

// NextQueuedAt is when the earliest queued item is due; false when none
// waits.
func (s *Store) NextQueuedAt(ctx context.Context) (time.Time, bool, error) {
	var at sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT min(next_at) FROM outbox WHERE state = 'queued'").Scan(&at)
	return time.UnixMilli(at.Int64), at.Valid, err
}

// OutgoingDecision builds the decision an outbox item names, with the
// reviewer's UUID, name and ID number (the hub refuses a decision on the
// reviewer's own record by it).
func (s *Store) OutgoingDecision(ctx context.Context, it OutboxItem) (*wire.Decision, error) {
	d := wire.Decision{Record: it.Record, N: it.Version}
	var pass bool
	var reasons string
	var at int64
	err := s.db.QueryRowContext(ctx, `SELECT d.pass, d.reasons, d.comment, d.realname, d.at, d.reviewer_uuid, d.reviewer_name, coalesce(a.id_number, ''), st.uuid
		FROM decisions d JOIN records r ON r.id = d.record_id LEFT JOIN accounts a ON a.id = d.reviewer_id, station st
		WHERE r.uuid = ? AND d.version = ? AND st.id = 1`, it.Record, it.Version).
		Scan(&pass, &reasons, &d.Comment, &d.RealName, &at, &d.Reviewer.UUID, &d.Reviewer.Name, &d.Reviewer.IDNumber, &d.Station)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	d.Verdict, d.At = wire.Reject, time.Unix(at, 0).UTC()
	if pass {
		d.Verdict = wire.Pass
	}
	if reasons != "" {
		d.Reasons = strings.Split(reasons, ",")
	}
	return &d, nil
}
