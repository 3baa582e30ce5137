package photo

import (
	"image"
	"image/color"
	"image/draw"
)

// boxShrink averages f×f blocks of src within r into an RGBA image of
// r.Dx()/f × r.Dy()/f. It is the cheap first step before the Lanczos resize:
// a Lanczos filter over 12 megapixels costs about as much as decoding them,
// a box average a small fraction. *image.YCbCr (every JPEG) is averaged in
// its own planes, without converting each pixel.
func boxShrink(src image.Image, r image.Rectangle, f int) *image.RGBA {
	r = r.Intersect(src.Bounds())
	ow, oh := r.Dx()/f, r.Dy()/f
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	switch s := src.(type) {
	case *image.YCbCr:
		shrinkYCbCr(s, r, f, out)
	case *image.RGBA:
		shrinkRGBA(s.Pix, s.Stride, s.Rect, r, f, out)
	case *image.NRGBA:
		shrinkRGBA(s.Pix, s.Stride, s.Rect, r, f, out)
	case *image.Gray: // grey scans: no RGBA copy of 48 megapixels
		shrinkGray(s, r, f, out)
	default:
		tmp := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
		draw.Draw(tmp, tmp.Bounds(), src, r.Min, draw.Src)
		shrinkRGBA(tmp.Pix, tmp.Stride, tmp.Rect, tmp.Rect, f, out)
	}
	return out
}

func shrinkYCbCr(s *image.YCbCr, r image.Rectangle, f int, out *image.RGBA) {
	ow, oh := out.Rect.Dx(), out.Rect.Dy()
	ySum := make([]uint32, ow)
	cbSum := make([]uint32, ow)
	crSum := make([]uint32, ow)
	cN := make([]uint32, ow)
	// Chroma planes are subsampled: read one chroma sample per 2×2 (4:2:0)
	// or 2×1 (4:2:2) luma pixels.
	cx, cy := 1, 1
	switch s.SubsampleRatio {
	case image.YCbCrSubsampleRatio420:
		cx, cy = 2, 2
	case image.YCbCrSubsampleRatio422:
		cx = 2
	case image.YCbCrSubsampleRatio440:
		cy = 2
	}
	step, n := rowStep(f)
	for oy := 0; oy < oh; oy++ {
		clear(ySum)
		clear(cbSum)
		clear(crSum)
		clear(cN)
		y0 := r.Min.Y + oy*f
		for sy := y0; sy < y0+f; sy += step {
			addBlocks(s.Y[(sy-s.Rect.Min.Y)*s.YStride-s.Rect.Min.X:], r.Min.X, f, ySum)
			if sy%cy != 0 {
				continue
			}
			// Chroma samples covering this block row, read straight from
			// the planes (the index COffset would compute, without its
			// per-pixel switch).
			crow := s.Cb[(sy/cy-s.Rect.Min.Y/cy)*s.CStride-s.Rect.Min.X/cx:]
			rrow := s.Cr[(sy/cy-s.Rect.Min.Y/cy)*s.CStride-s.Rect.Min.X/cx:]
			for ox := 0; ox < ow; ox++ {
				x0 := r.Min.X + ox*f
				for c := (x0 + cx - 1) / cx; c < (x0+f+cx-1)/cx; c++ {
					cbSum[ox] += uint32(crow[c])
					crSum[ox] += uint32(rrow[c])
					cN[ox]++
				}
			}
		}
		for ox := 0; ox < ow; ox++ {
			cb, cr := uint8(128), uint8(128)
			if cN[ox] > 0 {
				cb, cr = uint8(cbSum[ox]/cN[ox]), uint8(crSum[ox]/cN[ox])
			}
			rr, gg, bb := color.YCbCrToRGB(uint8(ySum[ox]/n), cb, cr)
			i := oy*out.Stride + ox*4
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = rr, gg, bb, 0xFF
		}
	}
}

// addBlocks adds to sums[ox] the f samples of one row of an 8-bit plane
// (a grey image, a JPEG's luma) under output column ox; the columns start
// at x0.
func addBlocks(row []uint8, x0, f int, sums []uint32) {
	for ox := range sums {
		var acc uint32
		for _, v := range row[x0+ox*f : x0+(ox+1)*f] {
			acc += uint32(v)
		}
		sums[ox] += acc
	}
}

// shrinkGray averages a greyscale image into grey RGBA pixels.
func shrinkGray(s *image.Gray, r image.Rectangle, f int, out *image.RGBA) {
	ow, oh := out.Rect.Dx(), out.Rect.Dy()
	sum := make([]uint32, ow)
	step, n := rowStep(f)
	for oy := 0; oy < oh; oy++ {
		clear(sum)
		y0 := r.Min.Y + oy*f
		for sy := y0; sy < y0+f; sy += step {
			addBlocks(s.Pix[(sy-s.Rect.Min.Y)*s.Stride-s.Rect.Min.X:], r.Min.X, f, sum)
		}
		for ox, v := range sum {
			g := uint8(v / n)
			i := oy*out.Stride + ox*4
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = g, g, g, 0xFF
		}
	}
}

// shrinkRGBA averages 4-byte pixels (RGBA or NRGBA of opaque images).
func shrinkRGBA(pix []uint8, stride int, bounds, r image.Rectangle, f int, out *image.RGBA) {
	ow, oh := out.Rect.Dx(), out.Rect.Dy()
	sum := make([]uint32, 4*ow)
	step, n := rowStep(f)
	for oy := 0; oy < oh; oy++ {
		clear(sum)
		y0 := r.Min.Y + oy*f
		for sy := y0; sy < y0+f; sy += step {
			row := pix[(sy-bounds.Min.Y)*stride:]
			for ox := 0; ox < ow; ox++ {
				x0 := (r.Min.X + ox*f - bounds.Min.X) * 4
				for k := x0; k < x0+4*f; k += 4 {
					sum[4*ox] += uint32(row[k])
					sum[4*ox+1] += uint32(row[k+1])
					sum[4*ox+2] += uint32(row[k+2])
					sum[4*ox+3] += uint32(row[k+3])
				}
			}
		}
		for i, v := range sum {
			out.Pix[oy*out.Stride+i] = uint8(v / n)
		}
	}
}

// rowStep is how many rows of an f×f block to skip between the rows that
// are averaged, and the number of samples per block. For large factors
// every step-th row is enough: the Lanczos resize that follows smooths what
// the skipped rows would add, and it halves the cost of the largest images.
func rowStep(f int) (step int, samples uint32) {
	step = max(1, f/3)
	return step, uint32(f * ((f + step - 1) / step))
}
