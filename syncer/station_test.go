package syncer

import (
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/domain/photo"
	"caiji/storage"
)

// station is a Caiji station's data folder with its store and worker.
type station struct {
	t     *testing.T
	dir   string
	Store *storage.Store
	W     *Worker
}

const password = "Abcdef12!"

// newStation opens a fresh station that knows the hub's address and CA.
func newStation(t *testing.T, h *testHub) *station {
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
	keys, err := LoadKeys(s.dir)
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
func (s *station) register(id, phone string) storage.Account {
	s.t.Helper()
	a, err := s.Store.Register(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: "张三",
		Password: password, Confirm: password, Phone: phone})
	if err != nil {
		s.t.Fatal(err)
	}
	return a
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

// fillReal fills the account's record with the valid fixture and stores a
// real image for each attachment, with the facts the photo code finds.
func (s *station) fillReal(a storage.Account) *domain.Record {
	s.t.Helper()
	rec, err := s.Store.MyRecord(ctx, a)
	if err != nil {
		s.t.Fatal(err)
	}
	rules := domaintest.Catalog(s.t).Photo
	facts := map[string]*domain.Attachment{}
	for name, data := range images {
		kind := domain.AttDiploma
		var rep *photo.Report
		if name == "photo" {
			rep, err = photo.CheckPhoto(data, rules)
			kind = domain.AttPhoto
		} else {
			rep, err = photo.CheckDocument(data, kind, rules)
		}
		if err != nil || !rep.OK() {
			s.t.Fatalf("%s: %v %v", name, err, rep.Problems)
		}
		f := rep.Facts
		facts[name] = &f
	}
	for name, data := range images {
		f := *facts[name]
		if err := s.Store.PutAttachment(ctx, a, rec.ID, f, data); err != nil {
			s.t.Fatal(err)
		}
	}
	out, err := s.Store.UpdateRecord(ctx, a, rec.ID, func(r *domain.Record) {
		v := domaintest.ValidRecord()
		v.ID, v.Version, v.Status = r.ID, r.Version, r.Status
		set := func(att **domain.Attachment, name string, kind domain.AttachmentKind) {
			f := *facts[name]
			f.Kind = kind
			*att = &f
		}
		set(&v.RealName.Front, "front", domain.AttIDFront)
		set(&v.RealName.Back, "back", domain.AttIDBack)
		set(&v.RealName.Handheld, "handheld", domain.AttIDHandheld)
		set(&v.Basic.Photo, "photo", domain.AttPhoto)
		set(&v.Basic.IDFront, "id_front", domain.AttIDFront)
		set(&v.Basic.IDBack, "id_back", domain.AttIDBack)
		set(&v.Education[0].Diploma, "diploma", domain.AttDiploma)
		set(&v.Education[0].DegreeCert, "degree", domain.AttDegree)
		set(&v.Work[0].Posts[0].Appointment, "appointment", domain.AttAppointment)
		set(&v.Work[0].Posts[0].Proof, "proof", domain.AttAccountingProof)
		set(&v.Work[0].SocialInsurance, "social", domain.AttSocialInsurance)
		*r = *v
	})
	if err != nil {
		s.t.Fatal(err)
	}
	return out
}

// submit fills and submits the account's record.
func (s *station) submit(a storage.Account) *domain.Record {
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
