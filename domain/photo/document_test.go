package photo

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"

	"caiji/domain"
)

// documentKinds are every kind the document rules judge.
var documentKinds = []domain.AttachmentKind{domain.AttIDFront, domain.AttIDBack, domain.AttIDHandheld, domain.AttDiploma,
	domain.AttDegree, domain.AttEnrolment, domain.AttSocialInsurance, domain.AttResidence, domain.AttAppointment,
	domain.AttAccountingProof, domain.AttQualification}

// noisePNG is a w×h PNG of random colours: large for its pixels, as a
// photographed document saved as PNG is.
func noisePNG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(9, 10))
	for i := range img.Pix {
		img.Pix[i] = uint8(rng.IntN(256))
		if i%4 == 3 {
			img.Pix[i] = 0xFF
		}
	}
	return encPNG(img)
}

// TestDocumentChecksEveryKind: a 110×110 PNG over 20 KB passes the size
// rule but is too small to read; every document kind refuses it, and the
// fix says so at once instead of enlarging it.
func TestDocumentChecksEveryKind(t *testing.T) {
	tiny := noisePNG(110, 110)
	if len(tiny) <= 20480 {
		t.Fatalf("fixture is %d bytes", len(tiny))
	}
	for _, kind := range documentKinds {
		rep, err := CheckDocument(tiny, kind, rules)
		if err != nil {
			t.Fatal(err)
		}
		if c := codes(rep.Problems); !c[domain.CodeDocPixels] || rep.OK() {
			t.Errorf("%s: 110×110 PNG accepted: %v", kind, rep.Problems)
		}
		_, err = FixDocument(tiny, kind, rules)
		if code(err) != CodeFixFailed || !strings.Contains(err.Error(), "110×110") || !strings.Contains(err.Error(), kind.Name().Zh) {
			t.Errorf("%s: fix of a 110×110 image: %v", kind, err)
		}
		good := encJPEG(document(1200, 1600), 85)
		if rep, _ := CheckDocument(good, kind, rules); !rep.OK() {
			t.Errorf("%s: a 1200×1600 scan refused: %v", kind, rep.Problems)
		}
	}
}

// deepPNG is a w×h 16-bit PNG whose low bytes are noise: over 500 KB as a
// file, a plain page (with a few lines of words when detail is set) as a
// picture, so its JPEG is small.
func deepPNG(w, h int, detail bool) []byte {
	img := image.NewRGBA64(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(11, 12))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := uint16(0xE000)
			if detail && (y/40)%4 == 1 && y%40 < 10 && (x/9)%4 != 0 { // a few lines of "words"
				v = 0x4000
			}
			n := uint16(rng.IntN(256))
			img.SetRGBA64(x, y, color.RGBA64{v + n, v + n, v + n, 0xFFFF})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestFixDocumentTriesUpBeforeRefusing: a 600×840 file over 500 KB whose
// JPEG at quality 85 lands under 20 KB is encoded at a higher quality, not
// refused as "too large even at 1200 px".
func TestFixDocumentTriesUpBeforeRefusing(t *testing.T) {
	data := deepPNG(600, 840, true)
	if len(data) <= 500000 {
		t.Fatalf("fixture is %d bytes", len(data))
	}
	d, _ := Decode(data)
	if q85 := encodeJPEG(d.Raw, 85); len(q85) >= 20481 {
		t.Fatalf("fixture's q85 JPEG is %d bytes", len(q85))
	}
	res, err := FixDocument(data, domain.AttResidence, rules)
	if err != nil {
		t.Fatalf("%d-byte 600×840 PNG: %v", len(data), err)
	}
	if n := len(res.Data); n <= 20480 || n > 500000 || !res.Report.OK() {
		t.Fatalf("fixed to %d bytes: %v", n, res.Report.Problems)
	}
}

// TestFixDocumentRefusalsNameTheirCause: what cannot fit is refused with
// the real cause and its figure.
func TestFixDocumentRefusalsNameTheirCause(t *testing.T) {
	flat := deepPNG(600, 840, false) // over 500 KB, a few KB as any JPEG
	_, err := FixDocument(flat, domain.AttDiploma, rules)
	if msg := err.Error(); code(err) != CodeFixFailed || !strings.Contains(msg, "内容太少") || !strings.Contains(msg, "600×840") || !strings.Contains(msg, "质量 100") || strings.Contains(msg, "超过 500 KB") {
		t.Fatalf("flat 600×840: %v", err)
	}
	if testing.Short() {
		t.Skip("1500×1500 noise")
	}
	noise := noisePNG(1500, 1500) // noise does not compress: too large at any legible size
	_, err = FixDocument(noise, domain.AttDiploma, rules)
	if msg := err.Error(); code(err) != CodeFixFailed || !strings.Contains(msg, "长边 1200 像素、质量 60 仍有") || !strings.Contains(msg, "超过 500 KB") {
		t.Fatalf("noise 1500×1500: %v", err)
	}
}
