// Package storagetest fills stations' databases for tests of the code
// around storage (sync, packages): candidates with complete records, real
// images measured by storage, submitted.
package storagetest

import (
	"context"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
)

// Password is every test account's password.
const Password = "Abcdef12!"

// Images are real JPEGs for every attachment of domaintest.ValidRecord,
// made once: the photo and a distinct scan per document.
var Images = func() map[string][]byte {
	m := map[string][]byte{"photo": domaintest.JPEG(domaintest.Portrait(590, 826, domaintest.White, 20), 90)}
	for i, name := range []string{"front", "back", "handheld", "id_front", "id_back", "diploma", "degree", "appointment", "proof", "social"} {
		m[name] = domaintest.JPEG(domaintest.Document(900+10*i, 1200), 85)
	}
	return m
}()

var kinds = map[string]domain.AttachmentKind{"photo": domain.AttPhoto, "front": domain.AttIDFront, "back": domain.AttIDBack,
	"handheld": domain.AttIDHandheld, "id_front": domain.AttIDFront, "id_back": domain.AttIDBack, "diploma": domain.AttDiploma,
	"degree": domain.AttDegree, "appointment": domain.AttAppointment, "proof": domain.AttAccountingProof, "social": domain.AttSocialInsurance}

// Register makes a candidate account (name 张三, Password) and signs it in.
func Register(tb testing.TB, s *storage.Store, id, phone string) storage.Session {
	tb.Helper()
	in, err := s.Register(context.Background(), domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: "张三",
		Password: Password, Confirm: Password, Phone: phone})
	if err != nil {
		tb.Fatal(err)
	}
	return in.Session
}

// Fill fills the session's record with domaintest.ValidRecord and stores a
// real image for each attachment, with the facts storage measured; edit,
// if not nil, changes the record before it is saved (another department).
func Fill(tb testing.TB, s *storage.Store, a storage.Session, edit func(*domain.Record)) *domain.Record {
	tb.Helper()
	ctx := context.Background()
	rec, err := s.MyRecord(ctx, a)
	if err != nil {
		tb.Fatal(err)
	}
	rules := domaintest.Catalog(tb).Photo
	facts := map[string]domain.Attachment{}
	for name, data := range Images {
		if facts[name], err = s.PutAttachment(ctx, a, rec.ID, kinds[name], data, rules); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
	}
	out, err := s.UpdateRecord(ctx, a, rec.ID, func(r *domain.Record) {
		v := domaintest.ValidRecord()
		v.ID, v.Version, v.Status = r.ID, r.Version, r.Status
		b := &v.Basic // the identity is the account's
		b.IDType, b.IDNumber, b.Name, b.Phone, b.Gender, b.Birth = r.Basic.IDType, r.Basic.IDNumber, r.Basic.Name, r.Basic.Phone, r.Basic.Gender, r.Basic.Birth
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
		if edit != nil {
			edit(v)
		}
		*r = *v
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// Submit fills and submits the session's record.
func Submit(tb testing.TB, s *storage.Store, a storage.Session, edit func(*domain.Record)) *domain.Record {
	tb.Helper()
	rec := Fill(tb, s, a, edit)
	rec, err := s.Submit(context.Background(), a, rec.ID, domaintest.Catalog(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return rec
}
