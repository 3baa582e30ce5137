package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"caiji/domain"

	"github.com/google/uuid"
)

// Errors of record access and workflow.
var (
	// ErrNotEditable: the record is submitted or approved and read-only.
	ErrNotEditable = errors.New("storage: the record cannot be edited in its current status")
	// ErrHasErrors: the pre-audit still finds errors, so it cannot be submitted.
	ErrHasErrors = errors.New("storage: the record still has errors")
	// ErrNotFound: no such record or attachment.
	ErrNotFound = errors.New("storage: not found")
	// ErrUnlinkedImage: the record names an image that is not stored for it.
	ErrUnlinkedImage = errors.New("storage: the record names an image that was not stored for it")
)

// Event is one entry of a record's audit log.
type Event struct {
	ID      int64
	Version int
	ActorID int64
	Kind    string // created, field, submitted
	Path    string
	Old     json.RawMessage
	New     json.RawMessage
	At      time.Time
}

// MyRecord returns the candidate's own record, creating it (as a draft with
// the account's identity filled in) the first time.
func (s *Store) MyRecord(ctx context.Context, sess Session) (*domain.Record, error) {
	var rec *domain.Record
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		act, err := s.actor(ctx, tx, sess)
		if err != nil {
			return err
		}
		if err := domain.MayUseOwnRecord(act.actor, true); err != nil {
			return err
		}
		var data string
		err = tx.QueryRowContext(ctx, "SELECT data FROM records WHERE owner_id = ?", act.ID).Scan(&data)
		if err == nil {
			rec = new(domain.Record)
			return json.Unmarshal([]byte(data), rec)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		rec = newRecord(act.Account, s.now())
		body, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		now := s.now().Unix()
		res, err := tx.ExecContext(ctx, `INSERT INTO records (uuid, owner_id, version, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			rec.ID, act.ID, rec.Version, string(rec.Status), string(body), now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		return s.addEvent(ctx, tx, id, rec.Version, act.Account, "created", change{new: body})
	})
	return rec, err
}

func newRecord(a Account, now time.Time) *domain.Record {
	r := &domain.Record{ID: uuid.NewString(), Version: 1, Status: domain.StatusDraft,
		RealName: domain.RealName{Status: domain.RealNamePending}}
	identify(&r.Basic, a, now)
	return r
}

// identify sets the identity fields of 基本信息 from the account — 证件类型,
// 证件号码, 姓名, 手机号, and 性别 and 出生年月 where the number carries them —
// so no edit can make them drift from what was registered.
func identify(b *domain.Basic, a Account, now time.Time) {
	b.IDType, b.IDNumber, b.Name, b.Phone = a.IDType, a.IDNumber, a.Name, a.Phone
	if id, err := domain.ParseIdentity(a.IDType, a.IDNumber, now); err == nil && !id.Birth.IsZero() {
		b.Gender, b.Birth = id.Gender, domain.MonthOf(id.Birth)
	}
}

// addEvent logs one change by actor: a local account (its ID), or a
// reviewer known only by UUID and name (ID 0: a decision from the hub).
func (s *Store) addEvent(ctx context.Context, tx *sql.Tx, recordID int64, version int, actor Account, kind string, c change) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO events (record_id, version, actor_id, actor_uuid, actor_name, kind, path, old, new, at) VALUES (?, ?, nullif(?, 0), ?, ?, ?, ?, ?, ?, ?)`,
		recordID, version, actor.ID, actor.UUID, actor.Name, kind, c.path, nullable(c.old), nullable(c.new), s.now().Unix())
	return err
}

func nullable(b json.RawMessage) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// loadRecord reads a record by UUID inside tx, with its owner's account ID.
func loadRecord(ctx context.Context, tx *sql.Tx, uuid string) (id, owner int64, rec *domain.Record, err error) {
	var data string
	err = tx.QueryRowContext(ctx, "SELECT id, owner_id, data FROM records WHERE uuid = ?", uuid).Scan(&id, &owner, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil, ErrNotFound
	}
	if err != nil {
		return 0, 0, nil, err
	}
	rec = new(domain.Record)
	if err := json.Unmarshal([]byte(data), rec); err != nil {
		return 0, 0, nil, fmt.Errorf("storage: record %s: %w", uuid, err)
	}
	return id, owner, rec, nil
}

// ownRecord loads, inside tx, a record the session's candidate owns.
func (s *Store) ownRecord(ctx context.Context, tx *sql.Tx, sess Session, uuid string) (acting, int64, *domain.Record, error) {
	act, err := s.actor(ctx, tx, sess)
	if err != nil {
		return act, 0, nil, err
	}
	id, owner, rec, err := loadRecord(ctx, tx, uuid)
	if err != nil {
		return act, 0, nil, err
	}
	return act, id, rec, domain.MayUseOwnRecord(act.actor, owner == act.ID)
}

// editableRecord loads the session's own record and refuses it unless the
// candidate may change it now and has agreed to the current
// personal-information notice (an account from before consents were
// recorded, or one whose notice changed, agrees first).
func (s *Store) editableRecord(ctx context.Context, tx *sql.Tx, sess Session, uuid string) (acting, int64, *domain.Record, error) {
	act, id, rec, err := s.ownRecord(ctx, tx, sess, uuid)
	if err == nil && !rec.Status.Editable() {
		err = ErrNotEditable
	}
	if err == nil {
		err = s.requireConsent(ctx, tx, act.ID, domain.NoticePersonal)
	}
	return act, id, rec, err
}

// UpdateRecord applies edit to the session's own editable record in one
// transaction. An edit that changes a field the candidate may not change
// (domain.CheckCandidateEdit) is refused whole; new real-name images make
// the real-name status pending again; every image the record names must
// be stored for it, and its facts are storage's own. The version goes up
// by one and every changed field is written to the event log. An edit that
// changes nothing writes nothing.
func (s *Store) UpdateRecord(ctx context.Context, sess Session, uuid string, edit func(*domain.Record)) (*domain.Record, error) {
	var out *domain.Record
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		act, id, rec, err := s.editableRecord(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		before, _ := json.Marshal(rec)
		var prev domain.Record
		if err := json.Unmarshal(before, &prev); err != nil {
			return err
		}
		edit(rec)
		if err := domain.CheckCandidateEdit(&prev, rec); err != nil {
			return err
		}
		rec.RealName.Status = domain.RealNameAfterEdit(&prev, rec)
		if err := imageFacts(ctx, tx, id, rec); err != nil {
			return err
		}
		identify(&rec.Basic, act.Account, s.now())
		rec.Version++
		changed, err := s.writeRecord(ctx, tx, id, act.Account, "field", before, rec)
		if !changed {
			rec.Version--
		}
		out = rec
		return err
	})
	return out, err
}

// writeRecord stores rec (already at its new version) over the document
// before, and logs each changed field as an event of kind by actor. It
// reports false, writing nothing, when only the version differs.
func (s *Store) writeRecord(ctx context.Context, tx *sql.Tx, id int64, actor Account, kind string, before []byte, rec *domain.Record) (bool, error) {
	after, err := json.Marshal(rec)
	if err != nil {
		return false, err
	}
	changes, err := diffDocs(before, after)
	if err != nil {
		return false, err
	}
	if len(changes) <= 1 {
		return false, nil
	}
	var submitted any
	if !rec.SubmittedAt.IsZero() {
		submitted = rec.SubmittedAt.Unix()
	}
	if _, err := tx.ExecContext(ctx, "UPDATE records SET version = ?, status = ?, data = ?, department = ?, submitted_at = ?, updated_at = ? WHERE id = ?",
		rec.Version, string(rec.Status), string(after), rec.Department.Code(), submitted, s.now().Unix(), id); err != nil {
		return false, err
	}
	for _, c := range changes {
		if c.path == "version" {
			continue
		}
		if err := s.addEvent(ctx, tx, id, rec.Version, actor, kind, c); err != nil {
			return false, err
		}
	}
	return true, nil
}

func diffDocs(before, after []byte) ([]change, error) {
	var a, b any
	if err := json.Unmarshal(before, &a); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(after, &b); err != nil {
		return nil, err
	}
	var out []change
	diffJSON("", a, b, &out)
	return out, nil
}

// Submit freezes the session's record for review: every image it names
// must be stored for it (with storage's facts), it must have no pre-audit
// errors at this moment; its current version, with the consents on record
// (so the reviewer sees them wherever the version goes), is kept as an
// immutable snapshot, and the status becomes 待审核.
func (s *Store) Submit(ctx context.Context, sess Session, uuid string, cat *domain.Catalog) (*domain.Record, error) {
	var out *domain.Record
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		act, id, rec, err := s.editableRecord(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		before, _ := json.Marshal(rec)
		if err := imageFacts(ctx, tx, id, rec); err != nil {
			return err
		}
		now := s.now()
		holder := domain.Holder{IDType: act.IDType, IDNumber: act.IDNumber, Name: act.Name}
		if domain.Errors(domain.PreAudit(rec, holder, cat, now)) > 0 {
			return ErrHasErrors
		}
		if rec.Status, err = domain.Submitted(rec.Status); err != nil {
			return err
		}
		rec.SubmittedAt = now.Truncate(time.Second).UTC()
		if rec.Consents, err = consentsOf(ctx, tx, act.ID); err != nil {
			return err
		}
		rec.Version++
		if _, err := s.writeRecord(ctx, tx, id, act.Account, "submitted", before, rec); err != nil {
			return err
		}
		body, _ := json.Marshal(rec)
		if _, err := tx.ExecContext(ctx, "INSERT INTO snapshots (record_id, version, data, created_at) VALUES (?, ?, ?, ?)", id, rec.Version, string(body), now.Unix()); err != nil {
			return err
		}
		out = rec
		return s.queue(ctx, tx, rec.ID, rec.Version, OutVersion)
	})
	if err == nil {
		s.signalDue()
	}
	return out, err
}

// Events returns the audit log of a record, oldest first: all of it for its
// owner, up to the last submitted version for a reviewer of its department.
func (s *Store) Events(ctx context.Context, sess Session, uuid string) ([]Event, error) {
	var events []Event
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		id, upTo, err := s.readable(ctx, tx, sess, uuid)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT id, version, coalesce(actor_id, 0), kind, path, old, new, at FROM events WHERE record_id = ? AND version <= ? ORDER BY id", id, upTo)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e Event
			var at int64
			if err := rows.Scan(&e.ID, &e.Version, &e.ActorID, &e.Kind, &e.Path, (*nullJSON)(&e.Old), (*nullJSON)(&e.New), &at); err != nil {
				return err
			}
			e.At = time.Unix(at, 0)
			events = append(events, e)
		}
		return rows.Err()
	})
	return events, err
}

// Replay rebuilds a record from its events alone: the created document, then
// every change in order. It is the proof that the log is complete.
func Replay(events []Event) (*domain.Record, error) {
	var doc map[string]any
	for _, e := range events {
		var v any
		if e.New != nil {
			if err := json.Unmarshal(e.New, &v); err != nil {
				return nil, err
			}
		}
		switch {
		case e.Kind == "created":
			m, ok := v.(map[string]any)
			if !ok {
				return nil, errors.New("storage: created event without a document")
			}
			doc = m
		case doc == nil:
			return nil, errors.New("storage: events before creation")
		default:
			if err := setPath(doc, e.Path, v); err != nil {
				return nil, err
			}
		}
		if doc != nil {
			doc["version"] = float64(e.Version)
		}
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	rec := new(domain.Record)
	return rec, json.Unmarshal(body, rec)
}
