package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"

	"caiji/domain"
)

// ErrMustChangePassword: the account's password was set by the admin and
// must be replaced before the account may do anything else.
var ErrMustChangePassword = errors.New("storage: the initial password must be changed first")

// ErrSamePassword: a new password must differ from the one it replaces.
var ErrSamePassword = errors.New("storage: the new password is the old one")

// ChangePassword replaces the session's password: the current one must be
// given, the new one must pass the password rules and differ from it. It
// is the one call an account that must change its password may make, and
// it lifts that restriction.
func (s *Store) ChangePassword(ctx context.Context, sess Session, current, next, confirm string) error {
	id, ok := s.sessions.account(sess)
	if !ok {
		return ErrSignedOut
	}
	var a Account
	var hash string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = scanAccount(tx.QueryRowContext(ctx, "SELECT "+accountCols+", password_hash FROM accounts WHERE id = ?", id), &hash)
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return ErrSignedOut
	}
	if err != nil {
		return err
	}
	if a.Disabled {
		return ErrDisabled
	}
	if ok, err := domain.VerifyPassword(current, hash); err != nil || !ok {
		return ErrBadCredentials
	}
	if err := domain.CheckPassword(next, a.IDNumber, a.Phone); err != nil {
		return err
	}
	if err := domain.CheckPasswordConfirm(next, confirm); err != nil {
		return err
	}
	if next == current {
		return ErrSamePassword
	}
	newHash, err := domain.HashPassword(next)
	if err != nil {
		return err
	}
	// Hashing takes a while: the session may have ended meanwhile, or the
	// password changed from another session; neither may be overwritten
	// nor reported as done.
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, ok := s.sessions.account(sess); !ok {
			return ErrSignedOut
		}
		res, err := tx.ExecContext(ctx, "UPDATE accounts SET password_hash = ?, must_change_password = 0 WHERE id = ? AND password_hash = ?", newHash, id, hash)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return cmp.Or(err, ErrBadCredentials)
		}
		return nil
	})
}
