package caijipkg

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"caiji/wire"
)

// refused checks that err is an *Error of kind naming a part that contains
// where, with a message in both languages.
func refused(t *testing.T, err error, kind error, where string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want a refusal of kind %q", err, kind)
	}
	if !errors.Is(err, kind) {
		t.Fatalf("got %q (%v), want kind %q", e.Kind, err, kind)
	}
	if !strings.Contains(e.Part.En, where) || e.Part.Zh == "" {
		t.Errorf("part %q / %q does not name %q", e.Part.En, e.Part.Zh, where)
	}
	if e.Message("zh") == "" || e.Message("en") == "" {
		t.Error("no message for the user")
	}
}

func TestWrongRecipient(t *testing.T) {
	kiosk, dept, other := newTestStation(t), newTestStation(t), newTestStation(t)
	file := writeTestPackage(t, kiosk, dept.keys, candidateItem(t, kiosk.uuid, 1))
	_, _, err := readAll(file, other.keys, Limits{})
	refused(t, err, ErrWrongRecipient, "encryption header")
	if msg := err.(*Error).Message("zh"); !strings.Contains(msg, "其他部门") {
		t.Errorf("message %q", msg)
	}
}

// TestEveryFlippedByteIsRefused flips one byte at a time: in the first line
// and the age header every byte, in the payload a spread of them and the
// last ones. Each is refused naming where, none as "wrong recipient", and
// Walk is never reached.
func TestEveryFlippedByteIsRefused(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	file := writeTestPackage(t, kiosk, dept.keys, threeCandidates(t, kiosk)...)
	headerEnd := bytes.Index(file, []byte("\n--- ")) + 50
	var positions []int
	for i := range len(file) {
		if i < headerEnd || i%4099 == 0 || i > len(file)-40 {
			positions = append(positions, i)
		}
	}
	for _, i := range positions {
		bad := bytes.Clone(file)
		bad[i] ^= 0x01
		v, err := Verify(bytes.NewReader(bad), dept.keys.Identity, ReadOptions{})
		var e *Error
		if v != nil || !errors.As(err, &e) {
			t.Fatalf("byte %d flipped: accepted (%v)", i, err)
		}
		if errors.Is(err, ErrWrongRecipient) || e.Part.En == "" {
			t.Fatalf("byte %d flipped: %v", i, err)
		}
		if i > headerEnd && !strings.Contains(e.Part.En, "encrypted bytes") && !strings.Contains(e.Part.En, "end of the file") {
			t.Errorf("byte %d flipped: part %q does not say where", i, e.Part.En)
		}
	}
	t.Logf("%d flips of a %d-byte package refused", len(positions), len(file))
}

func TestFlippedPayloadNamesTheEntry(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	items := threeCandidates(t, kiosk)
	file := writeTestPackage(t, kiosk, dept.keys, items...)
	bad := bytes.Clone(file)
	bad[len(file)/2] ^= 0x80
	_, err := Verify(bytes.NewReader(bad), dept.keys.Identity, ReadOptions{})
	refused(t, err, ErrDamaged, "while reading item")
}

func TestTruncated(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	file := writeTestPackage(t, kiosk, dept.keys, threeCandidates(t, kiosk)...)
	headerEnd := bytes.Index(file, []byte("\n--- "))
	for _, n := range []int{headerEnd, headerEnd + 60, len(file) / 3, len(file) - chunkOverhead - 1, len(file) - 1} {
		_, _, err := readAll(file[:n], dept.keys, Limits{})
		refused(t, err, ErrTruncated, "")
	}
	for _, n := range []int{0, 5} {
		_, _, err := readAll(file[:n], dept.keys, Limits{})
		refused(t, err, ErrNotPackage, "first line")
	}
}

func TestUnknownFormatVersion(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	file := writeTestPackage(t, kiosk, dept.keys)
	newer := bytes.Replace(file, []byte("caiji-package 1 "), []byte("caiji-package 2 "), 1)
	_, _, err := readAll(newer, dept.keys, Limits{})
	refused(t, err, ErrUnknownFormat, "first line")
	_, _, err = readAll([]byte("PK\x03\x04 a zip file\n"), dept.keys, Limits{})
	refused(t, err, ErrNotPackage, "first line")
}

func TestOverTheLimits(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	file := writeTestPackage(t, kiosk, dept.keys, threeCandidates(t, kiosk)...)
	cases := []struct {
		lim   Limits
		where string
	}{
		{Limits{MaxFile: int64(len(file) - 1)}, "the file"},
		{Limits{MaxItems: 2}, "item 3"},
		{Limits{MaxBlob: 1000}, "item 1 (record-version"},
		{Limits{MaxBlobsPerItem: 2}, "item 1 (record-version"},
		{Limits{MaxItemBytes: 100_000}, "item 1 (record-version"},
		{Limits{MaxDocument: 10}, "item 1 (record-version"},
	}
	for _, c := range cases {
		_, _, err := readAll(file, dept.keys, c.lim)
		refused(t, err, ErrTooLarge, c.where)
	}
}

// forge writes a package through a Writer's own parts, so a test can make
// what the Writer refuses to: the package is signed by a key of its own, as
// a station gone wrong (or an attacker with a key) would sign it.
func forge(t *testing.T, to *Keys, build func(w *Writer)) []byte {
	t.Helper()
	from := newTestStation(t)
	var b bytes.Buffer
	w, err := NewWriter(&b, to.Identity.Recipient(), from.uuid, from.keys, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	build(w)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// forgeEntry writes item i's manifest entry as given.
func forgeEntry(w *Writer, i int, m manifestEntry) {
	raw, _ := json.Marshal(m)
	w.mh.add(raw)
	w.small(nameEntry(i), raw)
	w.items = i
}

func TestForgedPackages(t *testing.T) {
	dept := newTestStation(t)
	doc := []byte(`{"record":1}`)
	docDigest := digest{SHA256: wire.Digest(doc), Size: int64(len(doc))}
	blobA, blobB := []byte("first blob"), []byte("second blob")
	dA, dB := digest{wire.Digest(blobA), int64(len(blobA))}, digest{wire.Digest(blobB), int64(len(blobB))}
	item := manifestEntry{Kind: "record-version", ID: "r/1", Document: docDigest, Blobs: []digest{dA, dB}}

	cases := []struct {
		name  string
		build func(w *Writer)
		kind  error
		where string
	}{
		{"a blob the manifest names is missing", func(w *Writer) {
			forgeEntry(w, 1, item)
			w.small(nameDocument(1), doc)
			w.small(nameBlob(1, dA.SHA256), blobA)
		}, ErrMissingBlob, "blob " + dB.SHA256[:12]},
		{"blobs in another order", func(w *Writer) {
			forgeEntry(w, 1, item)
			w.small(nameDocument(1), doc)
			w.small(nameBlob(1, dB.SHA256), blobB)
			w.small(nameBlob(1, dA.SHA256), blobA)
		}, ErrMissingBlob, "blob " + dA.SHA256[:12]},
		{"an entry whose name climbs out", func(w *Writer) {
			w.small("../../etc/cron.d/caiji", doc)
		}, ErrDamaged, "item 1"},
		{"an absolute name", func(w *Writer) {
			w.small("/tmp/caiji", doc)
		}, ErrDamaged, "item 1"},
		{"a symbolic link", func(w *Writer) {
			w.tw.WriteHeader(&tar.Header{Name: nameEntry(1), Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"})
		}, ErrDamaged, "item 1"},
		{"a document longer than its manifest says", func(w *Writer) {
			forgeEntry(w, 1, manifestEntry{Kind: "decision", ID: "d/1", Document: digest{docDigest.SHA256, 5}})
			w.small(nameDocument(1), doc)
		}, ErrDamaged, "item 1 (decision d/1): its document"},
		{"a blob that is not what its manifest says", func(w *Writer) {
			forgeEntry(w, 1, manifestEntry{Kind: "decision", ID: "d/1", Document: docDigest, Blobs: []digest{{dA.SHA256, dB.Size}}})
			w.small(nameDocument(1), doc)
			w.small(nameBlob(1, dA.SHA256), blobB)
		}, ErrDamaged, "blob " + dA.SHA256[:12]},
		{"a manifest entry with a field this format lacks", func(w *Writer) {
			raw := []byte(`{"kind":"decision","id":"d/1","document":{"sha256":"` + docDigest.SHA256 + `","size":12},"run":"rm -rf /"}`)
			w.mh.add(raw)
			w.small(nameEntry(1), raw)
		}, ErrDamaged, "item 1"},
		{"a trailer that does not match", func(w *Writer) {
			w.items = 7
		}, ErrDamaged, "trailer"},
		{"a signature by another key than the header's", func(w *Writer) {
			w.key = newTestStation(t).keys.Signing
		}, ErrBadSignature, "signature"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := forge(t, dept.keys, c.build)
			walked := false
			v, err := Verify(bytes.NewReader(file), dept.keys.Identity, ReadOptions{})
			if err == nil {
				err = v.Walk(func(*Entry) error { walked = true; return nil })
			}
			refused(t, err, c.kind, c.where)
			if walked {
				t.Error("an item was handed out")
			}
		})
	}
}

// TestBombsStayBounded: entries that claim absurd sizes are refused before
// anything is allocated for them.
func TestBombsStayBounded(t *testing.T) {
	dept := newTestStation(t)
	huge := int64(1) << 40
	cases := []struct {
		name  string
		build func(w *Writer)
		kind  error
	}{
		{"a manifest entry of a terabyte", func(w *Writer) {
			w.tw.WriteHeader(&tar.Header{Name: nameEntry(1), Typeflag: tar.TypeReg, Size: huge, Mode: 0o600})
			w.tw.Write(make([]byte, 1<<20))
		}, ErrTooLarge},
		{"a blob of a terabyte", func(w *Writer) {
			forgeEntry(w, 1, manifestEntry{Kind: "decision", ID: "d/1", Document: digest{wire.Digest(nil), 0},
				Blobs: []digest{{wire.Digest([]byte("x")), huge}}})
		}, ErrTooLarge},
		{"a million blobs", func(w *Writer) {
			blobs := make([]digest, 1000)
			for i := range blobs {
				blobs[i] = digest{wire.Digest(fmt.Append(nil, i)), 1}
			}
			forgeEntry(w, 1, manifestEntry{Kind: "decision", ID: "d/1", Document: digest{wire.Digest(nil), 0}, Blobs: blobs})
		}, ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var file bytes.Buffer
			w, err := NewWriter(&file, dept.keys.Identity.Recipient(), dept.uuid, dept.keys, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			c.build(w)
			w.tw.Flush()
			w.plain.Close()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err = Verify(bytes.NewReader(file.Bytes()), dept.keys.Identity, ReadOptions{})
			runtime.ReadMemStats(&after)
			refused(t, err, c.kind, "item 1")
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 8<<20 {
				t.Errorf("reading it allocated %d bytes", grew)
			}
		})
	}
}

// switchingFile is a file that another one replaces between the passes, as
// when the USB stick is swapped while the admin decides.
type switchingFile struct{ *bytes.Reader }

func TestWalkRefusesAFileChangedAfterVerify(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	first := writeTestPackage(t, kiosk, dept.keys, candidateItem(t, kiosk.uuid, 1))
	f := &switchingFile{bytes.NewReader(first)}
	v, err := Verify(f, dept.keys.Identity, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	other := newTestStation(t)
	f.Reader = bytes.NewReader(writeTestPackage(t, other, dept.keys, candidateItem(t, other.uuid, 2)))
	err = v.Walk(func(e *Entry) error { t.Errorf("handed out %s from the other file", e.ID); return nil })
	refused(t, err, ErrDamaged, "header")
}

// failingFile fails to read after its first n bytes, like a stick pulled out.
type failingFile struct {
	*bytes.Reader
	n int64
}

func (f *failingFile) Read(p []byte) (int, error) {
	pos, _ := f.Seek(0, io.SeekCurrent)
	if pos >= f.n {
		return 0, errors.New("read: input/output error")
	}
	if room := f.n - pos; int64(len(p)) > room {
		p = p[:room]
	}
	return f.Reader.Read(p)
}

func TestUnreadableFile(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	file := writeTestPackage(t, kiosk, dept.keys, threeCandidates(t, kiosk)...)
	for _, n := range []int64{10, 300, int64(len(file) / 2)} {
		_, err := Verify(&failingFile{bytes.NewReader(file), n}, dept.keys.Identity, ReadOptions{})
		refused(t, err, ErrUnreadable, "the file")
	}
}
