package domain_test

import (
	"slices"
	"testing"

	. "caiji/domain"
	"caiji/domain/domaintest"
)

// TestDocumentRulesEveryKind: every kind of document, wherever the record
// holds it, is judged by the same rules — format, more than 20 KB, at most
// 500 KB, and enough pixels to read (a 110×110 PNG accepted as 居住证明 was
// the case that showed the gap).
func TestDocumentRulesEveryKind(t *testing.T) {
	student := func(r *Record) {
		r.Scopes, r.Work, r.Student = []Scope{ScopeExam}, nil, true
		r.Enrolment = domaintest.Doc(AttEnrolment, 1)
	}
	unemployed := func(r *Record) {
		r.Scopes, r.Work = []Scope{ScopeExam}, nil
		r.Residence = domaintest.Doc(AttResidence, 1)
	}
	qualified := func(r *Record) {
		r.Scopes = []Scope{ScopeQualified, ScopeAccounting}
		r.Qualifications = []Qualification{{Level: "1", Obtained: NewMonth(2018, 5), CertNo: "Z2018110000001", Cert: domaintest.Doc(AttQualification, 1)}}
	}
	slots := []struct {
		kind  AttachmentKind
		field string
		shape func(*Record)
		slot  func(*Record) **Attachment
	}{
		{AttIDFront, "realname.front", nil, func(r *Record) **Attachment { return &r.RealName.Front }},
		{AttIDBack, "realname.back", nil, func(r *Record) **Attachment { return &r.RealName.Back }},
		{AttIDHandheld, "realname.handheld", nil, func(r *Record) **Attachment { return &r.RealName.Handheld }},
		{AttIDFront, "basic.id_front", nil, func(r *Record) **Attachment { return &r.Basic.IDFront }},
		{AttIDBack, "basic.id_back", nil, func(r *Record) **Attachment { return &r.Basic.IDBack }},
		{AttDiploma, "education[0].diploma", nil, func(r *Record) **Attachment { return &r.Education[0].Diploma }},
		{AttDegree, "education[0].degree_cert", nil, func(r *Record) **Attachment { return &r.Education[0].DegreeCert }},
		{AttEnrolment, "enrolment", student, func(r *Record) **Attachment { return &r.Enrolment }},
		{AttSocialInsurance, "work[0].social_insurance", nil, func(r *Record) **Attachment { return &r.Work[0].SocialInsurance }},
		{AttResidence, "residence", unemployed, func(r *Record) **Attachment { return &r.Residence }},
		{AttAppointment, "work[0].posts[0].appointment", nil, func(r *Record) **Attachment { return &r.Work[0].Posts[0].Appointment }},
		{AttAccountingProof, "work[0].posts[0].proof", nil, func(r *Record) **Attachment { return &r.Work[0].Posts[0].Proof }},
		{AttQualification, "qualifications[0].cert", qualified, func(r *Record) **Attachment { return &r.Qualifications[0].Cert }},
	}
	bad := []struct {
		name  string
		facts Attachment
		code  string
	}{
		{"GIF", Attachment{MIME: "image/gif", Bytes: 120_000, Width: 1600, Height: 1200}, CodeDocFormat},
		{"20,480 B", Attachment{MIME: "image/jpeg", Bytes: 20_480, Width: 1600, Height: 1200}, CodeDocTooSmall},
		{"500,001 B", Attachment{MIME: "image/png", Bytes: 500_001, Width: 1600, Height: 1200}, CodeDocTooLarge},
		{"110×110 PNG", Attachment{MIME: "image/png", Bytes: 48_000, Width: 110, Height: 110}, CodeDocPixels},
		{"1200×200 strip", Attachment{MIME: "image/jpeg", Bytes: 60_000, Width: 1200, Height: 200}, CodeDocPixels},
	}
	seen := map[AttachmentKind]bool{}
	for _, s := range slots {
		seen[s.kind] = true
		base := domaintest.ValidRecord()
		if s.shape != nil {
			s.shape(base)
		}
		if ps := runAudit(t, base); len(ps) != 0 {
			t.Fatalf("%s: the record is not clean before the test: %v", s.field, ps)
		}
		for _, b := range bad {
			r := domaintest.ValidRecord()
			if s.shape != nil {
				s.shape(r)
			}
			f := b.facts
			f.SHA256, f.Kind = "bad", s.kind
			*s.slot(r) = &f
			found := false
			for _, p := range runAudit(t, r) {
				found = found || (p.Code == b.code && p.Field == s.field && p.Severity == Error)
			}
			if !found {
				t.Errorf("%s (%s): %s not refused with %s", s.field, s.kind, b.name, b.code)
			}
		}
	}
	for _, k := range []AttachmentKind{AttIDFront, AttIDBack, AttIDHandheld, AttDiploma, AttDegree, AttEnrolment,
		AttSocialInsurance, AttResidence, AttAppointment, AttAccountingProof, AttQualification} {
		if !seen[k] {
			t.Errorf("kind %s is not tested", k)
		}
	}
}

// TestScopesAAndCExclusive: choosing A drops C and choosing C drops A; B
// goes with either.
func TestScopesAAndCExclusive(t *testing.T) {
	r := &Record{}
	r.SetScope(ScopeQualified, true)
	r.SetScope(ScopeAccounting, true)
	r.SetScope(ScopeExam, true)
	if want := []Scope{ScopeAccounting, ScopeExam}; !slices.Equal(r.Scopes, want) {
		t.Fatalf("after A, B, C: %v", r.Scopes)
	}
	r.SetScope(ScopeQualified, true)
	if want := []Scope{ScopeQualified, ScopeAccounting}; !slices.Equal(r.Scopes, want) {
		t.Fatalf("after A again: %v", r.Scopes)
	}
	r.SetScope(ScopeAccounting, false)
	if want := []Scope{ScopeQualified}; !slices.Equal(r.Scopes, want) {
		t.Fatalf("after dropping B: %v", r.Scopes)
	}
}
