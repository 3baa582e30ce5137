package ui

import (
	"slices"
	"testing"

	"caiji/caijipkg"
	"caiji/syncer"

	"fyne.io/fyne/v2"
)

// On a home PC 保存草稿到服务器 sits with the signed-in account, above
// 退出登录 and the 下一步 footer that end the card: below the footer it read
// as part of the next step.
func TestDraftChoiceAboveLogoutAndFooter(t *testing.T) {
	a, st := newTestApp(t, "zh")
	dir := t.TempDir()
	keys, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	a.SetSync(syncer.NewWorker(st, dir, keys, nil)) // a home PC with no hub yet: never runs
	a.win.SetContent(a.Content())
	signUp(t, a, "110105199003070017", "张三", "13800138000")
	s := a.account
	if s.keepDraft == nil || !s.keepDraft.Visible() {
		t.Fatal("a candidate on a home PC is not offered 保存草稿到服务器")
	}
	objs := s.signedInBox.Objects
	draft := slices.Index(objs, fyne.CanvasObject(s.keepDraft))
	logout := slices.Index(objs, fyne.CanvasObject(s.logoutBtn))
	if draft < 0 || draft > logout {
		t.Errorf("保存草稿到服务器 is at %d of %d, 退出登录 at %d: want it above 退出登录 and the footer", draft, len(objs), logout)
	}
	if s.keepDraft.Position().Y >= s.logoutBtn.Position().Y {
		t.Errorf("保存草稿到服务器 drawn at y=%v, 退出登录 at y=%v", s.keepDraft.Position().Y, s.logoutBtn.Position().Y)
	}
}
