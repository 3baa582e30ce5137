package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"testing"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/wire"
)

// A station that never goes online (a county office's PC, not a kiosk):
// the rejection comes back and is shown to the candidate, who fixes and
// submits again; the new version is stored beside the old one on the
// review station.
func TestResubmissionStoredBesideTheOld(t *testing.T) {
	t.Parallel()
	pc, review := openStation(t, nil), newReview(t, "110108")
	if err := pc.Store.SetRecipient(ctx, review.Keys.Recipient(), []string{"110108"}); err != nil {
		t.Fatal(err)
	}
	me, first := pc.submitted(candidates[0].id, candidates[0].phone)
	if sum, err := review.importFile(pc.export()[0].Path); err != nil || sum.New != 1 {
		t.Fatalf("%+v %v", sum, err)
	}
	if err := review.Store.Decide(ctx, review.login(reviewerID), first.ID, first.Version, storage.Decision{Reasons: []string{"R02"}, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	res, err := Export(ctx, review.Store, review.Keys, t.TempDir(), ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := pc.importFile(res.Packages[0].Path); err != nil || sum.New != 1 || sum.Purged != 0 {
		t.Fatalf("decisions on the PC: %+v %v", sum, err)
	}
	rec, err := pc.Store.MyRecord(ctx, me)
	if err != nil || rec.Status != domain.StatusRejected {
		t.Fatalf("the candidate sees %v (%v)", rec.Status, err)
	}
	ds, err := pc.Store.Decisions(ctx, me, rec.ID)
	if err != nil || len(ds) != 1 || ds[0].Reasons[0] != "R02" {
		t.Fatalf("decisions %+v %v", ds, err)
	}
	if _, err := pc.Store.Reopen(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.Store.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true }); err != nil {
		t.Fatal(err)
	}
	second, err := pc.Store.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	pkgs := pc.export()
	if len(pkgs) != 1 || pkgs[0].Items != 1 {
		t.Fatalf("the confirmed version was exported again: %+v", pkgs)
	}
	if sum, err := review.importFile(pkgs[0].Path); err != nil || sum.New != 1 {
		t.Fatalf("resubmission: %+v %v", sum, err)
	}
	review.snapshot(rec.ID, first.Version)
	review.snapshot(rec.ID, second.Version)
	q, err := review.Store.Queue(ctx, review.login(reviewerID), storage.QueueFilter{})
	if err != nil || len(q) != 1 || q[0].Version != second.Version {
		t.Fatalf("queue %+v %v", q, err)
	}
}

// A package signed by a known station still has each version checked as
// the hub checks it: a version whose image facts lie is refused with why,
// a replayed older version is ignored, and the rest is stored.
func TestVersionsJudgedOneByOne(t *testing.T) {
	t.Parallel()
	kiosk, review, recs := kioskWithThree(t)
	item := func(rec *domain.Record, edit func(doc map[string]any)) caijipkg.Item {
		out, err := kiosk.Store.OutgoingVersion(ctx, storage.OutboxItem{Record: rec.ID, Version: rec.Version})
		if err != nil {
			t.Fatal(err)
		}
		v := out.Version
		if edit != nil {
			var doc map[string]any
			if err := json.Unmarshal(v.Document, &doc); err != nil {
				t.Fatal(err)
			}
			edit(doc)
			raw, _ := json.Marshal(doc)
			if v, err = wire.NewVersion(v.Record, int(doc["version"].(float64)), 0, raw, v.Blobs, v.Person, v.Station); err != nil {
				t.Fatal(err)
			}
		}
		var blobs []caijipkg.BlobSource
		for _, d := range v.Blobs {
			data, err := kiosk.Store.Blob(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			blobs = append(blobs, caijipkg.BlobSource{SHA256: d, Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
				return io.NopCloser(bytes.NewReader(data)), nil
			}})
		}
		it, err := caijipkg.VersionItem(v, blobs)
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	write := func(items ...caijipkg.Item) string {
		path := filepath.Join(t.TempDir(), "crafted.caiji")
		w, err := writePackage(path, review.Keys.Recipient(), mustInfo(t, kiosk).UUID, kiosk.Keys, func(add func(caijipkg.Item) error) error {
			for _, it := range items {
				if err := add(it); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil || w.Items != len(items) {
			t.Fatal(err)
		}
		return path
	}

	if sum, err := review.importFile(write(item(recs[0], nil))); err != nil || sum.New != 1 {
		t.Fatalf("%+v %v", sum, err)
	}
	lying := item(recs[1], func(doc map[string]any) {
		doc["basic"].(map[string]any)["photo"].(map[string]any)["width"] = 413
	})
	older := item(recs[0], func(doc map[string]any) { doc["version"] = float64(recs[0].Version - 1) })
	sum, err := review.importFile(write(lying, older, item(recs[2], nil)))
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 1 || sum.Older != 1 || len(sum.Refused) != 1 || sum.Refused[0].Index != 1 || sum.Refused[0].Why.Code != wire.CodeInvalid {
		t.Fatalf("summary %+v", sum)
	}
	t.Logf("refused: %s", sum.Refused[0].Why.En)
	q, err := review.Store.Queue(ctx, review.login(reviewerID), storage.QueueFilter{})
	if err != nil || len(q) != 2 {
		t.Fatalf("queue %+v %v", q, err)
	}

	// Another key signing as the accepted kiosk is not that kiosk.
	forger, err := caijipkg.NewKeys()
	if err != nil {
		t.Fatal(err)
	}
	forged := filepath.Join(t.TempDir(), "forged.caiji")
	if _, err := writePackage(forged, review.Keys.Recipient(), mustInfo(t, kiosk).UUID, forger, func(add func(caijipkg.Item) error) error {
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	in, err := Open(ctx, review.Store, review.Keys, forged, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if in.Trust != KeyChanged || in.Fingerprint != Fingerprint(forger.Public()) {
		t.Fatalf("a forged package: trust %v", in.Trust)
	}
	if _, err := in.Import(ctx, review.Store, domaintest.Catalog(t), false, nil); !errors.Is(err, ErrNotAccepted) {
		t.Fatalf("a forged package was imported: %v", err)
	}
}
