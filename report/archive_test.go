package report

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"caiji/domain/domaintest"
)

// export is a person's data: three versions of a record (a draft, the
// submitted one, a change), their images, events, a decision, a consent
// and the PDF.
func export(t *testing.T) Export {
	t.Helper()
	rec, photo := fullRecord(t)
	e := Export{Name: rec.Basic.Name, Made: time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC), Images: map[string][]byte{}}
	for v := 6; v <= 8; v++ {
		rec.Version = v
		rec.Work[0].Phone = fmt.Sprintf("010-6234567%d", v)
		data, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		e.Versions = append(e.Versions, Version{Record: rec.ID, Version: v, JSON: data})
	}
	for _, img := range [][]byte{photo, domaintest.JPEG(domaintest.Document(800, 600), 80), domaintest.PNG(domaintest.Document(300, 200))} {
		sum := sha256.Sum256(img)
		e.Images[hex.EncodeToString(sum[:])] = img
	}
	e.Events = json.RawMessage(`[{"version":7,"kind":"submitted","at":"2026-11-20T02:30:00Z"}]`)
	e.Decisions = json.RawMessage(`[{"version":8,"pass":false,"reasons":["R02"]}]`)
	e.Consents = json.RawMessage(`[{"notice":"personal","digest":"ab","at":"2026-11-01T00:00:00Z"}]`)
	var pdf bytes.Buffer
	if err := Write(&pdf, sheetFor(t, rec, photo, "zh"), domaintest.Catalog(t)); err != nil {
		t.Fatal(err)
	}
	e.Sheet, e.SheetName = pdf.Bytes(), "信息采集表-张三-8.pdf"
	return e
}

// unzip reads the archive back, by file name.
func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = b
	}
	return out
}

// TestArchive: every version and image comes back byte-identical, with the
// JSON files, the PDF, a README and checksums that match.
func TestArchive(t *testing.T) {
	e := export(t)
	var b bytes.Buffer
	if err := WriteArchive(&b, e); err != nil {
		t.Fatal(err)
	}
	files := unzip(t, b.Bytes())
	for _, v := range e.Versions {
		name := fmt.Sprintf("records/%s/v%03d.json", v.Record, v.Version)
		if !bytes.Equal(files[name], v.JSON) {
			t.Errorf("%s differs from the stored version", name)
		}
	}
	for sha, img := range e.Images {
		ext := ".jpg"
		if bytes.HasPrefix(img, []byte("\x89PNG")) {
			ext = ".png"
		}
		if !bytes.Equal(files["images/"+sha+ext], img) {
			t.Errorf("image %s%s missing or changed", sha, ext)
		}
	}
	for name, want := range map[string][]byte{"events.json": e.Events, "decisions.json": e.Decisions, "consents.json": e.Consents, e.SheetName: e.Sheet} {
		if !bytes.Equal(files[name], want) {
			t.Errorf("%s missing or changed", name)
		}
	}
	readme := string(files["README.txt"])
	for _, want := range []string{"张三", "记录 1 条，版本 3 个", "3 张", "records: 1, versions: 3", "images: 3", "sha256sum -c", "2026-11-27 16:00"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q:\n%s", want, readme)
		}
	}
	lines := strings.Split(strings.TrimSpace(string(files["SHA256SUMS"])), "\n")
	if len(lines) != len(files)-2 { // all but README.txt and SHA256SUMS itself
		t.Errorf("SHA256SUMS has %d lines for %d files", len(lines), len(files)-2)
	}
	for _, l := range lines {
		sum, name, _ := strings.Cut(l, "  ")
		got := sha256.Sum256(files[name])
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("SHA256SUMS: %s does not match", name)
		}
	}
	// Images and the PDF are stored, not deflated again.
	z, _ := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "images/") && f.Method != zip.Store {
			t.Errorf("%s is compressed again", f.Name)
		}
	}
}

// TestArchiveStreams: the archive goes out through a plain io.Writer, in
// pieces, never seeking back.
func TestArchiveStreams(t *testing.T) {
	var w chunks
	if err := WriteArchive(&w, export(t)); err != nil {
		t.Fatal(err)
	}
	if w.n < 10 {
		t.Errorf("only %d writes: the archive was not streamed", w.n)
	}
	if _, err := zip.NewReader(bytes.NewReader(w.b.Bytes()), int64(w.b.Len())); err != nil {
		t.Fatal(err)
	}
}

type chunks struct {
	b bytes.Buffer
	n int
}

func (c *chunks) Write(p []byte) (int, error) { c.n++; return c.b.Write(p) }

// TestArchiveRefuses: an image that is not what its digest says, a version
// that is not JSON or comes twice, stop the export with an error.
func TestArchiveRefuses(t *testing.T) {
	for name, spoil := range map[string]func(*Export){
		"corrupt image": func(e *Export) {
			for sha, img := range e.Images {
				e.Images[sha] = append(append([]byte{}, img[:len(img)-1]...), img[len(img)-1]^1)
				break
			}
		},
		"version not JSON": func(e *Export) { e.Versions[0].JSON = []byte("{") },
		"version twice":    func(e *Export) { e.Versions = append(e.Versions, e.Versions[0]) },
		"record ID a path": func(e *Export) { e.Versions[0].Record = "../x" },
		"events not JSON":  func(e *Export) { e.Events = json.RawMessage("nope") },
	} {
		e := export(t)
		spoil(&e)
		if err := WriteArchive(io.Discard, e); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
