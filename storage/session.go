package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"sync"

	"caiji/domain"
)

// ErrSignedOut: the session ended (sign-out, or a store reopened since); a
// job that outlived its session can no longer read or write anything.
var ErrSignedOut = errors.New("storage: the session has ended")

// Session is a signed-in account as storage knows it: an opaque handle that
// Login and Register hand out and SignOut ends. It carries no role, no
// department and no disabled flag a caller could edit: every call reads the
// account again from the database, so a reviewer disabled a second ago is
// refused now, whatever the screen still shows.
type Session struct{ token string }

// sessions are the live sessions of one open store.
type sessions struct {
	mu   sync.Mutex
	live map[string]int64 // token → account ID
	// erasing are the accounts the kiosk purge is deleting: no session
	// starts for them until it is done, so a candidate signing in at that
	// moment is never deleted while on screen.
	erasing map[int64]bool
}

// start begins a session for the account; false while it is being deleted.
func (ss *sessions) start(accountID int64) (Session, bool) {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand never fails on supported systems
	tok := hex.EncodeToString(b[:])
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.erasing[accountID] {
		return Session{}, false
	}
	if ss.live == nil {
		ss.live = map[string]int64{}
	}
	ss.live[tok] = accountID
	return Session{tok}, true
}

// reserve marks the account as being deleted, unless it has a live session:
// the check and the mark are one step, so no sign-in slips between them.
func (ss *sessions) reserve(accountID int64) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for _, id := range ss.live {
		if id == accountID {
			return false
		}
	}
	if ss.erasing == nil {
		ss.erasing = map[int64]bool{}
	}
	ss.erasing[accountID] = true
	return true
}

// release ends a reservation once the deletion is done or has failed.
func (ss *sessions) release(accountID int64) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.erasing, accountID)
}

func (ss *sessions) account(s Session) (int64, bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	id, ok := ss.live[s.token]
	return id, ok
}

// SignOut ends the session: whatever still holds it (a photo job, a file
// dialog left open) is refused from now on with ErrSignedOut.
// On a kiosk the person may then be deleted, so the sync worker is woken.
func (s *Store) SignOut(sess Session) {
	s.sessions.mu.Lock()
	delete(s.sessions.live, sess.token)
	s.sessions.mu.Unlock()
	s.signalDue()
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// acting is the account behind a session, as the database holds it now.
type acting struct {
	Account
	actor domain.Actor
}

// actor reads the session's account, its role, disabled flag and
// departments from the database (inside tx when given), and refuses a
// disabled account at once.
func (s *Store) actor(ctx context.Context, q querier, sess Session) (acting, error) {
	id, ok := s.sessions.account(sess)
	if !ok {
		return acting{}, ErrSignedOut
	}
	a, err := scanAccount(q.QueryRowContext(ctx, "SELECT "+accountCols+" FROM accounts WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return acting{}, ErrSignedOut
	}
	if err != nil {
		return acting{}, err
	}
	act := acting{Account: a, actor: domain.Actor{Role: a.Role, IDNumber: a.IDNumber, Disabled: a.Disabled}}
	if err := act.actor.Active(); err != nil {
		return acting{}, err
	}
	if a.MustChangePassword {
		return acting{}, ErrMustChangePassword
	}
	if a.Role == RoleReviewer {
		if act.actor.Departments, err = departments(ctx, q, a.ID); err != nil {
			return acting{}, err
		}
	}
	return act, nil
}

// Me returns the session's account as the database holds it now.
func (s *Store) Me(ctx context.Context, sess Session) (Account, error) {
	act, err := s.actor(ctx, s.db, sess)
	return act.Account, err
}
