package storage

import (
	"errors"
	"testing"
)

// TestNoSignInWhileBeingDeleted: the kiosk purge's "not signed in" check and
// its mark on the account are one step, and a sign-in waits its turn — so a
// candidate signing in while the purge deletes them is refused, never left
// on screen with a record that is going, and nobody signed in is marked.
func TestNoSignInWhileBeingDeleted(t *testing.T) {
	s, _ := openTemp(t)
	r := reg("110101199003079913", "13800138000")
	in, err := s.Register(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.sessions.account(in.Session)
	if s.sessions.reserve(id) {
		t.Fatal("an account with a live session was marked for deletion")
	}
	s.SignOut(in.Session)
	if !s.sessions.reserve(id) {
		t.Fatal("a signed-out account could not be marked")
	}
	if _, err := s.Login(ctx, r.IDNumber, r.Password); !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("sign-in while being deleted: %v", err)
	}
	s.sessions.release(id)
	if _, err := s.Login(ctx, r.IDNumber, r.Password); err != nil {
		t.Fatalf("sign-in after the deletion was called off: %v", err)
	}
}
