package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
)

// portrait draws a w×h ID-photo-like picture: a plain background, a face and
// dark shoulders, with grain so it compresses like a real photo.
func portrait(w, h int, bg color.RGBA, grain int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	cx, cy := float64(w)/2, float64(h)*0.42
	rx, ry := float64(w)*0.22, float64(h)*0.2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := bg
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			switch {
			case dx*dx+dy*dy <= 1:
				c = color.RGBA{200, 150, 120, 255}
			case y > h*3/4 && x > w/8 && x < w*7/8:
				c = color.RGBA{30, 40, 60, 255}
			}
			if grain > 0 {
				n := rng.IntN(2*grain+1) - grain
				c.R, c.G, c.B = clamp(int(c.R)+n), clamp(int(c.G)+n), clamp(int(c.B)+n)
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func clamp(v int) uint8 { return uint8(max(0, min(255, v))) }

var white = color.RGBA{250, 250, 250, 255}

func encJPEG(img image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func encPNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// withOrientation splices an APP1 Exif segment carrying orientation o right
// after SOI, as a phone camera writes it (big-endian TIFF).
func withOrientation(jpg []byte, o uint16) []byte {
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1}
	entry := make([]byte, 12)
	binary.BigEndian.PutUint16(entry[0:], 0x0112)
	binary.BigEndian.PutUint16(entry[2:], 3)
	binary.BigEndian.PutUint32(entry[4:], 1)
	binary.BigEndian.PutUint16(entry[8:], o)
	tiff = append(append(tiff, entry...), 0, 0, 0, 0)
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{0xFF, 0xD8}, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// sideways stores upright image u the way a phone does for orientation 6:
// turned 90° to the left, so that turning it right shows it upright.
func sideways(u *image.RGBA) *image.RGBA {
	w, h := u.Rect.Dx(), u.Rect.Dy()
	r := image.NewRGBA(image.Rect(0, 0, h, w))
	for y := 0; y < w; y++ {
		for x := 0; x < h; x++ {
			r.Set(x, y, u.At(w-1-y, x))
		}
	}
	return r
}

// bomb is a tiny valid JPEG whose SOF header is patched to claim w×h.
func bomb(w, h uint16) []byte {
	data := encJPEG(image.NewGray(image.Rect(0, 0, 8, 8)), 50)
	for i := 2; i+9 < len(data); i++ {
		if data[i] == 0xFF && (data[i+1] == 0xC0 || data[i+1] == 0xC2) {
			binary.BigEndian.PutUint16(data[i+5:], h)
			binary.BigEndian.PutUint16(data[i+7:], w)
			return data
		}
	}
	panic("no SOF")
}
