package exchange

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"strings"
	"testing"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/storage"
	"caiji/wire"
)

// kioskWithThree is a kiosk where three candidates submitted, the
// department's review station, and the kiosk set to encrypt to it.
func kioskWithThree(t *testing.T) (kiosk, review *station, recs []*domain.Record) {
	kiosk, review = newKiosk(t), newReview(t, "110108")
	if err := kiosk.Store.SetRecipientAs(ctx, kiosk.staff, review.Keys.Recipient(), []string{"110108"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range candidates {
		me, rec := kiosk.submitted(c.id, c.phone)
		kiosk.Store.SignOut(me) // they leave the kiosk: it keeps no one signed in
		recs = append(recs, rec)
	}
	return kiosk, review, recs
}

// Three candidates' submissions travel from a kiosk to the review station:
// every snapshot and image arrives byte for byte, the queue shows three,
// and the same package again changes nothing.
func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	kiosk, review, recs := kioskWithThree(t)
	pkgs := kiosk.export()
	if len(pkgs) != 1 || pkgs[0].Items != 3 || !strings.Contains(pkgs[0].Path, "110108") {
		t.Fatalf("packages %+v", pkgs)
	}

	in, err := Open(ctx, review.Store, review.Keys, pkgs[0].Path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if in.Trust != Unknown || in.Fingerprint != Fingerprint(kiosk.Keys.Public()) || in.Items != 3 {
		t.Fatalf("incoming %+v", in)
	}
	before := review.rows()
	if _, err := in.Import(ctx, review.Store, nil, false, nil); !errors.Is(err, ErrNotAccepted) {
		t.Fatalf("a station never accepted was imported: %v", err)
	}
	in.Close()
	if after := review.rows(); !maps.Equal(before, after) {
		t.Fatalf("a refused import wrote rows: %v → %v", before, after)
	}

	sum, err := review.importFile(pkgs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 3 || sum.Present != 0 || len(sum.Refused) != 0 {
		t.Fatalf("summary %+v", sum)
	}
	q, err := review.Store.Queue(ctx, review.login(reviewerID), storage.QueueFilter{})
	if err != nil || len(q) != 3 {
		t.Fatalf("queue %v %v", q, err)
	}
	for _, rec := range recs {
		want, err := wire.Canonical([]byte(kiosk.snapshot(rec.ID, rec.Version)))
		if err != nil {
			t.Fatal(err)
		}
		if got := review.snapshot(rec.ID, rec.Version); got != string(want) {
			t.Fatalf("snapshot %s differs:\n%s\n%s", rec.ID, want, got)
		}
		for _, a := range rec.Attachments() {
			sent, err := kiosk.Store.Blob(ctx, a.SHA256)
			if err != nil {
				t.Fatal(err)
			}
			got, err := review.Store.Blob(ctx, a.SHA256)
			if err != nil || !bytes.Equal(sent, got) {
				t.Fatalf("image %s differs (%v)", a.SHA256, err)
			}
		}
	}

	rows := review.rows()
	again, err := review.importFile(pkgs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	if again.New != 0 || again.Present != 3 || again.Line("en") != "0 new, 3 already present, 0 older ignored, 0 refused" {
		t.Fatalf("the same package again: %+v %q", again, again.Line("en"))
	}
	if after := review.rows(); !maps.Equal(rows, after) {
		t.Fatalf("importing again changed rows: %v → %v", rows, after)
	}
	// A re-export (nothing confirmed yet) comes from a station now known.
	re := kiosk.export()
	inAgain, err := Open(ctx, review.Store, review.Keys, re[0].Path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer inAgain.Close()
	if inAgain.Trust != Known || inAgain.Items != 3 {
		t.Fatalf("re-export: trust %v, %d items", inAgain.Trust, inAgain.Items)
	}
}

// One flipped byte anywhere is refused before anything is stored, with a
// message naming the part; so is a package for another department.
func TestBadPackagesChangeNothing(t *testing.T) {
	t.Parallel()
	kiosk, review, _ := kioskWithThree(t)
	other := newReview(t, "440305")
	if err := kiosk.Store.SetRecipient(ctx, other.Keys.Recipient(), []string{"440305"}); err != nil {
		t.Fatal(err)
	}
	kiosk.submitted("440305199507077893", "13800000004", func(r *domain.Record) {
		r.Department = domain.Department{Province: "440000", City: "440300", County: "440305"}
	})
	pkgs := kiosk.export()
	if len(pkgs) != 2 {
		t.Fatalf("want one package per department, got %+v", pkgs)
	}
	var ours, theirs string
	for _, p := range pkgs {
		if p.Departments[0] == "110108" {
			ours = p.Path
		} else {
			theirs = p.Path
		}
	}
	before := review.rows()

	_, err := review.importFile(theirs)
	if pe := refusal(t, err); !errors.Is(pe, caijipkg.ErrWrongRecipient) || !strings.Contains(pe.Message("zh"), "其他部门") {
		t.Fatalf("another department's package: %v / %s", err, pe.Message("zh"))
	}

	info, err := os.Stat(ours)
	if err != nil {
		t.Fatal(err)
	}
	for _, off := range []int64{3, 90, 200, info.Size() / 3, info.Size() / 2, info.Size() - 40, info.Size() - 1} {
		_, err := review.importFile(flip(t, ours, off))
		pe := refusal(t, err)
		if pe.Part.Zh == "" || pe.Part.En == "" || pe.Message("en") == "" {
			t.Fatalf("byte %d: the refusal names no part: %v", off, err)
		}
		t.Logf("byte %d: %s", off, pe.Message("en"))
	}
	if after := review.rows(); !maps.Equal(before, after) {
		t.Fatalf("refused packages wrote rows: %v → %v", before, after)
	}
	if sum, err := review.importFile(ours); err != nil || sum.New != 3 {
		t.Fatalf("the intact package: %+v %v", sum, err)
	}
}

// The same person submitting at a second kiosk: their second record is
// refused with why (one record per person), the other items are stored.
func TestSecondRecordOfAPersonRefused(t *testing.T) {
	t.Parallel()
	kiosk, review, _ := kioskWithThree(t)
	if sum, err := review.importFile(kiosk.export()[0].Path); err != nil || sum.New != 3 {
		t.Fatalf("%+v %v", sum, err)
	}
	second := newKiosk(t)
	if err := second.Store.SetRecipient(ctx, review.Keys.Recipient(), []string{"110108"}); err != nil {
		t.Fatal(err)
	}
	second.submitted(candidates[0].id, candidates[0].phone)
	second.submitted("110101199003079913", "13800000009")
	sum, err := review.importFile(second.export()[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 1 || len(sum.Refused) != 1 || sum.Refused[0].Index != 1 || sum.Refused[0].Why.Code != wire.CodeConflict {
		t.Fatalf("summary %+v", sum)
	}
}
