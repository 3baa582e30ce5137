package filedialog

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// home makes a home folder with a pictures folder of images, a subfolder,
// a text file and a hidden file, and points the user folders at it.
func home(t *testing.T, picturesName string) string {
	t.Helper()
	h := t.TempDir()
	t.Setenv("HOME", h)
	t.Setenv("USERPROFILE", h)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(h, ".config"))
	pics := filepath.Join(h, picturesName)
	for _, f := range []string{"证件照.JPG", "scan.png", "notes.txt", ".hidden.jpg", "旅行/a.jpeg"} {
		p := filepath.Join(pics, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

func newOptions(t *testing.T, lang string, kiosk bool) (Options, *[]dialog.Dialog) {
	test.NewTempApp(t)
	tr, err := i18n.NewTranslator(lang)
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(1024, 768))
	var shown []dialog.Dialog
	return Options{Tr: tr, Win: win, Kiosk: kiosk, Show: func(d dialog.Dialog) { shown = append(shown, d); d.Show() }}, &shown
}

func names(b *browser) []string {
	var out []string
	for _, e := range b.entries {
		out = append(out, e.Name())
	}
	return out
}

// TestBrowserChoosesAnImage: Caiji's own dialog starts in the pictures
// folder, lists its folders first then only JPG/PNG images, fits a
// 1024×768 window, speaks the UI language, and takes a typed or pasted
// path — a folder is shown, a non-image refused with its name, an image
// chosen.
func TestBrowserChoosesAnImage(t *testing.T) {
	h := home(t, "Pictures")
	o, _ := newOptions(t, i18n.LangZh, true)
	var got string
	b := showBrowser(context.Background(), o, StartFolder(), func(p string) { got = p })
	pics := filepath.Join(h, "Pictures")
	if b.dir != pics {
		t.Fatalf("starts in %s, not %s", b.dir, pics)
	}
	if want := []string{"旅行", "scan.png", "证件照.JPG"}; !slices.Equal(names(b), want) {
		t.Fatalf("lists %q, want %q", names(b), want)
	}
	if s := b.dlg.MinSize(); s.Width > 1024 || s.Height > 768 {
		t.Fatalf("the dialog needs %v, more than a 1024×768 window", s)
	}
	if b.open.Text != "打开" {
		t.Fatalf("button %q in a Chinese UI", b.open.Text)
	}
	b.list.Select(1) // 旅行
	if b.dir != filepath.Join(pics, "旅行") {
		t.Fatalf("a folder tapped: in %s", b.dir)
	}
	b.list.Select(0) // 上一级
	if b.dir != pics {
		t.Fatalf("up: in %s", b.dir)
	}
	test.Type(b.path, `"`+filepath.Join(pics, "notes.txt")+`"`)
	test.Tap(b.open)
	if got != "" || b.msg.Text != "notes.txt 不是 JPG 或 PNG 图片" {
		t.Fatalf("a text file: chosen %q, %q", got, b.msg.Text)
	}
	b.path.SetText("~/Pictures/旅行")
	b.path.OnSubmitted(b.path.Text)
	if b.dir != filepath.Join(pics, "旅行") {
		t.Fatalf("a typed folder: in %s", b.dir)
	}
	b.list.Select(1) // a.jpeg
	test.Tap(b.open)
	if want := filepath.Join(pics, "旅行", "a.jpeg"); got != want {
		t.Fatalf("chosen %q, want %q", got, want)
	}
}

// TestStartFolder: every dialog starts in the pictures folder the desktop
// names (图片 on a Chinese desktop), else ~/Pictures, else home.
func TestStartFolder(t *testing.T) {
	h := home(t, "图片")
	if got := StartFolder(); got != h {
		t.Fatalf("no user-dirs and no ~/Pictures: %s", got)
	}
	cfg := filepath.Join(h, ".config")
	if err := os.MkdirAll(cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "user-dirs.dirs"), []byte("XDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_PICTURES_DIR=\"$HOME/图片\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := StartFolder(); got != filepath.Join(h, "图片") {
		t.Fatalf("start %s, not ~/图片", got)
	}
}

// TestKioskDialogKeepsNothing: on a kiosk every dialog is Caiji's, starts
// in the pictures folder whatever the previous one showed, and closes
// when the session ends, answering nothing.
func TestKioskDialogKeepsNothing(t *testing.T) {
	h := home(t, "Pictures")
	o, shown := newOptions(t, i18n.LangEn, true)
	ctx, end := context.WithCancel(context.Background())
	chosen := 0
	Open(ctx, o, func(string) { chosen++ })
	if len(*shown) != 1 {
		t.Fatal("no dialog on a kiosk")
	}
	list, _, where := parts(t, o.Win)
	list.Select(1) // 旅行
	if where.Text != filepath.Join(h, "Pictures", "旅行") {
		t.Fatalf("in %s", where.Text)
	}
	(*shown)[0].Hide()
	Open(ctx, o, func(string) { chosen++ })
	list, open, where := parts(t, o.Win)
	if where.Text != filepath.Join(h, "Pictures") {
		t.Fatalf("the next dialog starts in %s", where.Text)
	}
	if open.Text != "Open" {
		t.Fatalf("button %q in an English UI", open.Text)
	}
	list.Select(2) // scan.png
	end()
	test.Tap(open)
	if chosen != 0 {
		t.Fatal("a file was given to a session that ended")
	}
}

// parts finds the list, the 打开 button and the folder line of the dialog
// on top of win.
func parts(t *testing.T, win fyne.Window) (list *widget.List, open *widgets.Button, where *widget.Label) {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.List:
			list = x
		case *widgets.Button:
			if x.Importance == widget.HighImportance {
				open = x
			}
		case *widget.Label:
			if filepath.IsAbs(x.Text) {
				where = x
			}
		}
	}
	if list == nil || open == nil || where == nil {
		t.Fatal("the dialog shown is not Caiji's")
	}
	return list, open, where
}
