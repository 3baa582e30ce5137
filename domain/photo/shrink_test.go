package photo

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"testing"
)

// colourful draws a w×h picture whose colour changes everywhere: hue
// gradients across and down, a skin-coloured face, and grain, so that a
// shrink that drops chroma anywhere shows as a colour error.
func colourful(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(7, 8))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(40 + 180*x/w), uint8(200 - 150*y/h), uint8(60 + 120*(x+y)/(w+h)), 255}
			dx, dy := float64(x-w/2)/float64(w/4), float64(y-h/2)/float64(h/4)
			if dx*dx+dy*dy <= 1 {
				c = color.RGBA{200, 150, 120, 255}
			}
			n := rng.IntN(41) - 20
			c.R, c.G, c.B = clampByte(int(c.R)+n), clampByte(int(c.G)+n), clampByte(int(c.B)+n)
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func clampByte(v int) uint8 { return uint8(max(0, min(255, v))) }

// toYCbCr converts src as a JPEG encoder does: full-resolution luma, and
// each chroma sample the mean of the pixels it covers.
func toYCbCr(src *image.RGBA, ratio image.YCbCrSubsampleRatio) *image.YCbCr {
	b := src.Rect
	out := image.NewYCbCr(b, ratio)
	type acc struct{ cb, cr, n int }
	sums := map[int]*acc{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := src.RGBAAt(x, y)
			yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
			out.Y[out.YOffset(x, y)] = yy
			i := out.COffset(x, y)
			if sums[i] == nil {
				sums[i] = &acc{}
			}
			sums[i].cb += int(cb)
			sums[i].cr += int(cr)
			sums[i].n++
		}
	}
	for i, a := range sums {
		out.Cb[i], out.Cr[i] = uint8((a.cb+a.n/2)/a.n), uint8((a.cr+a.n/2)/a.n)
	}
	return out
}

// referenceShrink is the plain definition of the shrink: the image decoded
// to RGB by the standard library, then the mean of every f×f block of r.
func referenceShrink(src image.Image, r image.Rectangle, f int) *image.RGBA {
	rgb := image.NewRGBA(src.Bounds())
	draw.Draw(rgb, rgb.Rect, src, rgb.Rect.Min, draw.Src)
	out := image.NewRGBA(image.Rect(0, 0, r.Dx()/f, r.Dy()/f))
	for oy := 0; oy < out.Rect.Dy(); oy++ {
		for ox := 0; ox < out.Rect.Dx(); ox++ {
			var s [3]float64
			for y := r.Min.Y + oy*f; y < r.Min.Y+(oy+1)*f; y++ {
				for x := r.Min.X + ox*f; x < r.Min.X+(ox+1)*f; x++ {
					c := rgb.RGBAAt(x, y)
					s[0], s[1], s[2] = s[0]+float64(c.R), s[1]+float64(c.G), s[2]+float64(c.B)
				}
			}
			n := float64(f * f)
			out.SetRGBA(ox, oy, color.RGBA{uint8(math.Round(s[0] / n)), uint8(math.Round(s[1] / n)), uint8(math.Round(s[2] / n)), 255})
		}
	}
	return out
}

// channelErrors returns, per channel, the mean signed and the mean absolute
// difference of got from want.
func channelErrors(got, want *image.RGBA) (bias, abs [3]float64) {
	n := 0
	for y := 0; y < want.Rect.Dy(); y++ {
		for x := 0; x < want.Rect.Dx(); x++ {
			g, w := got.RGBAAt(x, y), want.RGBAAt(x, y)
			for c, d := range [3]int{int(g.R) - int(w.R), int(g.G) - int(w.G), int(g.B) - int(w.B)} {
				bias[c] += float64(d)
				abs[c] += math.Abs(float64(d))
			}
			n++
		}
	}
	for c := range bias {
		bias[c] /= float64(n)
		abs[c] /= float64(n)
	}
	return bias, abs
}

// TestBoxShrinkMatchesReference: for every shrink factor 1–8 and every
// chroma subsampling a JPEG can carry (and grey), the shrink of the decoded
// planes matches the mean of the decoded RGB pixels: no colour lost, no
// tint, no darkening. The crops start at odd pixels so that chroma columns
// and rows shared across block edges are exercised.
func TestBoxShrinkMatchesReference(t *testing.T) {
	src := colourful(241, 337)
	var sources []struct {
		name string
		img  image.Image
	}
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440} {
		sources = append(sources, struct {
			name string
			img  image.Image
		}{ratio.String(), toYCbCr(src, ratio)})
	}
	grey := image.NewGray(src.Rect)
	draw.Draw(grey, grey.Rect, src, image.Point{}, draw.Src)
	sources = append(sources, struct {
		name string
		img  image.Image
	}{"grey", grey})
	// What Go's own encoder and decoder make of it: 4:2:0 and grey JPEGs.
	for _, img := range []image.Image{src, grey} {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
			t.Fatal(err)
		}
		dec, err := jpeg.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, struct {
			name string
			img  image.Image
		}{fmt.Sprintf("JPEG %T", dec), dec})
	}
	for _, s := range sources {
		for f := 1; f <= 8; f++ {
			for _, r := range []image.Rectangle{s.img.Bounds(), image.Rect(3, 5, 230, 321), image.Rect(1, 1, 240, 336)} {
				got, want := boxShrink(s.img, r, f), referenceShrink(s.img, r, f)
				if got.Rect != want.Rect {
					t.Fatalf("%s f=%d %v: size %v, want %v", s.name, f, r, got.Rect, want.Rect)
				}
				bias, abs := channelErrors(got, want)
				for c := range bias {
					// Large factors average every other row (rowStep): the
					// grain then differs a little, the colour must not.
					if math.Abs(bias[c]) > 1 || abs[c] > 3 {
						t.Errorf("%s f=%d crop %v channel %c: mean error %+.2f, mean |error| %.2f", s.name, f, r, "RGB"[c], bias[c], abs[c])
					}
				}
			}
		}
	}
}

// TestFixPhotoKeepsColour: a 600×800 photo under 10 KB (shrunk by a factor
// of 1 before the Lanczos step) keeps its face colour through the fix.
func TestFixPhotoKeepsColour(t *testing.T) {
	src := portrait(600, 800, white, 0)
	data := encJPEG(src, 10)
	if len(data) >= 10240 {
		t.Fatalf("fixture is %d bytes", len(data))
	}
	res, err := FixPhoto(data, nil, rules)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := Decode(data)
	after, _ := Decode(res.Data)
	// The face's centre: (300, 336) in the original, which the centred 5:7
	// crop (600×840 does not fit: 571×800 from x=14) maps to about (147, 173).
	want := before.Raw.At(300, 336)
	got := after.Raw.At(147, 173)
	wr, wg, wb, _ := want.RGBA()
	gr, gg, gb, _ := got.RGBA()
	for c, d := range []int{int(gr>>8) - int(wr>>8), int(gg>>8) - int(wg>>8), int(gb>>8) - int(wb>>8)} {
		if d > 8 || d < -8 {
			t.Fatalf("face RGB (%d,%d,%d) after the fix, (%d,%d,%d) before: %c off by %d", gr>>8, gg>>8, gb>>8, wr>>8, wg>>8, wb>>8, "RGB"[c], d)
		}
	}
}
