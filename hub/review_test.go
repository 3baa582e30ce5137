package hub_test

import (
	"crypto/ed25519"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"caiji/domain"
	"caiji/hub/hubtest"
	"caiji/hub/store"
	"caiji/wire"
)

// A rejection needs reasons and comes back to the candidate through the
// feed; the candidate resubmits on the hub's base, the reviewer passes, and
// a change of the approved record is reviewed again. Decisions are
// idempotent and one per version.
func TestReviewCycle(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		alice := e.person(1)
		hd := e.station(store.Review, haidian)
		r, v := e.submit(alice, 1, haidian, 2)
		decide := func(d *wire.Decision) (*hubtest.Answer, error) {
			return hd.JSON(e.ctx, "POST", "/v1/records/"+v.Record+"/decisions", d, nil)
		}
		a, err := decide(decision(hd, v, wire.Reject, "1"))
		want(t, "reject without reasons", a, err, 422)
		a, err = decide(decision(hd, v, wire.Reject, "1", "R15"))
		want(t, "unknown reason", a, err, 422)
		failed := decision(hd, v, wire.Pass, "1")
		failed.RealName = "failed"
		a, err = decide(failed)
		want(t, "pass with the real name failed", a, err, 422)
		failed.RealName = ""
		a, err = decide(failed)
		want(t, "no verdict on the real name", a, err, 422)
		stale := decision(hd, v, wire.Pass, "1")
		stale.N = 1
		a, err = decide(stale)
		want(t, "decision on a version not awaiting review", a, err, 409)

		rej := decision(hd, v, wire.Reject, "1", "R02", "R09")
		rej.Comment = "照片背景不是白色"
		a, err = decide(rej)
		want(t, "reject", a, err, 201)
		a, err = decide(rej)
		want(t, "same decision again", a, err, 200)
		a, err = decide(decision(hd, v, wire.Pass, "2"))
		want(t, "second decision", a, err, 409, wire.CodeConflict)

		var f wire.Feed
		a, err = alice.JSON(e.ctx, "GET", "/v1/feed", nil, &f)
		want(t, "alice's feed", a, err, 200)
		if len(f.Items) != 2 || f.Items[1].Decision == nil || f.Items[1].Decision.Verdict != wire.Reject ||
			f.Items[1].Decision.Comment != rej.Comment || f.Items[1].Decision.Reviewer.IDNumber != "" {
			t.Fatalf("alice's feed: %+v", f.Items)
		}

		// Resubmitted on base 2, passed; then a change of the approved record.
		v5 := r.Submit(5, 2, hubtest.Person(1), stationUUID(1), false)
		a, err = alice.Upload(e.ctx, r, v5)
		want(t, "resubmission", a, err, 201)
		a, err = hd.JSON(e.ctx, "POST", "/v1/records/"+v.Record+"/decisions", decision(hd, v5, wire.Pass, "1"), nil)
		want(t, "pass", a, err, 201)
		wrong := r.Submit(7, 5, hubtest.Person(1), stationUUID(1), false)
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 7), wrong, nil)
		want(t, "a first submission after approval", a, err, 422)
		v7 := r.Submit(7, 5, hubtest.Person(1), stationUUID(1), true)
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 7), v7, nil)
		want(t, "change submission", a, err, 201)
		st, _ := e.st.Record(e.ctx, v.Record)
		if st.Status != string(domain.StatusChangeSubmitted) || st.Awaiting != 7 {
			t.Fatalf("hub state %+v", st)
		}

		// The review station's feed resumes after its cursor.
		var rf wire.Feed
		a, err = hd.JSON(e.ctx, "GET", "/v1/feed", nil, &rf)
		want(t, "station feed", a, err, 200)
		if len(rf.Items) != 5 { // v2, its rejection, v5, its pass, v7
			t.Fatalf("station feed holds %d items, want 5", len(rf.Items))
		}
		var more wire.Feed
		a, err = hd.JSON(e.ctx, "GET", "/v1/feed?since="+itoa64(rf.Next), nil, &more)
		want(t, "station feed resumed", a, err, 200)
		if len(more.Items) != 0 || more.Next != rf.Next {
			t.Fatalf("resumed feed: %+v", more)
		}
		a, err = hd.Do(e.ctx, "GET", "/v1/feed?since=x", nil)
		want(t, "bad cursor", a, err, 400)
	})
}

// Drafts are the owner's alone and never reach a review station.
func TestDraft(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		alice, bob := e.person(1), e.person(2)
		hd := e.station(store.Review, haidian)
		r := e.record(1, haidian, 9)
		doc, _ := json.Marshal(r.Record)
		path := "/v1/records/" + r.Record.ID + "/draft"
		a, err := alice.Do(e.ctx, "PUT", path, doc)
		want(t, "put draft", a, err, 200)
		a, err = alice.Do(e.ctx, "GET", path, nil)
		want(t, "get draft", a, err, 200)
		if c, _ := wire.Canonical(doc); string(a.Body) != string(c) {
			t.Fatal("draft came back changed")
		}
		var list []struct{ Record string }
		a, err = alice.JSON(e.ctx, "GET", "/v1/drafts", nil, &list)
		want(t, "alice's drafts", a, err, 200)
		if len(list) != 1 || list[0].Record != r.Record.ID {
			t.Fatalf("alice's drafts: %s", a.Body)
		}
		a, err = bob.JSON(e.ctx, "GET", "/v1/drafts", nil, &list)
		want(t, "bob's drafts", a, err, 200)
		if len(list) != 0 {
			t.Fatalf("bob sees drafts: %s", a.Body)
		}
		a, err = bob.Do(e.ctx, "GET", path, nil)
		want(t, "bob reads alice's draft", a, err, 404)
		a, err = bob.Do(e.ctx, "PUT", path, doc)
		want(t, "bob overwrites alice's draft", a, err, 403)
		a, err = hd.Do(e.ctx, "GET", path, nil)
		want(t, "review station reads a draft", a, err, 403)
		a, err = alice.Do(e.ctx, "PUT", path, []byte(`{"a":`))
		want(t, "malformed draft", a, err, 400)
		var f wire.Feed
		a, err = hd.JSON(e.ctx, "GET", "/v1/feed", nil, &f)
		want(t, "station feed", a, err, 200)
		if len(f.Items) != 0 {
			t.Fatal("a draft reached a review station")
		}

		// Submitting the record supersedes its draft.
		a, err = alice.Upload(e.ctx, r, r.Submit(1, 0, hubtest.Person(1), stationUUID(1), false))
		want(t, "submit", a, err, 201)
		a, err = alice.Do(e.ctx, "GET", path, nil)
		want(t, "draft after submission", a, err, 404)
	})
}

// A kiosk registers its candidates with their hashes and uploads for them
// only; it reads nothing back but its own uploads.
func TestKiosk(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		k := e.station(store.Kiosk)
		other := e.station(store.Kiosk)
		p := hubtest.Person(5)
		hash, _ := domain.HashPassword("Passw0rd!")
		reg := wire.KioskPerson{Person: p, PasswordHash: hash}
		a, err := k.JSON(e.ctx, "POST", "/v1/persons", reg, nil)
		want(t, "register", a, err, 201)
		a, err = k.JSON(e.ctx, "POST", "/v1/persons", reg, nil)
		want(t, "register again", a, err, 200)
		a, err = other.JSON(e.ctx, "POST", "/v1/persons", reg, nil)
		want(t, "another kiosk registers them", a, err, 409, wire.CodeAlreadyRegistered)
		a, err = k.JSON(e.ctx, "POST", "/v1/persons", wire.KioskPerson{Person: p, PasswordHash: "secret"}, nil)
		want(t, "a password instead of a hash", a, err, 422)
		costly := strings.Replace(hash, "t=2,", "t=100,", 1) // fifty times the work at every sign-in
		a, err = k.JSON(e.ctx, "POST", "/v1/persons", wire.KioskPerson{Person: hubtest.Person(6), PasswordHash: costly}, nil)
		want(t, "a hash naming a ruinous cost", a, err, 422)

		r := e.record(5, haidian, 3)
		v := r.Submit(1, 0, p, k.Station, false)
		a, err = other.Upload(e.ctx, r, v)
		want(t, "another kiosk uploads", a, err, 403)
		a, err = k.Upload(e.ctx, r, v)
		want(t, "kiosk uploads", a, err, 201)
		a, err = k.Do(e.ctx, "GET", "/v1/feed", nil)
		want(t, "kiosk feed", a, err, 403)

		// The candidate signs in at home with the kiosk's password.
		c, a, err := e.anon.SignIn(e.ctx, wire.SignIn{Login: p.IDNumber, Password: "Passw0rd!", Station: stationUUID(5)})
		want(t, "home sign-in", a, err, 200)
		a, err = c.Do(e.ctx, "GET", hubtest.VersionPath(v.Record, 1), nil)
		want(t, "reads the kiosk's upload", a, err, 200)
	})
}

// The reference data is served as signed and verifies with the publisher's
// key only.
func TestRefdata(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		a, err := e.anon.Do(e.ctx, "GET", "/v1/refdata", nil)
		want(t, "none yet", a, err, 404)
		pub, key, _ := ed25519.GenerateKey(nil)
		b, err := wire.SignRefdata(&wire.Refdata{Version: 2, Published: time.Now(), Files: map[string]json.RawMessage{"holidays.json": json.RawMessage(`{"2027":{}}`)}}, key)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.st.PutRefdata(e.ctx, 2, b, time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := e.st.PutRefdata(e.ctx, 2, b, time.Now()); err != store.ErrExists {
			t.Fatalf("same version twice: %v", err)
		}
		var got wire.SignedRefdata
		a, err = e.anon.JSON(e.ctx, "GET", "/v1/refdata", nil, &got)
		want(t, "get", a, err, 200)
		if r, err := got.Verify(pub); err != nil || r.Version != 2 {
			t.Fatalf("verify: %v %v", r, err)
		}
		other, _, _ := ed25519.GenerateKey(nil)
		if _, err := got.Verify(other); err == nil {
			t.Fatal("verified with another key")
		}
	})
}
