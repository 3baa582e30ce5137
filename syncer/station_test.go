package syncer

import (
	"testing"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/syncer/synctest"
)

// station is a Caiji station's data folder with its store and worker.
type station struct {
	t     testing.TB
	dir   string
	Store *storage.Store
	W     *Worker
}

const password = "Abcdef12!"

// newStation opens a fresh station that knows the hub's address and CA.
func newStation(t testing.TB, h *synctest.Hub) *station {
	t.Helper()
	s := &station{t: t, dir: t.TempDir()}
	s.open(h)
	if err := s.Store.SetHub(ctx, h.URL); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *station) open(h *synctest.Hub) {
	s.t.Helper()
	st, err := storage.Open(s.dir)
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { st.Close() })
	keys, err := caijipkg.LoadOrCreateKeys(s.dir)
	if err != nil {
		s.t.Fatal(err)
	}
	conf, err := TLSConfig(h.CAFile)
	if err != nil {
		s.t.Fatal(err)
	}
	s.Store, s.W = st, NewWorker(st, s.dir, keys, conf)
}

// sync runs one sync and fails the test on an error.
func (s *station) sync() {
	s.t.Helper()
	if err := s.W.SyncOnce(ctx); err != nil {
		s.t.Fatalf("sync: %v", err)
	}
}

// register makes a candidate account on the station.
func (s *station) register(id, phone string) storage.Session {
	s.t.Helper()
	in, err := s.Store.Register(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: "张三",
		Password: password, Confirm: password, Phone: phone, Agreed: s.Store.Notices()[domain.NoticePersonal].Digest})
	if err != nil {
		s.t.Fatal(err)
	}
	storagetest.AgreeSensitive(s.t, s.Store, in.Session)
	return in.Session
}

// homePC is a home PC of a started hub with a candidate registered,
// signed in here and on the hub.
func homePC(t *testing.T, h *synctest.Hub) (*station, storage.Session) {
	t.Helper()
	pc := newStation(t, h)
	me := pc.register("110101199003079913", "13800138000")
	if err := pc.W.SignIn(ctx, me, "13800138000", password); err != nil {
		t.Fatal(err)
	}
	return pc, me
}

// login signs an account of the station in.
func (s *station) login(id string) storage.Session {
	s.t.Helper()
	in, err := s.Store.Login(ctx, id, password)
	if err != nil {
		s.t.Fatal(err)
	}
	return in.Session
}

// fillReal fills the session's record with a complete record and real
// images (synctest.FillRecord).
func (s *station) fillReal(a storage.Session) *domain.Record {
	s.t.Helper()
	return synctest.FillRecord(s.t, s.Store, a)
}

// submit fills and submits the account's record.
func (s *station) submit(a storage.Session) *domain.Record {
	s.t.Helper()
	rec := s.fillReal(a)
	rec, err := s.Store.Submit(ctx, a, rec.ID, domaintest.Catalog(s.t))
	if err != nil {
		s.t.Fatal(err)
	}
	return rec
}

// outbox returns the station's outbox.
func (s *station) outbox() []storage.OutboxItem {
	s.t.Helper()
	items, err := s.Store.Outbox(ctx)
	if err != nil {
		s.t.Fatal(err)
	}
	return items
}
