package widgets

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image/color"
	"runtime"
	"strings"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/domain/photo"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// memStore is an ImageStore in memory that measures what it stores as
// storage does.
type memStore struct {
	rules domain.PhotoRules
	data  map[string][]byte
	// savedName and saved are what 另存为 was given to keep.
	savedName string
	saved     []byte
}

func (m *memStore) Put(kind domain.AttachmentKind, data []byte) (domain.Attachment, error) {
	check := func(d []byte) (*photo.Report, error) { return photo.CheckDocument(d, kind, m.rules) }
	if kind == domain.AttPhoto {
		check = func(d []byte) (*photo.Report, error) { return photo.CheckPhoto(d, m.rules) }
	}
	rep, err := check(data)
	if err != nil {
		return domain.Attachment{}, err
	}
	sum := sha256.Sum256(data)
	f := rep.Facts
	f.Kind, f.SHA256 = kind, hex.EncodeToString(sum[:])
	m.data[f.SHA256] = data
	return f, nil
}

func (m *memStore) Get(sha string) ([]byte, error) { return m.data[sha], nil }

// newTestPicker builds a picker over a memory store, as a screen would.
func newTestPicker(t *testing.T, lang string, kind domain.AttachmentKind, current *domain.Attachment) (*Picker, *memStore) {
	t.Helper()
	test.NewTempApp(t)
	tr, err := i18n.NewTranslator(lang)
	if err != nil {
		t.Fatal(err)
	}
	rules := domaintest.Catalog(t).Photo
	store := &memStore{rules: rules, data: map[string][]byte{}}
	env := PickerEnv{Tr: tr, Win: test.NewWindow(nil), Rules: rules, Store: store, Ctx: context.Background(),
		Previews: &PreviewCache{}, Show: func(d dialog.Dialog) { d.Show() }, Later: func(f func()) { f() },
		SaveFile: func(name string, data []byte) { store.savedName, store.saved = name, data }}
	return NewPicker(env, "basic.photo", kind, current), store
}

func checkTexts(p *Picker) []string {
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
	p, store := newTestPicker(t, i18n.LangZh, domain.AttPhoto, nil)
	var stored *domain.Attachment
	p.Stored = func(f *domain.Attachment) { stored = f }
	p.Load(domaintest.PNG(domaintest.Portrait(600, 900, domaintest.White, 6)))
	p.Wait()
	lines := checkTexts(p)
	if !strings.HasPrefix(lines[0], "✗ 照片须为JPG格式") || !strings.HasPrefix(lines[3], "! 宽高比") || !strings.HasPrefix(lines[2], "✓ 像素 600×900") {
		t.Fatalf("checks before the fix: %q", lines)
	}
	if !p.fix.Visible() || stored != nil {
		t.Fatal("a failing photo was stored or no fix offered")
	}
	p.cropY.SetValue(0) // move the 5:7 crop to the top
	test.Tap(p.fix)
	p.Wait()
	for _, l := range checkTexts(p) {
		if !strings.HasPrefix(l, "✓") {
			t.Fatalf("after the fix: %q", checkTexts(p))
		}
	}
	if p.fixed == nil || !p.use.Visible() || p.after.Image == nil || p.before.Image == nil {
		t.Fatal("no before/after")
	}
	test.Tap(p.use)
	if stored == nil || stored.MIME != "image/jpeg" || stored.Width != 295 || stored.Height != 413 || stored.Bytes < 10240 {
		t.Fatalf("stored photo %+v", stored)
	}
	if !strings.HasPrefix(p.Status(), "已保存：295×413") || p.saveAs.Disabled() {
		t.Fatalf("status %q", p.Status())
	}
	test.Tap(p.saveAs) // the screen's own save gets the stored photo, named for the candidate
	if store.savedName != "报名照片.jpg" || !bytes.Equal(store.saved, store.data[stored.SHA256]) {
		t.Fatalf("另存为 gave %q (%d B)", store.savedName, len(store.saved))
	}
}

func TestPickerRefusesNonImages(t *testing.T) {
	p, _ := newTestPicker(t, i18n.LangEn, domain.AttIDFront, nil)
	p.Stored = func(*domain.Attachment) { t.Fatal("a non-image was stored") }
	for _, bad := range [][]byte{nil, []byte("name,id\n"), domaintest.JPEG(domaintest.Document(50, 50), 80)[:300]} {
		p.Load(bad)
		p.Wait()
		if p.status.Importance != widget.DangerImportance || p.Status() == "" {
			t.Fatalf("%d bytes: no message (%q)", len(bad), p.Status())
		}
	}
	if !strings.Contains(p.Status(), "damaged or incomplete") {
		t.Fatalf("truncated JPEG: %q", p.Status())
	}
}

// TestStoredPhotoShowsItsWarnings: a stored photo whose background the
// checker doubted shows that warning again when its screen is built, as the
// pre-audit does.
func TestStoredPhotoShowsItsWarnings(t *testing.T) {
	_, store := newTestPicker(t, i18n.LangZh, domain.AttPhoto, nil)
	f, err := store.Put(domain.AttPhoto, domaintest.JPEG(domaintest.Portrait(590, 826, color.RGBA{60, 120, 220, 255}, 20), 90))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := newTestPicker(t, i18n.LangZh, domain.AttPhoto, &f)
	if lines := checkTexts(p); !strings.HasPrefix(lines[4], "! 照片背景看起来不是白色") {
		t.Fatalf("stored photo's checks: %q", lines)
	}
}

// TestPickerDropsResultsAfterItsSession: a job that ends after the
// session's context is cancelled neither shows nor stores its result.
func TestPickerDropsResultsAfterItsSession(t *testing.T) {
	p, _ := newTestPicker(t, i18n.LangZh, domain.AttPhoto, nil)
	ctx, cancel := context.WithCancel(context.Background())
	p.env.Ctx = ctx
	p.Stored = func(*domain.Attachment) { t.Error("stored after the session ended") }
	release := make(chan struct{})
	p.run(func() (func(), error) {
		<-release
		return func() { p.store(domaintest.JPEG(domaintest.Portrait(295, 413, domaintest.White, 6), 92)) }, nil
	})
	cancel()
	close(release)
	p.Wait()
	if p.Showing() || p.Status() != "" {
		t.Fatalf("a late result was shown: %q", p.Status())
	}
}

// allocated returns the bytes allocated on the heap while fn ran.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestPickerDecodesOnce: choosing a file decodes it once for the checks
// and the preview, and the fix works from that decode: the picker
// allocates less than two decodes of the file to show it, and less than
// one to fix it.
func TestPickerDecodesOnce(t *testing.T) {
	p, _ := newTestPicker(t, i18n.LangZh, domain.AttPhoto, nil)
	data := domaintest.PNG(domaintest.Portrait(1500, 2100, domaintest.White, 6)) // a PNG: checked, not stored
	decode := allocated(func() {
		if _, err := photo.Decode(data); err != nil {
			t.Fatal(err)
		}
	})
	load := allocated(func() { p.Load(data); p.Wait() })
	if !p.fix.Visible() {
		t.Fatalf("PNG photo not offered the fix: %s", p.status.Text)
	}
	fix := allocated(func() { test.Tap(p.fix); p.Wait() })
	if load > decode*3/2 || fix > decode {
		t.Fatalf("one decode allocates %d MB; choosing the file %d MB, fixing it %d MB", decode>>20, load>>20, fix>>20)
	}
	t.Logf("one decode %d MB; choosing %d MB; fixing %d MB", decode>>20, load>>20, fix>>20)
}

// TestPickerSaysAtOnceWhatCannotBeFixed: a 100×100 photo and a 110×110
// document are refused with the reason as soon as they are chosen; no fix
// or crop is offered for what no fix can help.
func TestPickerSaysAtOnceWhatCannotBeFixed(t *testing.T) {
	for _, tt := range []struct {
		kind domain.AttachmentKind
		data []byte
		want string
	}{
		{domain.AttPhoto, domaintest.JPEG(domaintest.Portrait(100, 100, domaintest.White, 20), 90), "照片只有 100×100 像素"},
		{domain.AttIDFront, domaintest.JPEG(domaintest.Document(110, 110), 90), "证件人像面只有 110×110 像素"},
	} {
		p, _ := newTestPicker(t, i18n.LangZh, tt.kind, nil)
		p.Load(tt.data)
		p.Wait()
		if p.fix.Visible() || p.controls.Visible() || p.status.Importance != widget.DangerImportance || !strings.Contains(p.status.Text, "无法修正") || !strings.Contains(p.status.Text, tt.want) {
			t.Errorf("%s: fix shown %v, status %q", tt.kind, p.fix.Visible(), p.status.Text)
		}
	}
}

// TestPickerOffersCropForNon57: a 600×800 photo is stored (it breaks no
// rule) and the crop is offered; the fix tells the screen that the stored
// image's findings no longer stand beside it, and once used, the saved
// image stands alone.
func TestPickerOffersCropForNon57(t *testing.T) {
	p, _ := newTestPicker(t, i18n.LangZh, domain.AttPhoto, nil)
	considering := 0
	p.Considering = func() { considering++ }
	p.Load(domaintest.JPEG(domaintest.Portrait(600, 800, domaintest.White, 20), 90))
	p.Wait()
	if c := p.Current(); c == nil || c.Width != 600 {
		t.Fatalf("600×800 photo not stored: %+v", c)
	}
	if !p.fix.Visible() || !p.controls.Visible() || !strings.Contains(p.status.Text, "5:7") || !p.afterPane.Visible() {
		t.Fatalf("no crop offered: %q", p.status.Text)
	}
	test.Tap(p.fix)
	p.Wait()
	if considering != 2 {
		t.Fatalf("the screen was told %d times that another image is shown", considering)
	}
	test.Tap(p.use)
	if c := p.Current(); c == nil || c.Width != 295 {
		t.Fatalf("fixed photo %+v", c)
	}
	if p.afterPane.Visible() || p.before.Image == nil || p.beforeTitle.Text != "已保存的图片" {
		t.Fatalf("after use: the fix beside the saved image (%q)", p.beforeTitle.Text)
	}
}

// TestPickerReplacementStandsAlone: choosing a new image for a slot that
// holds one shows the new one only, never the old one beside it.
func TestPickerReplacementStandsAlone(t *testing.T) {
	p, _ := newTestPicker(t, i18n.LangZh, domain.AttIDFront, nil)
	p.Load(domaintest.JPEG(domaintest.Document(900, 1200), 85))
	p.Wait()
	old := p.before.Image
	if p.Current() == nil || old == nil {
		t.Fatalf("first image not stored: %s", p.status.Text)
	}
	p.Load(domaintest.JPEG(domaintest.Document(910, 1200), 85))
	p.Wait()
	if p.afterPane.Visible() || p.after.Image != nil || p.before.Image == old || p.before.Image != p.small {
		t.Fatal("the old image is still shown beside the new one")
	}
}

// TestFieldKeepsItsHeight: a field's message line takes its place whether
// or not a message shows, so nothing below it moves as errors come and go.
func TestFieldKeepsItsHeight(t *testing.T) {
	test.NewTempApp(t)
	f := NewField("手机号码", widget.NewEntry())
	form := FormGrid(f)
	empty := form.MinSize().Height
	f.SetError("请输入手机号码")
	if h := form.MinSize().Height; h != empty {
		t.Fatalf("the form is %v high with a message, %v without", h, empty)
	}
}
