package export

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/ui/i18n"
	"caiji/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

const idNumber = "110101199003079913"

// signedIn starts a UI session for login on store in a test window.
func signedIn(t *testing.T, store *storage.Store, login string) *session.Session {
	t.Helper()
	in, err := store.Login(t.Context(), login, storagetest.Password)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.NewTranslator(i18n.LangZh)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1000, 700))
	t.Cleanup(w.Close)
	sess := session.New(store, domaintest.Catalog(t), tr, w, in)
	t.Cleanup(sess.End)
	return sess
}

// made taps the sheet's button and returns what it handed on to save.
func made(t *testing.T, s *Sheet) (string, []byte) {
	t.Helper()
	var name string
	var pdf []byte
	s.save = func(n string, data []byte) { name, pdf = n, data }
	test.Tap(s.Button)
	s.Wait()
	if pdf == nil {
		t.Fatalf("no PDF made: %q", s.Status.Text)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || s.Button.Disabled() {
		t.Fatalf("not a PDF, or the button stays disabled")
	}
	return name, pdf
}

// pdfText is the text of a PDF as pdftotext reads it, blanks removed; ""
// (and the test skipped) where poppler-utils is missing outside CI.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (poppler-utils)")
		}
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "sheet.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// TestSheetButton: the candidate's button makes the PDF of their submitted
// version with the ID masked, in full when they tick 显示完整证件号码; the
// reviewer's copy is always masked.
func TestSheetButton(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	storagetest.ReviewStation(t, store)
	_, rec := storagetest.Submitted(t, store, idNumber, "张三", "13800138000")

	own := NewSheet(signedIn(t, store, idNumber), rec.ID, true)
	name, pdf := made(t, own)
	if name != fmt.Sprintf("信息采集表-张三-%d.pdf", rec.Version) {
		t.Errorf("file name %q", name)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "110101********9913") || strings.Contains(text, idNumber) {
		t.Errorf("the default copy does not mask the ID number")
	}
	own.FullID.SetChecked(true)
	if _, pdf = made(t, own); !strings.Contains(pdfText(t, pdf), idNumber) {
		t.Error("显示完整证件号码 did not print the number in full")
	}

	review := NewSheet(signedIn(t, store, storagetest.Reviewer), rec.ID, false)
	if review.FullID != nil {
		t.Fatal("a reviewer's copy offers the full ID number")
	}
	if _, pdf = made(t, review); !strings.Contains(pdfText(t, pdf), "110101********9913") {
		t.Error("the reviewer's copy does not show the masked number")
	}
}

// TestSaveOffersFileDialog: on a PC the finished PDF goes to a file dialog.
func TestSaveOffersFileDialog(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	_, rec := storagetest.Submitted(t, store, idNumber, "张三", "13800138000")
	sess := signedIn(t, store, idNumber)
	s := NewSheet(sess, rec.ID, true)
	sess.Win.SetContent(s.Content())
	test.Tap(s.Button)
	s.Wait()
	if len(sess.Win.Canvas().Overlays().List()) == 0 {
		t.Fatal("no save dialog after the PDF was made")
	}
}

// TestKioskSavesToRemovableOnly: on a kiosk a document goes to a removable
// drive, never elsewhere, and a file made for the printer is gone when the
// session ends.
func TestKioskSavesToRemovableOnly(t *testing.T) {
	drive := t.TempDir()
	removableDrives = func() []string { return []string{drive} }
	t.Cleanup(func() { removableDrives = systemRemovableDrives })
	if !onRemovable(filepath.Join(drive, "sub", "a.pdf")) || onRemovable(filepath.Join(t.TempDir(), "a.pdf")) || onRemovable(drive+"-x/a.pdf") {
		t.Fatal("onRemovable misjudges a path")
	}
	test.NewTempApp(t)
	store := storagetest.Open(t)
	storagetest.Submitted(t, store, idNumber, "张三", "13800138000")
	sess := signedIn(t, store, idNumber)
	sess.Kiosk = true
	dir, err := sess.TempDir()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "信息采集表.pdf"), []byte("%PDF-"), 0o600); err != nil {
		t.Fatal(err)
	}
	Save(sess, "信息采集表.pdf", []byte("%PDF-"))
	if len(sess.Win.Canvas().Overlays().List()) == 0 {
		t.Fatal("no choice of drive or printer on a kiosk")
	}
	sess.End()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the session's temporary files outlive it: %v", err)
	}
}
