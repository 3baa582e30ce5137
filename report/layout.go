package report

import (
	"github.com/go-pdf/fpdf"
)

// The sheet's geometry, in millimetres and points.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 15.0
	footerH      = 8.0 // the page number line below the content
	continuedH   = 7.0 // the header line of a continued page
	contentW     = pageW - 2*margin
	padX, padY   = 1.6, 1.2
	textSize     = 9.0 // points
	lineH        = 4.4 // one line of textSize text
)

// page is an fpdf document with the sheet's text handling: every string is
// split into runs of one font (Latin in the Go fonts, the rest in the CJK
// font) and wrapped by wrap, never by fpdf.
type page struct {
	pdf *fpdf.Fpdf
	m   *metrics
	y   float64 // where the next row starts
	// labelW is the width of a label column: eight CJK characters, or
	// what English labels need to stay on one or two lines.
	labelW float64
	// onNewPage draws what repeats at the top of a continued page.
	onNewPage func()
}

// advance is the rune-width function of style st at size points.
func (p *page) advance(st style, size float64) func(rune) float64 {
	return func(r rune) float64 { return p.m.width(r, st, size) }
}

// textWidth is the width of s set in style st at size points.
func (p *page) textWidth(s string, st style, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += p.m.width(r, st, size)
	}
	return w
}

// text draws s with its baseline at (x, y). Bold CJK, which has no bold
// face, is filled and stroked to look bold.
func (p *page) text(x, y float64, s string, st style, size float64) {
	for _, r := range p.m.runs(s, st) {
		p.pdf.SetFont(r.face.family, "", size)
		fake := st == bold && r.face == p.m.faces.cjk
		if fake {
			dr, dg, db := p.pdf.GetDrawColor()
			lw := p.pdf.GetLineWidth()
			p.pdf.SetDrawColor(p.pdf.GetTextColor())
			p.pdf.SetLineWidth(size * 0.03 * ptMM)
			p.pdf.SetTextRenderingMode(2)
			p.pdf.Text(x, y, r.text)
			p.pdf.SetTextRenderingMode(0)
			p.pdf.SetDrawColor(dr, dg, db)
			p.pdf.SetLineWidth(lw)
		} else {
			p.pdf.Text(x, y, r.text)
		}
		x += p.textWidth(r.text, st, size)
	}
}

// cell is one box of a table row: a label (shaded) or a value.
type cell struct {
	text  string
	w     float64
	label bool
	st    style
	size  float64 // points; textSize when 0
	// lines is text wrapped to the cell's inner width.
	lines []string
}

// row is one line of a table; minH stretches it (the photo's height).
// A row with a band is a subheading instead: a light band naming the rows
// after it (教育经历 1, 工作经历 2 …).
type row struct {
	cells []cell
	minH  float64
	band  string
}

// band is a subheading row.
func band(title string) row { return row{band: title} }

// bottom is the lowest y content may reach on a page.
func (p *page) bottom() float64 { return pageH - margin - footerH }

// newPage starts a page and repeats the header.
func (p *page) newPage() {
	p.pdf.AddPage()
	p.y = margin
	if p.onNewPage != nil {
		p.onNewPage()
	}
}

// ensure starts a new page unless h millimetres fit below y.
func (p *page) ensure(h float64) {
	if p.y+h > p.bottom() {
		p.newPage()
	}
}

// layout wraps every cell of r and returns its height.
func (p *page) layout(r *row) float64 {
	n := 1
	for i := range r.cells {
		c := &r.cells[i]
		if c.size == 0 {
			c.size = textSize
		}
		c.lines = wrap(c.text, c.w-2*padX, p.advance(c.st, c.size))
		n = max(n, len(c.lines))
	}
	return max(float64(n)*lineH+2*padY, r.minH)
}

// draw lays r out at x and draws it below y. A row taller than what is
// left of the page continues on the next one, line by line, so nothing is
// cut off however long a value is.
func (p *page) draw(x float64, r row) {
	h := p.layout(&r)
	if p.y+h > p.bottom() && (h <= p.bottom()-margin || p.y+2*padY+lineH*3 > p.bottom()) {
		p.newPage() // a row that fits a page is never split; a taller one starts where three lines fit
	}
	for first := 0; ; {
		room := int((p.bottom() - p.y - 2*padY) / lineH)
		if room < 1 {
			p.newPage()
			continue
		}
		more := false
		n := 0
		for _, c := range r.cells {
			left := len(c.lines) - first
			n = max(n, min(left, room))
			more = more || left > room
		}
		segH := float64(n)*lineH + 2*padY
		if !more && first == 0 {
			segH = max(segH, h)
		}
		p.drawSegment(x, r, first, n, segH)
		p.y += segH
		if !more {
			return
		}
		first += room
		p.newPage()
	}
}

// drawSegment draws lines [first, first+n) of every cell of r as one band
// of height h at y.
func (p *page) drawSegment(x float64, r row, first, n int, h float64) {
	for _, c := range r.cells {
		if c.label {
			p.pdf.SetFillColor(238, 241, 246)
			p.pdf.Rect(x, p.y, c.w, h, "FD")
		} else {
			p.pdf.Rect(x, p.y, c.w, h, "D")
		}
		st := c.st
		if c.label {
			st = plain
		}
		for i := first; i < min(first+n, len(c.lines)); i++ {
			base := p.y + padY + float64(i-first)*lineH + lineH*0.78
			p.text(x+padX, base, c.lines[i], st, c.size)
		}
		x += c.w
	}
}

// headingH is the height of a section's title band.
const headingH = 7.0

// heading draws a section's title band across the content width, kept on
// the page with at least the first row under it.
func (p *page) heading(title string) {
	p.ensure(headingH + lineH + 2*padY)
	p.pdf.SetFillColor(52, 73, 102)
	p.pdf.Rect(margin, p.y, contentW, headingH, "FD")
	p.pdf.SetTextColor(255, 255, 255)
	p.text(margin+padX, p.y+headingH*0.7, title, bold, 10.5)
	p.pdf.SetTextColor(0, 0, 0)
	p.y += headingH
}

// bandH is the height of a subheading band.
const bandH = 6.0

// subheading draws a light band naming one row of a repeated group.
func (p *page) subheading(title string) {
	p.pdf.SetFillColor(214, 222, 234)
	p.pdf.Rect(margin, p.y, contentW, bandH, "FD")
	p.text(margin+padX, p.y+bandH*0.7, title, bold, 9.5)
	p.y += bandH
}

// chunk is the first band of rows with the rows up to the next band: how
// many rows, and how tall they are together.
func (p *page) chunk(rows []row) (n int, h float64) {
	for n = 0; n < len(rows) && (n == 0 || rows[n].band == ""); n++ {
		if rows[n].band != "" {
			h += bandH
		} else {
			h += p.layout(&rows[n])
		}
	}
	return n, h
}

// fitsPage reports whether h millimetres fit on one continued page.
func (p *page) fitsPage(h float64) bool { return h <= p.bottom()-margin-continuedH }

// blocks draws rows where each band and the rows up to the next band stay
// on one page, unless together they are taller than a page.
func (p *page) blocks(rows []row) {
	for len(rows) > 0 {
		n, h := p.chunk(rows)
		if p.fitsPage(h) {
			p.ensure(h)
		}
		for _, r := range rows[:n] {
			if r.band != "" {
				p.ensure(bandH + lineH + 2*padY)
				p.subheading(r.band)
			} else {
				p.draw(margin, r)
			}
		}
		rows = rows[n:]
	}
}

// pairs is a row of label/value cells over width w: kv holds the labels
// and values in turn, and the values share what the labels leave.
func (p *page) pairs(w float64, kv ...string) row {
	n := len(kv) / 2
	valueW := (w - float64(n)*p.labelW) / float64(n)
	var r row
	for i := 0; i+1 < len(kv); i += 2 {
		r.cells = append(r.cells, cell{text: kv[i], w: p.labelW, label: true}, cell{text: kv[i+1], w: valueW})
	}
	return r
}

// fields draws a row of label/value pairs across the content width.
func (p *page) fields(kv ...string) { p.draw(margin, p.pairs(contentW, kv...)) }
