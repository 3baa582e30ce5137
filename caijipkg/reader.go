package caijipkg

import (
	"archive/tar"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"filippo.io/age"

	"caiji/domain"
	"caiji/wire"
)

// ReadOptions configure Verify.
type ReadOptions struct {
	Limits   Limits
	Progress func(Progress) // optional; called after each item of each pass
}

// Entry is one verified item as Walk hands it out.
type Entry struct {
	Index          int // 1-based position in the package
	Kind           string
	ID             string
	Meta           map[string]string
	Document       []byte
	DocumentSHA256 string
	Blobs          []Blob
	// Digest is the SHA-256 of the item's manifest entry: the same item in
	// two packages has the same Digest, so an importer can tell "already
	// stored" from "new".
	Digest string

	station string // the package's maker, which Version and Decision compare
}

// Blob is a verified blob: Data hashes to SHA256.
type Blob struct {
	SHA256 string
	Data   []byte
}

// Verified is a package whose every byte has been checked: decrypted with
// this station's identity, every document and blob matching its manifest
// entry, the manifest matching the signed trailer, the signature valid for
// Signer. Nothing has been handed out yet; Walk does that.
type Verified struct {
	Station          string            // UUID of the station that made the package
	StationRecipient string            // its age recipient, to encrypt the answer to
	Signer           ed25519.PublicKey // check it is the known key of Station, or ask the admin
	Created          time.Time         // when the station made it, by its clock
	Items            int
	Bytes            int64 // documents and blobs together
	// Digest names the package's content (its signed manifest): importing a
	// package with a Digest already imported changes nothing.
	Digest string

	r      io.ReadSeeker
	header string // SHA-256 of the header entry, so Walk sees a swapped file before handing anything out
	id     age.Identity
	opt    ReadOptions
	size   int64
}

// Verify reads the whole package in r once, with this station's age
// identity, and checks all of it without handing anything out: the size
// limit, the format version, the recipient, every chunk, every hash and
// size, the manifest and the signature. A refusal is an *Error naming the
// part. r is read again by Walk, so it must stay open and unchanged.
func Verify(r io.ReadSeeker, id age.Identity, opt ReadOptions) (*Verified, error) {
	opt.Limits = opt.Limits.withDefaults()
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, refuse(ErrUnreadable, partFile, err)
	}
	if size > opt.Limits.MaxFile {
		return nil, refuse(ErrTooLarge, partFile, fmt.Errorf("%d bytes, limit %d", size, opt.Limits.MaxFile))
	}
	v := &Verified{r: r, id: id, opt: opt, size: size}
	if err := v.scan(Verifying, nil); err != nil {
		return nil, err
	}
	return v, nil
}

// Walk reads the package a second time and hands each item to fn, in order,
// only after that item's bytes verified again. It returns fn's first error
// as is. Because a file can change between the passes, Walk's result is
// final only when it returns nil: run fn inside the caller's transaction and
// commit only then.
func (v *Verified) Walk(fn func(*Entry) error) error {
	return v.scan(Reading, fn)
}

// scan is both passes: one state machine over the tar stream, so the second
// pass checks exactly what the first did. With deliver nil nothing is held
// beyond a copy buffer; with deliver set, one item at a time.
func (v *Verified) scan(stage Stage, deliver func(*Entry) error) error {
	if _, err := v.r.Seek(0, io.SeekStart); err != nil {
		return refuse(ErrUnreadable, partFile, err)
	}
	o, err := open(v.r, v.size, v.id)
	if err != nil {
		return err
	}
	s := &scanner{o: o, tr: tar.NewReader(o.plain), lim: v.opt.Limits, mh: newManifestHash(), buf: make([]byte, 32<<10)}

	var h header
	raw, err := s.readJSON(nameHeader, partHeader, &h)
	if err != nil {
		return err
	}
	if err := checkHeader(&h); err != nil {
		return refuse(ErrDamaged, partHeader, err)
	}
	s.mh.add(raw)
	s.station = h.Station
	if stage == Reading && wire.Digest(raw) != v.header {
		return refuse(ErrDamaged, partHeader, errors.New("the file changed after it was verified"))
	}
	v.header = wire.Digest(raw)

	var th *tar.Header
	for {
		if th, err = s.next(part("第 %d 项或包尾", "item %d or the package trailer", s.items+1), ErrDamaged); err != nil {
			return err
		}
		if th.Name == nameTrailer {
			break
		}
		e, err := s.item(th, deliver != nil)
		if err != nil {
			return err
		}
		if deliver != nil {
			if err := deliver(e); err != nil {
				return err
			}
		}
		if v.opt.Progress != nil {
			v.opt.Progress(Progress{Stage: stage, Items: s.items, Bytes: o.consumed.n, Total: v.size})
		}
	}

	tb, sig, err := s.trailerAndSignature(th)
	if err != nil {
		return err
	}
	var t trailer
	if err := decodeStrict(tb, &t); err != nil {
		return refuse(ErrDamaged, partTrailer, err)
	}
	if t.Items != s.items || t.Bytes != s.bytes || t.ManifestSHA256 != s.mh.sum() {
		return refuse(ErrDamaged, partTrailer, fmt.Errorf("the trailer (%d items, %d bytes) does not match the package (%d items, %d bytes) or its manifest", t.Items, t.Bytes, s.items, s.bytes))
	}
	if !ed25519.Verify(ed25519.PublicKey(h.SigningKey), append([]byte(signatureContext), tb...), sig) {
		return refuse(ErrBadSignature, partSignature, nil)
	}
	if err := s.end(); err != nil {
		return err
	}
	if stage == Reading && t.ManifestSHA256 != v.Digest {
		return refuse(ErrDamaged, partFile, errors.New("the file changed after it was verified"))
	}
	v.Station, v.StationRecipient, v.Signer, v.Created = h.Station, h.StationRecipient, ed25519.PublicKey(h.SigningKey), h.Created
	v.Items, v.Bytes, v.Digest = t.Items, t.Bytes, t.ManifestSHA256
	return nil
}

func checkHeader(h *header) error {
	if h.Format != FormatVersion {
		return fmt.Errorf("format %d in the header, %d on the first line", h.Format, FormatVersion)
	}
	if !wire.ValidUUID(h.Station) {
		return fmt.Errorf("station %q is not a UUID", h.Station)
	}
	if _, err := age.ParseX25519Recipient(h.StationRecipient); err != nil {
		return fmt.Errorf("station recipient: %w", err)
	}
	if len(h.SigningKey) != ed25519.PublicKeySize {
		return fmt.Errorf("signing key of %d bytes", len(h.SigningKey))
	}
	if h.Created.IsZero() {
		return errors.New("no creation time")
	}
	return nil
}

// scanner walks the tar stream, expecting each entry by name.
type scanner struct {
	o       *opened
	tr      *tar.Reader
	lim     Limits
	mh      manifestHash
	station string
	items   int
	bytes   int64
	buf     []byte
}

// next returns the next tar header, which must be a regular file; p names
// what was expected, and ended is the kind of refusal when the package ends
// cleanly before it.
func (s *scanner) next(p domain.Msg, ended error) (*tar.Header, error) {
	th, err := s.tr.Next()
	if err == io.EOF && s.o.plain.err == nil {
		return nil, refuse(ended, p, errors.New("the package ends before it"))
	}
	if err != nil {
		return nil, s.fail(err, p)
	}
	if th.Typeflag != tar.TypeReg {
		return nil, refuse(ErrDamaged, p, fmt.Errorf("entry %q is of tar type %q, not a file", th.Name, th.Typeflag))
	}
	return th, nil
}

// fail turns a read error into a refusal: age's if age failed, else the
// package's structure is wrong at p.
func (s *scanner) fail(err error, p domain.Msg) *Error {
	if s.o.plain.err != nil {
		return s.o.payloadError(s.o.plain.err, p)
	}
	return refuse(ErrDamaged, p, err)
}

// expect reads the next entry, which must be named name and, unless size
// is negative, be size bytes. missing is the kind of refusal when another
// entry, or the end, comes instead.
func (s *scanner) expect(name string, size int64, p domain.Msg, missing error) (*tar.Header, error) {
	th, err := s.next(p, missing)
	if err != nil {
		return nil, err
	}
	if th.Name != name {
		return nil, refuse(missing, p, fmt.Errorf("found entry %q instead", th.Name))
	}
	if size >= 0 && th.Size != size {
		return nil, refuse(ErrDamaged, p, fmt.Errorf("%d bytes, the manifest says %d", th.Size, size))
	}
	return th, nil
}

// readJSON reads the next entry, named name, as one JSON value of at most
// maxJSON bytes, and returns its raw bytes.
func (s *scanner) readJSON(name string, p domain.Msg, v any) ([]byte, error) {
	th, err := s.expect(name, -1, p, ErrDamaged)
	if err != nil {
		return nil, err
	}
	raw, err := s.readSmall(th, maxJSON, p)
	if err != nil {
		return nil, err
	}
	if err := decodeStrict(raw, v); err != nil {
		return nil, refuse(ErrDamaged, p, err)
	}
	return raw, nil
}

// readSmall reads an entry of at most max bytes whole.
func (s *scanner) readSmall(th *tar.Header, max int64, p domain.Msg) ([]byte, error) {
	if th.Size > max {
		return nil, refuse(ErrTooLarge, p, fmt.Errorf("%d bytes, limit %d", th.Size, max))
	}
	b := make([]byte, th.Size)
	if _, err := io.ReadFull(s.tr, b); err != nil {
		return nil, s.fail(err, p)
	}
	return b, nil
}

// item reads one item whose manifest entry th has begun: the entry, the
// document and each blob, each checked against the entry. With keep, the
// bytes are returned; without, they are only hashed.
func (s *scanner) item(th *tar.Header, keep bool) (*Entry, error) {
	i := s.items + 1
	p := part("第 %d 项", "item %d", i)
	if th.Name != nameEntry(i) {
		return nil, refuse(ErrDamaged, p, fmt.Errorf("found entry %q instead", th.Name))
	}
	if i > s.lim.MaxItems {
		return nil, refuse(ErrTooLarge, p, fmt.Errorf("more than %d items", s.lim.MaxItems))
	}
	raw, err := s.readSmall(th, maxJSON, p)
	if err != nil {
		return nil, err
	}
	var m manifestEntry
	if err := decodeStrict(raw, &m); err != nil {
		return nil, refuse(ErrDamaged, p, err)
	}
	p = part("第 %d 项（%s %s）", "item %d (%s %s)", i, m.Kind, m.ID)
	if kind, err := m.check(s.lim); err != nil {
		return nil, refuse(kind, p, err)
	}
	s.mh.add(raw)

	e := &Entry{Index: i, Kind: m.Kind, ID: m.ID, Meta: m.Meta, DocumentSHA256: m.Document.SHA256, Digest: wire.Digest(raw), station: s.station}
	docPart := domain.Msg{Zh: p.Zh + "的文档", En: p.En + ": its document"}
	if e.Document, err = s.body(nameDocument(i), m.Document, docPart, keep, ErrDamaged); err != nil {
		return nil, err
	}
	for _, b := range m.Blobs {
		bp := domain.Msg{Zh: p.Zh + "的附件 " + b.SHA256[:12], En: p.En + ": blob " + b.SHA256[:12]}
		data, err := s.body(nameBlob(i, b.SHA256), b, bp, keep, ErrMissingBlob)
		if err != nil {
			return nil, err
		}
		if keep {
			e.Blobs = append(e.Blobs, Blob{SHA256: b.SHA256, Data: data})
		}
	}
	s.items = i
	return e, nil
}

// body reads the next entry, which must be d, hashing it; with keep it
// returns the bytes, which then are d.Size at most (bounded by the limits).
func (s *scanner) body(name string, d digest, p domain.Msg, keep bool, missing error) ([]byte, error) {
	if _, err := s.expect(name, d.Size, p, missing); err != nil {
		return nil, err
	}
	h := sha256.New()
	var w io.Writer = h
	var kept *bytes.Buffer
	if keep {
		kept = bytes.NewBuffer(make([]byte, 0, d.Size))
		w = io.MultiWriter(h, kept)
	}
	if _, err := io.CopyBuffer(w, io.LimitReader(s.tr, d.Size), s.buf); err != nil {
		return nil, s.fail(err, p)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != d.SHA256 {
		return nil, refuse(ErrDamaged, p, fmt.Errorf("SHA-256 is %s, the manifest says %s", got, d.SHA256))
	}
	s.bytes += d.Size
	if keep {
		return kept.Bytes(), nil
	}
	return nil, nil
}

// trailerAndSignature reads the trailer, whose tar header th the item loop
// met, and the signature after it.
func (s *scanner) trailerAndSignature(th *tar.Header) (tb, sig []byte, err error) {
	if tb, err = s.readSmall(th, maxJSON, partTrailer); err != nil {
		return nil, nil, err
	}
	if th, err = s.expect(nameSignature, ed25519.SignatureSize, partSignature, ErrBadSignature); err != nil {
		return nil, nil, err
	}
	if sig, err = s.readSmall(th, ed25519.SignatureSize, partSignature); err != nil {
		return nil, nil, err
	}
	return tb, sig, nil
}

// end checks that nothing follows the signature and reads age's stream to
// its authenticated end.
func (s *scanner) end() error {
	if th, err := s.tr.Next(); err != io.EOF {
		if err != nil {
			return s.fail(err, partEnd)
		}
		return refuse(ErrDamaged, partEnd, fmt.Errorf("entry %q after the signature", th.Name))
	}
	if n, err := io.CopyN(io.Discard, s.o.plain, 1); n != 0 || err != io.EOF {
		if s.o.plain.err != nil {
			return s.o.payloadError(s.o.plain.err, partEnd)
		}
		return refuse(ErrDamaged, partEnd, errors.New("data after the end of the archive"))
	}
	return nil
}

// decodeStrict decodes exactly one JSON value with no unknown fields.
func decodeStrict(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return errors.New("data after the JSON value")
	}
	return nil
}
