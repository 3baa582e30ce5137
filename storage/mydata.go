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

// ErrUnconfirmed: deleting would lose a submitted version the hub has not
// confirmed (or, with no hub, the only copy there is); the person must say
// they accept that.
var ErrUnconfirmed = errors.New("storage: a submitted version is not confirmed by the hub")

// PersonData is everything this station holds about one person: what
// 我的数据 hands over (PIPL art. 45).
type PersonData struct {
	Account   Account
	Versions  []StoredVersion
	Events    []PersonEvent
	Decisions []PersonDecision
	Consents  []domain.Consent
	// Images are the bytes of every image stored for the person's records,
	// by SHA-256.
	Images map[string][]byte
}

// StoredVersion is one version of a record exactly as stored: each
// submitted snapshot, and the working copy when it is newer.
type StoredVersion struct {
	Record  string
	Version int
	JSON    []byte
}

// PersonEvent is one entry of a record's history, as exported.
type PersonEvent struct {
	Record  string          `json:"record"`
	Version int             `json:"version"`
	Actor   string          `json:"actor"`
	Kind    string          `json:"kind"`
	Path    string          `json:"path,omitempty"`
	Old     json.RawMessage `json:"old,omitempty"`
	New     json.RawMessage `json:"new,omitempty"`
	At      time.Time       `json:"at"`
}

// PersonDecision is a reviewer's decision on a version, as exported.
type PersonDecision struct {
	Record   string                `json:"record"`
	Version  int                   `json:"version"`
	Reviewer string                `json:"reviewer"`
	Pass     bool                  `json:"pass"`
	Reasons  []string              `json:"reasons,omitempty"`
	Comment  string                `json:"comment,omitempty"`
	RealName domain.RealNameStatus `json:"realname"`
	At       time.Time             `json:"at"`
}

// MyData reads, in one transaction, everything held about the session's
// own person: their account, every version of their records, the records'
// events and decisions, their consents and every image stored for them.
// There is no way to ask for anyone else's.
func (s *Store) MyData(ctx context.Context, sess Session) (*PersonData, error) {
	out := &PersonData{Versions: []StoredVersion{}, Events: []PersonEvent{}, Decisions: []PersonDecision{}, Consents: []domain.Consent{}, Images: map[string][]byte{}}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		act, err := s.actor(ctx, tx, sess)
		if err != nil {
			return err
		}
		if err := domain.MayUseOwnRecord(act.actor, true); err != nil {
			return err
		}
		out.Account = act.Account
		given, err := consentsOf(ctx, tx, act.ID)
		if err != nil {
			return err
		}
		out.Consents = append(out.Consents, given...)
		for _, read := range []func(context.Context, *sql.Tx, int64, *PersonData) error{readVersions, readEvents, readDecisions, readImages} {
			if err := read(ctx, tx, act.ID, out); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachRow runs scan on every row of query.
func eachRow(ctx context.Context, tx *sql.Tx, query string, scan func(*sql.Rows) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// readVersions reads every snapshot, then each record's working copy when
// no snapshot holds its version.
func readVersions(ctx context.Context, tx *sql.Tx, owner int64, out *PersonData) error {
	return eachRow(ctx, tx, `SELECT r.uuid, s.version, s.data FROM snapshots s JOIN records r ON r.id = s.record_id WHERE r.owner_id = ?1
		UNION ALL SELECT uuid, version, data FROM records r WHERE owner_id = ?1
			AND NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.record_id = r.id AND s.version = r.version)
		ORDER BY 1, 2`, func(rows *sql.Rows) error {
		var v StoredVersion
		var data string
		if err := rows.Scan(&v.Record, &v.Version, &data); err != nil {
			return err
		}
		v.JSON = []byte(data)
		out.Versions = append(out.Versions, v)
		return nil
	}, owner)
}

func readEvents(ctx context.Context, tx *sql.Tx, owner int64, out *PersonData) error {
	return eachRow(ctx, tx, `SELECT r.uuid, e.version, coalesce(nullif(e.actor_name, ''), a.name, ''), e.kind, e.path, e.old, e.new, e.at
		FROM events e JOIN records r ON r.id = e.record_id LEFT JOIN accounts a ON a.id = e.actor_id
		WHERE r.owner_id = ? ORDER BY e.id`, func(rows *sql.Rows) error {
		var e PersonEvent
		var at int64
		if err := rows.Scan(&e.Record, &e.Version, &e.Actor, &e.Kind, &e.Path, (*nullJSON)(&e.Old), (*nullJSON)(&e.New), &at); err != nil {
			return err
		}
		e.At = time.Unix(at, 0).UTC()
		out.Events = append(out.Events, e)
		return nil
	}, owner)
}

func readDecisions(ctx context.Context, tx *sql.Tx, owner int64, out *PersonData) error {
	return eachRow(ctx, tx, `SELECT r.uuid, d.version, d.reviewer_name, d.pass, d.reasons, d.comment, d.realname, d.at
		FROM decisions d JOIN records r ON r.id = d.record_id WHERE r.owner_id = ? ORDER BY d.id`, func(rows *sql.Rows) error {
		var d PersonDecision
		var reasons string
		var at int64
		if err := rows.Scan(&d.Record, &d.Version, &d.Reviewer, &d.Pass, &reasons, &d.Comment, &d.RealName, &at); err != nil {
			return err
		}
		if reasons != "" {
			d.Reasons = strings.Split(reasons, ",")
		}
		d.At = time.Unix(at, 0).UTC()
		out.Decisions = append(out.Decisions, d)
		return nil
	}, owner)
}

func readImages(ctx context.Context, tx *sql.Tx, owner int64, out *PersonData) error {
	return eachRow(ctx, tx, `SELECT DISTINCT a.sha256, a.data FROM attachments a JOIN record_attachments ra ON ra.sha256 = a.sha256
		JOIN records r ON r.id = ra.record_id WHERE r.owner_id = ?`, func(rows *sql.Rows) error {
		var sha string
		var data []byte
		if err := rows.Scan(&sha, &data); err != nil {
			return err
		}
		out.Images[sha] = data
		return nil
	}, owner)
}

// Unconfirmed lists the session's submitted versions the hub has not
// confirmed: deleting them here would lose them. With no hub configured
// every submitted version is listed — this station holds the only copy.
func (s *Store) Unconfirmed(ctx context.Context, sess Session) ([]int, error) {
	act, err := s.actor(ctx, s.db, sess)
	if err != nil {
		return nil, err
	}
	var out []int
	return out, s.inTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT s.version FROM snapshots s JOIN records r ON r.id = s.record_id
			WHERE r.owner_id = ? AND NOT EXISTS (SELECT 1 FROM receipts rc WHERE rc.record_uuid = r.uuid AND rc.version = s.version)
			ORDER BY s.version`, func(rows *sql.Rows) error {
			var v int
			err := rows.Scan(&v)
			out = append(out, v)
			return err
		}, act.ID)
	})
}

// DeleteMe deletes everything this station holds about the session's own
// person, after their password is typed again: through deletePerson, the
// one function that deletes a person (the kiosk purge uses it too), then
// the database is scrubbed so the bytes are gone from caiji.db and its
// log. While a submitted version is unconfirmed (Unconfirmed) it is
// refused with ErrUnconfirmed unless acceptLoss. The session ends.
func (s *Store) DeleteMe(ctx context.Context, sess Session, password string, acceptLoss bool) error {
	act, err := s.actor(ctx, s.db, sess)
	if err != nil {
		return err
	}
	if err := domain.MayUseOwnRecord(act.actor, true); err != nil {
		return err
	}
	var hash string
	if err := s.db.QueryRowContext(ctx, "SELECT password_hash FROM accounts WHERE id = ?", act.ID).Scan(&hash); err != nil {
		return err
	}
	if ok, err := domain.VerifyPassword(password, hash); err != nil || !ok {
		if err == nil {
			err = ErrBadCredentials
		}
		return err
	}
	pending, err := s.Unconfirmed(ctx, sess)
	if err != nil {
		return err
	}
	if len(pending) > 0 && !acceptLoss {
		return ErrUnconfirmed
	}
	s.SignOut(sess)
	if err := s.deletePerson(ctx, act.ID); err != nil {
		return err
	}
	return s.scrub(ctx)
}
