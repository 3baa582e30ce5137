package report

import (
	"fmt"
	"sync"

	"caiji/assets"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// style is how a piece of text is set: plain, bold (titles, labels of
// sections) or mono (UUID, digests, certificate numbers).
type style int

const (
	plain style = iota
	bold
	mono
)

// face is one TrueType font the sheet embeds (as a subset: only the glyphs
// used go into the PDF).
type face struct {
	family string // the name fpdf knows it by
	ttf    []byte
	font   *sfnt.Font
}

// faces are the fonts of the sheet. The app's CJK font has no Latin glyphs
// (its Latin falls back to the system's on screen), so Latin, digits and
// punctuation are set in the Go fonts (golang.org/x/image, BSD) and every
// other rune in DroidSansFallback; a rune neither has prints as □.
type faces struct {
	latin [3]*face // by style
	cjk   *face
}

var loadFaces = sync.OnceValues(func() (*faces, error) {
	fs := &faces{}
	for i, src := range []struct {
		family string
		ttf    []byte
	}{{"go", goregular.TTF}, {"gobold", gobold.TTF}, {"gomono", gomono.TTF}, {"cjk", assets.CJKFont}} {
		f, err := sfnt.Parse(src.ttf)
		if err != nil {
			return nil, fmt.Errorf("report: font %s: %w", src.family, err)
		}
		fc := &face{family: src.family, ttf: src.ttf, font: f}
		if i < len(fs.latin) {
			fs.latin[i] = fc
		} else {
			fs.cjk = fc
		}
	}
	return fs, nil
})

// missing stands for a rune no font of the sheet can draw; the Go fonts
// have it.
const missing = '□'

// metrics measures and assigns runes to faces for one document; it holds
// the sfnt buffer, so it is not shared between goroutines.
type metrics struct {
	faces *faces
	buf   sfnt.Buffer
	// advance caches a rune's advance in thousandths of an em, by face.
	advance map[faceRune]float64
}

type faceRune struct {
	f *face
	r rune
}

func newMetrics(fs *faces) *metrics {
	return &metrics{faces: fs, advance: map[faceRune]float64{}}
}

// has reports whether f has a glyph for r.
func (m *metrics) has(f *face, r rune) bool {
	i, err := f.font.GlyphIndex(&m.buf, r)
	return err == nil && i != 0
}

// faceFor returns the face that draws r in style st, and the rune to draw
// (missing when no face has r). Control characters print as spaces.
func (m *metrics) faceFor(r rune, st style) (*face, rune) {
	if r < 0x20 || (r >= 0x7f && r < 0xa0) {
		r = ' '
	}
	if r > 0xFFFF {
		// fpdf's UTF-8 fonts map only the BMP and panic beyond it.
		return m.faces.latin[st], missing
	}
	if f := m.faces.latin[st]; m.has(f, r) {
		return f, r
	}
	if m.has(m.faces.cjk, r) {
		return m.faces.cjk, r
	}
	return m.faces.latin[st], missing
}

// width is the advance of r in style st at size points, in millimetres.
func (m *metrics) width(r rune, st style, size float64) float64 {
	f, r := m.faceFor(r, st)
	k := faceRune{f, r}
	a, ok := m.advance[k]
	if !ok {
		// At a ppem equal to the raw units per em, the 26.6 advance's raw
		// value is the advance in font units.
		upem := fixed.Int26_6(f.font.UnitsPerEm())
		if i, err := f.font.GlyphIndex(&m.buf, r); err == nil {
			if adv, err := f.font.GlyphAdvance(&m.buf, i, upem, font.HintingNone); err == nil {
				a = float64(adv) * 1000 / float64(upem)
			}
		}
		m.advance[k] = a
	}
	return a / 1000 * size * ptMM
}

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// run is a piece of text drawn with one face.
type run struct {
	face *face
	text string
}

// runs splits s into pieces of one face each, replacing what no face draws.
func (m *metrics) runs(s string, st style) []run {
	var out []run
	var cur []rune
	var curFace *face
	for _, r := range s {
		f, r := m.faceFor(r, st)
		if f != curFace && len(cur) > 0 {
			out = append(out, run{curFace, string(cur)})
			cur = cur[:0]
		}
		curFace = f
		cur = append(cur, r)
	}
	if len(cur) > 0 {
		out = append(out, run{curFace, string(cur)})
	}
	return out
}
