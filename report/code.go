package report

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"caiji/wire"

	qrcode "github.com/yeqown/go-qrcode/v2"
)

// Code is what a sheet's QR code carries: the record version the paper
// shows and the SHA-256 of that version's snapshot, so a scanned printout
// is matched to the stored version and any difference shows.
type Code struct {
	ID      string // record UUID
	Version int
	Digest  string // SHA-256 of the snapshot, hex
}

// codePrefix starts every code, so a scanner tells Caiji's codes apart.
const codePrefix = "CAIJI"

// String is the code's text: CAIJI:<UUID>:<version>:<SHA-256>, upper case
// so that it fits QR's alphanumeric mode (5.5 bits a character, not 8),
// which keeps the symbol small and its modules large.
func (c Code) String() string {
	return fmt.Sprintf("%s:%s:%d:%s", codePrefix, strings.ToUpper(c.ID), c.Version, strings.ToUpper(c.Digest))
}

// ErrBadCode is a scanned text that is not a Caiji code.
var ErrBadCode = errors.New("report: not a Caiji record code")

// ParseCode reads a code's text back (any letter case); the ID and digest
// come back in lower case, as Caiji stores them.
func ParseCode(s string) (Code, error) {
	parts := strings.Split(strings.ToLower(strings.TrimSpace(s)), ":")
	if len(parts) != 4 || parts[0] != strings.ToLower(codePrefix) {
		return Code{}, ErrBadCode
	}
	if !wire.ValidUUID(parts[1]) {
		return Code{}, fmt.Errorf("%w: record ID %q", ErrBadCode, parts[1])
	}
	v, err := strconv.Atoi(parts[2])
	if err != nil || v < 1 || parts[2] != strconv.Itoa(v) {
		return Code{}, fmt.Errorf("%w: version %q", ErrBadCode, parts[2])
	}
	if !wire.ValidDigest(parts[3]) {
		return Code{}, fmt.Errorf("%w: digest %q", ErrBadCode, parts[3])
	}
	return Code{ID: parts[1], Version: v, Digest: parts[3]}, nil
}

// modules encodes c as a QR symbol (error correction M: a smudged
// printout still scans) and returns its dark modules, [y][x], without the
// quiet zone.
func (c Code) modules() ([][]bool, error) {
	q, err := qrcode.NewWith(c.String(),
		qrcode.WithEncodingMode(qrcode.EncModeAlphanumeric),
		qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return nil, fmt.Errorf("report: QR code: %w", err)
	}
	var m matrix
	if err := q.Save(&m); err != nil {
		return nil, fmt.Errorf("report: QR code: %w", err)
	}
	return m.bits, nil
}

// matrix is a qrcode.Writer that keeps the symbol's modules, which the sheet
// draws as vector squares (sharp at any printer resolution).
type matrix struct{ bits [][]bool }

func (m *matrix) Write(mat qrcode.Matrix) error { m.bits = mat.Bitmap(); return nil }
func (m *matrix) Close() error                  { return nil }

// drawCode draws c as a QR code of side size millimetres (quiet zone
// included) with its top left corner at (x, y).
func (p *page) drawCode(c Code, x, y, size float64) error {
	bits, err := c.modules()
	if err != nil {
		return err
	}
	const quiet = 4 // modules of white around the symbol, as ISO/IEC 18004 asks
	mod := size / float64(len(bits)+2*quiet)
	p.pdf.SetFillColor(255, 255, 255)
	p.pdf.Rect(x, y, size, size, "F")
	p.pdf.SetFillColor(0, 0, 0)
	for j, line := range bits {
		for i := 0; i < len(line); {
			if !line[i] {
				i++
				continue
			}
			k := i
			for k < len(line) && line[k] {
				k++
			}
			// A hair taller than a module, so rows meet without a seam.
			p.pdf.Rect(x+float64(quiet+i)*mod, y+float64(quiet+j)*mod, float64(k-i)*mod, mod*1.05, "F")
			i = k
		}
	}
	return nil
}
