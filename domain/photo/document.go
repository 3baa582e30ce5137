package photo

import (
	"fmt"
	"image"

	"caiji/domain"

	"github.com/nfnt/resize"
)

// documentStartLongSide is where shrinking a large scan starts: 2,400 px
// keeps an A4 page at about 200 dpi, well above legibility.
const documentStartLongSide = 2400

// FixDocument makes a scan fit the document rules (JPG/PNG, 20,481 to
// 500,000 bytes). A file that already fits and needs no turning is kept as
// it is. A larger one is re-encoded as JPEG, lowering the quality (to 60)
// and then the size, but never below rules.DocumentMinLongSide pixels on the
// long side, so text stays legible; a smaller one is re-encoded at a higher
// quality, never enlarged. What cannot fit is refused with the reason.
func FixDocument(data []byte, kind domain.AttachmentKind, rules domain.PhotoRules) (*Result, error) {
	d, err := Decode(data)
	if err != nil {
		return nil, err
	}
	if len(data) >= rules.DocumentMinBytes && len(data) <= rules.DocumentMaxBytes && d.Orientation == 1 {
		f := facts(d, data, kind)
		return &Result{Data: data, Report: &Report{Facts: f, Problems: domain.DocumentProblems(&f, kind, rules)}}, nil
	}
	w, h := d.Size()
	long := max(w, h)
	var out []byte
	if len(data) < rules.DocumentMinBytes {
		out = fitSmallDocument(d, rules)
	} else {
		out = fitLargeDocument(d, long, rules)
	}
	if out == nil {
		if len(data) < rules.DocumentMinBytes {
			return nil, problem(CodeFixFailed,
				fmt.Sprintf("图片只有 %d×%d 像素、内容太少，无法达到 20 KB；请用更高的分辨率重新扫描或拍摄", w, h),
				fmt.Sprintf("The image is only %d×%d with too little detail to reach 20 KB: scan or photograph it at a higher resolution", w, h))
		}
		return nil, problem(CodeFixFailed,
			fmt.Sprintf("缩小到长边 %d 像素仍超过 500 KB；请裁掉空白后重试，或分成几张", rules.DocumentMinLongSide),
			fmt.Sprintf("Even at %d px on the long side it exceeds 500 KB: crop the margins or split it", rules.DocumentMinLongSide))
	}
	od, err := Decode(out)
	if err != nil {
		return nil, err
	}
	f := facts(od, out, kind)
	return &Result{Data: out, Report: &Report{Facts: f, Problems: domain.DocumentProblems(&f, kind, rules)}}, nil
}

// uprightScaled returns the upright image with its long side at most long.
func uprightScaled(d *Decoded, long int) image.Image {
	w, h := d.Size()
	if max(w, h) <= long {
		return orient(d.Raw, d.Orientation)
	}
	f := max(w, h) / long
	img := image.Image(d.Raw)
	if f >= 2 {
		img = boxShrink(d.Raw, d.Raw.Bounds(), f)
	}
	img = orient(img, d.Orientation)
	b := img.Bounds()
	if b.Dx() >= b.Dy() {
		return resize.Resize(uint(long), 0, img, resize.Lanczos3)
	}
	return resize.Resize(0, uint(long), img, resize.Lanczos3)
}

func fitLargeDocument(d *Decoded, long int, rules domain.PhotoRules) []byte {
	side := min(long, documentStartLongSide)
	for {
		img := uprightScaled(d, side)
		for _, q := range []int{85, 75, 60} {
			if out := encodeJPEG(img, q); len(out) <= rules.DocumentMaxBytes {
				if len(out) >= rules.DocumentMinBytes {
					return out
				}
				return nil
			}
		}
		if side <= rules.DocumentMinLongSide {
			return nil
		}
		side = max(rules.DocumentMinLongSide, side*4/5)
	}
}

func fitSmallDocument(d *Decoded, rules domain.PhotoRules) []byte {
	img := orient(d.Raw, d.Orientation)
	for _, q := range []int{92, 96, 100} {
		if out := encodeJPEG(img, q); len(out) >= rules.DocumentMinBytes && len(out) <= rules.DocumentMaxBytes {
			return out
		}
	}
	return nil
}
