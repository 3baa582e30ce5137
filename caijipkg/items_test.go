package caijipkg

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"caiji/wire"
)

// A day's three candidates travel as wire versions and arrive as the same
// versions with the same images; decisions on them travel back.
func TestVersionsAndDecisionsTravelAsWireTypes(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	items := threeCandidates(t, kiosk)
	_, got, err := readAll(writeTestPackage(t, kiosk, dept.keys, items...), dept.keys, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var back []Item
	for i, e := range got {
		v, err := e.Version()
		if err != nil {
			t.Fatalf("item %d: %v", i+1, err)
		}
		var sent []string
		for _, b := range items[i].Blobs {
			sent = append(sent, b.SHA256)
		}
		if want := candidateVersion(t, kiosk.uuid, i+1, sent); !reflect.DeepEqual(v, want) {
			t.Errorf("item %d arrived as another version: %s %d %s", i+1, v.Record, v.N, v.SHA256)
		}
		if _, err := e.Decision(); err == nil {
			t.Errorf("item %d read as a decision", i+1)
		}
		d := &wire.Decision{Record: v.Record, N: v.N, Verdict: wire.Reject, RealName: "verified", Reasons: []string{"R03", "R07"}, Comment: "照片背景不符合要求",
			Reviewer: wire.Reviewer{UUID: "5b1d7c1e-3a0f-4f8e-9d2c-6e4b8a7f0c13", Name: "审核员甲", IDNumber: "110105198001011234"},
			Station:  dept.uuid, At: time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)}
		it, err := DecisionItem(d)
		if err != nil {
			t.Fatal(err)
		}
		back = append(back, it)
	}
	_, decisions, err := readAll(writeTestPackage(t, dept, kiosk.keys, back...), kiosk.keys, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range decisions {
		d, err := e.Decision()
		if err != nil {
			t.Fatalf("decision %d: %v", i+1, err)
		}
		if d.Verdict != wire.Reject || !reflect.DeepEqual(d.Reasons, []string{"R03", "R07"}) || d.Reviewer.Name != "审核员甲" || d.Station != dept.uuid {
			t.Errorf("decision %d arrived as %+v", i+1, d)
		}
	}
}

func TestVersionItemNeedsEveryBlob(t *testing.T) {
	kiosk := newTestStation(t)
	photo, scan := []byte("photo"), []byte("scan")
	v := candidateVersion(t, kiosk.uuid, 1, []string{wire.Digest(photo), wire.Digest(scan)})
	if _, err := VersionItem(v, []BlobSource{memBlob(photo)}); err == nil {
		t.Error("a version went out without its scan")
	}
	if _, err := VersionItem(v, []BlobSource{memBlob(photo), memBlob(scan), memBlob([]byte("other"))}); err == nil {
		t.Error("a version went out with a blob it does not name")
	}
	v.Document = []byte(`{"b":1, "a":2}`)
	if _, err := VersionItem(v, []BlobSource{memBlob(photo), memBlob(scan)}); err == nil {
		t.Error("a non-canonical document went out")
	}
}

func TestDecisionItemRefusesWhatNoReviewerMakes(t *testing.T) {
	good := wire.Decision{Record: "8d0f3a52-6c1e-4b7a-9e55-2f1d0c3b4a69", N: 2, Verdict: wire.Pass, RealName: "verified",
		Reviewer: wire.Reviewer{UUID: "5b1d7c1e-3a0f-4f8e-9d2c-6e4b8a7f0c13", Name: "审核员甲"},
		Station:  "0e7b9c52-1d3a-4f6b-8a2c-9e5d7f1b3c40", At: time.Now()}
	if _, err := DecisionItem(&good); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(d *wire.Decision){
		"a rejection without reasons": func(d *wire.Decision) { d.Verdict = wire.Reject },
		"a pass with reasons":         func(d *wire.Decision) { d.Reasons = []string{"R01"} },
		"reason R15":                  func(d *wire.Decision) { d.Verdict, d.Reasons = wire.Reject, []string{"R15"} },
		"verdict maybe":               func(d *wire.Decision) { d.Verdict = "maybe" },
		"no reviewer":                 func(d *wire.Decision) { d.Reviewer = wire.Reviewer{} },
		"version 0":                   func(d *wire.Decision) { d.N = 0 },
		"no time":                     func(d *wire.Decision) { d.At = time.Time{} },
		"no real-name verdict":        func(d *wire.Decision) { d.RealName = "" },
		"a pass, real name failed":    func(d *wire.Decision) { d.RealName = "failed" },
	} {
		d := good
		change(&d)
		if _, err := DecisionItem(&d); err == nil {
			t.Errorf("%s went out", name)
		}
	}
}

// A station may send only its own versions: a kiosk's package holding a
// version that says it came from another station is read, but that item is
// refused with a reason for the summary.
func TestVersionFromAnotherStationIsRefused(t *testing.T) {
	kiosk, other, dept := newTestStation(t), newTestStation(t), newTestStation(t)
	_, got, err := readAll(writeTestPackage(t, kiosk, dept.keys, candidateItem(t, other.uuid, 1)), dept.keys, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = got[0].Version()
	var we *wire.Error
	if !errors.As(err, &we) || we.Code != wire.CodeInvalid || !strings.Contains(we.Zh, "另一站点") {
		t.Errorf("got %v", err)
	}
}

// Items a station gone wrong could sign: the adapter refuses each with a
// reason rather than storing it.
func TestForgedItemsAreRefused(t *testing.T) {
	kiosk, dept := newTestStation(t), newTestStation(t)
	base := candidateItem(t, kiosk.uuid, 1, []byte("photo"))
	cases := map[string]func(it *Item){
		"version not a number":       func(it *Item) { it.Meta["version"] = "two" },
		"id of another version":      func(it *Item) { it.ID = strings.Replace(it.ID, "/2", "/3", 1) },
		"an extra field":             func(it *Item) { it.Meta["department"] = "110105" },
		"an unknown ID type":         func(it *Item) { it.Meta["id_type"] = "99" },
		"a decision kind":            func(it *Item) { it.Kind = KindDecision },
		"a document not canonical":   func(it *Item) { it.Document = append([]byte(" "), it.Document...) },
		"base not below the version": func(it *Item) { it.Meta["base"] = "2" },
	}
	for name, change := range cases {
		it := base
		it.Meta = map[string]string{}
		for k, v := range base.Meta {
			it.Meta[k] = v
		}
		change(&it)
		_, got, err := readAll(writeTestPackage(t, kiosk, dept.keys, it), dept.keys, Limits{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if v, err := got[0].Version(); err == nil {
			t.Errorf("%s: accepted as %+v", name, v)
		}
	}
}
