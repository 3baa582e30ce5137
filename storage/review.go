package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"caiji/domain"
)

// reviewable loads, inside tx, a record the session's reviewer may open
// (domain.MayReview), with its owner and the case the rules judged.
func (s *Store) reviewable(ctx context.Context, tx *sql.Tx, sess Session, uuid string) (acting, int64, Account, *domain.Record, error) {
	act, err := s.actor(ctx, tx, sess)
	if err != nil {
		return act, 0, Account{}, nil, err
	}
	if act.Role != RoleReviewer {
		return act, 0, Account{}, nil, ErrForbidden
	}
	var id, ownerID int64
	var data, dept string
	var snapshots int
	err = tx.QueryRowContext(ctx, "SELECT id, owner_id, data, department, (SELECT count(*) FROM snapshots s WHERE s.record_id = records.id) FROM records WHERE uuid = ?", uuid).
		Scan(&id, &ownerID, &data, &dept, &snapshots)
	if errors.Is(err, sql.ErrNoRows) {
		return act, 0, Account{}, nil, ErrNotFound
	}
	if err != nil {
		return act, 0, Account{}, nil, err
	}
	owner, err := scanAccount(tx.QueryRowContext(ctx, "SELECT "+accountCols+" FROM accounts WHERE id = ?", ownerID))
	if err != nil {
		return act, 0, Account{}, nil, err
	}
	rec := new(domain.Record)
	if err := json.Unmarshal([]byte(data), rec); err != nil {
		return act, 0, Account{}, nil, err
	}
	c := domain.Case{OwnerIDNumber: owner.IDNumber, Department: dept, Status: rec.Status, Version: rec.Version, Submitted: snapshots > 0}
	if err := domain.MayReview(act.actor, c); err != nil {
		return act, 0, Account{}, nil, err
	}
	return act, id, owner, rec, nil
}

// readable checks that the session may read a record — its owner, or a
// reviewer who may open it — and returns its row ID and the last version
// that session may see: all of them for the owner; for a reviewer, those
// up to the last submission or decision, never a draft's edits.
func (s *Store) readable(ctx context.Context, tx *sql.Tx, sess Session, uuid string) (int64, int, error) {
	act, err := s.actor(ctx, tx, sess)
	if err != nil {
		return 0, 0, err
	}
	if act.Role == RoleReviewer {
		_, id, _, _, err := s.reviewable(ctx, tx, sess, uuid)
		if err != nil {
			return 0, 0, err
		}
		var upTo int
		err = tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(version) FROM snapshots WHERE record_id = ?1), 0),
			coalesce((SELECT max(version) + 1 FROM decisions WHERE record_id = ?1), 0))`, id).Scan(&upTo)
		return id, upTo, err
	}
	_, id, rec, err := s.ownRecord(ctx, tx, sess, uuid)
	if err != nil {
		return 0, 0, err
	}
	return id, rec.Version, nil
}

// QueueFilter narrows the review queue.
type QueueFilter struct {
	// Statuses to list; empty means those awaiting review.
	Statuses []domain.Status
	// Department is one of the reviewer's codes; "" means all of them.
	Department string
	// Search matches the candidate's name, ID number or phone (a substring).
	Search string
	// Limit caps the rows returned (0: 500).
	Limit int
}

// QueueItem is one row of the review queue.
type QueueItem struct {
	RecordID    string
	Version     int
	Status      domain.Status
	Department  string
	Name        string
	IDNumber    string
	Phone       string
	SubmittedAt time.Time
}

// Queue lists the records a reviewer may judge, oldest submission first.
// Drafts are the candidate's alone and never listed.
func (s *Store) Queue(ctx context.Context, sess Session, f QueueFilter) ([]QueueItem, error) {
	reviewer, err := s.actor(ctx, s.db, sess)
	if err != nil {
		return nil, err
	}
	if reviewer.Role != RoleReviewer {
		return nil, ErrForbidden
	}
	statuses := slices.DeleteFunc(slices.Clone(f.Statuses), func(st domain.Status) bool {
		return st == domain.StatusDraft || st == domain.StatusChangeDraft
	})
	if len(statuses) == 0 {
		statuses = []domain.Status{domain.StatusSubmitted, domain.StatusChangeSubmitted}
	}
	q := `SELECT r.uuid, r.version, r.status, r.department, a.name, a.id_number, a.phone, coalesce(r.submitted_at, 0)
		FROM records r JOIN accounts a ON a.id = r.owner_id
		WHERE r.department IN (SELECT department FROM reviewer_departments WHERE account_id = ?)
		AND a.id_number <> ? AND r.status IN (?` + strings.Repeat(",?", len(statuses)-1) + `)`
	args := []any{reviewer.ID, reviewer.IDNumber}
	for _, st := range statuses {
		args = append(args, string(st))
	}
	if f.Department != "" {
		q += " AND r.department = ?"
		args = append(args, f.Department)
	}
	if term := strings.TrimSpace(f.Search); term != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(term) + "%"
		q += ` AND (a.name LIKE ? ESCAPE '\' OR a.id_number LIKE ? ESCAPE '\' OR a.phone LIKE ? ESCAPE '\')`
		args = append(args, like, strings.ToUpper(like), like)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 500
	}
	q += " ORDER BY r.submitted_at, r.id LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QueueItem
	for rows.Next() {
		var it QueueItem
		var at int64
		if err := rows.Scan(&it.RecordID, &it.Version, &it.Status, &it.Department, &it.Name, &it.IDNumber, &it.Phone, &at); err != nil {
			return nil, err
		}
		it.SubmittedAt = time.Unix(at, 0).UTC()
		out = append(out, it)
	}
	return out, rows.Err()
}

// ReviewCase is what a reviewer judges: the submitted snapshot, whose it is,
// and the version in force when it is a change.
type ReviewCase struct {
	Record  *domain.Record
	Owner   Account
	InForce *domain.Record // the approved version, for a change; nil otherwise
}

// OpenForReview returns the record as last submitted (its latest
// snapshot), whose it is, and for a change the version in force. Its
// Version is what Decide must be given back.
func (s *Store) OpenForReview(ctx context.Context, sess Session, uuid string) (*ReviewCase, error) {
	var c ReviewCase
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, id, owner, rec, err := s.reviewable(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		c.Owner = owner
		var snap string
		if err := tx.QueryRowContext(ctx, "SELECT data FROM snapshots WHERE record_id = ? ORDER BY version DESC LIMIT 1", id).Scan(&snap); err != nil {
			return err
		}
		c.Record = new(domain.Record)
		if err := json.Unmarshal([]byte(snap), c.Record); err != nil {
			return err
		}
		var approved sql.NullString
		if err := tx.QueryRowContext(ctx, "SELECT approved_data FROM records WHERE id = ?", id).Scan(&approved); err != nil {
			return err
		}
		if approved.Valid && rec.Status.IsChange() {
			c.InForce = new(domain.Record)
			return json.Unmarshal([]byte(approved.String), c.InForce)
		}
		return nil
	})
	return &c, err
}

// Decision is a reviewer's verdict on one version.
type Decision struct {
	Pass     bool
	Reasons  []string // R-codes; at least one to reject
	Comment  string
	RealName domain.RealNameStatus // verified or failed
	// Filled in by storage.
	Version    int
	ReviewerID int64
	At         time.Time
}

// Decide records a verdict on version of the record, if domain.CheckDecision
// allows it to the session's reviewer as the database holds them now: the
// record awaiting review at that version (else ErrStale), a pass only with
// the real name verified, a rejection with known reasons. A decision is
// immutable once saved; the record's status follows it, and an approval
// makes this version the one in force.
func (s *Store) Decide(ctx context.Context, sess Session, uuid string, version int, d Decision) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		act, id, owner, rec, err := s.reviewable(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		c := domain.Case{OwnerIDNumber: owner.IDNumber, Department: rec.Department.Code(), Status: rec.Status, Version: rec.Version, Submitted: true}
		v := domain.Verdict{Pass: d.Pass, Reasons: d.Reasons, RealName: d.RealName, Version: version}
		if err := domain.CheckDecision(act.actor, c, v); err != nil {
			if errors.Is(err, domain.ErrNotAwaitingReview) && rec.Version != version {
				return ErrStale // decided or reopened since it was opened
			}
			return err
		}
		before, _ := json.Marshal(rec)
		if rec.Status, err = domain.Decided(rec.Status, d.Pass); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO decisions (record_id, version, reviewer_id, reviewer_uuid, reviewer_name, pass, reasons, comment, realname, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, version, act.ID, act.UUID, act.Name, d.Pass, strings.Join(d.Reasons, ","), d.Comment, string(d.RealName), now.Unix()); err != nil {
			return err
		}
		rec.RealName.Status = d.RealName
		rec.Version++
		if _, err := s.writeRecord(ctx, tx, id, act.Account, "decided", before, rec); err != nil {
			return err
		}
		if d.Pass {
			body, _ := json.Marshal(rec)
			if _, err = tx.ExecContext(ctx, "UPDATE records SET approved_data = ? WHERE id = ?", string(body), id); err != nil {
				return err
			}
		}
		return s.queue(ctx, tx, uuid, version, OutDecision)
	})
	if err == nil {
		s.signalDue()
	}
	return err
}

// Decisions lists the decisions on a record, oldest first, for its owner or
// a reviewer who may open it.
func (s *Store) Decisions(ctx context.Context, sess Session, uuid string) ([]Decision, error) {
	var out []Decision
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		id, _, err := s.readable(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT version, coalesce(reviewer_id, 0), pass, reasons, comment, realname, at FROM decisions WHERE record_id = ? ORDER BY id", id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d Decision
			var reasons string
			var at int64
			if err := rows.Scan(&d.Version, &d.ReviewerID, &d.Pass, &reasons, &d.Comment, &d.RealName, &at); err != nil {
				return err
			}
			if reasons != "" {
				d.Reasons = strings.Split(reasons, ",")
			}
			d.At = time.Unix(at, 0).UTC()
			out = append(out, d)
		}
		return rows.Err()
	})
	return out, err
}

// transition moves the owner's record through a workflow step that changes
// no field (修改 after a rejection, opening or discarding a change).
func (s *Store) transition(ctx context.Context, sess Session, uuid, kind string, next func(domain.Status) (domain.Status, error), restore bool) (*domain.Record, error) {
	var out *domain.Record
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		act, id, rec, err := s.ownRecord(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		before, _ := json.Marshal(rec)
		status, err := next(rec.Status)
		if err != nil {
			return ErrNotEditable
		}
		if restore { // back to the approved version, keeping the counter moving
			var approved string
			if err := tx.QueryRowContext(ctx, "SELECT approved_data FROM records WHERE id = ?", id).Scan(&approved); err != nil {
				return err
			}
			v := rec.Version
			rec = new(domain.Record)
			if err := json.Unmarshal([]byte(approved), rec); err != nil {
				return err
			}
			rec.Version = v
		}
		rec.Status = status
		if status.Editable() {
			rec.Committed = false // each submission is promised anew
		}
		rec.Version++
		if _, err := s.writeRecord(ctx, tx, id, act.Account, kind, before, rec); err != nil {
			return err
		}
		out = rec
		return nil
	})
	return out, err
}

// Reopen turns a rejected record back into a draft (a new version); the
// rejected snapshot and its decision stay in the history.
func (s *Store) Reopen(ctx context.Context, sess Session, uuid string) (*domain.Record, error) {
	return s.transition(ctx, sess, uuid, "reopened", domain.Reopened, false)
}

// OpenChange starts 信息变更 on an approved record: a change draft beside
// the approved version, which stays in force until the change is approved.
func (s *Store) OpenChange(ctx context.Context, sess Session, uuid string) (*domain.Record, error) {
	return s.transition(ctx, sess, uuid, "change_opened", domain.ChangeOpened, false)
}

// DiscardChange drops a change draft (or a rejected change): the record is
// the approved version again.
func (s *Store) DiscardChange(ctx context.Context, sess Session, uuid string) (*domain.Record, error) {
	return s.transition(ctx, sess, uuid, "change_discarded", domain.ChangeDiscarded, true)
}

// InForce returns the approved version of a record (nil before the first
// approval): what counts for exam registration while a change is pending.
func (s *Store) InForce(ctx context.Context, sess Session, uuid string) (*domain.Record, error) {
	var out *domain.Record
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		id, _, err := s.readable(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		var approved sql.NullString
		if err := tx.QueryRowContext(ctx, "SELECT approved_data FROM records WHERE id = ?", id).Scan(&approved); err != nil || !approved.Valid {
			return err
		}
		out = new(domain.Record)
		return json.Unmarshal([]byte(approved.String), out)
	})
	return out, err
}
