package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caiji/domain/domaintest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func (s session) picker(path string) *imagePicker {
	s.t.Helper()
	s.settle()
	for _, p := range s.a.allPickers() {
		if p.path == path {
			return p
		}
	}
	s.t.Fatalf("no picker %s", path)
	return nil
}

func checkTexts(p *imagePicker) []string {
	var out []string
	for _, o := range p.checks.Objects {
		out = append(out, o.(*widget.Label).Text)
	}
	return out
}

// TestPhotoPickerFixesAFailingPhoto: a PNG that is also too small a file is
// shown failing with its figures; 一键修正 produces a photo whose checks all
// pass, and 使用 stores it as the record's photo.
func TestPhotoPickerFixesAFailingPhoto(t *testing.T) {
	a, _ := newTestApp(t, LangZh)
	s := signUp(t, a, "110101199003079913", "张三", "13800138000")
	p := s.picker("basic.photo")
	p.load(domaintest.PNG(domaintest.Portrait(600, 900, domaintest.White, 6)))
	p.jobs.Wait()
	lines := checkTexts(p)
	if !strings.HasPrefix(lines[0], "✗ 照片须为JPG格式") || !strings.HasPrefix(lines[3], "! 宽高比") || !strings.HasPrefix(lines[2], "✓ 像素 600×900") {
		t.Fatalf("checks before the fix: %q", lines)
	}
	if !p.fix.Visible() || a.editor.rec.Basic.Photo != nil {
		t.Fatal("a failing photo was stored or no fix offered")
	}
	p.cropY.SetValue(0) // move the 5:7 crop to the top
	test.Tap(p.fix)
	p.jobs.Wait()
	for _, l := range checkTexts(p) {
		if !strings.HasPrefix(l, "✓") {
			t.Fatalf("after the fix: %q", checkTexts(p))
		}
	}
	if p.fixed == nil || !p.use.Visible() || p.after.Image == nil || p.before.Image == nil {
		t.Fatal("no before/after")
	}
	test.Tap(p.use)
	ph := a.editor.rec.Basic.Photo
	if ph == nil || ph.MIME != "image/jpeg" || ph.Width != 295 || ph.Height != 413 || ph.Bytes < 10240 {
		t.Fatalf("stored photo %+v", ph)
	}
	if !strings.HasPrefix(p.status.Text, "已保存：295×413") || p.saveAs.Disabled() {
		t.Fatalf("status %q", p.status.Text)
	}
}

func TestPickerRefusesNonImages(t *testing.T) {
	a, _ := newTestApp(t, LangEn)
	s := signUp(t, a, "110101199003079913", "张三", "13800138000")
	p := s.picker("basic.id_front")
	for _, bad := range [][]byte{nil, []byte("name,id\n"), domaintest.JPEG(domaintest.Document(50, 50), 80)[:300]} {
		p.load(bad)
		p.jobs.Wait()
		if a.editor.rec.Basic.IDFront != nil || p.status.Importance != widget.DangerImportance || p.status.Text == "" {
			t.Fatalf("%d bytes: stored or no message (%q)", len(bad), p.status.Text)
		}
	}
	if !strings.Contains(p.status.Text, "damaged or incomplete") {
		t.Fatalf("truncated JPEG: %q", p.status.Text)
	}
}

// TestDropOnPicker: an image dropped on a picker is loaded by that picker,
// and a drop beside every picker is ignored.
func TestDropOnPicker(t *testing.T) {
	a, _ := newTestApp(t, LangZh)
	s := signUp(t, a, "110101199003079913", "张三", "13800138000")
	for i, it := range a.tabs.Items {
		if it.Text == "基本信息" {
			a.tabs.SelectIndex(i)
		}
	}
	p := s.picker("basic.photo")
	file := filepath.Join(t.TempDir(), "报名照片.jpg")
	if err := os.WriteFile(file, photoJPEG, 0o600); err != nil {
		t.Fatal(err)
	}
	a.onDropped(fyne.NewPos(-50, -50), []fyne.URI{storage.NewFileURI(file)})
	p.jobs.Wait()
	if a.editor.rec.Basic.Photo != nil {
		t.Fatal("a drop outside every picker was taken")
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.content)
	a.onDropped(at.Add(fyne.NewPos(10, 10)), []fyne.URI{storage.NewFileURI(file)})
	p.jobs.Wait()
	if ph := a.editor.rec.Basic.Photo; ph == nil || ph.Width != 590 {
		t.Fatalf("dropped photo not stored: %+v (%s)", ph, p.status.Text)
	}
}

// TestStoredPhotoShowsItsWarnings: a stored photo whose background the
// checker doubted shows that warning again after a sign-in, as the
// pre-audit does.
func TestStoredPhotoShowsItsWarnings(t *testing.T) {
	a, _ := newTestApp(t, LangZh)
	s := signUp(t, a, "110101199003079913", "张三", "13800138000")
	s.attach("basic.photo", domaintest.JPEG(domaintest.Portrait(590, 826, color.RGBA{60, 120, 220, 255}, 20), 90))
	login(t, a, "13800138000", "Abcdef12!")
	lines := checkTexts(session{t, a}.picker("basic.photo"))
	if !strings.HasPrefix(lines[4], "! 照片背景看起来不是白色") {
		t.Fatalf("stored photo's checks: %q", lines)
	}
}
