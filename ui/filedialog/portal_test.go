//go:build linux || freebsd || netbsd || openbsd

package filedialog

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"caiji/ui/filedialog/native"
	"caiji/ui/i18n"
)

// TestNoPortalFallsBack: without a desktop portal (here, no session bus at
// all, as on a bare X kiosk) the native dialog reports that it has none,
// and Open shows Caiji's dialog instead, starting in the pictures folder.
func TestNoPortalFallsBack(t *testing.T) {
	h := home(t, "Pictures")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	if _, err := native.Open(context.Background(), native.Request{Title: "t", Start: h}); err != native.ErrUnavailable {
		t.Fatalf("without a bus: %v", err)
	}
	o, shown := newOptions(t, i18n.LangZh, false)
	Open(context.Background(), o, func(string) {})
	deadline := time.Now().Add(5 * time.Second)
	for o.Win.Canvas().Overlays().Top() == nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if len(*shown) != 1 {
		t.Fatal("no fallback dialog without a portal")
	}
	if _, _, where := parts(t, o.Win); where.Text != filepath.Join(h, "Pictures") {
		t.Fatalf("the fallback starts in %s", where.Text)
	}
}
