package photo

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"

	"caiji/domain"
)

var rules = domain.PhotoRules{
	PhotoMinBytes: 10240, PhotoMaxBytes: 500000, PhotoMinWidth: 295, PhotoMinHeight: 413,
	PhotoRatioTolerance: 0.03, BackgroundMinLightness: 90, BackgroundMaxChroma: 12, BackgroundStrip: 0.06,
	DocumentMinBytes: 20481, DocumentMaxBytes: 500000, DocumentMinLongSide: 1200,
	DocumentLegibleLongSide: 500, DocumentLegibleShortSide: 300,
}

func code(err error) string {
	var p domain.Problem
	if errors.As(err, &p) {
		return p.Code
	}
	if err == nil {
		return ""
	}
	return "?" + err.Error()
}

func codes(ps []domain.Problem) map[string]bool {
	m := map[string]bool{}
	for _, p := range ps {
		m[p.Code] = true
	}
	return m
}

func TestReadRefusals(t *testing.T) {
	full := encJPEG(portrait(300, 420, white, 8), 90)
	tests := []struct {
		name string
		data []byte
		code string
	}{
		{"empty file", nil, CodeEmpty},
		{"text file", []byte("姓名,证件号码\n张三,110101199003079913\n"), CodeNotImage},
		{"GIF", []byte("GIF89a\x01\x00\x01\x00"), CodeNotImage},
		{"truncated JPEG", full[:len(full)/2], CodeCorrupt},
		{"header only", full[:200], CodeCorrupt},
		{"20000×20000 bomb", bomb(20000, 20000), CodeHugePixels},
		{"arithmetic coding", mustRead(t, "testdata/arithmetic.jpg"), CodeUnsupported},
	}
	for _, tt := range tests {
		if _, err := Decode(tt.data); code(err) != tt.code {
			t.Errorf("%s: %v, want %s", tt.name, err, tt.code)
		}
	}
	if _, err := ReadAll(bytes.NewReader(make([]byte, MaxFileBytes+1))); code(err) != CodeFileTooBig {
		t.Errorf("21 MB file: %v", err)
	}
	if data, err := ReadAll(bytes.NewReader(full)); err != nil || len(data) != len(full) {
		t.Errorf("ReadAll: %v", err)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestBombIsCheap: a 400-byte file claiming 20000×20000 is refused from its
// header, allocating far less than one decoded row would need.
func TestBombIsCheap(t *testing.T) {
	data := bomb(20000, 20000)
	if len(data) > 700 {
		t.Fatalf("bomb fixture is %d bytes", len(data))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < 10; i++ {
		if _, err := CheckPhoto(data, rules); code(err) != CodeHugePixels {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / 10; per > 10<<20 {
		t.Fatalf("refusing the bomb allocated %d bytes", per)
	} else {
		t.Logf("%d-byte bomb refused with %d bytes allocated", len(data), per)
	}
}

func TestSniffIgnoresName(t *testing.T) {
	pngData := encPNG(portrait(300, 420, white, 8)) // "报名照片.jpg" that is really a PNG
	f, err := Sniff(pngData)
	if err != nil || f != PNG {
		t.Fatalf("Sniff = %s %v", f, err)
	}
	rep, err := CheckPhoto(pngData, rules)
	if err != nil {
		t.Fatal(err)
	}
	if !codes(rep.Problems)[domain.CodePhotoFormat] {
		t.Fatalf("PNG accepted as the photo: %v", rep.Problems)
	}
	res, err := FixPhoto(pngData, nil, rules)
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Facts.MIME != "image/jpeg" || !res.Report.OK() {
		t.Fatalf("fixed PNG: %+v", res.Report)
	}
}

func TestCheckPhotoFigures(t *testing.T) {
	small := encJPEG(portrait(295, 413, white, 0), 40)
	rep, err := CheckPhoto(small, rules)
	if err != nil {
		t.Fatal(err)
	}
	if len(small) >= 10240 || !codes(rep.Problems)[domain.CodePhotoTooSmall] {
		t.Fatalf("%d-byte photo: %v", len(small), rep.Problems)
	}
	tooFew := encJPEG(portrait(294, 413, white, 30), 95)
	rep, _ = CheckPhoto(tooFew, rules)
	if !codes(rep.Problems)[domain.CodePhotoPixels] {
		t.Fatalf("294×413 passes: %v", rep.Problems)
	}
	square := encJPEG(portrait(500, 500, white, 30), 90)
	rep, _ = CheckPhoto(square, rules)
	if c := codes(rep.Problems); !c[domain.CodePhotoRatio] || !rep.OK() {
		t.Fatalf("square photo: %v", rep.Problems)
	}
	blue := encJPEG(portrait(295, 413, color.RGBA{60, 120, 220, 255}, 30), 90)
	rep, _ = CheckPhoto(blue, rules)
	if !codes(rep.Problems)[domain.CodePhotoBackground] {
		t.Fatalf("blue background not flagged: %v", rep.Problems)
	}
	good := encJPEG(portrait(295, 413, white, 30), 90)
	rep, _ = CheckPhoto(good, rules)
	if len(rep.Problems) != 0 || rep.Facts.Width != 295 || rep.Facts.Bytes != len(good) || len(rep.Facts.SHA256) != 64 {
		t.Fatalf("good photo: %+v", rep)
	}
}

// checkFixed re-checks a fix: it passes the checker, is a JPEG with a 300 dpi
// JFIF header, ends at EOI with nothing appended, and is 5:7.
func checkFixed(t *testing.T, res *Result) {
	t.Helper()
	rep, err := CheckPhoto(res.Data, rules)
	if err != nil {
		t.Fatal(err)
	}
	if errs := domain.Errors(rep.Problems); errs != 0 {
		t.Fatalf("fixed photo fails: %v", rep.Problems)
	}
	if u, x, y, ok := JFIFDensity(res.Data); !ok || u != 1 || x != 300 || y != 300 {
		t.Fatalf("JFIF density %d %d×%d %v", u, x, y, ok)
	}
	if !bytes.HasSuffix(res.Data, []byte{0xFF, 0xD9}) {
		t.Fatal("data after EOI")
	}
	if rep.Facts.Width*7 != rep.Facts.Height*5 {
		t.Fatalf("not 5:7: %d×%d", rep.Facts.Width, rep.Facts.Height)
	}
}

func TestFixPhotoOrdinary(t *testing.T) {
	for _, size := range [][2]int{{1200, 1600}, {3000, 4000}, {413, 579}, {295, 413}, {800, 600}} {
		data := encJPEG(portrait(size[0], size[1], white, 20), 92)
		res, err := FixPhoto(data, nil, rules)
		if err != nil {
			t.Fatalf("%v: %v", size, err)
		}
		checkFixed(t, res)
		if f := res.Report.Facts; f.Width != 295 || f.Height != 413 {
			t.Errorf("%v: fixed to %d×%d, want 295×413", size, f.Width, f.Height)
		}
	}
}

func TestFixPhotoRefusesUpscaling(t *testing.T) {
	data := encJPEG(portrait(294, 413, white, 20), 95)
	if _, err := FixPhoto(data, nil, rules); code(err) != domain.CodePhotoPixels {
		t.Fatalf("294×413: %v", err)
	}
	big := encJPEG(portrait(1000, 1400, white, 20), 90)
	crop := image.Rect(10, 10, 210, 290)
	if _, err := FixPhoto(big, &crop, rules); code(err) != domain.CodePhotoPixels {
		t.Fatalf("200×280 crop: %v", err)
	}
}

// TestFixPhotoSmoothReachesMinimum: a smooth picture that encodes under
// 10 KB at ordinary quality still comes out ≥ 10,240 bytes, by quality or
// by a larger 5:7 size, and never by padding.
func TestFixPhotoSmoothReachesMinimum(t *testing.T) {
	img := portrait(1000, 1400, white, 0)
	for y := 0; y < 1400; y++ { // a soft vertical shading, no grain
		for x := 0; x < 1000; x++ {
			c := img.RGBAAt(x, y)
			d := uint8(y * 40 / 1400)
			img.SetRGBA(x, y, color.RGBA{c.R - min(c.R, d), c.G - min(c.G, d), c.B - min(c.B, d), 255})
		}
	}
	small := encodeJPEG(scaleTo(img, 295, 413), 90)
	if len(small) >= 10240 {
		t.Fatalf("fixture not smooth enough: %d bytes at q90", len(small))
	}
	res, err := FixPhoto(encJPEG(img, 95), nil, rules)
	if err != nil {
		t.Fatal(err)
	}
	checkFixed(t, res)
	if n := len(res.Data); n < 10240 {
		t.Fatalf("%d bytes", n)
	}
	t.Logf("q90 at 295×413: %d B; fixed: %d B at %d×%d", len(small), len(res.Data), res.Report.Facts.Width, res.Report.Facts.Height)
}

func scaleTo(img image.Image, w, h int) image.Image {
	d := &Decoded{Raw: img, Orientation: 1}
	return scale(d, img.Bounds(), w, h)
}

func TestFixPhotoUniformRefused(t *testing.T) {
	flat := image.NewRGBA(image.Rect(0, 0, 600, 840))
	for i := range flat.Pix {
		flat.Pix[i] = 0xFF
	}
	if _, err := FixPhoto(encJPEG(flat, 90), nil, rules); code(err) != CodeFixFailed {
		t.Fatalf("uniform image: %v", err)
	}
}

// TestFixPhotoEXIFUpright: a phone photo stored sideways with orientation 6
// comes out upright: light background at the top, dark shoulders below.
func TestFixPhotoEXIFUpright(t *testing.T) {
	upright := portrait(600, 840, white, 10)
	data := withOrientation(encJPEG(sideways(upright), 92), 6)
	d, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := d.Size(); d.Orientation != 6 || w != 600 || h != 840 {
		t.Fatalf("orientation %d, upright size %d×%d", d.Orientation, w, h)
	}
	res, err := FixPhoto(data, nil, rules)
	if err != nil {
		t.Fatal(err)
	}
	checkFixed(t, res)
	out, _ := Decode(res.Data)
	top, bottom := luma(out.Raw, 147, 10), luma(out.Raw, 147, 400)
	if top < 200 || bottom > 100 {
		t.Fatalf("not upright: top luma %d, bottom %d", top, bottom)
	}
}

func luma(img image.Image, x, y int) int {
	r, g, b, _ := img.At(x, y).RGBA()
	return int((r + g + b) / 3 >> 8)
}

// TestRawRectMatchesOrient: for every orientation, cutting the stored image
// at rawRect and turning it equals turning first and cutting.
func TestRawRectMatchesOrient(t *testing.T) {
	raw := portrait(37, 23, white, 60)
	rng := rand.New(rand.NewPCG(3, 4))
	for o := 1; o <= 8; o++ {
		up := orient(raw, o)
		w, h := up.Rect.Dx(), up.Rect.Dy()
		for k := 0; k < 20; k++ {
			x0, y0 := rng.IntN(w-1), rng.IntN(h-1)
			r := image.Rect(x0, y0, x0+1+rng.IntN(w-x0-1)+1, y0+1+rng.IntN(h-y0-1)+1).Intersect(up.Rect)
			want := up.SubImage(r).(*image.RGBA)
			got := orient(raw.SubImage(rawRect(r, o, w, h)), o)
			for y := 0; y < r.Dy(); y++ {
				for x := 0; x < r.Dx(); x++ {
					if got.RGBAAt(x, y) != want.RGBAAt(r.Min.X+x, r.Min.Y+y) {
						t.Fatalf("orientation %d rect %v: pixel %d,%d differs", o, r, x, y)
					}
				}
			}
		}
	}
}

func TestProgressiveAndCMYK(t *testing.T) {
	rep, err := CheckPhoto(mustRead(t, "testdata/progressive.jpg"), rules)
	if err != nil {
		t.Fatalf("progressive: %v", err)
	}
	if rep.Facts.Width != 320 || rep.Facts.Height != 448 {
		t.Fatalf("progressive size %d×%d", rep.Facts.Width, rep.Facts.Height)
	}
	if _, err := FixPhoto(mustRead(t, "testdata/progressive.jpg"), nil, rules); err != nil {
		t.Fatalf("fix progressive: %v", err)
	}
	if _, err := CheckDocument(mustRead(t, "testdata/cmyk.jpg"), domain.AttDiploma, rules); err != nil {
		t.Fatalf("CMYK: %v", err)
	}
}

func TestFixDocumentLargeScan(t *testing.T) {
	if testing.Short() {
		t.Skip("6000×8000 scan")
	}
	data := encJPEG(document(6000, 8000), 90)
	res, err := FixDocument(data, domain.AttDiploma, rules)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Report.Facts
	if len(res.Data) > 500000 || len(res.Data) <= 20480 || !res.Report.OK() || max(f.Width, f.Height) < rules.DocumentMinLongSide {
		t.Fatalf("%d-byte input → %d bytes %d×%d %v", len(data), len(res.Data), f.Width, f.Height, res.Report.Problems)
	}
	t.Logf("%d-byte 6000×8000 scan → %d bytes at %d×%d", len(data), len(res.Data), f.Width, f.Height)
}

func TestFixDocumentKeepsFittingFileAndRefusesTiny(t *testing.T) {
	fits := encPNG(document(500, 700))
	if len(fits) <= 20480 || len(fits) > 500000 {
		t.Fatalf("fixture is %d bytes", len(fits))
	}
	res, err := FixDocument(fits, domain.AttIDFront, rules)
	if err != nil || !bytes.Equal(res.Data, fits) || res.Report.Facts.MIME != "image/png" {
		t.Fatalf("a fitting PNG was changed: %v", err)
	}
	tiny := encJPEG(image.NewGray(image.Rect(0, 0, 40, 30)), 90)
	if _, err := FixDocument(tiny, domain.AttIDFront, rules); code(err) != CodeFixFailed {
		t.Fatalf("tiny image: %v", err)
	}
	rep, _ := CheckDocument(tiny, domain.AttIDFront, rules)
	if !codes(rep.Problems)[domain.CodeDocTooSmall] {
		t.Fatalf("tiny image passes the check: %v", rep.Problems)
	}
}

func TestExifOrientationParsing(t *testing.T) {
	base := encJPEG(portrait(20, 28, white, 0), 80)
	for o := uint16(1); o <= 8; o++ {
		if got := exifOrientation(withOrientation(base, o)); got != int(o) {
			t.Errorf("orientation %d read as %d", o, got)
		}
	}
	if exifOrientation(base) != 1 || exifOrientation(withOrientation(base, 9)) != 1 {
		t.Error("missing or invalid orientation not 1")
	}
}

// FuzzDecode feeds arbitrary bytes to the reader, checker and fixers: no
// panic, and every refusal is a Problem with a message.
func FuzzDecode(f *testing.F) {
	f.Add(encJPEG(portrait(30, 42, white, 10), 80))
	f.Add(withOrientation(encJPEG(portrait(30, 42, white, 10), 80), 6))
	f.Add(encPNG(portrait(12, 12, white, 10)))
	f.Add(bomb(20000, 20000))
	f.Add([]byte("\xFF\xD8\xFF\xE1\x00\x08Exif\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, err := range []error{
			func() error { _, err := CheckPhoto(data, rules); return err }(),
			func() error { _, err := CheckDocument(data, domain.AttIDBack, rules); return err }(),
			func() error { _, err := FixPhoto(data, nil, rules); return err }(),
		} {
			var p domain.Problem
			if err != nil && (!errors.As(err, &p) || p.Msg.Zh == "") {
				t.Fatalf("refusal without a message: %v", err)
			}
		}
	})
}

// TestBoxShrinkYCbCrMatchesRGBA: averaging a JPEG's planes directly gives
// the colours that averaging its RGB pixels gives, for every subsampling.
func TestBoxShrinkYCbCrMatchesRGBA(t *testing.T) {
	src := portrait(120, 168, color.RGBA{90, 160, 230, 255}, 25)
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio444} {
		y := image.NewYCbCr(src.Rect, ratio)
		for py := 0; py < 168; py++ {
			for px := 0; px < 120; px++ {
				c := src.RGBAAt(px, py)
				yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
				y.Y[y.YOffset(px, py)] = yy
				y.Cb[y.COffset(px, py)] = cb
				y.Cr[y.COffset(px, py)] = cr
			}
		}
		rgba := image.NewRGBA(y.Rect)
		draw.Draw(rgba, rgba.Rect, y, image.Point{}, draw.Src)
		crop := image.Rect(6, 14, 114, 158)
		a, b := boxShrink(y, crop, 6), boxShrink(rgba, crop, 6)
		// Grey: the luma plane alone against its RGBA rendering.
		gray := &image.Gray{Pix: y.Y, Stride: y.YStride, Rect: y.Rect}
		grgba := image.NewRGBA(y.Rect)
		draw.Draw(grgba, grgba.Rect, gray, image.Point{}, draw.Src)
		if ga, gb := boxShrink(gray, crop, 6), boxShrink(grgba, crop, 6); string(ga.Pix) != string(gb.Pix) {
			t.Fatal("grey shrink differs from RGBA shrink")
		}
		if a.Rect != b.Rect || a.Rect.Dx() != 18 {
			t.Fatalf("sizes %v %v", a.Rect, b.Rect)
		}
		for i := range a.Pix {
			if d := int(a.Pix[i]) - int(b.Pix[i]); d > 6 || d < -6 {
				t.Fatalf("%v: byte %d differs by %d", ratio, i, d)
			}
		}
	}
}
