package synctest

import (
	"context"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
)

// Images are real JPEGs for every attachment of domaintest.ValidRecord,
// made once: the photo and a distinct scan per document.
var Images = func() map[string][]byte {
	m := map[string][]byte{"photo": domaintest.JPEG(domaintest.Portrait(590, 826, domaintest.White, 20), 90)}
	for i, name := range []string{"front", "back", "handheld", "id_front", "id_back", "diploma", "degree", "appointment", "proof", "social"} {
		m[name] = domaintest.JPEG(domaintest.Document(900+10*i, 1200), 85)
	}
	return m
}()

// FillRecord fills the session's record with domaintest's valid record
// (keeping the account's identity) and stores a real image for each
// attachment, with the facts storage measured: a record the hub accepts.
func FillRecord(t testing.TB, st *storage.Store, a storage.Session) *domain.Record {
	t.Helper()
	ctx := context.Background()
	rec, err := st.MyRecord(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	rules := domaintest.Catalog(t).Photo
	kinds := map[string]domain.AttachmentKind{"photo": domain.AttPhoto, "front": domain.AttIDFront, "back": domain.AttIDBack,
		"handheld": domain.AttIDHandheld, "id_front": domain.AttIDFront, "id_back": domain.AttIDBack, "diploma": domain.AttDiploma,
		"degree": domain.AttDegree, "appointment": domain.AttAppointment, "proof": domain.AttAccountingProof, "social": domain.AttSocialInsurance}
	facts := map[string]domain.Attachment{}
	for name, data := range Images {
		if facts[name], err = st.PutAttachment(ctx, a, rec.ID, kinds[name], data, rules); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	out, err := st.UpdateRecord(ctx, a, rec.ID, func(r *domain.Record) {
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
		t.Fatal(err)
	}
	return out
}
