package storage

import (
	"errors"
	"testing"

	"caiji/domain"
)

// TestInitialPasswordMustBeChanged: a reviewer created by the admin may
// sign in but do nothing — whatever a screen asks — until the initial
// password is replaced by a valid, different one; then the old password
// stops working.
func TestInitialPasswordMustBeChanged(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.InitAdmin(ctx, staff("120101198512319986", "王管理")); err != nil {
		t.Fatal(err)
	}
	admin := signIn(t, s, "120101198512319986", "Review12!")
	r := staff("440305200002299920", "李审核")
	r.Password, r.Confirm = initialPassword, initialPassword
	acc, err := s.CreateReviewer(ctx, admin, r, []string{"110108"})
	if err != nil || !acc.MustChangePassword {
		t.Fatalf("created %+v %v", acc, err)
	}
	in, err := s.Login(ctx, "440305200002299920", initialPassword)
	if err != nil || !in.Account.MustChangePassword {
		t.Fatalf("first sign-in: %+v %v", in.Account, err)
	}
	me := in.Session
	if _, err := s.Queue(ctx, me, QueueFilter{}); !errors.Is(err, ErrMustChangePassword) {
		t.Errorf("queue before the change: %v", err)
	}
	if _, err := s.Departments(ctx, me); !errors.Is(err, ErrMustChangePassword) {
		t.Errorf("departments before the change: %v", err)
	}
	for _, c := range []struct {
		current, next, confirm string
		want                   func(error) bool
	}{
		{"Wrong12!x", "Better34#", "Better34#", func(err error) bool { return errors.Is(err, ErrBadCredentials) }},
		{initialPassword, "short", "short", func(err error) bool { return hasCode(err, "PW1") }},
		{initialPassword, "Better34#", "Better34$", func(err error) bool { return hasCode(err, "PW5") }},
		{initialPassword, initialPassword, initialPassword, func(err error) bool { return errors.Is(err, ErrSamePassword) }},
	} {
		if err := s.ChangePassword(ctx, me, c.current, c.next, c.confirm); !c.want(err) {
			t.Errorf("change %q → %q: %v", c.current, c.next, err)
		}
	}
	if _, err := s.Queue(ctx, me, QueueFilter{}); !errors.Is(err, ErrMustChangePassword) {
		t.Errorf("a refused change lifted the restriction: %v", err)
	}
	if err := s.ChangePassword(ctx, me, initialPassword, "Better34#", "Better34#"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Queue(ctx, me, QueueFilter{}); err != nil {
		t.Errorf("queue after the change: %v", err)
	}
	if _, err := s.Login(ctx, "440305200002299920", initialPassword); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("the initial password still works: %v", err)
	}
	again, err := s.Login(ctx, "440305200002299920", "Better34#")
	if err != nil || again.Account.MustChangePassword {
		t.Fatalf("sign-in with the new password: %+v %v", again.Account, err)
	}
	cand := candidate(t, s, "110101199003079913", "13800138000")
	if me, err := s.Me(ctx, cand); err != nil || me.MustChangePassword {
		t.Fatalf("a candidate chose their own password: %+v %v", me, err)
	}
}

func hasCode(err error, code string) bool {
	var p domain.Problem
	return errors.As(err, &p) && p.Code == code
}
