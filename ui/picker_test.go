package ui

import (
	"os"
	"path/filepath"
	"testing"

	"caiji/domain/domaintest"
	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

var photoJPEG = domaintest.JPEG(domaintest.Portrait(590, 826, domaintest.White, 20), 90)

// pickerAt is the picker of path on the signed-in candidate's screens.
func pickerAt(t *testing.T, a *App, path string) *widgets.Picker {
	t.Helper()
	for _, p := range a.coll.Pickers() {
		if p.Path() == path {
			return p
		}
	}
	t.Fatalf("no picker %s", path)
	return nil
}

// TestDropOnPicker: an image dropped on a picker is loaded by that picker,
// and a drop beside every picker is ignored.
func TestDropOnPicker(t *testing.T) {
	a, _ := newTestApp(t, i18n.LangZh)
	signUp(t, a, "110101199003079913", "张三", "13800138000")
	agreeSensitive(t, a)
	a.Select("basic")
	p := pickerAt(t, a, "basic.photo")
	file := filepath.Join(t.TempDir(), "报名照片.jpg")
	if err := os.WriteFile(file, photoJPEG, 0o600); err != nil {
		t.Fatal(err)
	}
	a.onDropped(fyne.NewPos(-50, -50), []fyne.URI{storage.NewFileURI(file)})
	p.Wait()
	if a.coll.Record().Basic.Photo != nil {
		t.Fatal("a drop outside every picker was taken")
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.Content())
	a.onDropped(at.Add(fyne.NewPos(10, 10)), []fyne.URI{storage.NewFileURI(file)})
	p.Wait()
	if ph := a.coll.Record().Basic.Photo; ph == nil || ph.Width != 590 {
		t.Fatalf("dropped photo not stored: %+v (%s)", ph, p.Status())
	}
}
