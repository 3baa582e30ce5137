package photo

import (
	"caiji/domain/domaintest"
	"encoding/binary"
	"image"
)

var (
	portrait = domaintest.Portrait
	document = domaintest.Document
	encJPEG  = domaintest.JPEG
	encPNG   = domaintest.PNG
	white    = domaintest.White
	// withOrientation adds an EXIF orientation, as a phone camera writes it.
	withOrientation = domaintest.WithOrientation
)

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
