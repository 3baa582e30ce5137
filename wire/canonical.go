package wire

import (
	"bytes"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"
)

// ErrNotCanonical wraps every reason Canonical refuses a document.
var ErrNotCanonical = errors.New("wire: document cannot be made canonical")

// MaxDepth is how deeply arrays and objects may nest in a document (a
// record nests a handful of levels). The decoder's token stream has no bound
// of its own, and each level costs a stack frame: without one, a 1 MiB body
// of brackets took half a gigabyte.
const MaxDepth = 64

// Canonical returns the canonical form of a JSON document: objects with their
// keys in byte order and no key twice, no insignificant white space, strings
// escaped as encoding/json escapes them without HTML escaping, and numbers as
// plain decimal integers (a record holds no fractions; a fraction or an
// exponent is refused rather than rounded). The document must be valid UTF-8
// and hold exactly one value. Canonical(Canonical(x)) == Canonical(x), so a
// receiver checks a document by comparing it with its canonical form.
func Canonical(doc []byte) ([]byte, error) {
	if !utf8.Valid(doc) {
		return nil, fmt.Errorf("%w: not UTF-8", ErrNotCanonical)
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var out bytes.Buffer
	if err := canonicalValue(dec, &out, 0); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: more than one value", ErrNotCanonical)
	}
	return out.Bytes(), nil
}

// Marshal encodes v as canonical JSON.
func Marshal(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return Canonical(raw)
}

// IsCanonical reports whether doc is already in canonical form.
func IsCanonical(doc []byte) bool {
	c, err := Canonical(doc)
	return err == nil && bytes.Equal(c, doc)
}

func canonicalValue(dec *json.Decoder, out *bytes.Buffer, depth int) error {
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotCanonical, err)
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth == MaxDepth {
			return fmt.Errorf("%w: nested deeper than %d", ErrNotCanonical, MaxDepth)
		}
		if t == '[' {
			return canonicalArray(dec, out, depth+1)
		}
		return canonicalObject(dec, out, depth+1)
	case string:
		writeString(out, t)
	case json.Number:
		n, err := strconv.ParseInt(string(t), 10, 64)
		if err != nil {
			return fmt.Errorf("%w: number %s is not an integer", ErrNotCanonical, t)
		}
		out.WriteString(strconv.FormatInt(n, 10))
	case bool:
		out.WriteString(strconv.FormatBool(t))
	case nil:
		out.WriteString("null")
	}
	return nil
}

func canonicalArray(dec *json.Decoder, out *bytes.Buffer, depth int) error {
	out.WriteByte('[')
	for i := 0; dec.More(); i++ {
		if i > 0 {
			out.WriteByte(',')
		}
		if err := canonicalValue(dec, out, depth); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // ']'
		return fmt.Errorf("%w: %v", ErrNotCanonical, err)
	}
	out.WriteByte(']')
	return nil
}

func canonicalObject(dec *json.Decoder, out *bytes.Buffer, depth int) error {
	type member struct {
		key string
		val []byte
	}
	var members []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("%w: %v", ErrNotCanonical, err)
		}
		key := tok.(string) // the decoder yields only strings as object keys
		var val bytes.Buffer
		if err := canonicalValue(dec, &val, depth); err != nil {
			return err
		}
		members = append(members, member{key, val.Bytes()})
	}
	if _, err := dec.Token(); err != nil { // '}'
		return fmt.Errorf("%w: %v", ErrNotCanonical, err)
	}
	slices.SortFunc(members, func(a, b member) int { return cmpString(a.key, b.key) })
	out.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			if members[i-1].key == m.key {
				return fmt.Errorf("%w: key %q twice", ErrNotCanonical, m.key)
			}
			out.WriteByte(',')
		}
		writeString(out, m.key)
		out.WriteByte(':')
		out.Write(m.val)
	}
	out.WriteByte('}')
	return nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// writeString escapes s exactly as encoding/json does with HTML escaping off.
func writeString(out *bytes.Buffer, s string) {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)           // a string always encodes
	out.Truncate(out.Len() - 1) // Encode appends a newline
}

// Digest is the lower-case hex SHA-256 of b: the name of a blob and the
// digest of a version's document.
func Digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ValidDigest reports whether s is a lower-case hex SHA-256 as Digest writes it.
func ValidDigest(s string) bool {
	if len(s) != sha256.Size*2 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// ReceiptCode is the short code a candidate is shown and printed at
// submission and can later quote: the first 40 bits of the version's digest
// in base32, in two groups of four (e.g. "K7QD-2MXA"). Every station and the
// hub derive the same code from the same version; it holds no personal data.
func ReceiptCode(digest string) string {
	raw, err := hex.DecodeString(digest[:min(10, len(digest))])
	if err != nil || len(raw) < 5 {
		return ""
	}
	c := base32.StdEncoding.EncodeToString(raw)
	return c[:4] + "-" + c[4:]
}
