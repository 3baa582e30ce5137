package hub_test

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	"caiji/domain/photo"
	"caiji/hub"
	"caiji/hub/hubtest"
	"caiji/hub/store"
	"caiji/wire"
)

// Oversized and malformed bodies, decompression bombs, files that are not
// images, truncated uploads and clients that trickle: each gets a clear
// refusal and the hub keeps serving.
func TestBadInput(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		alice := e.person(1)
		big := bytes.Repeat([]byte{0xFF}, 600_000)
		a, err := alice.Do(e.ctx, "PUT", "/v1/blobs/"+wire.Digest(big), big)
		want(t, "blob over the limit", a, err, 413, wire.CodeTooLarge)

		bomb := hubtest.BombHead()
		a, err = alice.Do(e.ctx, "PUT", "/v1/blobs/"+wire.Digest(bomb), bomb)
		want(t, "400-byte JPEG claiming 7000×7000", a, err, 422, wire.CodeInvalid)
		if len(a.Err.Problems) != 1 || a.Err.Problems[0].Code != photo.CodeImplausible {
			t.Fatalf("bomb refused for %+v", a.Err.Problems)
		}
		gif := append([]byte("GIF89a"), make([]byte, 30000)...)
		a, err = alice.Do(e.ctx, "PUT", "/v1/blobs/"+wire.Digest(gif), gif)
		want(t, "a GIF", a, err, 422, wire.CodeInvalid)
		if len(a.Err.Problems) != 1 || a.Err.Problems[0].Code != "IMG3" {
			t.Fatalf("GIF problems: %+v", a.Err.Problems)
		}
		a, err = alice.Do(e.ctx, "PUT", "/v1/blobs/not-a-digest", gif)
		want(t, "blob name not a digest", a, err, 404)

		id := "0b7e6f3c-9d2a-4c1e-8f00-123456789abc"
		a, err = alice.Do(e.ctx, "POST", hubtest.VersionPath(id, 1), []byte(`{"record":`))
		want(t, "malformed JSON", a, err, 400, wire.CodeBadRequest)
		a, err = alice.Do(e.ctx, "POST", hubtest.VersionPath(id, 1), bytes.Repeat([]byte(" "), 2<<20))
		want(t, "version body over the limit", a, err, 413)
		a, err = alice.Do(e.ctx, "PUT", "/v1/records/"+id+"/draft", bytes.Repeat([]byte("["), 1<<20-1))
		want(t, "draft of 1 MiB of brackets", a, err, 400, wire.CodeBadRequest)
		a, err = alice.Do(e.ctx, "GET", "/v1/nothing", nil)
		want(t, "unknown route", a, err, 404)
		a, err = e.anon.Do(e.ctx, "GET", "/v1/feed", nil)
		want(t, "no credential", a, err, 401)

		// A truncated upload: the connection closes 1,000 bytes into 30,000.
		r := e.record(1, haidian, 5)
		var digest string
		var data []byte
		for digest, data = range r.Blobs {
			break
		}
		conn := e.dial(t)
		fmt.Fprintf(conn, "PUT /v1/blobs/%s HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n", digest, alice.Token, len(data))
		conn.Write(data[:1000])
		conn.Close()

		// A client that trickles its body is cut off by the read timeout.
		slow := e.dial(t)
		fmt.Fprintf(slow, "PUT /v1/blobs/%s HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n", digest, alice.Token, len(data))
		start := time.Now()
		closed := false
		for i := 0; i < 40 && !closed; i++ {
			_, err := slow.Write(data[i : i+1])
			time.Sleep(200 * time.Millisecond)
			closed = err != nil
			if !closed {
				slow.SetReadDeadline(time.Now().Add(time.Millisecond))
				n, err := slow.Read(make([]byte, 1))
				closed = n > 0 || err == io.EOF || err != nil && !isTimeout(err) // an answer (408) or a close
			}
		}
		slow.Close()
		if !closed {
			t.Fatalf("a client trickling for %v was not cut off", time.Since(start))
		}

		// The hub still serves, and stored nothing of the broken uploads.
		a, err = alice.Do(e.ctx, "HEAD", "/v1/blobs/"+digest, nil)
		want(t, "blob after broken uploads", a, err, 404)
		a, err = alice.Do(e.ctx, "PUT", "/v1/blobs/"+digest, data)
		want(t, "whole upload", a, err, 201)
	})
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// dial opens a raw TLS connection to the test hub.
func (e *env) dial(t *testing.T) *tls.Conn {
	u, _ := url.Parse(e.ts.URL)
	conn, err := tls.Dial("tcp", u.Host, &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

// Each credential has its own rate: one caller over it gets 429, another
// is served.
func TestRateLimit(t *testing.T) {
	e := sqliteEnv(t, hub.Config{Rate: 0.01, Burst: 3})
	alice := e.person(1) // sign-in spends the address's rate, not alice's
	for i := range 3 {
		a, err := alice.Do(e.ctx, "GET", "/v1/feed", nil)
		want(t, fmt.Sprint("request ", i), a, err, 200)
	}
	a, err := alice.Do(e.ctx, "GET", "/v1/feed", nil)
	want(t, "over the rate", a, err, 429, wire.CodeRateLimited)
	hd := e.station(store.Review, haidian)
	a, err = hd.Do(e.ctx, "GET", "/v1/feed", nil)
	want(t, "another credential", a, err, 200)
}

// A flood of anonymous sign-ins, each an argon2id run, cannot take every
// place among the requests in flight: a station is still answered while
// two hundred first sign-ins arrive at once.
func TestSignInFloodLeavesRoom(t *testing.T) {
	e := sqliteEnv(t, hub.Config{MaxInFlight: 8, RequestTimeout: 3 * time.Second, Rate: 1000, Burst: 1000})
	hd := e.station(store.Review, haidian)
	var wg sync.WaitGroup
	for k := range 200 {
		wg.Go(func() {
			p := hubtest.Person(100 + k)
			e.anon.SignIn(e.ctx, wire.SignIn{Login: p.IDNumber, Password: "Passw0rd!", Person: p, Phone: hubtest.Phone(100 + k), Station: stationUUID(k)})
		})
	}
	time.Sleep(100 * time.Millisecond) // the flood is in
	for i := range 3 {
		a, err := hd.Do(e.ctx, "GET", "/v1/feed", nil)
		want(t, fmt.Sprint("station's request ", i, " during the flood"), a, err, 200)
	}
	wg.Wait()
}
