package photo

import (
	"image"
	"image/draw"
)

// onWhite composites an image with transparency onto white. Photos and
// scans are judged and shown as if printed: a PNG's transparent background
// left as it is would turn black in a JPEG (which has no alpha) and fail
// the white-background check.
func onWhite(img image.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(b)
	for i := range out.Pix {
		out.Pix[i] = 0xFF
	}
	draw.Draw(out, b, img, b.Min, draw.Over)
	return out
}
