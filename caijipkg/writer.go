package caijipkg

import (
	"archive/tar"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"filippo.io/age"

	"caiji/wire"
)

// Item is one unit to write: a document (a record version's canonical JSON,
// or a decision) with the fields a receiver files it by, and the blobs the
// document names. Kind says what it is ("record-version", "decision"); ID is
// stable for the same item ("<record UUID>/<version>").
type Item struct {
	Kind     string
	ID       string
	Meta     map[string]string
	Document []byte
	Blobs    []BlobSource
}

// BlobSource is a blob to write, streamed from Open when its turn comes.
// SHA256 and Size are what the caller's store says; the Writer checks the
// bytes against them and fails rather than write a package that lies.
type BlobSource struct {
	SHA256 string
	Size   int64
	Open   func() (io.ReadCloser, error)
}

// WriteOptions configure NewWriter.
type WriteOptions struct {
	Created  time.Time      // when the package is made; the zero time means now
	Progress func(Progress) // optional; called after each item
}

// Writer writes one package. Add items, then Close; a Writer that returned
// an error has written an unusable file (the reader refuses it), which the
// caller should delete.
type Writer struct {
	dst   *countingWriter
	plain io.WriteCloser
	tw    *tar.Writer
	key   ed25519.PrivateKey
	mh    manifestHash
	mtime time.Time
	items int
	bytes int64
	buf   []byte
	opt   WriteOptions
	err   error
}

// NewWriter starts a package from station (its UUID), signed with keys and
// encrypted to the one recipient to (the department's, or on the way back
// the station's). The station's own recipient travels in the header so the
// answer can be encrypted to it.
func NewWriter(dst io.Writer, to age.Recipient, station string, keys *Keys, opt WriteOptions) (*Writer, error) {
	if opt.Created.IsZero() {
		opt.Created = time.Now()
	}
	h := header{
		Format:           FormatVersion,
		Station:          station,
		StationRecipient: keys.Recipient(),
		SigningKey:       keys.Public(),
		Created:          opt.Created.UTC().Round(0),
	}
	if err := checkHeader(&h); err != nil {
		return nil, fmt.Errorf("caijipkg: %w", err)
	}
	raw, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	cw := &countingWriter{w: dst}
	plain, err := seal(cw, to)
	if err != nil {
		return nil, err
	}
	w := &Writer{dst: cw, plain: plain, tw: tar.NewWriter(plain), key: keys.Signing, mh: newManifestHash(),
		mtime: h.Created.Truncate(time.Second), buf: make([]byte, 32<<10), opt: opt}
	w.mh.add(raw)
	if err := w.small(nameHeader, raw); err != nil {
		return nil, err
	}
	return w, nil
}

// Add writes one item: its manifest entry, its document and each blob,
// streaming the blobs from their sources.
func (w *Writer) Add(it Item) error {
	if w.err != nil {
		return w.err
	}
	m := manifestEntry{Kind: it.Kind, ID: it.ID, Meta: it.Meta,
		Document: digest{SHA256: wire.Digest(it.Document), Size: int64(len(it.Document))}}
	for _, b := range it.Blobs {
		m.Blobs = append(m.Blobs, digest{SHA256: b.SHA256, Size: b.Size})
	}
	if _, err := m.check(DefaultLimits); err != nil {
		return w.fail(fmt.Errorf("item %q: %w", it.ID, err))
	}
	if w.items == DefaultLimits.MaxItems {
		return w.fail(fmt.Errorf("more than %d items", DefaultLimits.MaxItems))
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return w.fail(err)
	}
	i := w.items + 1
	w.mh.add(raw)
	if err := w.small(nameEntry(i), raw); err != nil {
		return err
	}
	if err := w.small(nameDocument(i), it.Document); err != nil {
		return err
	}
	for _, b := range it.Blobs {
		if err := w.blob(nameBlob(i, b.SHA256), b); err != nil {
			return w.fail(fmt.Errorf("item %q: blob %s: %w", it.ID, b.SHA256, err))
		}
	}
	w.items = i
	w.bytes += m.Document.Size
	for _, b := range m.Blobs {
		w.bytes += b.Size
	}
	if w.opt.Progress != nil {
		w.opt.Progress(Progress{Stage: Writing, Items: w.items, Bytes: w.dst.n})
	}
	return nil
}

// Close writes the signed trailer and age's final chunk. It does not close
// the destination.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	tb, err := json.Marshal(trailer{Items: w.items, Bytes: w.bytes, ManifestSHA256: w.mh.sum()})
	if err != nil {
		return w.fail(err)
	}
	sig := ed25519.Sign(w.key, append([]byte(signatureContext), tb...))
	if err := w.small(nameTrailer, tb); err != nil {
		return err
	}
	if err := w.small(nameSignature, sig); err != nil {
		return err
	}
	if err := w.tw.Close(); err != nil {
		return w.fail(err)
	}
	if err := w.plain.Close(); err != nil {
		return w.fail(err)
	}
	w.err = errors.New("caijipkg: writer closed")
	return nil
}

func (w *Writer) fail(err error) error {
	if w.err == nil {
		w.err = fmt.Errorf("caijipkg: %w", err)
	}
	return w.err
}

func (w *Writer) entry(name string, size int64) error {
	err := w.tw.WriteHeader(&tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o600, Size: size,
		ModTime: w.mtime, Format: tar.FormatUSTAR})
	if err != nil {
		return w.fail(err)
	}
	return nil
}

// small writes an entry held in memory.
func (w *Writer) small(name string, b []byte) error {
	if err := w.entry(name, int64(len(b))); err != nil {
		return err
	}
	if _, err := w.tw.Write(b); err != nil {
		return w.fail(err)
	}
	return nil
}

// blob streams one blob from its source, checking its size and hash.
func (w *Writer) blob(name string, b BlobSource) error {
	if err := w.entry(name, b.Size); err != nil {
		return err
	}
	if b.Open == nil {
		return errors.New("no source to open")
	}
	rc, err := b.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.CopyBuffer(io.MultiWriter(w.tw, h), io.LimitReader(rc, b.Size), w.buf)
	if err != nil {
		return err
	}
	if n != b.Size {
		return fmt.Errorf("the source has %d bytes, not %d", n, b.Size)
	}
	if extra, _ := rc.Read(w.buf[:1]); extra > 0 {
		return fmt.Errorf("the source has more than %d bytes", b.Size)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != b.SHA256 {
		return fmt.Errorf("the source's SHA-256 is %s", got)
	}
	return nil
}

// countingWriter counts the bytes of the package file written.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
