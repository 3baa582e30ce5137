package photo

import (
	"crypto/sha256"
	"encoding/hex"
	"image"
	"math"

	"caiji/domain"
)

// Report is what the checker found in one file: the facts stored with the
// attachment and the problems the rules see in them.
type Report struct {
	Facts    domain.Attachment
	Problems []domain.Problem
}

// OK reports whether nothing blocks the file (warnings may remain).
func (r *Report) OK() bool { return domain.Errors(r.Problems) == 0 }

func (d *Decoded) facts(kind domain.AttachmentKind) domain.Attachment {
	w, h := d.Size()
	sum := sha256.Sum256(d.data)
	return domain.Attachment{SHA256: hex.EncodeToString(sum[:]), Kind: kind, MIME: string(d.Format), Bytes: d.Bytes, Width: w, Height: h}
}

// CheckPhoto judges a file as the standard photo. A file that is not a
// readable JPG or PNG is an error with the reason; a readable one gets a
// report with every rule's verdict and figure.
func CheckPhoto(data []byte, rules domain.PhotoRules) (*Report, error) {
	return check(data, domain.AttPhoto, rules)
}

// CheckDocument judges a file as a scanned document of kind.
func CheckDocument(data []byte, kind domain.AttachmentKind, rules domain.PhotoRules) (*Report, error) {
	return check(data, kind, rules)
}

func check(data []byte, kind domain.AttachmentKind, rules domain.PhotoRules) (*Report, error) {
	d, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return d.Check(kind, rules), nil
}

// Check judges the decoded file as an image of kind: the standard photo's
// rules or the document rules. Deciding from the decoded image means a
// caller that also shows it decodes the file once.
func (d *Decoded) Check(kind domain.AttachmentKind, rules domain.PhotoRules) *Report {
	f := d.facts(kind)
	if kind.IsDocument() {
		return &Report{Facts: f, Problems: domain.DocumentProblems(&f, kind, rules)}
	}
	if !whiteBackground(d, rules) {
		f.Warnings = append(f.Warnings, domain.CodePhotoBackground)
	}
	return &Report{Facts: f, Problems: domain.PhotoProblems(&f, rules)}
}

// whiteBackground estimates the background from strips along the top, left
// and right edges (the bottom is clothing): their mean colour must be light
// (CIE L* at least the threshold) and nearly grey (low chroma).
func whiteBackground(d *Decoded, rules domain.PhotoRules) bool {
	w, h := d.Size()
	s := int(math.Max(1, rules.BackgroundStrip*float64(min(w, h))))
	strips := []image.Rectangle{
		image.Rect(0, 0, w, s),     // top
		image.Rect(0, 0, s, h*2/3), // left, above the shoulders
		image.Rect(w-s, 0, w, h*2/3),
	}
	var sr, sg, sb, n float64
	for _, up := range strips {
		r := rawRect(up, d.Orientation, w, h).Intersect(d.Raw.Bounds())
		// About 40,000 samples whatever the image size.
		step := max(1, int(math.Sqrt(float64(r.Dx()*r.Dy())/40000)))
		for y := r.Min.Y; y < r.Max.Y; y += step {
			for x := r.Min.X; x < r.Max.X; x += step {
				cr, cg, cb, _ := d.Raw.At(x, y).RGBA()
				sr, sg, sb, n = sr+float64(cr), sg+float64(cg), sb+float64(cb), n+1
			}
		}
	}
	if n == 0 {
		return true
	}
	l, a, b := lab(sr/n/0xFFFF, sg/n/0xFFFF, sb/n/0xFFFF)
	return l >= rules.BackgroundMinLightness && math.Hypot(a, b) <= rules.BackgroundMaxChroma
}

// lab converts sRGB (0–1) to CIE L*a*b* (D65).
func lab(r, g, b float64) (float64, float64, float64) {
	lin := func(c float64) float64 {
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	r, g, b = lin(r), lin(g), lin(b)
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}
