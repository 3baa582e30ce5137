package storage

import (
	"sync"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
)

// candidate registers a candidate and returns their session.
func candidate(t testing.TB, s *Store, id, phone string) Session {
	t.Helper()
	in, err := s.Register(ctx, reg(id, phone))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Agree(ctx, in.Session, domain.NoticeSensitive, s.Notices()[domain.NoticeSensitive].Digest); err != nil {
		t.Fatal(err)
	}
	return in.Session
}

// shippedNotices are the notices in the binary, for registrations made
// before a store is at hand.
var shippedNotices = sync.OnceValue(func() domain.Notices {
	n, err := loadNotices()
	if err != nil {
		panic(err)
	}
	return n
})

// signIn logs in and returns the session.
func signIn(t testing.TB, s *Store, login, password string) Session {
	t.Helper()
	in, err := s.Login(ctx, login, password)
	if err != nil {
		t.Fatalf("login %s: %v", login, err)
	}
	return in.Session
}

// initialPassword is what the admin gives a new reviewer in the fixtures.
const initialPassword = "Initial12!"

// newReviewer creates a reviewer for departments as the admin does, then
// signs in once and replaces the initial password with staff's, as the
// reviewer must at first sign-in.
func newReviewer(t testing.TB, s *Store, admin Session, id, name string, departments []string) {
	t.Helper()
	r := staff(id, name)
	r.Password, r.Confirm = initialPassword, initialPassword
	if _, err := s.CreateReviewer(ctx, admin, r, departments); err != nil {
		t.Fatal(err)
	}
	first := signIn(t, s, id, initialPassword)
	if err := s.ChangePassword(ctx, first, initialPassword, "Review12!", "Review12!"); err != nil {
		t.Fatal(err)
	}
	s.SignOut(first)
}

// Real image bytes for the fixtures: a standard photo and document scans,
// each scan different for a different n.
var (
	photoBytes = sync.OnceValue(func() []byte { return domaintest.JPEG(domaintest.Portrait(295, 413, domaintest.White, 6), 92) })
	docMu      sync.Mutex
	docs       = map[int][]byte{}
)

func docBytes(n int) []byte {
	docMu.Lock()
	defer docMu.Unlock()
	if d, ok := docs[n]; !ok || d == nil {
		docs[n] = domaintest.JPEG(domaintest.Document(1000+n, 1400), 80)
	}
	return docs[n]
}

// put stores data as an image of kind for the record and returns its facts.
func put(t testing.TB, s *Store, me Session, recID string, kind domain.AttachmentKind, data []byte) *domain.Attachment {
	t.Helper()
	f, err := s.PutAttachment(ctx, me, recID, kind, data, domaintest.Catalog(t).Photo)
	if err != nil {
		t.Fatalf("put %s: %v", kind, err)
	}
	return &f
}

// filled stores real images for the record and returns the edit that
// copies the valid fixture's content into it, naming those images.
func filled(t testing.TB, s *Store, me Session, recID string) func(*domain.Record) {
	t.Helper()
	photo := put(t, s, me, recID, domain.AttPhoto, photoBytes())
	var scans []*domain.Attachment // a different scan for each slot: front and back must differ
	for i := range domaintest.ValidRecord().Attachments() {
		scans = append(scans, put(t, s, me, recID, domain.AttDiploma, docBytes(i)))
	}
	return func(rec *domain.Record) {
		v := domaintest.ValidRecord()
		v.ID, v.Version, v.Status, v.SubmittedAt, v.RealName.Status = rec.ID, rec.Version, rec.Status, rec.SubmittedAt, rec.RealName.Status
		b := &v.Basic
		b.IDType, b.IDNumber, b.Name, b.Phone, b.Gender, b.Birth = rec.Basic.IDType, rec.Basic.IDNumber, rec.Basic.Name, rec.Basic.Phone, rec.Basic.Gender, rec.Basic.Birth
		for i, a := range v.Attachments() {
			a.SHA256 = scans[i].SHA256
			if a.Kind == domain.AttPhoto {
				a.SHA256 = photo.SHA256
			}
		}
		*rec = *v
	}
}
