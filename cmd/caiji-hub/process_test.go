package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"caiji/domain/domaintest"
	"caiji/hub/hubtest"
	"caiji/wire"
)

func eachDB(t *testing.T, fn func(t *testing.T, db hubDB)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, sqliteDB(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, postgresDB(t)) })
}

// Two hub processes on one PostgreSQL receive the same versions and race
// decisions on the same records: one version per (uuid, version), one
// decision per awaiting version, the losers get 409.
func TestTwoProcessesOnPostgres(t *testing.T) {
	db := postgresDB(t)
	certDir, client := certs(t)
	code := setup(t, db)
	h1, h2 := start(t, db, certDir), start(t, db, certDir)
	ctx := context.Background()
	c1 := &hubtest.Client{Base: h1.base, HTTP: client}
	alice := signIn(t, c1, 1)
	alice2 := alice.WithToken(alice.Token)
	alice2.Base = h2.base
	reviewer, _, err := c1.Enrol(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	reviewer2 := reviewer.WithStation(reviewer.Station, reviewer.Key)
	reviewer2.Base = h2.base
	rules := domaintest.Catalog(t).Photo
	const records = 4
	var wg sync.WaitGroup
	results := make([][2]int, records)
	decisions := make([][2]int, records)
	for i := range records {
		r := hubtest.NewRecord(hubtest.Person(1), "110108", uint64(i), hubtest.SmallScans, rules)
		v := r.Submit(1, 0, hubtest.Person(1), station(1), false)
		wg.Go(func() {
			var inner sync.WaitGroup
			for j, c := range []*hubtest.Client{alice, alice2} {
				inner.Go(func() {
					a, err := c.Upload(ctx, r, v)
					if err == nil {
						results[i][j] = a.Status
					}
				})
			}
			inner.Wait()
			for j, c := range []*hubtest.Client{reviewer, reviewer2} {
				inner.Go(func() {
					d := &wire.Decision{Record: v.Record, N: 1, Verdict: wire.Pass, RealName: "verified", Station: c.Station,
						Reviewer: wire.Reviewer{UUID: fmt.Sprintf("11111111-1111-4111-8111-%012d", j), Name: "李审核", IDNumber: "110105198001010011"}, At: time.Now()}
					a, err := c.JSON(ctx, "POST", "/v1/records/"+v.Record+"/decisions", d, nil)
					if err == nil {
						decisions[i][j] = a.Status
					}
				})
			}
			inner.Wait()
		})
	}
	wg.Wait()
	for i := range records {
		got := []int{results[i][0], results[i][1]}
		if !(got[0] == 201 && got[1] == 200 || got[0] == 200 && got[1] == 201) {
			t.Errorf("record %d: uploads answered %v, want one 201 and one 200", i, got)
		}
		got = []int{decisions[i][0], decisions[i][1]}
		if !(got[0] == 201 && (got[1] == 409 || got[1] == 200) || got[1] == 201 && (got[0] == 409 || got[0] == 200)) {
			t.Errorf("record %d: decisions answered %v, want one 201 and one 409", i, got)
		}
	}
	var f wire.Feed
	if a, err := reviewer.JSON(ctx, "GET", "/v1/feed", nil, &f); err != nil || a.Status != 200 {
		t.Fatalf("feed: %v %v", a, err)
	}
	if len(f.Items) != 2*records {
		t.Fatalf("feed holds %d items, want %d (one version and one decision per record)", len(f.Items), 2*records)
	}
}

// Killing the hub (SIGKILL) in the middle of a stream of uploads loses no
// acknowledged version and half-stores nothing; the client retries every
// record after a restart and ends with exactly one version of each.
func TestKillMidStream(t *testing.T) {
	eachDB(t, func(t *testing.T, db hubDB) {
		certDir, client := certs(t)
		setup(t, db)
		unlimited := []string{"-rate", "100000", "-burst", "100000"} // the test checks every blob at once
		h := start(t, db, certDir, unlimited...)
		ctx := context.Background()
		alice := signIn(t, &hubtest.Client{Base: h.base, HTTP: client}, 1)
		rules := domaintest.Catalog(t).Photo
		const records = 8
		recs := make([]*hubtest.Record, records)
		vers := make([]*wire.Version, records)
		for i := range recs {
			recs[i] = hubtest.NewRecord(hubtest.Person(1), "110108", uint64(100+i), hubtest.SmallScans, rules)
			vers[i] = recs[i].Submit(1, 0, hubtest.Person(1), station(1), false)
		}
		var mu sync.Mutex
		acked := map[int]bool{}
		done := make(chan struct{})
		go func() {
			defer close(done)
			for i := range recs {
				a, err := alice.Upload(ctx, recs[i], vers[i])
				if err != nil {
					return // the hub died under us
				}
				if a.Status == 201 || a.Status == 200 {
					mu.Lock()
					acked[i] = true
					mu.Unlock()
				}
			}
		}()
		for n := 0; n < 3; {
			select {
			case <-done:
				t.Fatalf("the uploader stopped before the kill\n%s", h.stderr)
			case <-time.After(10 * time.Millisecond):
			}
			mu.Lock()
			n = len(acked)
			mu.Unlock()
		}
		h.cmd.Process.Signal(syscall.SIGKILL)
		<-h.exited
		<-done
		if len(acked) == records {
			t.Fatal("the stream finished before the kill; nothing was tested")
		}

		h2 := start(t, db, certDir, unlimited...)
		alice.Base = h2.base
		for i := range recs {
			a, err := alice.Upload(ctx, recs[i], vers[i])
			if err != nil {
				t.Fatal(err)
			}
			if acked[i] && a.Status != 200 {
				t.Errorf("record %d was acknowledged before the kill but its retry got %s", i, a)
			}
			if !acked[i] && a.Status != 201 && a.Status != 200 {
				t.Errorf("record %d: retry got %s", i, a)
			}
		}
		var f wire.Feed
		if a, err := alice.JSON(ctx, "GET", "/v1/feed", nil, &f); err != nil || a.Status != 200 {
			t.Fatalf("feed: %v %v", a, err)
		}
		if len(f.Items) != records {
			t.Fatalf("%d versions stored, want exactly %d", len(f.Items), records)
		}
		for i, v := range vers {
			var got wire.Version
			a, err := alice.JSON(ctx, "GET", hubtest.VersionPath(v.Record, 1), nil, &got)
			if err != nil || a.Status != 200 || got.SHA256 != v.SHA256 || wire.Digest(got.Document) != v.SHA256 {
				t.Fatalf("record %d after restart: %v %v", i, a, err)
			}
			for d := range recs[i].Blobs {
				a, err := alice.Do(ctx, "GET", "/v1/blobs/"+d, nil)
				if err != nil || a.Status != 200 || wire.Digest(a.Body) != d {
					t.Fatalf("blob of record %d after restart: %v %v", i, a, err)
				}
			}
		}
	})
}

// SIGTERM lets a request in flight finish before the hub exits.
func TestGracefulShutdown(t *testing.T) {
	db := sqliteDB(t)
	certDir, client := certs(t)
	setup(t, db)
	h := start(t, db, certDir)
	alice := signIn(t, &hubtest.Client{Base: h.base, HTTP: client}, 1)
	r := hubtest.NewRecord(hubtest.Person(1), "110108", 5, hubtest.SmallScans, domaintest.Catalog(t).Photo)
	var digest string
	var data []byte
	for digest, data = range r.Blobs {
		break
	}
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("PUT", h.base+"/v1/blobs/"+digest, pr)
	req.ContentLength = int64(len(data))
	req.Header.Set("Authorization", "Bearer "+alice.Token)
	wrote := make(chan struct{})
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{WroteHeaders: func() { close(wrote) }}))
	answer := make(chan int, 1)
	go func() {
		resp, err := client.Do(req)
		if err != nil {
			answer <- -1
			return
		}
		resp.Body.Close()
		answer <- resp.StatusCode
	}()
	pw.Write(data[:len(data)/2])
	<-wrote
	time.Sleep(300 * time.Millisecond) // the hub has read the headers: the request is in flight
	h.cmd.Process.Signal(syscall.SIGTERM)
	time.Sleep(300 * time.Millisecond)
	pw.Write(data[len(data)/2:])
	pw.Close()
	if got := <-answer; got != 201 {
		t.Fatalf("request in flight at SIGTERM got %d, want 201", got)
	}
	if err := <-h.exited; err != nil {
		t.Fatalf("hub exit: %v\n%s", err, h.stderr)
	}
}

// backup -to writes an online copy that a fresh hub serves as it was.
func TestBackupRestore(t *testing.T) {
	db := sqliteDB(t)
	certDir, client := certs(t)
	code := setup(t, db)
	h := start(t, db, certDir)
	ctx := context.Background()
	alice := signIn(t, &hubtest.Client{Base: h.base, HTTP: client}, 1)
	r := hubtest.NewRecord(hubtest.Person(1), "110108", 6, hubtest.SmallScans, domaintest.Catalog(t).Photo)
	v := r.Submit(1, 0, hubtest.Person(1), station(1), false)
	if a, err := alice.Upload(ctx, r, v); err != nil || a.Status != 201 {
		t.Fatalf("upload: %v %v", a, err)
	}
	backupFile := filepath.Join(t.TempDir(), "backup.db")
	cli(t, append([]string{"backup", "-to", backupFile}, db...)...) // while the hub serves
	h.cmd.Process.Signal(syscall.SIGTERM)
	<-h.exited
	os.Remove(db[1]) // the original is lost

	restored := hubDB{"-db", backupFile}
	h2 := start(t, restored, certDir)
	alice.Base = h2.base
	var got wire.Version
	if a, err := alice.JSON(ctx, "GET", hubtest.VersionPath(v.Record, 1), nil, &got); err != nil || a.Status != 200 || got.SHA256 != v.SHA256 {
		t.Fatalf("version after restore: %v %v", a, err)
	}
	if out := cli(t, append([]string{"station", "list"}, restored...)...); !strings.Contains(out, "海淀审核 1") {
		t.Fatalf("stations after restore: %q", out)
	}
	if _, _, err := (&hubtest.Client{Base: h2.base, HTTP: client}).Enrol(ctx, code); err != nil {
		t.Fatalf("the code made before the backup: %v", err)
	}
	pgBackup := exec.Command(bin, "backup", "-to", filepath.Join(t.TempDir(), "x.dump"), "-postgres", "postgres://hub@127.0.0.1:1/hub")
	if out, err := pgBackup.CombinedOutput(); err == nil || !strings.Contains(string(out), "pg_dump") {
		t.Fatal("backup of PostgreSQL did not point to pg_dump")
	}
}
