package ui

import (
	"context"
	"testing"

	"caiji/caijipkg"
	"caiji/syncer"
	"caiji/ui/i18n"
)

// 立即同步, on the status line and on the 同步 tab, is offered only once
// the PC has a hub: with none it did nothing when pressed. Saving an
// address (here one nobody listens on) enables both.
func TestSyncNowWaitsForAHub(t *testing.T) {
	ctx := context.Background()
	a, st := newTestApp(t, i18n.LangEn)
	loop := withMainLoop(t)
	dir := t.TempDir()
	keys, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := syncer.NewWorker(st, dir, keys, nil)
	a.SetSync(w)
	a.win.SetContent(a.Content())
	signUp(t, a, "110105199003070017", "张三", "13800138000")
	a.tab(t, "sync")
	if !a.sync.nowButton.Disabled() || !a.sync.view.now.Disabled() {
		t.Fatal("Sync now is offered on a PC with no hub address")
	}

	if err := st.SetHub(ctx, "https://127.0.0.1:1"); err != nil {
		t.Fatal(err)
	}
	_ = w.SyncOnce(ctx) // the hub is unreachable: the PC is offline, not hubless
	loop.drain()
	if a.sync.nowButton.Disabled() || a.sync.view.now.Disabled() {
		t.Fatal("Sync now stays disabled once a hub address is set")
	}
}
