package photo

import (
	"image"
	"image/color"
	"testing"

	"caiji/domain"
)

// translucent is portrait p with every pixel at alpha a (0–255).
func translucent(p *image.RGBA, a uint8) *image.NRGBA {
	out := image.NewNRGBA(p.Rect)
	for i := 0; i < len(p.Pix); i += 4 {
		copy(out.Pix[i:i+3], p.Pix[i:i+3])
		out.Pix[i+3] = a
	}
	return out
}

// TestTransparencyOnWhite: a PNG with alpha 0.8 is judged and fixed as if
// laid on white — its light background stays light and passes — for the
// photo and for documents, whose transparent file is not kept as it is.
func TestTransparencyOnWhite(t *testing.T) {
	data := encPNG(translucent(portrait(600, 840, white, 8), 204))
	d, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Flattened {
		t.Fatal("transparency not noticed")
	}
	if r, g, b, _ := d.Raw.At(5, 5).RGBA(); r>>8 < 240 || g>>8 < 240 || b>>8 < 240 {
		t.Fatalf("background corner %d,%d,%d", r>>8, g>>8, b>>8)
	}
	res, err := FixPhoto(data, nil, rules)
	if err != nil {
		t.Fatal(err)
	}
	checkFixed(t, res)
	if len(res.Report.Problems) != 0 {
		t.Fatalf("fixed translucent photo: %v", res.Report.Problems)
	}

	// A document with a fully transparent background: the scan of a
	// certificate cut out in an editor.
	doc := image.NewNRGBA(image.Rect(0, 0, 900, 1200))
	src := document(900, 1200)
	for i, v := range src.Pix {
		if v < 128 {
			doc.Pix[4*i], doc.Pix[4*i+1], doc.Pix[4*i+2], doc.Pix[4*i+3] = v, v, v, 0xFF
		}
	}
	ddata := encPNG(doc)
	fixed, err := FixDocument(ddata, domain.AttDiploma, rules)
	if err != nil {
		t.Fatal(err)
	}
	if fixed.Report.Facts.MIME != "image/jpeg" || !fixed.Report.OK() {
		t.Fatalf("transparent %d-byte document kept or refused: %+v", len(ddata), fixed.Report)
	}
	out, _ := Decode(fixed.Data)
	if c := color.GrayModel.Convert(out.Raw.At(3, 3)).(color.Gray); c.Y < 240 {
		t.Fatalf("transparent margin came out %d", c.Y)
	}
}
