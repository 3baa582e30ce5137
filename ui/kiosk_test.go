package ui

import (
	"testing"
	"time"

	"caiji/domain"
	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2/test"
)

// TestKioskSignsOutWhenIdle: after a warning, an idle kiosk session is
// signed out; the field being typed is saved first and the forms are empty
// for the next person. Activity postpones it.
func TestKioskSignsOutWhenIdle(t *testing.T) {
	a, store := newTestApp(t, i18n.LangZh)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, domain.Shanghai)
	store.SetClock(func() time.Time { return now })
	a.idleLimit = 5 * time.Minute // as SignOutWhenIdle sets it, without its ticker
	signUp(t, a, "110101199003079913", "张三", "13800138000")
	if _, err := store.UpdateRecord(t.Context(), a.sess.ID, a.coll.Record().ID, func(r *domain.Record) { r.Education = make([]domain.Education, 1) }); err != nil {
		t.Fatal(err)
	}
	login(t, a, "13800138000", "Abcdef12!")
	in := a.coll.Focus("education[0].school").(*widgets.BlurEntry)
	test.Type(in, "北京工商大学") // typed, not yet saved

	now = now.Add(4*time.Minute + 30*time.Second)
	a.checkIdle()
	if a.User() == nil || a.idleDialog == nil {
		t.Fatal("no warning before the sign-out")
	}
	a.idleDialog.Hide()
	a.idleDialog = nil
	a.Touch() // the candidate chose to continue
	now = now.Add(4 * time.Minute)
	a.checkIdle()
	if a.User() == nil {
		t.Fatal("signed out although active 4 minutes ago")
	}
	if a.idleDialog != nil {
		a.idleDialog.Hide()
		a.idleDialog = nil
	}
	now = now.Add(2 * time.Minute)
	a.checkIdle()
	if a.User() != nil || a.account.loginID.Text != "" || a.tabs.SelectedIndex() != 0 {
		t.Fatal("not signed out after 6 idle minutes")
	}
	login(t, a, "13800138000", "Abcdef12!")
	if got := a.coll.Record().Education[0].School; got != "北京工商大学" {
		t.Fatalf("the field being typed was lost: %q", got)
	}
}
