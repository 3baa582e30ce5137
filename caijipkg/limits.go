package caijipkg

import (
	"fmt"
	"unicode/utf8"

	"caiji/wire"
)

// Limits bound what a reader accepts, so that memory and disk stay bounded
// however a file lies about itself. A zero field takes its default.
type Limits struct {
	MaxFile         int64 // the package file; default 4 GiB (a FAT32 USB stick's limit)
	MaxItems        int   // items in one package; default 100,000
	MaxDocument     int64 // one item's document; default 4 MiB
	MaxBlob         int64 // one blob; default 16 MiB
	MaxBlobsPerItem int   // blobs one item names; default 64
	MaxItemBytes    int64 // one item's document and blobs together, what Walk holds at once; default 64 MiB
}

// DefaultLimits are generous for records (a photo under 100 KB and scans of
// at most 500 KB each) and still keep a lying file harmless.
var DefaultLimits = Limits{
	MaxFile:         4 << 30,
	MaxItems:        100_000,
	MaxDocument:     4 << 20,
	MaxBlob:         16 << 20,
	MaxBlobsPerItem: 64,
	MaxItemBytes:    64 << 20,
}

// maxJSON bounds the header, each manifest entry and the trailer.
const maxJSON = 64 << 10

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	return Limits{
		MaxFile:         orDefault(l.MaxFile, d.MaxFile),
		MaxItems:        orDefault(l.MaxItems, d.MaxItems),
		MaxDocument:     orDefault(l.MaxDocument, d.MaxDocument),
		MaxBlob:         orDefault(l.MaxBlob, d.MaxBlob),
		MaxBlobsPerItem: orDefault(l.MaxBlobsPerItem, d.MaxBlobsPerItem),
		MaxItemBytes:    orDefault(l.MaxItemBytes, d.MaxItemBytes),
	}
}

func orDefault[T int | int64](v, d T) T {
	if v > 0 {
		return v
	}
	return d
}

// check reports what makes e unfit to travel under l: the writer refuses to
// write it, the reader refuses to read it. The returned error's kind is
// ErrTooLarge for a limit and ErrDamaged for anything malformed.
func (e *manifestEntry) check(l Limits) (kind error, err error) {
	switch {
	case !validKind(e.Kind):
		return ErrDamaged, fmt.Errorf("kind %q is not 1–64 of a–z, 0–9 and -", e.Kind)
	case e.ID == "" || len(e.ID) > 256 || !printable(e.ID):
		return ErrDamaged, fmt.Errorf("id %q is not 1–256 printable bytes", e.ID)
	case !wire.ValidDigest(e.Document.SHA256):
		return ErrDamaged, fmt.Errorf("document SHA-256 %q is not 64 lower-case hex digits", e.Document.SHA256)
	case e.Document.Size < 0:
		return ErrDamaged, fmt.Errorf("document size %d", e.Document.Size)
	case e.Document.Size > l.MaxDocument:
		return ErrTooLarge, fmt.Errorf("document of %d bytes, limit %d", e.Document.Size, l.MaxDocument)
	case len(e.Blobs) > l.MaxBlobsPerItem:
		return ErrTooLarge, fmt.Errorf("%d blobs, limit %d", len(e.Blobs), l.MaxBlobsPerItem)
	}
	for k, v := range e.Meta {
		if k == "" || !utf8.ValidString(k) || !utf8.ValidString(v) {
			return ErrDamaged, fmt.Errorf("metadata field %q is not valid text", k)
		}
	}
	total := e.Document.Size
	seen := make(map[string]bool, len(e.Blobs))
	for _, b := range e.Blobs {
		switch {
		case !wire.ValidDigest(b.SHA256):
			return ErrDamaged, fmt.Errorf("blob SHA-256 %q is not 64 lower-case hex digits", b.SHA256)
		case seen[b.SHA256]:
			return ErrDamaged, fmt.Errorf("blob %s named twice", b.SHA256)
		case b.Size < 0:
			return ErrDamaged, fmt.Errorf("blob %s of size %d", b.SHA256, b.Size)
		case b.Size > l.MaxBlob:
			return ErrTooLarge, fmt.Errorf("blob %s of %d bytes, limit %d", b.SHA256, b.Size, l.MaxBlob)
		}
		seen[b.SHA256] = true
		total += b.Size
	}
	if total > l.MaxItemBytes {
		return ErrTooLarge, fmt.Errorf("item of %d bytes, limit %d", total, l.MaxItemBytes)
	}
	return nil, nil
}

func validKind(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// printable reports whether s is valid UTF-8 without control characters.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}
