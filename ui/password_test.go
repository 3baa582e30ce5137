package ui

import (
	"slices"
	"testing"

	"caiji/domain"
	"caiji/storage/storagetest"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2/test"
)

// TestReviewerChangesInitialPasswordFirst: a reviewer signing in with the
// password the admin set sees only the form to change it — no queue —
// until a valid new password is saved; then the reviewer's screens open.
func TestReviewerChangesInitialPasswordFirst(t *testing.T) {
	a, store := newTestApp(t, i18n.LangZh)
	if _, err := store.InitAdmin(t.Context(), domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理",
		Password: storagetest.Password, Confirm: storagetest.Password}); err != nil {
		t.Fatal(err)
	}
	admin := storagetest.SignIn(t, store, "120101198512319986")
	if _, err := store.CreateReviewer(t.Context(), admin, domain.Registration{IDType: domain.IDMainland, IDNumber: storagetest.Reviewer, Name: "李审核",
		Password: storagetest.InitialPassword, Confirm: storagetest.InitialPassword}, []string{"110108"}); err != nil {
		t.Fatal(err)
	}
	login(t, a, storagetest.Reviewer, storagetest.InitialPassword)
	if a.password == nil || !slices.Equal(a.keys, []string{"account"}) {
		t.Fatalf("first sign-in shows %v, not the password change", a.keys)
	}
	p := a.password
	typeInto(p.current, storagetest.InitialPassword)
	typeInto(p.next, storagetest.InitialPassword)
	typeInto(p.confirm, storagetest.InitialPassword)
	test.Tap(p.save)
	if p.status.Text != "新密码不能与当前密码相同" || len(a.keys) != 1 {
		t.Fatalf("the initial password kept: %q, tabs %v", p.status.Text, a.keys)
	}
	typeInto(p.current, storagetest.InitialPassword)
	typeInto(p.next, "Better34#")
	typeInto(p.confirm, "Better34#")
	test.Tap(p.save)
	if a.password != nil || !slices.Contains(a.keys, "queue") {
		t.Fatalf("after the change: %q, tabs %v", p.status.Text, a.keys)
	}
	login(t, a, storagetest.Reviewer, "Better34#")
	if !slices.Contains(a.keys, "queue") {
		t.Fatalf("second sign-in shows %v", a.keys)
	}
}
