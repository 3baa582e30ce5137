package domaintest

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
)

// White is a photo background that passes the white-background check.
var White = color.RGBA{250, 250, 250, 255}

// Portrait draws a w×h ID-photo-like picture: a plain background, a face and
// dark shoulders, with grain so it compresses like a real photo.
func Portrait(w, h int, bg color.RGBA, grain int) *image.RGBA {
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

// Document draws a w×h page scan: slightly grainy paper with lines of
// "words" (dark runs of random length), like a certificate or a form.
func Document(w, h int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(5, 6))
	lineH := max(1, h/60)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+w]
		for x := range row {
			row[x] = uint8(236 + rng.IntN(6))
		}
		if (y/lineH)%2 == 0 || y%lineH < lineH/4 {
			continue
		}
		lr := rand.New(rand.NewPCG(uint64(y/lineH), 7)) // the same words on every row of a line
		for x := w / 10; x < w*9/10; {
			word := 10 + lr.IntN(50)
			for k := x; k < min(x+word, w); k++ {
				if lr.IntN(4) > 0 {
					row[k] = uint8(30 + rng.IntN(40))
				}
			}
			x += word + 8 + lr.IntN(20)
		}
	}
	return img
}

// JPEG encodes img at quality q.
func JPEG(img image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// PNG encodes img.
func PNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}
