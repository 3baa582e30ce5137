package wire

import (
	"fmt"
	"slices"
	"time"
)

// Person is whom a record belongs to: the certificate type code (domain's
// IDType, "01"–"06"), the ID number normalised as domain.NormalizeIDNumber
// writes it, and the name as registered.
type Person struct {
	IDType   string `json:"id_type"`
	IDNumber string `json:"id_number"`
	Name     string `json:"name"`
}

// Version is the unit that travels: one submitted version of a record.
//
// N is the record's version on its station (its edit counter); Base is the
// last version of this record the hub acknowledged to this station, 0 for the
// first. Document is the canonical JSON of the whole record at version N (the
// submitted snapshot); SHA256 is Digest(Document). Blobs are the digests of
// every attachment the document names, sorted, each sent before the version.
// ReceivedAt is set by the hub only: its receipt time is when a submission
// counts for review windows and deadlines. In JSON, Document is base64 (as
// encoding/json writes []byte), so its bytes arrive exactly as hashed.
type Version struct {
	Record     string    `json:"record"`
	N          int       `json:"version"`
	Base       int       `json:"base"`
	Document   []byte    `json:"document"`
	SHA256     string    `json:"sha256"`
	Blobs      []string  `json:"blobs"`
	Person     Person    `json:"person"`
	Station    string    `json:"station"`
	ReceivedAt time.Time `json:"received_at,omitzero"`
}

// NewVersion builds a version from a record document (any JSON; it is made
// canonical here) and the digests of the blobs it names.
func NewVersion(record string, n, base int, doc []byte, blobs []string, p Person, station string) (*Version, error) {
	c, err := Canonical(doc)
	if err != nil {
		return nil, err
	}
	b := slices.Clone(blobs)
	slices.Sort(b)
	b = slices.Compact(b)
	return &Version{Record: record, N: n, Base: base, Document: c, SHA256: Digest(c), Blobs: b, Person: p, Station: station}, nil
}

// Check verifies what a receiver can verify without the record's rules:
// numbering, that the document is canonical and hashes to SHA256, and that
// every blob name is a digest. It returns an *Error with code CodeInvalid.
func (v *Version) Check() error {
	bad := func(zh, en string, args ...any) error {
		return &Error{Code: CodeInvalid, Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
	}
	switch {
	case !ValidUUID(v.Record):
		return bad("记录标识无效", "The record UUID is not valid")
	case v.N < 1 || v.Base < 0 || v.Base >= v.N:
		return bad("版本号 %d（基于 %d）无效", "Version %d based on %d is not valid", v.N, v.Base)
	case !IsCanonical(v.Document):
		return bad("记录内容不是规范 JSON", "The record document is not canonical JSON")
	case Digest(v.Document) != v.SHA256:
		return bad("记录内容与其摘要不符", "The record document does not match its SHA-256")
	}
	for _, d := range v.Blobs {
		if !ValidDigest(d) {
			return bad("附件摘要 %q 无效", "Attachment digest %q is not valid", d)
		}
	}
	return nil
}

// Receipt is the hub's answer to a stored version: what it holds and when it
// received it. A kiosk keeps it after purging the candidate's data. The
// hub's receipt time starts the review window: ReviewFrom and ReviewBy are
// its 3rd and 5th working days (zero when the hub's holiday calendar does
// not cover them yet).
type Receipt struct {
	Record     string    `json:"record"`
	N          int       `json:"version"`
	SHA256     string    `json:"sha256"`
	ReceivedAt time.Time `json:"received_at"`
	ReviewFrom time.Time `json:"review_from,omitzero"`
	ReviewBy   time.Time `json:"review_by,omitzero"`
}

// ValidUUID reports whether s is a UUID in its canonical lower-case
// 8-4-4-4-12 hex form, the only form that travels.
func ValidUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range []byte(s) {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}
