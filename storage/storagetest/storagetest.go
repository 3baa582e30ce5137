// Package storagetest sets up stores for the tests of the packages above
// storage: a review station with its reviewer, and candidates whose
// records are submitted with real images, all through storage's own API.
package storagetest

import (
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
)

// Password is every fixture account's password.
const Password = "Abcdef12!"

// Open opens a store in a temp dir, closed when the test ends.
func Open(t testing.TB) *storage.Store {
	t.Helper()
	s, err := storage.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func staff(id, name string) domain.Registration {
	return domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: name, Password: Password, Confirm: Password}
}

// Reviewer is the ID number of the fixture reviewer, for 海淀区 (110108).
const Reviewer = "440305200002299920"

// ReviewStation makes s a review station with an admin and the reviewer,
// and returns their sessions.
func ReviewStation(t testing.TB, s *storage.Store) (admin, reviewer storage.Session) {
	t.Helper()
	if _, err := s.InitAdmin(t.Context(), staff("120101198512319986", "王管理")); err != nil {
		t.Fatal(err)
	}
	admin = SignIn(t, s, "120101198512319986")
	NewReviewer(t, s, admin, Reviewer, "李审核", Password, []string{"110108"})
	return admin, SignIn(t, s, Reviewer)
}

// InitialPassword is the password the admin gives a fixture reviewer.
const InitialPassword = "Initial12!"

// NewReviewer creates a reviewer for departments as the admin does, then
// signs in once and replaces the initial password with password, as a
// reviewer must at first sign-in.
func NewReviewer(t testing.TB, s *storage.Store, admin storage.Session, id, name, password string, departments []string) {
	t.Helper()
	r := staff(id, name)
	r.Password, r.Confirm = InitialPassword, InitialPassword
	if _, err := s.CreateReviewer(t.Context(), admin, r, departments); err != nil {
		t.Fatal(err)
	}
	in, err := s.Login(t.Context(), id, InitialPassword)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ChangePassword(t.Context(), in.Session, InitialPassword, password, password); err != nil {
		t.Fatal(err)
	}
	s.SignOut(in.Session)
}

// SignIn logs in with the fixture password.
func SignIn(t testing.TB, s *storage.Store, login string) storage.Session {
	t.Helper()
	in, err := s.Login(t.Context(), login, Password)
	if err != nil {
		t.Fatalf("login %s: %v", login, err)
	}
	return in.Session
}

// Registration is a mainland candidate's registration with the fixture
// password, agreeing to s's personal-information notice.
func Registration(s *storage.Store, id, name, phone string) domain.Registration {
	return domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: name, Password: Password, Confirm: Password,
		Phone: phone, Agreed: s.Notices()[domain.NoticePersonal].Digest}
}

// AgreeSensitive records the session's consent to the sensitive-information
// notice, which storing an image needs.
func AgreeSensitive(t testing.TB, s *storage.Store, sess storage.Session) {
	t.Helper()
	if err := s.Agree(t.Context(), sess, domain.NoticeSensitive, s.Notices()[domain.NoticeSensitive].Digest); err != nil {
		t.Fatal(err)
	}
}

// Submitted registers a mainland candidate, fills their record with the
// valid fixture's content and real images (a standard photo, a different
// scan for each document), and submits it. edit, if given, changes the
// content before it is saved (another department, say).
func Submitted(t testing.TB, s *storage.Store, id, name, phone string, edit ...func(*domain.Record)) (storage.Session, *domain.Record) {
	t.Helper()
	ctx, rules := t.Context(), domaintest.Catalog(t).Photo
	in, err := s.Register(ctx, Registration(s, id, name, phone))
	if err != nil {
		t.Fatal(err)
	}
	me := in.Session
	AgreeSensitive(t, s, me)
	rec, err := s.MyRecord(ctx, me)
	if err != nil {
		t.Fatal(err)
	}
	put := func(kind domain.AttachmentKind, data []byte) string {
		f, err := s.PutAttachment(ctx, me, rec.ID, kind, data, rules)
		if err != nil {
			t.Fatal(err)
		}
		return f.SHA256
	}
	photo := put(domain.AttPhoto, domaintest.JPEG(domaintest.Portrait(295, 413, domaintest.White, 6), 92))
	var scans []string
	for i, a := range domaintest.ValidRecord().Attachments() {
		scans = append(scans, put(a.Kind, domaintest.JPEG(domaintest.Document(1000+i, 1400), 80)))
	}
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
		v := domaintest.ValidRecord()
		v.ID, v.Version, v.Status, v.RealName.Status, v.Basic = r.ID, r.Version, r.Status, r.RealName.Status, keepIdentity(v.Basic, r.Basic)
		for i, a := range v.Attachments() {
			a.SHA256 = scans[i]
			if a.Kind == domain.AttPhoto {
				a.SHA256 = photo
			}
		}
		for _, e := range edit {
			e(v)
		}
		*r = *v
	}); err != nil {
		t.Fatal(err)
	}
	rec, err = s.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	return me, rec
}

// keepIdentity is b with the identity fields of the account's record.
func keepIdentity(b, account domain.Basic) domain.Basic {
	b.IDType, b.IDNumber, b.Name, b.Phone, b.Gender, b.Birth = account.IDType, account.IDNumber, account.Name, account.Phone, account.Gender, account.Birth
	return b
}
