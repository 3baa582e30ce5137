package ui

import (
	"slices"
	"testing"
	"time"

	"caiji/domain"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestKioskDialogsSpeakTheUILanguage: the kiosk's warning and its
// signed-out notice name their buttons in the UI language — no "OK" under
// zh, whatever the system's locale.
func TestKioskDialogsSpeakTheUILanguage(t *testing.T) {
	a, store := newTestApp(t, i18n.LangZh)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, domain.Shanghai)
	store.SetClock(func() time.Time { return now })
	a.idleLimit = 5 * time.Minute
	signUp(t, a, "110101199003079913", "张三", "13800138000")
	buttons := func() []string {
		var out []string
		for _, o := range a.win.Canvas().Overlays().List() {
			for _, x := range test.LaidOutObjects(o) {
				if b, ok := x.(*widget.Button); ok {
					out = append(out, b.Text)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	now = now.Add(4*time.Minute + 30*time.Second)
	a.checkIdle()
	if got := buttons(); !slices.Equal(got, []string{"继续填写", "退出登录"}) {
		t.Fatalf("the warning's buttons: %q", got)
	}
	now = now.Add(2 * time.Minute)
	a.checkIdle()
	if got := buttons(); !slices.Equal(got, []string{"确定"}) {
		t.Fatalf("the signed-out notice's buttons: %q", got)
	}
}
