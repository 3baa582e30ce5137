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

// Quality ladders for documents: 85 first; lower when the file is too
// large, higher when it is too small.
var documentLadder = ladder{start: 85, down: []int{75, 60}, up: []int{90, 95, 100}}

// FixDocument makes a scan fit the document rules; see Decoded.FixDocument.
func FixDocument(data []byte, kind domain.AttachmentKind, rules domain.PhotoRules) (*Result, error) {
	d, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return d.FixDocument(kind, rules)
}

// FixDocument makes a scan fit the document rules (JPG/PNG, 20,481 to
// 500,000 bytes, legible pixels). A file that already fits, is upright and
// has no transparency is kept as it is. Otherwise it is re-encoded as JPEG:
// at its own size when it is small, from 2,400 px on the long side when it
// is large; the quality goes down (to 60) when the file is too large and up
// (to 100) when it is too small; a file still too large is shrunk step by
// step, never below rules.DocumentMinLongSide pixels on the long side, so
// text stays legible. An image with too few pixels to read is refused at
// once: it is never enlarged. Every refusal names its cause with its figure.
func (d *Decoded) FixDocument(kind domain.AttachmentKind, rules domain.PhotoRules) (*Result, error) {
	if err := d.DocumentFixable(kind, rules); err != nil {
		return nil, err
	}
	if d.Bytes >= rules.DocumentMinBytes && d.Bytes <= rules.DocumentMaxBytes && d.Orientation == 1 && !d.Flattened {
		return &Result{Data: d.data, Report: d.Check(kind, rules), decoded: d}, nil
	}
	out, err := fitDocument(d, kind, rules)
	if err != nil {
		return nil, err
	}
	od, err := Decode(out)
	if err != nil {
		return nil, err
	}
	return &Result{Data: out, Report: od.Check(kind, rules), decoded: od}, nil
}

// DocumentFixable says at once, before any work, why a document image can
// never be made acceptable: too few pixels to read (it is never enlarged).
func (d *Decoded) DocumentFixable(kind domain.AttachmentKind, rules domain.PhotoRules) error {
	w, h := d.Size()
	if rules.DocumentLegible(w, h) {
		return nil
	}
	name := kind.Name()
	return problem(CodeFixFailed,
		fmt.Sprintf("%s只有 %d×%d 像素，无法修正：需长边不少于 %d、短边不少于 %d 像素，小图放大后仍看不清；请用更高的分辨率重新扫描或拍摄", name.Zh, w, h, rules.DocumentLegibleLongSide, rules.DocumentLegibleShortSide),
		fmt.Sprintf("%s: only %d×%d pixels, which cannot be fixed: at least %d on the long side and %d on the short side are needed, and enlarging would not make it readable; scan or photograph it at a higher resolution", name.En, w, h, rules.DocumentLegibleLongSide, rules.DocumentLegibleShortSide))
}

// fitDocument encodes d within the document size window, or says why no
// size and quality it may use does.
func fitDocument(d *Decoded, kind domain.AttachmentKind, rules domain.PhotoRules) ([]byte, error) {
	w, h := d.Size()
	long := max(w, h)
	side := long
	if d.Bytes > rules.DocumentMaxBytes {
		side = min(long, documentStartLongSide)
	}
	dir := 0 // -1 once shrinking, +1 once growing: never both
	for {
		out, got := encodeInWindow(uprightScaled(d, side), documentLadder, rules.DocumentMinBytes, rules.DocumentMaxBytes)
		switch {
		case got == fits:
			return out, nil
		case got == tooLarge && side > rules.DocumentMinLongSide && dir <= 0:
			side, dir = max(rules.DocumentMinLongSide, side*4/5), -1
			continue
		case got == tooSmall && side < long && dir >= 0:
			side, dir = min(long, side*5/4), 1
			continue
		}
		name, q := kind.Name(), documentLadder.last(got)
		if got == tooLarge {
			return nil, problem(CodeFixFailed,
				fmt.Sprintf("%s缩小到长边 %d 像素、质量 %d 仍有 %s，超过 %s；请裁掉空白后重试，或分成几张", name.Zh, side, q, domain.SizeAgainst(len(out), rules.DocumentMaxBytes), domain.LimitText(rules.DocumentMaxBytes)),
				fmt.Sprintf("%s: still %s at %d px on the long side and quality %d, over %s; crop the margins or split it", name.En, domain.SizeAgainst(len(out), rules.DocumentMaxBytes), side, q, domain.LimitText(rules.DocumentMaxBytes)))
		}
		over := rules.DocumentMinBytes - 1
		return nil, problem(CodeFixFailed,
			fmt.Sprintf("%s为 %d×%d 像素、内容太少，最高质量 %d 也只有 %s，达不到大于 %s；请用更高的分辨率重新扫描或拍摄", name.Zh, w, h, q, domain.SizeAgainst(len(out), over), domain.LimitText(over)),
			fmt.Sprintf("%s: %d×%d with too little detail, only %s even at quality %d, not over %s; scan or photograph it at a higher resolution", name.En, w, h, domain.SizeAgainst(len(out), over), q, domain.LimitText(over)))
	}
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
