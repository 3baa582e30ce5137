package caijipkg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"caiji/wire"
)

// testStation is a station with its keys, as made at its first start.
type testStation struct {
	uuid string
	keys *Keys
}

func newTestStation(tb testing.TB) testStation {
	tb.Helper()
	k, err := NewKeys()
	if err != nil {
		tb.Fatal(err)
	}
	return testStation{uuid: uuid.NewString(), keys: k}
}

// noiseJPEG encodes a w×h image of seeded noise over a gradient; noise makes
// JPEG files the size of real scans (tens to hundreds of KB).
func noiseJPEG(w, h int, seed uint64, quality int) []byte {
	rng := rand.New(rand.NewPCG(seed, 1))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			n := uint8(rng.IntN(64))
			img.Set(x, y, color.RGBA{uint8(x*255/w)/2 + n, uint8(y*255/h)/2 + n, 128 + n, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: quality}); err != nil {
		panic(err) // encoding to memory does not fail
	}
	return b.Bytes()
}

// memBlob is a blob source over bytes in memory.
func memBlob(b []byte) BlobSource {
	return BlobSource{SHA256: wire.Digest(b), Size: int64(len(b)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(b)), nil
	}}
}

// candidateVersion is candidate n's record submitted at version 2, as the
// exporter reads it from the store: a canonical document of a few KB naming
// its attachments, and the person and station.
func candidateVersion(tb testing.TB, station string, n int, blobs []string) *wire.Version {
	tb.Helper()
	rec := uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "record %d", n)).String()
	idNumber := fmt.Sprintf("11010519900101%04d", n)
	attachments, _ := json.Marshal(blobs)
	doc := fmt.Appendf(nil, `{"record":%q,"basic":{"name":"考生%d","id_number":%q},"attachments":%s,"notes":%q}`,
		rec, n, idNumber, attachments, strings.Repeat("工作经历 ", 300))
	v, err := wire.NewVersion(rec, 2, 1, doc, blobs, wire.Person{IDType: "01", IDNumber: idNumber, Name: fmt.Sprintf("考生%d", n)}, station)
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// candidateItem is candidate n's version with its images, as the exporter
// hands it to the Writer.
func candidateItem(tb testing.TB, station string, n int, blobs ...[]byte) Item {
	tb.Helper()
	var sources []BlobSource
	var digests []string
	for _, b := range blobs {
		sources = append(sources, memBlob(b))
		digests = append(digests, wire.Digest(b))
	}
	it, err := VersionItem(candidateVersion(tb, station, n, digests), sources)
	if err != nil {
		tb.Fatal(err)
	}
	return it
}

// writeTestPackage writes items from station `from` to recipient `to`.
func writeTestPackage(tb testing.TB, from testStation, to *Keys, items ...Item) []byte {
	tb.Helper()
	var b bytes.Buffer
	w, err := NewWriter(&b, to.Identity.Recipient(), from.uuid, from.keys, WriteOptions{Created: time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)})
	if err != nil {
		tb.Fatal(err)
	}
	for _, it := range items {
		if err := w.Add(it); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// readAll verifies a package and walks it, returning every entry.
func readAll(file []byte, k *Keys, lim Limits) (*Verified, []*Entry, error) {
	v, err := Verify(bytes.NewReader(file), k.Identity, ReadOptions{Limits: lim})
	if err != nil {
		return nil, nil, err
	}
	var got []*Entry
	err = v.Walk(func(e *Entry) error { got = append(got, e); return nil })
	return v, got, err
}
