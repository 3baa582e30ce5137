package hub_test

import (
	"sync"
	"testing"

	"caiji/hub"
	"caiji/hub/hubtest"
	"caiji/hub/store"
	"caiji/wire"
)

// Two hubs over one database (two connection pools, as two processes
// have) receive the same version and race decisions on it: one version
// stored, one decision, every loser told 200 (a repeat) or 409.
func TestTwoHubsRace(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		_, second := e.serve(e.open(), hub.Config{})
		alice := e.person(1)
		alice2 := alice.WithToken(alice.Token)
		alice2.Base, alice2.HTTP = second.URL, second.Client()
		p := hubtest.Person(1)
		r := e.record(1, haidian, 77)
		for d, data := range r.Blobs {
			a, err := alice.Do(e.ctx, "PUT", "/v1/blobs/"+d, data)
			want(t, "blob", a, err, 201)
		}
		v := r.Submit(1, 0, p, stationUUID(1), false)
		statuses := race(8, func(i int) (*hubtest.Answer, error) {
			c := alice
			if i%2 == 1 {
				c = alice2
			}
			return c.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 1), v, nil)
		})
		if statuses[201] != 1 || statuses[200] != 7 {
			t.Fatalf("same version to two hubs: %v, want one 201 and seven 200", statuses)
		}

		hd := e.station(store.Review, haidian)
		hd2 := e.station(store.Review, haidian)
		hd2.Base, hd2.HTTP = second.URL, second.Client()
		statuses = race(8, func(i int) (*hubtest.Answer, error) {
			c := hd
			if i%2 == 1 {
				c = hd2
			}
			verdict, reasons := wire.Pass, []string(nil)
			if i%4 >= 2 {
				verdict, reasons = wire.Reject, []string{"R02"}
			}
			d := decision(c, v, verdict, string(rune('0'+i)), reasons...)
			return c.JSON(e.ctx, "POST", "/v1/records/"+v.Record+"/decisions", d, nil)
		})
		if statuses[201] != 1 || statuses[409] != 7 {
			t.Fatalf("racing decisions: %v, want one 201 and seven 409", statuses)
		}
		if n, err := e.st.CountDecisions(e.ctx, v.Record, 1); err != nil || n != 1 {
			t.Fatalf("%d decisions stored, %v", n, err)
		}
	})
}

// race runs n calls at once and counts the statuses.
func race(n int, call func(i int) (*hubtest.Answer, error)) map[int]int {
	var mu sync.Mutex
	out := map[int]int{}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			a, err := call(i)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				out[-1]++
				return
			}
			out[a.Status]++
		})
	}
	close(start)
	wg.Wait()
	return out
}
