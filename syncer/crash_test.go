package syncer

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"caiji/caijipkg"
	"caiji/storage"
	"caiji/syncer/synctest"
)

// TestSyncChild is the station process the crash test kills: it opens the
// station's folder and syncs. It does nothing unless started by that test.
func TestSyncChild(t *testing.T) {
	dir, ca := os.Getenv("CAIJI_SYNC_CHILD_DIR"), os.Getenv("CAIJI_SYNC_CHILD_CA")
	if dir == "" {
		t.Skip("run by TestKilledMidSendResumes")
	}
	st, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	conf, err := TLSConfig(ca)
	if err != nil {
		t.Fatal(err)
	}
	_ = NewWorker(st, dir, keys, conf).SyncOnce(ctx)
}

// The station is killed (SIGKILL) while sending images; started again it
// resumes and the hub holds one copy of everything. Then the hub dies after
// storing the version but before answering: the station retries after its
// backoff and gets the receipt of the one stored version.
func TestKilledMidSendResumes(t *testing.T) {
	h := synctest.NewHub(t)
	var puts, posts atomic.Int32
	stalled, release := make(chan struct{}), make(chan struct{})
	h.Wrap = func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/v1/blobs/"):
				if puts.Add(1) == 4 { // the fourth image: hold it until the sender is dead
					close(stalled)
					<-release
				}
			case r.Method == http.MethodPost && strings.Contains(r.URL.Path, "/versions/"):
				if posts.Add(1) == 1 { // stored, but the answer is lost
					next.ServeHTTP(httptest.NewRecorder(), r)
					conn, _, err := w.(http.Hijacker).Hijack()
					if err == nil {
						conn.Close()
					}
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
	h.Start()
	pc, me := homePC(t, h)
	rec := pc.submit(me)
	pc.Store.Close() // the child takes the folder's lock

	child := exec.Command(os.Args[0], "-test.run=^TestSyncChild$", "-test.count=1")
	child.Env = append(os.Environ(), "CAIJI_SYNC_CHILD_DIR="+pc.dir, "CAIJI_SYNC_CHILD_CA="+h.CAFile)
	var childOut bytes.Buffer
	child.Stdout, child.Stderr = &childOut, &childOut
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-stalled:
	case <-time.After(2 * time.Minute):
		child.Process.Kill()
		child.Wait()
		t.Fatalf("the child never reached the fourth image:\n%s", childOut.String())
	}
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	close(release)
	if n := h.Count("SELECT count(*) FROM versions"); n != 0 {
		t.Fatalf("a version was stored before its images: %d", n)
	}

	pc.open(h)
	me = pc.login("110101199003079913")
	items := pc.outbox()
	if len(items) != 1 || items[0].State != storage.OutQueued {
		t.Fatalf("outbox after the kill: %+v", items)
	}
	clock := time.Now()
	pc.W.now = func() time.Time { return clock }
	if err := pc.W.SyncOnce(ctx); err == nil {
		t.Fatal("the lost answer was not reported")
	}
	items = pc.outbox()
	if items[0].State != storage.OutQueued || !items[0].NextAt.After(clock) {
		t.Fatalf("after the lost answer: %+v", items)
	}
	pc.sync() // not due yet: nothing is sent
	if posts.Load() != 1 {
		t.Fatalf("sent again before the backoff: %d posts", posts.Load())
	}
	clock = items[0].NextAt.Add(time.Second)
	pc.sync()
	if _, err := pc.Store.ReceiptFor(ctx, me, rec.ID, rec.Version); err != nil {
		t.Fatalf("no receipt: %v %+v", err, pc.outbox())
	}
	if n := h.Count("SELECT count(*) FROM versions"); n != 1 {
		t.Fatalf("hub holds %d versions", n)
	}
	if n, want := h.Count("SELECT count(*) FROM blobs"), len(synctest.Images); n != want {
		t.Fatalf("hub holds %d blobs, want %d", n, want)
	}
	if n := h.Count("SELECT count(*) FROM version_blobs"); n != len(synctest.Images) {
		t.Fatalf("hub's version names %d blobs", n)
	}
}
