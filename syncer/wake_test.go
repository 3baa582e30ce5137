package syncer

import (
	"context"
	"testing"
	"time"

	"caiji/storage"
	"caiji/syncer/synctest"
)

// running runs w on its own goroutine until the test ends.
func running(t *testing.T, w *Worker) {
	run, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { w.Run(run); close(done) }()
	t.Cleanup(func() { stop(); <-done })
}

// A version submitted while the worker sleeps between polls is sent at
// once, not at the next poll minutes later: submitting wakes the worker.
func TestSubmitWakesWorker(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	pc, me := homePC(t, h)
	pc.W.Poll = time.Hour
	running(t, pc.W)

	rec := pc.submit(me)
	deadline := time.Now().Add(10 * time.Second)
	for {
		items := pc.outbox()
		if len(items) == 1 && items[0].State == storage.OutSent {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("version %d not sent while the worker waits for its next poll: %+v", rec.Version, items)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// On a kiosk, the candidate whose submission the hub confirmed is deleted
// as soon as they sign out, not at the next poll: the next stranger at the
// kiosk must not find them.
func TestKioskSignOutWakesWorker(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	k := kioskStation(t, h)
	k.W.Poll = time.Hour
	const id = "110101199003079913"
	me := k.register(id, "13800138000")
	k.submit(me)
	k.sync() // sent and confirmed; kept while they read the receipt code
	select {
	case <-k.Store.Due(): // the submission's signal, consumed by that sync
	default:
	}
	started := time.Now()
	running(t, k.W)
	for k.W.Status().LastSync.Before(started) { // the worker's first run is over: it sleeps
		time.Sleep(10 * time.Millisecond)
	}
	if k.logIn(id) != nil {
		t.Fatal("the candidate was deleted while signed in")
	}

	k.Store.SignOut(me)
	for deadline := time.Now().Add(10 * time.Second); k.logIn(id) == nil; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the candidate is still on the kiosk after signing out")
		}
	}
}
