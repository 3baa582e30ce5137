package photo

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"

	"caiji/domain"

	"github.com/nfnt/resize"
)

// Result is a fixed image: the bytes to store and the checker's report on
// them (every fix is re-checked before it is offered).
type Result struct {
	Data   []byte
	Report *Report
	// decoded is Data decoded (for the re-check), kept for its preview.
	decoded *Decoded
}

// Preview is the fixed image for the screen; see the function Preview.
func (r *Result) Preview(maxSide int) image.Image { return Preview(r.decoded, maxSide) }

// CodeFixFailed is reported when no output can satisfy the rules.
const CodeFixFailed = "FIX1"

// Standard photo size: 25 × 35 mm at 300 dpi.
const (
	PhotoWidth  = 295
	PhotoHeight = 413
)

// CenterCrop is the largest 5:7 rectangle centred in a w×h image.
func CenterCrop(w, h int) image.Rectangle {
	cw, ch := w, w*7/5
	if ch > h {
		cw, ch = h*5/7, h
	}
	x, y := (w-cw)/2, (h-ch)/2
	return image.Rect(x, y, x+cw, y+ch)
}

// to57 trims r to exactly 5:7 around its centre.
func to57(r image.Rectangle) image.Rectangle {
	c := CenterCrop(r.Dx(), r.Dy())
	return c.Add(r.Min)
}

// FixPhoto turns a photo file into a standard one; see Decoded.FixPhoto.
func FixPhoto(data []byte, crop *image.Rectangle, rules domain.PhotoRules) (*Result, error) {
	d, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return d.FixPhoto(crop, rules)
}

// FixPhoto turns a photo into a standard one: crop to 5:7 (crop, in upright
// coordinates, or centred when nil), never upscale, resize to exactly
// 295×413 with a Lanczos filter, and encode a JPEG with a 300 dpi JFIF header
// whose size lands in the allowed window. When 295×413 cannot reach 10 KB
// even at the highest quality (a smooth, plain image), it keeps the smallest
// larger 5:7 size the crop allows that does; when none does, it refuses —
// it never pads the file.
func (d *Decoded) FixPhoto(crop *image.Rectangle, rules domain.PhotoRules) (*Result, error) {
	if err := d.PhotoFixable(); err != nil {
		return nil, err
	}
	w, h := d.Size()
	r := CenterCrop(w, h)
	if crop != nil {
		r = to57(crop.Intersect(image.Rect(0, 0, w, h)))
	}
	if r.Dx() < PhotoWidth || r.Dy() < PhotoHeight {
		return nil, problem(domain.CodePhotoPixels,
			fmt.Sprintf("裁剪后为 %d×%d，小于 %d×%d；小照片放大后不清晰，不能放大，请把裁剪框放大或换一张更大的照片", r.Dx(), r.Dy(), PhotoWidth, PhotoHeight),
			fmt.Sprintf("The crop is %d×%d, below %d×%d; small photos are not enlarged: make the crop larger or use a larger photo", r.Dx(), r.Dy(), PhotoWidth, PhotoHeight))
	}
	raw := rawRect(r, d.Orientation, w, h)
	for n := PhotoWidth / 5; 5*n <= r.Dx(); n = max(n+1, n*6/5) {
		img := scale(d, raw, 5*n, 7*n)
		out, got := encodeInWindow(img, photoLadder, rules.PhotoMinBytes, rules.PhotoMaxBytes)
		if got != fits {
			continue
		}
		od, err := Decode(out)
		if err != nil {
			return nil, err
		}
		return &Result{Data: out, Report: od.Check(domain.AttPhoto, rules), decoded: od}, nil
	}
	return nil, problem(CodeFixFailed,
		"这张照片几乎是纯色，任何尺寸和质量都达不到 10 KB；请换一张真实拍摄的证件照",
		"This photo is nearly a single colour and cannot reach 10 KB at any size or quality: use a real ID photo")
}

// PhotoFixable says at once, before any work, why a photo can never be
// made standard: fewer pixels than 295×413 even in its largest 5:7 crop
// (small photos are never enlarged).
func (d *Decoded) PhotoFixable() error {
	w, h := d.Size()
	if r := CenterCrop(w, h); r.Dx() >= PhotoWidth && r.Dy() >= PhotoHeight {
		return nil
	}
	return problem(domain.CodePhotoPixels,
		fmt.Sprintf("无法修正：照片只有 %d×%d 像素，裁成 5:7 后小于 %d×%d；小照片放大后不清晰，不能放大，请换一张更大的照片", w, h, PhotoWidth, PhotoHeight),
		fmt.Sprintf("This cannot be fixed: the photo is only %d×%d pixels, below %d×%d once cut to 5:7; small photos are not enlarged because they would be blurred: use a larger photo", w, h, PhotoWidth, PhotoHeight))
}

// scale cuts raw (stored coordinates) out of d, turns it upright and
// resizes it to exactly w×h: a box pre-shrink to at least 1.5× the target,
// then Lanczos3 (nfnt/resize.Resize with both sides given; Thumbnail would
// round down).
func scale(d *Decoded, raw image.Rectangle, w, h int) image.Image {
	rw := raw.Dx()
	if d.Orientation >= 5 {
		rw = raw.Dy()
	}
	var small image.Image
	if f := rw * 2 / (3 * w); f >= 2 { // at least 1.5× the target is left for the Lanczos step
		small = boxShrink(d.Raw, raw, f)
	} else {
		small = boxShrink(d.Raw, raw, 1)
	}
	return resize.Resize(uint(w), uint(h), orient(small, d.Orientation), resize.Lanczos3)
}

// fit says where an encoding landed against a size window.
type fit int

const (
	fits fit = iota
	tooSmall
	tooLarge
)

// ladder is the order in which JPEG qualities are tried: start, then down
// when that is too large, or up when it is too small.
type ladder struct {
	start    int
	down, up []int
}

// last is the final quality tried in the direction a miss leads.
func (l ladder) last(missed fit) int {
	if missed == tooLarge {
		return l.down[len(l.down)-1]
	}
	return l.up[len(l.up)-1]
}

// photoLadder starts at 90: a photo is small, and looks better for it.
var photoLadder = ladder{start: 90, down: []int{80, 70, 60, 50}, up: []int{93, 95, 97, 99, 100}}

// encodeInWindow encodes img as JPEG at the first quality of l whose size
// lies in [minBytes, maxBytes]. When none does, it returns the last try and
// the side of the window it missed.
func encodeInWindow(img image.Image, l ladder, minBytes, maxBytes int) ([]byte, fit) {
	where := func(out []byte) fit {
		switch {
		case len(out) < minBytes:
			return tooSmall
		case len(out) > maxBytes:
			return tooLarge
		}
		return fits
	}
	out := encodeJPEG(img, l.start)
	got := where(out)
	steps := l.up
	if got == tooLarge {
		steps = l.down
	}
	for _, q := range steps {
		if got == fits {
			break
		}
		out = encodeJPEG(img, q)
		got = where(out)
	}
	return out, got
}

// jfif300 is a JFIF APP0 segment declaring 300×300 dots per inch; Go's
// encoder writes none, and photo tools read the density from it.
var jfif300 = []byte{0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x01, 0x01, 0x2C, 0x01, 0x2C, 0x00, 0x00}

// encodeJPEG encodes img at quality q and splices the JFIF header in after SOI.
func encodeJPEG(img image.Image, q int) []byte {
	var buf bytes.Buffer
	buf.Write([]byte{0xFF, 0xD8})
	buf.Write(jfif300)
	var body bytes.Buffer
	_ = jpeg.Encode(&body, img, &jpeg.Options{Quality: q}) // writing to memory cannot fail
	buf.Write(body.Bytes()[2:])
	return buf.Bytes()
}

// JFIFDensity returns the JFIF units and densities of a JPEG, or ok false.
func JFIFDensity(data []byte) (units byte, x, y int, ok bool) {
	if len(data) < 20 || !bytes.Equal(data[2:4], []byte{0xFF, 0xE0}) || string(data[6:11]) != "JFIF\x00" {
		return 0, 0, 0, false
	}
	return data[13], int(data[14])<<8 | int(data[15]), int(data[16])<<8 | int(data[17]), true
}

// Preview returns the image upright with its long side at most maxSide,
// cheaply (box average), for showing on screen.
func Preview(d *Decoded, maxSide int) image.Image {
	b := d.Raw.Bounds()
	f := max(1, (max(b.Dx(), b.Dy())+maxSide-1)/maxSide)
	return orient(boxShrink(d.Raw, b, f), d.Orientation)
}
