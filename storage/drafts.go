package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"caiji/domain"
)

// SetKeepDraftOnHub records the candidate's choice (保存草稿到服务器): their
// record, while not submitted, is kept on the hub too. Only for a
// candidate's own account on a home PC.
func (s *Store) SetKeepDraftOnHub(ctx context.Context, sess Session, keep bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		act, err := s.actor(ctx, tx, sess)
		if err != nil {
			return err
		}
		var kind string
		if err := tx.QueryRowContext(ctx, "SELECT kind FROM station WHERE id = 1").Scan(&kind); err != nil {
			return err
		}
		if act.Role != RoleCandidate || kind != StationCandidate {
			return ErrForbidden
		}
		if !keep {
			_, err = tx.ExecContext(ctx, "DELETE FROM hub_drafts WHERE account_id = ?", act.ID)
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO hub_drafts (account_id) VALUES (?) ON CONFLICT DO NOTHING", act.ID)
		return err
	})
}

// KeepsDraftOnHub reports the candidate's choice.
func (s *Store) KeepsDraftOnHub(ctx context.Context, sess Session) (bool, error) {
	act, err := s.actor(ctx, s.db, sess)
	if err != nil {
		return false, err
	}
	var n int
	err = s.db.QueryRowContext(ctx, "SELECT count(*) FROM hub_drafts WHERE account_id = ?", act.ID).Scan(&n)
	return n > 0, err
}

// OutgoingDraft is a record to keep on the hub as its owner's draft.
type OutgoingDraft struct {
	Account  string // the owner's local account UUID (picks their token)
	Record   *domain.Record
	Document []byte
}

// DraftsToSend lists the drafts that changed since they were last sent:
// records of candidates who chose to keep drafts on the hub, editable (not
// awaiting review), at a version not sent yet.
func (s *Store) DraftsToSend(ctx context.Context) ([]OutgoingDraft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.uuid, r.data FROM hub_drafts h JOIN accounts a ON a.id = h.account_id
		JOIN records r ON r.owner_id = a.id WHERE r.version <> h.sent_version AND r.status IN (?, ?, ?, ?)`,
		string(domain.StatusDraft), string(domain.StatusRejected), string(domain.StatusChangeDraft), string(domain.StatusChangeRejected))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutgoingDraft
	for rows.Next() {
		var d OutgoingDraft
		var data string
		if err := rows.Scan(&d.Account, &data); err != nil {
			return nil, err
		}
		d.Document, d.Record = []byte(data), new(domain.Record)
		if err := json.Unmarshal(d.Document, d.Record); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DraftSent records that version of the account's record is on the hub.
func (s *Store) DraftSent(ctx context.Context, account string, version int) error {
	_, err := s.db.ExecContext(ctx, "UPDATE hub_drafts SET sent_version = ? WHERE account_id = (SELECT id FROM accounts WHERE uuid = ?)", version, account)
	return classify(err)
}

// RestoreDraft makes a draft kept on the hub the working copy of the
// account's record on this PC (they go on here with what they saved at
// another PC), when it is newer than the record here and the record here
// has not changed since it came from the hub. images are the draft's
// images fetched from the hub. It reports whether the draft was taken.
func (s *Store) RestoreDraft(ctx context.Context, account string, doc []byte, images map[string][]byte) (bool, error) {
	var draft domain.Record
	if err := json.Unmarshal(doc, &draft); err != nil {
		return false, fmt.Errorf("storage: draft: %w", err)
	}
	if !draft.Status.Editable() {
		return false, errors.New("storage: a draft from the hub is not an editable record")
	}
	taken := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		owner, err := scanAccount(tx.QueryRowContext(ctx, "SELECT "+accountCols+" FROM accounts WHERE uuid = ?", account))
		if err != nil {
			return err
		}
		var id int64
		var have int
		var data string
		err = tx.QueryRowContext(ctx, "SELECT id, version, data FROM records WHERE uuid = ? AND owner_id = ?", draft.ID, owner.ID).Scan(&id, &have, &data)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // a draft of a record not here: it comes with the record's first version
		}
		if err != nil {
			return err
		}
		changed, err := changedSinceSync(ctx, tx, draft.ID)
		if err != nil || changed || draft.Version <= have {
			return err
		}
		identify(&draft.Basic, owner, s.now()) // the identity is the account's, whatever the draft says
		if err := linkImages(ctx, tx, id, &draft, images, s.now()); err != nil {
			return err
		}
		if _, err := s.writeRecord(ctx, tx, id, owner, "draft_received", []byte(data), &draft); err != nil {
			return err
		}
		taken = true
		_, err = tx.ExecContext(ctx, "INSERT INTO hub_drafts (account_id, sent_version) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET sent_version = excluded.sent_version", owner.ID, draft.Version)
		return err
	})
	return taken, err
}
