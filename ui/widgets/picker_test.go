package widgets

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image/color"
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
		Previews: &PreviewCache{}, Show: func(d dialog.Dialog) { d.Show() }, Later: func(f func()) { f() }}
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
	p, _ := newTestPicker(t, i18n.LangZh, domain.AttPhoto, nil)
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
