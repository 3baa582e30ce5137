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
}

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

// FixPhoto turns a photo into a standard one: crop to 5:7 (crop, in upright
// coordinates, or centred when nil), never upscale, resize to exactly
// 295×413 with a Lanczos filter, and encode a JPEG with a 300 dpi JFIF header
// whose size lands in the allowed window. When 295×413 cannot reach 10 KB
// even at the highest quality (a smooth, plain image), it keeps the smallest
// larger 5:7 size the crop allows that does; when none does, it refuses —
// it never pads the file.
func FixPhoto(data []byte, crop *image.Rectangle, rules domain.PhotoRules) (*Result, error) {
	d, err := Decode(data)
	if err != nil {
		return nil, err
	}
	w, h := d.Size()
	r := CenterCrop(w, h)
	if crop != nil {
		r = to57(crop.Intersect(image.Rect(0, 0, w, h)))
	}
	if r.Dx() < PhotoWidth || r.Dy() < PhotoHeight {
		return nil, problem(domain.CodePhotoPixels,
			fmt.Sprintf("裁剪后为 %d×%d，小于 %d×%d；小照片放大后不清晰，不能放大，请换一张更大的照片", r.Dx(), r.Dy(), PhotoWidth, PhotoHeight),
			fmt.Sprintf("The crop is %d×%d, below %d×%d; small photos are not enlarged: use a larger photo", r.Dx(), r.Dy(), PhotoWidth, PhotoHeight))
	}
	raw := rawRect(r, d.Orientation, w, h)
	for n := PhotoWidth / 5; 5*n <= r.Dx(); n = max(n+1, n*6/5) {
		img := scale(d, raw, 5*n, 7*n)
		out, ok := encodeInWindow(img, rules.PhotoMinBytes, rules.PhotoMaxBytes)
		if !ok {
			continue
		}
		od, err := Decode(out)
		if err != nil {
			return nil, err
		}
		return &Result{Data: out, Report: checkDecodedPhoto(od, out, rules)}, nil
	}
	return nil, problem(CodeFixFailed,
		"这张照片几乎是纯色，任何尺寸和质量都达不到 10 KB；请换一张真实拍摄的证件照",
		"This photo is nearly a single colour and cannot reach 10 KB at any size or quality: use a real ID photo")
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

// encodeInWindow encodes img as JPEG at the first quality whose size lies in
// [minBytes, maxBytes]: 90 first, higher when too small, lower when too large.
func encodeInWindow(img image.Image, minBytes, maxBytes int) ([]byte, bool) {
	qualities := []int{90, 93, 95, 97, 99, 100}
	out := encodeJPEG(img, 90)
	if len(out) > maxBytes {
		qualities = []int{80, 70, 60, 50}
	}
	for _, q := range qualities {
		if q != 90 {
			out = encodeJPEG(img, q)
		}
		if len(out) >= minBytes && len(out) <= maxBytes {
			return out, true
		}
	}
	return nil, false
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
