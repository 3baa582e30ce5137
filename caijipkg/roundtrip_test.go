package caijipkg

import (
	"bytes"
	"errors"
	"sync"
	"testing"

	"caiji/wire"
)

// candidateImages are three candidates' images: per candidate a 295×413
// photo and a scan of 100–400 KB, and a scan two of them share. Made once:
// encoding noise is the slow part of these tests.
var candidateImages = sync.OnceValue(func() [][][]byte {
	shared := noiseJPEG(640, 480, 99, 85)
	var images [][][]byte
	for n := 1; n <= 3; n++ {
		own := [][]byte{noiseJPEG(295, 413, uint64(n), 90), noiseJPEG(500+100*n, 700, uint64(10+n), 90)}
		if n != 2 {
			own = append(own, shared)
		}
		images = append(images, own)
	}
	return images
})

// threeCandidates is a kiosk's day: three records with their images.
func threeCandidates(tb testing.TB, kiosk testStation) []Item {
	var items []Item
	for n, blobs := range candidateImages() {
		items = append(items, candidateItem(tb, kiosk.uuid, n+1, blobs...))
	}
	return items
}

func TestRoundTripIsByteIdentical(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	items := threeCandidates(t, kiosk)
	file := writeTestPackage(t, kiosk, dept.keys, items...)

	for _, clear := range [][]byte{[]byte(items[0].Meta["id_number"]), []byte(items[0].Meta["name"]), items[0].Document[:40], []byte("manifest")} {
		if bytes.Contains(file, clear) {
			t.Errorf("the package shows %q in the clear", clear)
		}
	}

	v, got, err := readAll(file, dept.keys, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if v.Station != kiosk.uuid || v.StationRecipient != kiosk.keys.Recipient() || !v.Signer.Equal(kiosk.keys.Public()) {
		t.Errorf("header says station %s recipient %s signer %x", v.Station, v.StationRecipient, v.Signer)
	}
	if v.Items != 3 || len(got) != 3 {
		t.Fatalf("verified %d items, walked %d", v.Items, len(got))
	}
	for i, e := range got {
		want := items[i]
		if e.Index != i+1 || e.Kind != want.Kind || e.ID != want.ID || !bytes.Equal(e.Document, want.Document) {
			t.Errorf("item %d: got %d %s %s %q", i+1, e.Index, e.Kind, e.ID, e.Document)
		}
		if e.DocumentSHA256 != wire.Digest(want.Document) {
			t.Errorf("item %d: document digest %s", i+1, e.DocumentSHA256)
		}
		for k, val := range want.Meta {
			if e.Meta[k] != val {
				t.Errorf("item %d: meta %s = %q, want %q", i+1, k, e.Meta[k], val)
			}
		}
		if len(e.Blobs) != len(want.Blobs) {
			t.Fatalf("item %d: %d blobs, want %d", i+1, len(e.Blobs), len(want.Blobs))
		}
		for j, b := range e.Blobs {
			rc, _ := want.Blobs[j].Open()
			var orig bytes.Buffer
			orig.ReadFrom(rc)
			if b.SHA256 != want.Blobs[j].SHA256 || !bytes.Equal(b.Data, orig.Bytes()) {
				t.Errorf("item %d blob %d differs (%d bytes, want %d)", i+1, j, len(b.Data), orig.Len())
			}
		}
	}
}

func TestSamePackageTwiceIsRecognised(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	items := threeCandidates(t, kiosk)
	file := writeTestPackage(t, kiosk, dept.keys, items...)
	again := writeTestPackage(t, kiosk, dept.keys, items...) // encrypted afresh: other bytes
	if bytes.Equal(file, again) {
		t.Fatal("two encryptions gave the same bytes")
	}
	v1, e1, err := readAll(file, dept.keys, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	v2, e2, err := readAll(again, dept.keys, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if v1.Digest != v2.Digest {
		t.Errorf("the same package has digests %s and %s", v1.Digest, v2.Digest)
	}
	for i := range e1 {
		if e1[i].Digest != e2[i].Digest {
			t.Errorf("item %d: digests %s and %s", i+1, e1[i].Digest, e2[i].Digest)
		}
	}
	// One more record: the package differs, its first three items do not.
	more := writeTestPackage(t, kiosk, dept.keys, append(items, candidateItem(t, kiosk.uuid, 4))...)
	v3, e3, err := readAll(more, dept.keys, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if v3.Digest == v1.Digest || e3[0].Digest != e1[0].Digest || e3[3].Digest == e1[2].Digest {
		t.Error("package and item digests do not tell new from known")
	}
}

func TestEmptyPackageAndDecisionsBack(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	v, got, err := readAll(writeTestPackage(t, kiosk, dept.keys), dept.keys, Limits{})
	if err != nil || v.Items != 0 || len(got) != 0 {
		t.Fatalf("empty package: %v, %d items", err, len(got))
	}
	// The way back: the review station encrypts to the recipient the kiosk's
	// package carried.
	to, err := ParseRecipient(v.StationRecipient)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w, err := NewWriter(&b, to, dept.uuid, dept.keys, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	decision := Item{Kind: "decision", ID: "3f0c4f8e-0000-4000-8000-000000000001/2",
		Document: []byte(`{"reasons":["R03"],"verdict":"reject"}`), Meta: map[string]string{"verdict": "reject"}}
	if err := w.Add(decision); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := readAll(b.Bytes(), dept.keys, Limits{}); !errors.Is(err, ErrWrongRecipient) {
		t.Errorf("the department opened the answer meant for the kiosk: %v", err)
	}
	_, back, err := readAll(b.Bytes(), kiosk.keys, Limits{})
	if err != nil || len(back) != 1 || back[0].Kind != "decision" || string(back[0].Document) != string(decision.Document) {
		t.Fatalf("decisions back: %v %v", err, back)
	}
}

func TestProgressReachesTheEnd(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	var seen []Progress
	record := func(p Progress) { seen = append(seen, p) }
	var file bytes.Buffer
	w, err := NewWriter(&file, dept.keys.Identity.Recipient(), kiosk.uuid, kiosk.keys, WriteOptions{Progress: record})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range threeCandidates(t, kiosk) {
		if err := w.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	v, err := Verify(bytes.NewReader(file.Bytes()), dept.keys.Identity, ReadOptions{Progress: record})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Walk(func(*Entry) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 9 {
		t.Fatalf("%d reports, want 3 per stage", len(seen))
	}
	for i, p := range seen {
		stage, items := Stage(i/3), i%3+1
		if p.Stage != stage || p.Items != items || p.Bytes <= 0 || (stage != Writing && p.Total != int64(file.Len())) || p.Bytes > int64(file.Len()) {
			t.Errorf("report %d: %+v", i, p)
		}
		if i%3 > 0 && p.Bytes < seen[i-1].Bytes {
			t.Errorf("report %d went backwards: %+v", i, p)
		}
	}
}
