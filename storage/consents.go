package storage

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"time"

	"caiji/assets"
	"caiji/domain"
)

// ErrNoticeChanged: the person agreed to a notice text that is no longer
// the current one (the screen showed an older text); show it again.
var ErrNoticeChanged = errors.New("storage: the notice agreed to is not the current text")

// loadNotices reads the notices shipped in the binary: the texts every
// consent is checked against, whatever a screen showed.
func loadNotices() (domain.Notices, error) {
	dir, err := fs.Sub(assets.Consent, "consent")
	if err != nil {
		return nil, err
	}
	return domain.LoadNotices(dir)
}

// Notices are the notices this store asks consent to: what the screens
// show, so the digest a person agrees to is the one storage checks.
func (s *Store) Notices() domain.Notices { return s.notices }

// SetNotices replaces the notices; for tests of a changed notice text.
func (s *Store) SetNotices(n domain.Notices) { s.notices = n }

// Consents returns the session's own recorded consents, oldest first.
func (s *Store) Consents(ctx context.Context, sess Session) ([]domain.Consent, error) {
	act, err := s.actor(ctx, s.db, sess)
	if err != nil {
		return nil, err
	}
	return consentsOf(ctx, s.db, act.ID)
}

// Agree records that the session's person agreed to the notice of kind
// whose text has digest: refused unless digest is the current text's.
// Agreeing again to the same text keeps the first time.
func (s *Store) Agree(ctx context.Context, sess Session, kind domain.NoticeKind, digest string) error {
	n := s.notices[kind]
	if n == nil {
		return ErrNotFound
	}
	if digest != n.Digest {
		return ErrNoticeChanged
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		act, err := s.actor(ctx, tx, sess)
		if err != nil {
			return err
		}
		return s.putConsent(ctx, tx, act.ID, n.Agree(s.now()))
	})
}

func (s *Store) putConsent(ctx context.Context, tx *sql.Tx, accountID int64, c domain.Consent) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO consents (account_id, notice, digest, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
		accountID, string(c.Notice), c.Digest, c.At.Unix())
	return err
}

// consentsOf reads an account's consents, oldest first.
func consentsOf(ctx context.Context, q querier, accountID int64) ([]domain.Consent, error) {
	rows, err := q.QueryContext(ctx, "SELECT notice, digest, at FROM consents WHERE account_id = ? ORDER BY at, notice", accountID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Consent
	for rows.Next() {
		var c domain.Consent
		var at int64
		if err := rows.Scan(&c.Notice, &c.Digest, &at); err != nil {
			return nil, err
		}
		c.At = time.Unix(at, 0).UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// requireConsent refuses, with a *domain.ConsentError, collecting what the
// notice of kind covers from the account until it agreed to its current
// text: the check that holds whatever a screen did.
func (s *Store) requireConsent(ctx context.Context, q querier, accountID int64, kind domain.NoticeKind) error {
	given, err := consentsOf(ctx, q, accountID)
	if err != nil {
		return err
	}
	return domain.RequireConsent(s.notices[kind], given)
}
