package syncer

import (
	"context"
	"testing"
	"time"

	"caiji/storage"
	"caiji/syncer/synctest"
)

// A version submitted while the worker sleeps between polls is sent at
// once, not at the next poll minutes later: submitting wakes the worker.
func TestSubmitWakesWorker(t *testing.T) {
	h := synctest.NewHub(t)
	h.Start()
	pc, me := homePC(t, h)
	pc.W.Poll = time.Hour
	run, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { pc.W.Run(run); close(done) }()
	t.Cleanup(func() { stop(); <-done })

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
