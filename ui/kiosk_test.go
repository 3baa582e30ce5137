package ui

import (
	"testing"
	"time"

	"caiji/domain"
	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
	tapDialogButton(t, a, "继续填写") // the candidate chose to continue
	now = now.Add(4 * time.Minute)
	a.checkIdle()
	if a.User() == nil || a.idleDialog == nil {
		t.Fatal("signed out although active 4 minutes ago, or not warned again")
	}
	now = now.Add(2 * time.Minute)
	a.checkIdle()
	if n := len(a.win.Canvas().Overlays().List()); a.User() != nil || a.account.loginID.Text != "" || a.tabs.SelectedIndex() != 0 || n != 1 {
		t.Fatalf("not signed out after 6 idle minutes (%d dialogs on screen, the notice alone expected)", n)
	}
	login(t, a, "13800138000", "Abcdef12!")
	if got := a.coll.Record().Education[0].School; got != "北京工商大学" {
		t.Fatalf("the field being typed was lost: %q", got)
	}
}

// TestKioskWarningSignsOutOnRequest: 退出登录 in the warning signs out.
func TestKioskWarningSignsOutOnRequest(t *testing.T) {
	a, store := newTestApp(t, i18n.LangZh)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, domain.Shanghai)
	store.SetClock(func() time.Time { return now })
	a.idleLimit = 5 * time.Minute
	signUp(t, a, "110101199003079913", "张三", "13800138000")
	now = now.Add(4*time.Minute + 30*time.Second)
	a.checkIdle()
	tapDialogButton(t, a, "退出登录")
	if a.User() != nil || len(a.win.Canvas().Overlays().List()) != 0 {
		t.Fatal("退出登录 in the warning did not sign out")
	}
}

// tapDialogButton taps the button labelled text in the dialog on top.
func tapDialogButton(t *testing.T, a *App, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(a.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q on screen", text)
}
