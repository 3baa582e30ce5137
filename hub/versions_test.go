package hub_test

import (
	"encoding/json"
	"testing"

	"caiji/hub/hubtest"
	"caiji/wire"
)

// The same version twice is stored once; other bytes at that version, a
// stale base, pre-audit errors, a missing blob and a body that does not
// hash to its name are refused with their codes.
func TestVersionIdempotency(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		alice := e.person(1)
		p := hubtest.Person(1)
		r := e.record(1, haidian, 1)
		v := r.Submit(3, 0, p, stationUUID(1), false)
		a, err := alice.Upload(e.ctx, r, v)
		want(t, "first", a, err, 201)
		var rc wire.Receipt
		if json.Unmarshal(a.Body, &rc); rc.SHA256 != v.SHA256 || rc.ReceivedAt.IsZero() || rc.ReviewBy.IsZero() != rc.ReviewFrom.IsZero() || !rc.ReviewBy.IsZero() && !rc.ReviewBy.After(rc.ReviewFrom) {
			t.Fatalf("receipt %s", a.Body)
		}
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 3), v, nil)
		want(t, "retry", a, err, 200)

		r.Record.Education[0].School = "北京大学"
		other := r.Submit(3, 0, p, stationUUID(1), false)
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 3), other, nil)
		want(t, "other content at v3", a, err, 409, wire.CodeConflict)

		// A second PC that never saw v3 submits v5 on base 0.
		stale := r.Submit(5, 0, p, stationUUID(2), false)
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 5), stale, nil)
		want(t, "stale base", a, err, 409, wire.CodeStaleBase)
		// v3 awaits review: a version on top of it is refused too.
		next := r.Submit(6, 3, p, stationUUID(1), false)
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 6), next, nil)
		want(t, "on a version awaiting review", a, err, 409, wire.CodeStaleBase)

		// Pre-audit errors: no commitment ticked.
		bad := e.record(1, haidian, 2)
		bad.Record.Committed = false
		bv := bad.Submit(1, 0, p, stationUUID(1), false)
		a, err = alice.Upload(e.ctx, bad, bv)
		want(t, "pre-audit error", a, err, 422, wire.CodeInvalid)
		if len(a.Err.Problems) == 0 || a.Err.Problems[0].Code != "CM1" {
			t.Fatalf("problems: %+v", a.Err.Problems)
		}

		// A blob never uploaded.
		miss := e.record(1, haidian, 3)
		mv := miss.Submit(1, 0, p, stationUUID(1), false)
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(mv.Record, 1), mv, nil)
		want(t, "missing blob", a, err, 422, wire.CodeMissingBlob)

		// Facts that lie about the image.
		liar := e.record(1, haidian, 4)
		liar.Record.Basic.Photo.Width = 590
		lv := liar.Submit(1, 0, p, stationUUID(1), false)
		a, err = alice.Upload(e.ctx, liar, lv)
		want(t, "facts differ from the image", a, err, 422, wire.CodeInvalid)

		// A body that does not hash to its name.
		for d, data := range r.Blobs {
			a, err = alice.Do(e.ctx, "PUT", "/v1/blobs/"+d, data[:len(data)-1])
			want(t, "digest mismatch", a, err, 422, wire.CodeDigestMismatch)
			break
		}

		// A document that is not canonical, or does not hash to its digest.
		nc := *v
		nc.Document = append([]byte(" "), v.Document...)
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 3), &nc, nil)
		want(t, "not canonical", a, err, 422, wire.CodeInvalid)

		var f wire.Feed
		a, err = alice.JSON(e.ctx, "GET", "/v1/feed", nil, &f)
		want(t, "feed", a, err, 200)
		if len(f.Items) != 1 || f.Items[0].Version.SHA256 != v.SHA256 {
			t.Fatalf("feed holds %d items, want the one stored version", len(f.Items))
		}
	})
}
