package domain_test

import (
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
)

// TestAttachments: every image slot of a record is listed once, in the
// order of the steps, and empty slots are left out.
func TestAttachments(t *testing.T) {
	r := domaintest.ValidRecord()
	r.Residence = domaintest.Doc(domain.AttResidence, 1)
	r.Qualifications = []domain.Qualification{{Cert: domaintest.Doc(domain.AttQualification, 1)}}
	r.Education[0].DegreeCert = nil
	var kinds []domain.AttachmentKind
	for _, a := range r.Attachments() {
		kinds = append(kinds, a.Kind)
	}
	want := []domain.AttachmentKind{domain.AttIDFront, domain.AttIDBack, domain.AttIDHandheld, domain.AttPhoto, domain.AttIDFront, domain.AttIDBack,
		domain.AttResidence, domain.AttDiploma, domain.AttQualification, domain.AttSocialInsurance, domain.AttAppointment, domain.AttAccountingProof}
	if len(kinds) != len(want) {
		t.Fatalf("Attachments() kinds = %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("Attachments() kinds = %v, want %v", kinds, want)
		}
	}
	if got := (&domain.Record{}).Attachments(); len(got) != 0 {
		t.Errorf("an empty record lists %d attachments", len(got))
	}
}
