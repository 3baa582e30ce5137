package export

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"caiji/storage/storagetest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestPrintLeavesTheWindowFree: a kiosk's 打印 hands the sheet to lp in the
// background, so a spooler that takes its time does not freeze the window;
// when lp is done the candidate is told, with the file lp was given.
func TestPrintLeavesTheWindowFree(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	storagetest.Submitted(t, store, idNumber, "张三", "13800138000")
	sess := signedIn(t, store, idNumber)

	bin := t.TempDir()
	release, got := filepath.Join(bin, "release"), filepath.Join(bin, "got")
	lp := "#!/bin/sh\nwhile [ ! -e " + release + " ]; do sleep 0.01; done\ncat \"$4\" > " + got + "\n"
	if err := os.WriteFile(filepath.Join(bin, "lp"), []byte(lp), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	printInBackground(sess, "信息采集表.pdf", []byte("%PDF-1.7 test"))
	// Reaching here while lp still waits is the point: the UI goroutine is free.
	if err := os.WriteFile(release, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	overlays := sess.Win.Canvas().Overlays()
	for deadline := time.Now().Add(10 * time.Second); len(overlays.List()) == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no word that the sheet was printed")
		}
	}
	if !told(overlays.Top(), "已发送到打印机。") {
		t.Fatal("the dialog shown is not the printed one")
	}
	if b, err := os.ReadFile(got); err != nil || string(b) != "%PDF-1.7 test" {
		t.Fatalf("lp was given %q, %v", b, err)
	}
}

// told reports whether a label in o reads text.
func told(o fyne.CanvasObject, text string) bool {
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}
