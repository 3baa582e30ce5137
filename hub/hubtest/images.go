// Package hubtest exercises a real hub: generated images and records that
// pass the rules, a client that signs in or signs its requests as a station
// does, and a throw-away PostgreSQL cluster. The hub's tests and the
// caiji-load tool use it; nothing in a running hub does.
package hubtest

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
)

// Photo is a 295×413 standard photo on a white background, at least
// 10,240 bytes; seed makes each one different.
func Photo(seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 1))
	img := image.NewRGBA(image.Rect(0, 0, 295, 413))
	for y := range 413 {
		for x := range 295 {
			c := color.RGBA{255, 255, 255, 255}
			if x > 60 && x < 235 && y > 90 {
				v := uint8(60 + rng.IntN(120))
				c = color.RGBA{v, v / 2, v / 3, 255}
			}
			img.Set(x, y, c)
		}
	}
	return encode(img, 92)
}

// Scan is a document scan of about size bytes (the rules accept
// 20,481–500,000): 1600×1200 from 100 KB up, 640×480 below (cheap for
// tests); seed makes each one different.
func Scan(seed uint64, size int) []byte {
	rng := rand.New(rand.NewPCG(seed, 2))
	w := 640
	if size >= 100_000 {
		w = 1600
	}
	h := w * 3 / 4
	noise := make([]uint8, w)
	render := func(rows int) []byte {
		img := image.NewGray(image.Rect(0, 0, w, h))
		for i := range img.Pix {
			img.Pix[i] = 250
		}
		for y := range min(rows, h) {
			for x := range noise {
				noise[x] = uint8(rng.IntN(256))
			}
			copy(img.Pix[y*img.Stride:], noise)
		}
		return encode(img, 75)
	}
	rows := size / w
	out := render(rows)
	for range 4 { // noise rows cost about the same each: scale to the target
		if d := len(out) - size; d < size/20 && d > -size/20 {
			break
		}
		rows = max(1, rows*size/len(out))
		out = render(rows)
	}
	return out
}

func encode(img image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err) // encoding to memory cannot fail
	}
	return b.Bytes()
}

// BombHead is the first 400 bytes of a progressive JPEG that claims
// 7000×7000 pixels: what a decompression bomb sends.
func BombHead() []byte {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xD8})
	// APP0 JFIF, as every camera and editor writes it.
	b.Write([]byte{0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0})
	// DQT: one table of ones.
	b.Write([]byte{0xFF, 0xDB, 0x00, 0x43, 0x00})
	b.Write(bytes.Repeat([]byte{1}, 64))
	// SOF2 (progressive), 8-bit, 7000×7000, three components.
	b.Write([]byte{0xFF, 0xC2, 0x00, 0x11, 0x08, 0x1B, 0x58, 0x1B, 0x58, 0x03,
		0x01, 0x22, 0x00, 0x02, 0x11, 0x00, 0x03, 0x11, 0x00})
	for b.Len() < 400 {
		b.WriteByte(0)
	}
	return b.Bytes()
}
