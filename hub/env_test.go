package hub_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"caiji/domain/domaintest"
	"caiji/hub"
	"caiji/hub/hubtest"
	"caiji/hub/store"
	"caiji/wire"

	"github.com/google/uuid"
)

var (
	pg    *hubtest.Postgres
	pgErr error
)

func TestMain(m *testing.M) {
	pg, pgErr = hubtest.StartPostgres(true)
	code := m.Run()
	if pg != nil {
		pg.Stop()
	}
	os.Exit(code)
}

// clock is the hub's clock in a test: real time plus a shift.
type clock struct {
	mu    sync.Mutex
	shift time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.shift)
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.shift += d
	c.mu.Unlock()
}

// env is one hub on 127.0.0.1 over a fresh database of one engine.
type env struct {
	t     testing.TB
	ctx   context.Context
	st    *store.Store
	srv   *hub.Server
	ts    *httptest.Server
	anon  *hubtest.Client
	clock *clock
	open  func() *store.Store // another store on the same database
}

// Departments every test hub serves (domaintest's 海淀 and 朝阳).
const (
	haidian  = "110108"
	chaoyang = "110105"
)

// engines runs a test once over SQLite and once over PostgreSQL.
func engines(t *testing.T, fn func(t *testing.T, e *env)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "hub.db")
		fn(t, newEnv(t, func() *store.Store {
			st, err := store.OpenSQLite(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}, hub.Config{}))
	})
	t.Run("postgres", func(t *testing.T) {
		p := hubtest.RequirePostgres(t, pg, pgErr)
		url, err := p.NewDatabase(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		fn(t, newEnv(t, func() *store.Store {
			st, err := store.OpenPostgres(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}, hub.Config{}))
	})
}

// sqliteEnv is a hub with cfg over a fresh SQLite database, for tests of
// the server's own limits (no store behaviour to compare across engines).
func sqliteEnv(t testing.TB, cfg hub.Config) *env {
	path := filepath.Join(t.TempDir(), "hub.db")
	return newEnv(t, func() *store.Store {
		st, err := store.OpenSQLite(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}, cfg)
}

func newEnv(t testing.TB, open func() *store.Store, cfg hub.Config) *env {
	t.Helper()
	e := &env{t: t, ctx: context.Background(), clock: &clock{}}
	e.open = func() *store.Store {
		st := open()
		t.Cleanup(func() { st.Close() })
		return st
	}
	e.st = e.open()
	for _, d := range []store.Department{{Code: haidian, Name: "海淀区财政局"}, {Code: chaoyang, Name: "朝阳区财政局"}} {
		if err := e.st.PutDepartment(e.ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	e.srv, e.ts = e.serve(e.st, cfg)
	e.anon = &hubtest.Client{Base: e.ts.URL, HTTP: e.ts.Client()}
	return e
}

// serve starts a hub over st on 127.0.0.1 with a self-signed certificate.
func (e *env) serve(st *store.Store, cfg hub.Config) (*hub.Server, *httptest.Server) {
	if cfg.Now == nil {
		cfg.Now = e.clock.now
	}
	srv := hub.New(st, domaintest.Catalog(e.t), slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})), cfg)
	ts := httptest.NewUnstartedServer(srv.Handler())
	ts.Config.ReadTimeout = 2 * time.Second
	ts.StartTLS()
	e.t.Cleanup(ts.Close)
	return srv, ts
}

// person signs the k-th test person in (registering them) from a new PC.
func (e *env) person(k int) *hubtest.Client {
	e.t.Helper()
	p := hubtest.Person(k)
	c, a, err := e.anon.SignIn(e.ctx, wire.SignIn{Login: p.IDNumber, Password: "Passw0rd!", Person: p, Phone: hubtest.Phone(k), Station: stationUUID(k)})
	if err != nil || c == nil {
		e.t.Fatalf("sign in person %d: %v %v", k, a, err)
	}
	return c
}

// stationUUID is the UUID of person k's home PC.
func stationUUID(k int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", k) }

// station adds and enrols a station of kind for departments.
func (e *env) station(kind string, depts ...string) *hubtest.Client {
	e.t.Helper()
	code := "CODE-" + kind + "-" + time.Now().Format("150405.000000000")
	st := store.Station{UUID: uuid.NewString(), Name: kind, Kind: kind, Departments: depts, CreatedAt: e.clock.now()}
	if err := e.st.AddStation(e.ctx, st, hub.EnrolCodeHash(code), e.clock.now().Add(time.Hour)); err != nil {
		e.t.Fatal(err)
	}
	c, _, err := e.anon.Enrol(e.ctx, code)
	if err != nil {
		e.t.Fatal(err)
	}
	c.Now = e.clock.now
	return c
}

// submit uploads a new record of person k in county as version n.
func (e *env) submit(c *hubtest.Client, k int, county string, n int) (*hubtest.Record, *wire.Version) {
	e.t.Helper()
	r := e.record(k, county, uint64(k*1000+n))
	v := r.Submit(n, 0, hubtest.Person(k), stationUUID(k), false)
	a, err := c.Upload(e.ctx, r, v)
	if err != nil || a.Status != 201 {
		e.t.Fatalf("submit: %v %v", a, err)
	}
	return r, v
}

// record makes a complete record of person k in county with small scans.
func (e *env) record(k int, county string, seed uint64) *hubtest.Record {
	return hubtest.NewRecord(hubtest.Person(k), county, seed, hubtest.SmallScans, domaintest.Catalog(e.t).Photo)
}

// want fails the test unless the answer has status (and code, if given).
func want(t *testing.T, what string, a *hubtest.Answer, err error, status int, code ...string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if a.Status != status || len(code) > 0 && (a.Err == nil || a.Err.Code != code[0]) {
		t.Fatalf("%s: got %s, want %d %v", what, a, status, code)
	}
	if a.Err != nil && (a.Err.Zh == "" || a.Err.En == "") {
		t.Fatalf("%s: error without both messages: %+v", what, a.Err)
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
