package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"caiji/assets"
	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/wire"

	"golang.org/x/image/font/gofont/goregular"
)

// fullRecord is domaintest's complete record, submitted and with every
// optional group filled (a qualification, two education rows), and its
// photo as real JPEG bytes.
func fullRecord(tb testing.TB) (*domain.Record, []byte) {
	tb.Helper()
	rec := domaintest.ValidRecord()
	photo := domaintest.JPEG(domaintest.Portrait(295, 413, domaintest.White, 6), 90)
	sum := sha256.Sum256(photo)
	rec.Basic.Photo.SHA256, rec.Basic.Photo.Bytes = hex.EncodeToString(sum[:]), len(photo)
	rec.Status, rec.Version = domain.StatusSubmitted, 8
	rec.SubmittedAt = time.Date(2026, 11, 20, 2, 30, 0, 0, time.UTC)
	rec.Scopes = append(rec.Scopes, domain.ScopeQualified)
	rec.Qualifications = []domain.Qualification{{Level: "1", Obtained: domain.NewMonth(2016, 9), CertNo: "Z2016110100123", Cert: domaintest.Doc(domain.AttQualification, 1)}}
	hs := rec.Education[0]
	hs.School, hs.Level, hs.Degree, hs.Major, hs.DiplomaNo, hs.DegreeNo = "北京市第一中学", "41", "0", "", "", ""
	hs.Start, hs.End, hs.Diploma, hs.DegreeCert = domain.NewMonth(2005, 9), domain.NewMonth(2008, 7), nil, nil
	rec.Education = append(rec.Education, hs)
	return rec, photo
}

func sheetFor(tb testing.TB, rec *domain.Record, photo []byte, lang string) Sheet {
	tb.Helper()
	snap, err := json.Marshal(rec)
	if err != nil {
		tb.Fatal(err)
	}
	return Sheet{Snapshot: snap, Photo: photo, Lang: lang, Printed: time.Date(2026, 11, 27, 7, 5, 0, 0, time.UTC),
		Decision: &Decision{Reasons: []string{"R02", "R09"}, Comment: "请重新上传白底照片。", Reviewer: "李审核", At: time.Date(2026, 11, 24, 1, 0, 0, 0, time.UTC),
			RealName: domain.RealNameVerified},
		Consents: []domain.Consent{{Notice: domain.NoticePersonal, Digest: strings.Repeat("ab", 32), At: time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC)},
			{Notice: domain.NoticeSensitive, Digest: strings.Repeat("cd", 32), At: time.Date(2026, 11, 1, 2, 5, 0, 0, time.UTC)}}}
}

// canonicalDigest is the digest the hub knows a version by.
func canonicalDigest(tb testing.TB, snapshot []byte) string {
	tb.Helper()
	c, err := wire.Canonical(snapshot)
	if err != nil {
		tb.Fatal(err)
	}
	return wire.Digest(c)
}

// render writes s to a file in a temp dir and returns its path.
func render(tb testing.TB, s Sheet) string {
	tb.Helper()
	var b bytes.Buffer
	if err := Write(&b, s, domaintest.Catalog(tb)); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "sheet.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// tool is the path of a Debian tool the read-back tests run. Without it a
// test is skipped on a developer's machine, but in CI (CI=true), where
// .ci/run installs it, its absence fails the test.
func tool(tb testing.TB, name, pkg string) string {
	tb.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("%s is missing: the sheet's read-back tests need Debian's %s (make deps installs it)", name, pkg)
	}
	tb.Skipf("%s not installed (apt-get install %s)", name, pkg)
	return ""
}

func runTool(tb testing.TB, name string, args ...string) string {
	tb.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			tb.Fatalf("%s %v: %v\n%s", name, args, err, ee.Stderr)
		}
		tb.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// squeeze drops whitespace, so a label that wraps in a cell still matches.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// fieldLabels are the translation keys of every label the sheet prints for
// a record like fullRecord's.
var fieldLabels = []string{
	"form.title", "form.record_id", "form.digest", "form.printed",
	"account.name", "basic.gender", "account.id_type", "account.id_number", "basic.birth", "account.phone",
	"basic.nationality", "form.student", "notice.scope", "realname.province", "realname.city", "realname.status",
	"education.school", "education.major", "education.mode", "education.level", "education.degree",
	"education.start", "education.end", "form.foreign", "education.diploma_no", "education.degree_no",
	"qualifications.level", "qualifications.obtained", "qualifications.cert_no",
	"work.start", "work.end", "work.employer", "work.credit_code", "work.unit_type", "work.industry",
	"work.phone", "work.address", "work.has_accounting", "work.post", "work.title", "work.appointed_at",
	"department.name", "form.attachments", "form.att_kind", "form.att_format", "form.att_pixels", "form.att_bytes",
	"notice.read", "submit.commitment", "result.submitted_at", "result.status", "form.decided_at", "form.reviewer",
	"form.reasons", "form.comment", "form.sign_person", "form.sign_department",
	"form.consent_personal", "form.consent_sensitive",
}

// TestSheetText reads the PDF back with pdftotext in both languages: the
// name, every label, the values of every group and the masked ID number
// are there, the full ID number is not.
func TestSheetText(t *testing.T) {
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	rec, photo := fullRecord(t)
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			s := sheetFor(t, rec, photo, lang)
			text := squeeze(runTool(t, pdftotext, "-enc", "UTF-8", render(t, s), "-"))
			w, err := loadWords(lang)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{rec.Basic.Name, "110101********9913", rec.ID, canonicalDigest(t, s.Snapshot),
				w.T("form.version_n", rec.Version), "北京工商大学", "北京市第一中学", "Z2016110100123",
				rec.Work[0].Employer, rec.Work[0].CreditCode, rec.Work[0].Address, "海淀区财政局",
				"R02", "R09", w.Msg(domain.ReasonByCode("R09").Msg), "请重新上传白底照片。", "李审核",
				w.Msg(domain.StatusRejected.Name()), w.T("form.printed_at", "2026-11-27 15:05"), w.T("realname.status.verified"),
				w.T("form.consented", "2026-11-01 10:05", "cdcdcdcdcdcd"), rec.Basic.Photo.SHA256,
				w.T("form.receipt_code"), wire.ReceiptCode(canonicalDigest(t, s.Snapshot))}
			for _, k := range fieldLabels {
				want = append(want, w.T(k))
			}
			for _, s := range want {
				if !strings.Contains(text, squeeze(s)) {
					t.Errorf("the PDF's text lacks %q", s)
				}
			}
			if strings.Contains(text, rec.Basic.IDNumber) {
				t.Error("the ID number is printed in full on a copy that did not ask for it")
			}
		})
	}
}

// TestSheetFullID: the candidate's own copy prints the number in full when asked.
func TestSheetFullID(t *testing.T) {
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	rec, photo := fullRecord(t)
	s := sheetFor(t, rec, photo, "zh")
	s.FullID = true
	if text := runTool(t, pdftotext, "-enc", "UTF-8", render(t, s), "-"); !strings.Contains(text, rec.Basic.IDNumber) {
		t.Error("FullID: the ID number is not printed in full")
	}
}

// TestSheetPhoto renders page 1 with pdftoppm and finds the portrait at its
// printed size: domaintest.Portrait's face is an ellipse 44 % of the photo
// wide and 40 % high, its shoulders a band 75 % wide and 25 % high, so on a
// 25 × 35 mm photo they measure 11 × 14 mm and 18.75 × 8.75 mm.
func TestSheetPhoto(t *testing.T) {
	pdftoppm := tool(t, "pdftoppm", "poppler-utils")
	rec, photo := fullRecord(t)
	const dpi = 200
	px := func(mm float64) string { return strconv.Itoa(int(mm / 25.4 * dpi)) }
	dir := t.TempDir()
	// Only the photo's box, the right-hand column of 基本信息, is rendered.
	runTool(t, pdftoppm, "-r", strconv.Itoa(dpi), "-f", "1", "-l", "1", "-x", px(pageW-margin-photoBoxW), "-y", px(margin), "-W", px(photoBoxW), "-H", px(100),
		"-png", "-singlefile", render(t, sheetFor(t, rec, photo, "zh")), filepath.Join(dir, "p1"))
	f, err := os.Open(filepath.Join(dir, "p1.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	box := img.Bounds()
	mm := func(n int) float64 { return float64(n) * 25.4 / dpi }
	for _, part := range []struct {
		name string
		c    color.RGBA
		w, h float64
	}{{"face", color.RGBA{200, 150, 120, 255}, 0.44 * photoW, 0.4 * photoH}, {"shoulders", color.RGBA{30, 40, 60, 255}, 0.75 * photoW, 0.25 * photoH}} {
		found := image.Rectangle{}
		for y := box.Min.Y; y < box.Max.Y; y++ {
			for x := box.Min.X; x < box.Max.X; x++ {
				if near(img.At(x, y), part.c) {
					found = found.Union(image.Rect(x, y, x+1, y+1))
				}
			}
		}
		if found.Empty() {
			t.Fatalf("no %s in the photo box: the photo is not printed", part.name)
		}
		if w, h := mm(found.Dx()), mm(found.Dy()); math.Abs(w-part.w) > 1 || math.Abs(h-part.h) > 1 {
			t.Errorf("the %s measures %.1f × %.1f mm, want %.1f × %.1f: the photo is not printed at 25 × 35 mm", part.name, w, h, part.w, part.h)
		}
	}
}

// near reports whether c is within JPEG's and the grain's noise of want.
func near(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(v uint32, w uint8) int { return max(int(v>>8)-int(w), int(w)-int(v>>8)) }
	return d(r, want.R) < 24 && d(g, want.G) < 24 && d(b, want.B) < 24
}

// TestSheetQRCode scans page 1 with zbarimg: the code carries the record's
// UUID, version and the snapshot's SHA-256.
func TestSheetQRCode(t *testing.T) {
	pdftoppm := tool(t, "pdftoppm", "poppler-utils")
	zbarimg := tool(t, "zbarimg", "zbar-tools")
	rec, photo := fullRecord(t)
	s := sheetFor(t, rec, photo, "en")
	dir := t.TempDir()
	// The top 50 mm of page 1, where the code is.
	runTool(t, pdftoppm, "-r", "300", "-f", "1", "-l", "1", "-H", "600", "-png", "-singlefile", render(t, s), filepath.Join(dir, "p1"))
	out := strings.TrimSpace(runTool(t, zbarimg, "--quiet", "--raw", filepath.Join(dir, "p1.png")))
	got, err := ParseCode(out)
	if err != nil {
		t.Fatalf("scanned %q: %v", out, err)
	}
	if want := (Code{ID: rec.ID, Version: rec.Version, Digest: canonicalDigest(t, s.Snapshot)}); got != want {
		t.Errorf("QR code = %+v, want %+v", got, want)
	}
}

// TestSheetMetadata reads the document information with pdfinfo, and
// checks the fonts went in as subsets (the CJK font alone is 4 MB).
func TestSheetMetadata(t *testing.T) {
	pdfinfo := tool(t, "pdfinfo", "poppler-utils")
	rec, photo := fullRecord(t)
	path := render(t, sheetFor(t, rec, photo, "zh"))
	info := runTool(t, pdfinfo, "-isodates", path)
	for _, want := range []string{"Title:           会计人员信息采集表 · 张三", "Author:          张三",
		"Subject:         张三 的会计人员信息采集记录（第 8 版）", "Keywords:        会计人员信息采集, 信息采集表, " + rec.ID,
		"Creator:         Caiji", "Producer:        Caiji report (go-pdf/fpdf)", "CreationDate:    2026-11-27T07:05:00", "Page size:       595.28 x 841.89 pts (A4)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("/Lang (zh-CN)")) {
		t.Error("no /Lang (zh-CN) in the catalog")
	}
	if len(data) > 300<<10 {
		t.Errorf("the PDF is %d bytes: the fonts are not subset", len(data))
	}
}

// TestSheetLongText: a name, an address and a comment far longer than any
// cell wrap inside their cells, over pages when they must, and nothing is
// cut off; runes no font has (an emoji, an Extension B hanzi) print as □
// instead of breaking the document.
func TestSheetLongText(t *testing.T) {
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	rec, photo := fullRecord(t)
	rec.Basic.Name = strings.Repeat("欧阳", 20) + "𠮷"
	rec.Work[0].Address = strings.Repeat("北京市海淀区中关村大街1号院（东门）Zhongguancun Street No. 1, ", 6)
	rec.Work[0].Employer = strings.Repeat("Averyveryverylongemployernamewithoutanyspaces", 3)
	s := sheetFor(t, rec, photo, "zh")
	s.Decision.Comment = strings.Repeat("照片背景不是白色，请重新拍摄。😀 ", 80)
	text := squeeze(runTool(t, pdftotext, "-enc", "UTF-8", render(t, s), "-"))
	for _, want := range []string{strings.Repeat("欧阳", 20) + "□", rec.Work[0].Address, rec.Work[0].Employer, strings.ReplaceAll(s.Decision.Comment, "😀", "□")} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("the PDF's text lacks %.60q…", want)
		}
	}
}

// TestSheetWithoutPhoto prints 未上传 in the photo box.
func TestSheetWithoutPhoto(t *testing.T) {
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	rec, _ := fullRecord(t)
	rec.Basic.Photo = nil
	s := sheetFor(t, rec, nil, "zh")
	s.Decision = nil
	text := squeeze(runTool(t, pdftotext, "-enc", "UTF-8", render(t, s), "-"))
	for _, want := range []string{"未上传", "尚未审核"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}

// TestSheetRefuses: bytes that are not the record's photo, and a snapshot
// that is not a record, are errors, not a wrong printout.
func TestSheetRefuses(t *testing.T) {
	rec, photo := fullRecord(t)
	cat := domaintest.Catalog(t)
	s := sheetFor(t, rec, append([]byte{}, photo[:len(photo)-1]...), "zh")
	if err := Write(io.Discard, s, cat); !errors.Is(err, ErrPhotoMismatch) {
		t.Errorf("another photo: err = %v, want ErrPhotoMismatch", err)
	}
	s = sheetFor(t, rec, nil, "zh")
	if err := Write(io.Discard, s, cat); !errors.Is(err, ErrPhotoMismatch) {
		t.Errorf("no photo bytes: err = %v, want ErrPhotoMismatch", err)
	}
	for _, snap := range []string{"", "{", `{"id":""}`, `[1,2]`} {
		s := sheetFor(t, rec, photo, "zh")
		s.Snapshot = []byte(snap)
		if err := Write(io.Discard, s, cat); err == nil {
			t.Errorf("snapshot %q: no error", snap)
		}
	}
	// Bytes that are the record's photo by digest but no image.
	junk := []byte("not an image at all")
	sum := sha256.Sum256(junk)
	rec.Basic.Photo.SHA256 = hex.EncodeToString(sum[:])
	if err := Write(io.Discard, sheetFor(t, rec, junk, "zh"), cat); err == nil {
		t.Error("a photo that is no image: no error")
	}
	// A PNG photo (the stored MIME type says JPEG) prints all the same.
	pngPhoto := domaintest.PNG(domaintest.Portrait(295, 413, domaintest.White, 0))
	sum = sha256.Sum256(pngPhoto)
	rec.Basic.Photo.SHA256 = hex.EncodeToString(sum[:])
	if err := Write(io.Discard, sheetFor(t, rec, pngPhoto, "zh"), cat); err != nil {
		t.Errorf("a PNG photo: %v", err)
	}
	s = sheetFor(t, rec, pngPhoto, "fr")
	if err := Write(io.Discard, s, cat); err == nil {
		t.Error("language fr: no error")
	}
}

// TestSheetHostileText: whatever a person typed into the record's text
// fields, the sheet is written and shows it (runes no font has as □):
// emoji, control characters, bidi overrides, PDF string delimiters, the
// characters of fpdf's page-count alias, a name of any length. (A fuzz
// target here would run a few times a minute: parsing the 4 MB font under
// coverage instrumentation dominates; wrap's own fuzz target covers the
// layout.)
func TestSheetHostileText(t *testing.T) {
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	rec, photo := fullRecord(t)
	for _, tt := range []struct {
		typed, shown string
		times        int // at least, in the name, the address and the comment
	}{
		{"𠮷野家😀", "□野家□", 3},
		{"a\x00b\tc\rd", "abcd", 3},
		{"\u202eevil\u202c", "evil", 3},
		{"(unbalanced \\ (paren", "(unbalanced\\(paren", 3},
		{"{nb} of {nb}", "{nb}of{nb}", 3},
		{"\ufeff\u200d\ufffd\uffff", "", 0},
		{"e\u0301 \u00a0 Ω Жж", "ΩЖж", 3},
		// Over pages: the continued pages' headers come between the lines.
		{strings.Repeat("长", 3000), "长", 9000},
		{"", "", 0},
		{"   ", "", 0},
	} {
		r := *rec
		r.Basic.Name = tt.typed
		r.Work = append([]domain.Work{}, rec.Work...)
		r.Work[0].Address = tt.typed
		s := sheetFor(t, &r, photo, "zh")
		s.Decision.Comment = tt.typed
		text := squeeze(runTool(t, pdftotext, "-enc", "UTF-8", render(t, s), "-"))
		if n := strings.Count(text, squeeze(tt.shown)); tt.shown != "" && n < tt.times {
			t.Errorf("typed %.40q: the PDF shows %q %d times, want %d", tt.typed, tt.shown, n, tt.times)
		}
	}
}

// TestSheetConcurrent: sheets written at once share the parsed fonts
// safely (go test -race) and come out alike (not byte for byte: fpdf's font
// subsetter walks a map), and the app's font bytes are left as they were:
// fpdf writes into the font data it is handed.
func TestSheetConcurrent(t *testing.T) {
	before := sha256.Sum256(assets.CJKFont)
	beforeGo := sha256.Sum256(goregular.TTF)
	rec, photo := fullRecord(t)
	s := sheetFor(t, rec, photo, "zh")
	cat := domaintest.Catalog(t)
	out := make([][]byte, 4)
	errs := make([]error, len(out))
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			var b bytes.Buffer
			errs[i] = Write(&b, s, cat)
			out[i] = b.Bytes()
		})
	}
	wg.Wait()
	for i := range out {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.HasPrefix(out[i], []byte("%PDF-")) || len(out[i]) != len(out[0]) {
			t.Fatalf("sheet %d: %d bytes, sheet 0: %d", i, len(out[i]), len(out[0]))
		}
	}
	if sha256.Sum256(assets.CJKFont) != before || sha256.Sum256(goregular.TTF) != beforeGo {
		t.Error("writing a sheet changed the embedded font bytes")
	}
}
