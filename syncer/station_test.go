package syncer

import (
	"testing"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
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
func newStation(t testing.TB, h *testHub) *station {
	t.Helper()
	s := &station{t: t, dir: t.TempDir()}
	s.open(h)
	if err := s.Store.SetHub(ctx, h.URL); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *station) open(h *testHub) {
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
		Password: password, Confirm: password, Phone: phone})
	if err != nil {
		s.t.Fatal(err)
	}
	return in.Session
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

// images are real JPEGs for every attachment of domaintest.ValidRecord,
// made once: the photo and a distinct scan per document.
var images = func() map[string][]byte {
	m := map[string][]byte{"photo": domaintest.JPEG(domaintest.Portrait(590, 826, domaintest.White, 20), 90)}
	for i, name := range []string{"front", "back", "handheld", "id_front", "id_back", "diploma", "degree", "appointment", "proof", "social"} {
		m[name] = domaintest.JPEG(domaintest.Document(900+10*i, 1200), 85)
	}
	return m
}()

// fillReal fills the session's record with the valid fixture and stores a
// real image for each attachment, with the facts storage measured.
func (s *station) fillReal(a storage.Session) *domain.Record {
	s.t.Helper()
	rec, err := s.Store.MyRecord(ctx, a)
	if err != nil {
		s.t.Fatal(err)
	}
	rules := domaintest.Catalog(s.t).Photo
	kinds := map[string]domain.AttachmentKind{"photo": domain.AttPhoto, "front": domain.AttIDFront, "back": domain.AttIDBack,
		"handheld": domain.AttIDHandheld, "id_front": domain.AttIDFront, "id_back": domain.AttIDBack, "diploma": domain.AttDiploma,
		"degree": domain.AttDegree, "appointment": domain.AttAppointment, "proof": domain.AttAccountingProof, "social": domain.AttSocialInsurance}
	facts := map[string]domain.Attachment{}
	for name, data := range images {
		if facts[name], err = s.Store.PutAttachment(ctx, a, rec.ID, kinds[name], data, rules); err != nil {
			s.t.Fatalf("%s: %v", name, err)
		}
	}
	out, err := s.Store.UpdateRecord(ctx, a, rec.ID, func(r *domain.Record) {
		v := domaintest.ValidRecord()
		v.ID, v.Version, v.Status = r.ID, r.Version, r.Status
		v.Basic.IDType, v.Basic.IDNumber, v.Basic.Name, v.Basic.Phone, v.Basic.Gender, v.Basic.Birth =
			r.Basic.IDType, r.Basic.IDNumber, r.Basic.Name, r.Basic.Phone, r.Basic.Gender, r.Basic.Birth
		set := func(att **domain.Attachment, name string) {
			f := facts[name]
			*att = &f
		}
		set(&v.RealName.Front, "front")
		set(&v.RealName.Back, "back")
		set(&v.RealName.Handheld, "handheld")
		set(&v.Basic.Photo, "photo")
		set(&v.Basic.IDFront, "id_front")
		set(&v.Basic.IDBack, "id_back")
		set(&v.Education[0].Diploma, "diploma")
		set(&v.Education[0].DegreeCert, "degree")
		set(&v.Work[0].Posts[0].Appointment, "appointment")
		set(&v.Work[0].Posts[0].Proof, "proof")
		set(&v.Work[0].SocialInsurance, "social")
		*r = *v
	})
	if err != nil {
		s.t.Fatal(err)
	}
	return out
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
