package hub_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"caiji/hub"
	"caiji/hub/hubtest"
	"caiji/hub/store"
	"caiji/wire"
)

// A person reaches only their own records and blobs; a review station only
// its departments, never its reviewer's own record; disabled stations and
// persons, expired and reset tokens are refused at once.
func TestAuthorization(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		alice, bob := e.person(1), e.person(2)
		r, v := e.submit(alice, 1, haidian, 1)
		path := hubtest.VersionPath(v.Record, 1)

		a, err := bob.Do(e.ctx, "GET", path, nil)
		want(t, "bob reads alice's version", a, err, 404, wire.CodeNotFound)
		a, err = alice.Do(e.ctx, "GET", path, nil)
		want(t, "alice reads her version", a, err, 200)
		var digest string
		for d := range r.Blobs {
			digest = d
		}
		a, err = bob.Do(e.ctx, "GET", "/v1/blobs/"+digest, nil)
		want(t, "bob reads alice's blob", a, err, 404)
		a, err = bob.Do(e.ctx, "HEAD", "/v1/blobs/"+digest, nil)
		want(t, "bob asks whether alice's blob exists", a, err, 404)
		a, err = alice.Do(e.ctx, "GET", "/v1/blobs/"+digest, nil)
		want(t, "alice reads her blob", a, err, 200)
		if string(a.Body) != string(r.Blobs[digest]) {
			t.Fatal("blob bytes differ")
		}
		// An image may carry anything after its end (a camera's trailer, or
		// HTML): whoever opens it must not sniff it as something else.
		if a.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("blob served without nosniff: %v", a.Header)
		}

		// Bob writes a version of alice's record, as himself or as her.
		pb := hubtest.Person(2)
		bv := r.Submit(2, 1, pb, stationUUID(2), false)
		a, err = bob.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 2), bv, nil)
		if err != nil || a.Status != 403 && a.Status != 422 {
			t.Fatalf("bob writes alice's record: %v %v", a, err)
		}
		a, err = bob.JSON(e.ctx, "POST", path, v, nil)
		want(t, "bob sends alice's version", a, err, 403, wire.CodeForbidden)
		a, err = bob.Do(e.ctx, "PUT", "/v1/records/"+v.Record+"/draft", []byte(`{"id":"x"}`))
		want(t, "bob writes a draft on alice's record", a, err, 403)

		// Review stations: 海淀 sees it, 朝阳 does not.
		hd, cy := e.station(store.Review, haidian), e.station(store.Review, chaoyang)
		a, err = hd.Do(e.ctx, "GET", path, nil)
		want(t, "海淀 reads", a, err, 200)
		a, err = cy.Do(e.ctx, "GET", path, nil)
		want(t, "朝阳 reads", a, err, 404)
		a, err = cy.Do(e.ctx, "GET", "/v1/blobs/"+digest, nil)
		want(t, "朝阳 reads a blob", a, err, 404)
		a, err = cy.JSON(e.ctx, "POST", "/v1/records/"+v.Record+"/decisions", decision(cy, v, wire.Pass, "0"), nil)
		want(t, "朝阳 decides", a, err, 404)
		own := decision(hd, v, wire.Pass, "0")
		own.Reviewer.IDNumber = hubtest.Person(1).IDNumber
		a, err = hd.JSON(e.ctx, "POST", "/v1/records/"+v.Record+"/decisions", own, nil)
		want(t, "reviewer decides own record", a, err, 403, wire.CodeForbidden)
		a, err = alice.JSON(e.ctx, "POST", "/v1/records/"+v.Record+"/decisions", decision(hd, v, wire.Pass, "0"), nil)
		want(t, "a person decides", a, err, 403)

		// A signature made with another key, or replayed long after.
		forged := hd.WithStation(hd.Station, cy.Key)
		a, err = forged.Do(e.ctx, "GET", path, nil)
		want(t, "forged signature", a, err, 401)
		old := hd.WithStation(hd.Station, hd.Key)
		old.Now = func() time.Time { return e.clock.now().Add(-time.Hour) }
		a, err = old.Do(e.ctx, "GET", path, nil)
		want(t, "old signature", a, err, 401)

		// Disabled at once.
		if err := e.st.DisableStation(e.ctx, hd.Station, e.clock.now()); err != nil {
			t.Fatal(err)
		}
		a, err = hd.Do(e.ctx, "GET", path, nil)
		want(t, "disabled station", a, err, 403)

		ps, _ := e.st.PersonByLogin(e.ctx, hubtest.Person(2).IDNumber)
		if err := e.st.DisablePerson(e.ctx, ps.UUID, e.clock.now()); err != nil {
			t.Fatal(err)
		}
		a, err = bob.Do(e.ctx, "GET", "/v1/feed", nil)
		want(t, "disabled person", a, err, 401)

		// Reset password revokes alice's token; an expired token is refused.
		pa, _ := e.st.PersonByLogin(e.ctx, hubtest.Person(1).IDNumber)
		if err := e.st.ResetPassword(e.ctx, pa.UUID, pa.PasswordHash, e.clock.now()); err != nil {
			t.Fatal(err)
		}
		a, err = alice.Do(e.ctx, "GET", "/v1/feed", nil)
		want(t, "token after reset", a, err, 401)
		carol := e.person(3)
		e.clock.advance(91 * 24 * time.Hour)
		a, err = carol.Do(e.ctx, "GET", "/v1/feed", nil)
		want(t, "expired token", a, err, 401)
	})
}

func decision(c *hubtest.Client, v *wire.Version, verdict string, reviewer string, reasons ...string) *wire.Decision {
	return &wire.Decision{Record: v.Record, N: v.N, Verdict: verdict, RealName: "verified", Reasons: reasons, Station: c.Station,
		Reviewer: wire.Reviewer{UUID: "11111111-1111-4111-8111-00000000000" + reviewer, Name: "李审核", IDNumber: "11010519800101001" + reviewer},
		At:       time.Now().UTC().Truncate(time.Second)}
}

// Sign-in registers a person once; afterwards the hub's password counts,
// five wrong ones lock the account, and a one-time code works once.
func TestSignInAndEnrolment(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.person(4)
		p := hubtest.Person(4)
		in := wire.SignIn{Login: p.IDNumber, Password: "Other0ne!", Person: p, Station: stationUUID(9)}
		for i := range 4 {
			_, a, err := e.anon.SignIn(e.ctx, in)
			want(t, "second PC, other password", a, err, 401, wire.CodeUnauthorized)
			if i == 0 && a.Err.En != "Wrong password. This account is registered on the hub: use that password" {
				t.Fatalf("message: %q", a.Err.En)
			}
		}
		_, a, err := e.anon.SignIn(e.ctx, in)
		want(t, "fifth wrong password", a, err, http.StatusLocked, wire.CodeLocked)
		in.Password = "Passw0rd!"
		_, a, err = e.anon.SignIn(e.ctx, in)
		want(t, "right password while locked", a, err, http.StatusLocked)
		e.clock.advance(16 * time.Minute)
		c, a, err := e.anon.SignIn(e.ctx, wire.SignIn{Login: hubtest.Phone(4), Password: "Passw0rd!", Station: stationUUID(9)})
		want(t, "by phone after the lock-out", a, err, 200)
		a, err = c.Do(e.ctx, "POST", "/v1/signout", nil)
		want(t, "sign out", a, err, 204)
		a, err = c.Do(e.ctx, "GET", "/v1/feed", nil)
		want(t, "signed-out token", a, err, 401)

		taken := hubtest.Person(6)
		_, a, err = e.anon.SignIn(e.ctx, wire.SignIn{Login: taken.IDNumber, Password: "Passw0rd!", Person: taken, Phone: hubtest.Phone(4), Station: stationUUID(6)})
		want(t, "registration with another person's phone", a, err, 409, wire.CodeAlreadyRegistered)

		bad := wire.SignIn{Login: "110101199003079914", Password: "Passw0rd!", Person: wire.Person{IDType: "01", IDNumber: "110101199003079914", Name: "张三"}, Station: stationUUID(9)}
		_, a, err = e.anon.SignIn(e.ctx, bad)
		want(t, "registration with a wrong check digit", a, err, 422, wire.CodeInvalid)

		code := "ONCE-ONLY-CODE"
		st := store.Station{UUID: "22222222-2222-4222-8222-222222222222", Name: "k", Kind: store.Kiosk, CreatedAt: e.clock.now()}
		if err := e.st.AddStation(e.ctx, st, hub.EnrolCodeHash(code), e.clock.now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.anon.Enrol(e.ctx, code); err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.anon.Enrol(e.ctx, code); err == nil {
			t.Fatal("a one-time code worked twice")
		}
	})
}

// The own-record rule holds whatever spelling of the reviewer's ID number
// the station sends: lower-case check letter, spaces, full-width digits, or
// the first-generation 15-digit form of the same number.
func TestReviewerOwnIDNumberSpellings(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		k := 14 // Person(14)'s check character is X
		id := hubtest.Person(k).IDNumber
		if id[17] != 'X' {
			t.Fatalf("Person(%d) = %s: pick a person whose check character is X", k, id)
		}
		alice := e.person(k)
		_, v := e.submit(alice, k, haidian, 1)
		hd := e.station(store.Review, haidian)
		fullWidth := strings.Map(func(r rune) rune { return r - '0' + '０' }, id[:17]) + "Ｘ"
		for _, spelling := range []string{
			strings.ToLower(id),
			" " + id[:6] + " " + id[6:14] + " " + id[14:] + " ",
			fullWidth,
			id[:6] + id[8:17], // 15 digits: no century, no check character
		} {
			own := decision(hd, v, wire.Pass, "0")
			own.Reviewer.IDNumber = spelling
			a, err := hd.JSON(e.ctx, "POST", "/v1/records/"+v.Record+"/decisions", own, nil)
			want(t, "reviewer decides own record as "+spelling, a, err, 403, wire.CodeForbidden)
		}
	})
}

// Wrong passwords sent at once all count: the fifth locks the account and
// no guess is judged without its failure being stored (a guess that lost a
// race on the counter must not come back as a "try again" that told the
// guesser it was wrong).
func TestLockoutUnderConcurrentGuesses(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.person(7)
		in := wire.SignIn{Login: hubtest.Person(7).IDNumber, Password: "Wr0ngGuess!", Station: stationUUID(9)}
		const n = 12
		statuses := make(chan int, n)
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				_, a, err := e.anon.SignIn(e.ctx, in)
				if err != nil {
					t.Error(err)
					return
				}
				statuses <- a.Status
			})
		}
		wg.Wait()
		close(statuses)
		count := map[int]int{}
		for s := range statuses {
			count[s]++
		}
		if count[http.StatusUnauthorized] != 4 || count[http.StatusLocked] != n-4 {
			t.Fatalf("%d wrong passwords at once: %v, want 4×401 and %d×423", n, count, n-4)
		}
	})
}

// A feed holds only what its caller may read, from any cursor: a review
// station asking from before another department's items, or a person from
// before another person's, gets none of them.
func TestFeedScope(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		alice, bob := e.person(1), e.person(2)
		_, va := e.submit(alice, 1, haidian, 1)
		_, vb := e.submit(bob, 2, chaoyang, 1)
		cy := e.station(store.Review, chaoyang)
		for _, c := range []struct {
			who    string
			client *hubtest.Client
			own    string
		}{{"朝阳", cy, vb.Record}, {"bob", bob, vb.Record}, {"alice", alice, va.Record}} {
			for _, since := range []string{"0", "-0", "00"} {
				var f wire.Feed
				a, err := c.client.JSON(e.ctx, "GET", "/v1/feed?since="+since, nil, &f)
				want(t, c.who+"'s feed", a, err, 200)
				if len(f.Items) != 1 || f.Items[0].Version == nil || f.Items[0].Version.Record != c.own {
					t.Fatalf("%s's feed since %s: %+v", c.who, since, f.Items)
				}
			}
		}
	})
}

// A station's signature covers its method, path with query, time and body:
// a captured request altered in any of them is refused, and one replayed
// as it was changes nothing (every signed write is idempotent: the same
// version or decision again is answered 200 with what is stored).
func TestSignatureBinding(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		alice := e.person(1)
		_, v := e.submit(alice, 1, haidian, 1)
		hd := e.station(store.Review, haidian)
		path := hubtest.VersionPath(v.Record, 1)
		send := func(method, path string, body []byte, h http.Header) int {
			t.Helper()
			req, err := http.NewRequestWithContext(e.ctx, method, e.ts.URL+path, bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			maps.Copy(req.Header, h)
			resp, err := e.ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		signed := func(method, path string, body []byte, at time.Time) http.Header {
			req, _ := http.NewRequest(method, e.ts.URL+path, nil)
			wire.Sign(req, hd.Station, hd.Key, wire.Digest(body), at)
			return req.Header
		}
		now := e.clock.now()
		d, _ := json.Marshal(decision(hd, v, wire.Reject, "1", "R02"))
		other, _ := json.Marshal(decision(hd, v, wire.Pass, "1"))
		dpath := "/v1/records/" + v.Record + "/decisions"
		for _, c := range []struct {
			what         string
			method, path string
			body         []byte
			h            http.Header
			status       int
		}{
			{"as signed", "GET", path, nil, signed("GET", path, nil, now), 200},
			{"signed GET sent as HEAD", "HEAD", path, nil, signed("GET", path, nil, now), 401},
			{"signed for the feed, sent for a version", "GET", path, nil, signed("GET", "/v1/feed", nil, now), 401},
			{"another query", "GET", "/v1/feed?since=1", nil, signed("GET", "/v1/feed?since=0", nil, now), 401},
			{"signed 4 minutes ahead", "GET", path, nil, signed("GET", path, nil, now.Add(4*time.Minute)), 200},
			{"signed 6 minutes ahead", "GET", path, nil, signed("GET", path, nil, now.Add(6*time.Minute)), 401},
			{"signed a day ago", "GET", path, nil, signed("GET", path, nil, now.Add(-24*time.Hour)), 401},
			{"another body under the signed digest", "POST", dpath, other, signed("POST", dpath, d, now), 401},
			{"decision", "POST", dpath, d, signed("POST", dpath, d, now), 201},
			{"decision replayed", "POST", dpath, d, signed("POST", dpath, d, now), 200},
		} {
			if got := send(c.method, c.path, c.body, c.h); got != c.status {
				t.Errorf("%s: %d, want %d", c.what, got, c.status)
			}
		}
	})
}
