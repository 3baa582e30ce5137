package exchange

import (
	"errors"
	"maps"
	"testing"

	"caiji/domain"
	"caiji/storage"
	"caiji/storage/storagetest"
)

// Decisions go back on a stick: the kiosk applies them, shows them by
// receipt code, and forgets the candidates the department now holds; the
// one still waiting for a decision stays. The same package again changes
// nothing.
func TestDecisionsBackPurgeTheKiosk(t *testing.T) {
	t.Parallel()
	kiosk, review, recs := kioskWithThree(t)
	if sum, err := review.importFile(kiosk.export()[0].Path); err != nil || sum.New != 3 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	if _, err := Export(ctx, review.Store, review.Keys, t.TempDir(), ExportOptions{}); !errors.Is(err, ErrNothingToExport) {
		t.Fatalf("decisions exported before any was made: %v", err)
	}
	reviewer := review.login(reviewerID)
	if err := review.Store.Decide(ctx, reviewer, recs[0].ID, recs[0].Version, storage.Decision{Pass: true, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	if err := review.Store.Decide(ctx, reviewer, recs[1].ID, recs[1].Version, storage.Decision{Reasons: []string{"R02"}, Comment: "照片背景不合格", RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	if out, err := review.Store.Outbox(ctx); err != nil || len(out) != 0 {
		t.Fatalf("decisions on packages' versions were queued for a hub: %+v %v", out, err)
	}
	res, err := Export(ctx, review.Store, review.Keys, t.TempDir(), ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Packages) != 1 || res.Packages[0].Items != 2 || res.Packages[0].Station != mustInfo(t, kiosk).UUID {
		t.Fatalf("decision packages %+v", res.Packages)
	}
	path := res.Packages[0].Path

	// The package is for the kiosk only: another station cannot open it.
	if _, err := newReview(t, "110108").importFile(path); err == nil {
		t.Fatal("another station opened the kiosk's decisions")
	}

	codes := map[string]string{}
	for i, c := range candidates[:2] {
		sess := kiosk.login(c.id)
		code, err := kiosk.Store.SubmissionCode(ctx, sess, recs[i].ID, recs[i].Version)
		if err != nil {
			t.Fatal(err)
		}
		kiosk.Store.SignOut(sess) // a kiosk deletes no one still signed in
		codes[code] = []string{"pass", "reject"}[i]
	}
	in, err := Open(ctx, kiosk.Store, kiosk.Keys, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if in.Trust != Unknown || in.Fingerprint != Fingerprint(review.Keys.Public()) {
		t.Fatalf("the kiosk knew the review station before accepting it: %+v", in)
	}
	sum, err := in.ImportAs(ctx, kiosk.Store, kiosk.staff, nil, true, nil)
	in.Close()
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Purged != 2 || len(sum.Decisions) != 2 || len(sum.Refused) != 0 {
		t.Fatalf("summary %+v", sum)
	}
	for _, d := range sum.Decisions {
		if codes[d.Receipt] != d.Verdict {
			t.Fatalf("decision %+v: receipt codes %v", d, codes)
		}
		if rc, err := kiosk.Store.ReceiptByCode(ctx, d.Receipt); err != nil || rc.Record != d.Record {
			t.Fatalf("receipt %s: %+v %v", d.Receipt, rc, err)
		}
	}
	for _, c := range candidates[:2] {
		if _, err := kiosk.Store.Login(ctx, c.id, storagetest.Password); !errors.Is(err, storage.ErrBadCredentials) {
			t.Fatalf("candidate %s is still on the kiosk: %v", c.id, err)
		}
	}
	if _, err := kiosk.Store.MyRecord(ctx, kiosk.login(candidates[2].id)); err != nil {
		t.Fatalf("the candidate still waiting was deleted: %v", err)
	}

	rows := kiosk.rows()
	again, err := kiosk.importFile(path)
	if err != nil || again.New != 0 || again.Present != 2 || again.Purged != 0 {
		t.Fatalf("the same decisions again: %+v %v", again, err)
	}
	if after := kiosk.rows(); !maps.Equal(rows, after) {
		t.Fatalf("importing decisions again changed rows: %v → %v", rows, after)
	}
	// The kiosk's next export carries only the candidate still waiting.
	if pkgs := kiosk.export(); len(pkgs) != 1 || pkgs[0].Items != 1 {
		t.Fatalf("next export %+v", pkgs)
	}
}

func mustInfo(t *testing.T, s *station) storage.StationInfo {
	t.Helper()
	info, err := s.Store.StationInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return info
}
