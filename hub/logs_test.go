package hub_test

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"caiji/domain/domaintest"
	"caiji/hub"
	"caiji/hub/hubtest"
	"caiji/hub/store"
	"caiji/wire"
)

// syncBuffer is a log destination shared by the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// The hub's log lines name routes, statuses and UUIDs, never a person's ID
// number, name or phone, whatever the requests carried or failed on.
func TestLogsHoldNoPersonalData(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		var logs syncBuffer
		srv := hub.New(e.st, domaintest.Catalog(t), slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})), hub.Config{Now: e.clock.now})
		ts := httptest.NewTLSServer(srv.Handler())
		defer ts.Close()
		e.anon = &hubtest.Client{Base: ts.URL, HTTP: ts.Client()}
		alice := e.person(1)
		r, v := e.submit(alice, 1, haidian, 1)
		hd := e.station(store.Review, haidian)
		a, err := hd.JSON(e.ctx, "POST", "/v1/records/"+v.Record+"/decisions", decision(hd, v, wire.Reject, "1", "R02"), nil)
		want(t, "decision", a, err, 201)
		bad := r.Submit(2, 0, hubtest.Person(1), stationUUID(1), false) // a stale base
		a, err = alice.JSON(e.ctx, "POST", hubtest.VersionPath(v.Record, 2), bad, nil)
		if err != nil || a.Status < 400 {
			t.Fatalf("a refused version: %v %v", a, err)
		}
		_, a, err = e.anon.SignIn(e.ctx, wire.SignIn{Login: hubtest.Person(1).IDNumber, Password: "wrong", Station: stationUUID(1)})
		want(t, "wrong password", a, err, 401)

		out := logs.b.String()
		if !strings.Contains(out, `"route":"POST /v1/records/{uuid}/versions/{n}"`) {
			t.Fatalf("the log does not show the requests:\n%s", out)
		}
		p := hubtest.Person(1)
		for _, secret := range []string{p.IDNumber, p.Name, hubtest.Phone(1), "110105198001010011"} {
			if strings.Contains(out, secret) {
				t.Fatalf("the log holds %q:\n%s", secret, out)
			}
		}
	})
}
