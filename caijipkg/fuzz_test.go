package caijipkg

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"testing"
)

// fuzzLimits keep each fuzz run small; the reader must stay within them
// whatever the input claims.
var fuzzLimits = Limits{MaxFile: 1 << 20, MaxItems: 50, MaxDocument: 64 << 10, MaxBlob: 256 << 10, MaxItemBytes: 512 << 10}

// readFuzzed verifies and walks file, failing on anything but a clean
// result or an *Error, and on allocation that follows a claimed size rather
// than the input's real one.
func readFuzzed(t *testing.T, file []byte, k *Keys) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	v, err := Verify(bytes.NewReader(file), k.Identity, ReadOptions{Limits: fuzzLimits})
	if err == nil {
		var held int64
		err = v.Walk(func(e *Entry) error {
			held = int64(len(e.Document))
			for _, b := range e.Blobs {
				held += int64(len(b.Data))
			}
			if held > fuzzLimits.MaxItemBytes {
				t.Fatalf("an item of %d bytes handed out, limit %d", held, fuzzLimits.MaxItemBytes)
			}
			// The adapters read whatever a signer put in an item.
			e.Version()
			e.Decision()
			return nil
		})
	}
	runtime.ReadMemStats(&after)
	var e *Error
	if err != nil && !errors.As(err, &e) {
		t.Fatalf("refused without saying why: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20+16*uint64(len(file)) {
		t.Fatalf("%d input bytes made the reader allocate %d", len(file), grew)
	}
}

// FuzzVerify feeds whole files: the envelope, age and everything inside.
func FuzzVerify(f *testing.F) {
	kiosk, dept := newTestStation(f), newTestStation(f)
	valid := writeTestPackage(f, kiosk, dept.keys, candidateItem(f, kiosk.uuid, 1, []byte("a photo"), []byte("a scan")))
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add([]byte("caiji-package 1 00\nage-encryption.org/v1\n--- \n"))
	f.Fuzz(func(t *testing.T, file []byte) { readFuzzed(t, file, dept.keys) })
}

// FuzzPlaintext feeds the decrypted layer: what a station holding a
// department's recipient (anyone it was given to) can put in a package. It
// is encrypted properly, so the tar, manifest and signature code is what
// gets fuzzed.
func FuzzPlaintext(f *testing.F) {
	kiosk, dept := newTestStation(f), newTestStation(f)
	valid := writeTestPackage(f, kiosk, dept.keys, candidateItem(f, kiosk.uuid, 1, []byte("a photo"), []byte("a scan")),
		Item{Kind: "decision", ID: "d/1", Document: []byte(`{"verdict":"pass"}`)})
	o, err := open(bytes.NewReader(valid), int64(len(valid)), dept.keys.Identity)
	if err != nil {
		f.Fatal(err)
	}
	plain, err := io.ReadAll(o.plain)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(plain)
	f.Add(plain[:1024])
	f.Fuzz(func(t *testing.T, plain []byte) {
		var file bytes.Buffer
		w, err := seal(&file, dept.keys.Identity.Recipient())
		if err != nil {
			t.Fatal(err)
		}
		w.Write(plain)
		w.Close()
		readFuzzed(t, file.Bytes(), dept.keys)
	})
}
