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

// shrinkYCbCr averages a JPEG's planes block by block. Every luma sample
// of a block row that is read is matched by the chroma sample that covers
// it (x/cx, y/cy, as image.YCbCr.COffset computes), so the colour of each
// output pixel is the mean of the same pixels its luma is: no row, column
// or block start is left without colour, whatever the subsampling and the
// shrink factor.
func shrinkYCbCr(s *image.YCbCr, r image.Rectangle, f int, out *image.RGBA) {
	ow, oh := out.Rect.Dx(), out.Rect.Dy()
	ySum := make([]uint32, ow)
	cbSum := make([]uint32, ow)
	crSum := make([]uint32, ow)
	cx, cy := chromaStep(s.SubsampleRatio)
	step, n := rowStep(f)
	for oy := 0; oy < oh; oy++ {
		clear(ySum)
		clear(cbSum)
		clear(crSum)
		y0 := r.Min.Y + oy*f
		for sy := y0; sy < y0+f; sy += step {
			addBlocks(s.Y[(sy-s.Rect.Min.Y)*s.YStride-s.Rect.Min.X:], r.Min.X, f, ySum)
			// The chroma row under luma row sy, indexed by absolute chroma
			// column (x/cx), as image.YCbCr.COffset does.
			off := (sy/cy-s.Rect.Min.Y/cy)*s.CStride - s.Rect.Min.X/cx
			addChroma(s.Cb[off:], s.Cr[off:], r.Min.X, f, cx, cbSum, crSum)
		}
		for ox := 0; ox < ow; ox++ {
			rr, gg, bb := color.YCbCrToRGB(mean(ySum[ox], n), mean(cbSum[ox], n), mean(crSum[ox], n))
			i := oy*out.Stride + ox*4
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = rr, gg, bb, 0xFF
		}
	}
}

// chromaStep is how many luma columns and rows share one chroma sample.
func chromaStep(ratio image.YCbCrSubsampleRatio) (cx, cy int) {
	switch ratio {
	case image.YCbCrSubsampleRatio420:
		return 2, 2
	case image.YCbCrSubsampleRatio422:
		return 2, 1
	case image.YCbCrSubsampleRatio440:
		return 1, 2
	case image.YCbCrSubsampleRatio411:
		return 4, 1
	case image.YCbCrSubsampleRatio410:
		return 4, 2
	}
	return 1, 1
}

// addChroma adds to cbSums[ox] and crSums[ox] the chroma of the f luma
// columns under output column ox (columns start at x0): each chroma sample
// weighted by how many of those columns it covers, so the weights of a
// block row sum to f, as its luma samples do.
func addChroma(cb, cr []uint8, x0, f, cx int, cbSums, crSums []uint32) {
	for ox := range cbSums {
		a, b := x0+ox*f, x0+(ox+1)*f // luma columns [a, b)
		var accB, accR uint32
		for c := a / cx; c*cx < b; c++ {
			w := uint32(min(b, (c+1)*cx) - max(a, c*cx))
			accB += w * uint32(cb[c])
			accR += w * uint32(cr[c])
		}
		cbSums[ox] += accB
		crSums[ox] += accR
	}
}

// mean is sum/n rounded to the nearest integer (truncating would darken
// every shrunk image by half a level).
func mean(sum, n uint32) uint8 { return uint8((sum + n/2) / n) }

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
			g := mean(v, n)
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
			out.Pix[oy*out.Stride+i] = mean(v, n)
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
