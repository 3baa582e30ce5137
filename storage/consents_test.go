package storage

import (
	"errors"
	"testing"
	"time"

	"caiji/domain"
	"caiji/domain/domaintest"
)

func TestRegistrationNeedsConsent(t *testing.T) {
	s, _ := openTemp(t)
	at := time.Date(2026, 11, 27, 9, 30, 0, 0, domain.Shanghai)
	s.SetClock(func() time.Time { return at })
	var ce *domain.ConsentError
	for name, agreed := range map[string]string{"unticked": "", "another text": domaintest.Reworded(t, domain.NoticePersonal)[domain.NoticePersonal].Digest} {
		r := reg("110101199003079913", "13800138000")
		r.Agreed = agreed
		if _, err := s.Register(ctx, r); !errors.As(err, &ce) || ce.Notice != domain.NoticePersonal {
			t.Fatalf("%s: register: %v, want the personal notice asked", name, err)
		}
	}
	if _, err := s.Login(ctx, "110101199003079913", "Abcdef12!"); !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("a refused registration made an account: %v", err)
	}
	in, err := s.Register(ctx, reg("110101199003079913", "13800138000"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Consents(ctx, in.Session)
	want := []domain.Consent{{Notice: domain.NoticePersonal, Digest: s.Notices()[domain.NoticePersonal].Digest, At: at.UTC()}}
	if err != nil || len(got) != 1 || got[0] != want[0] {
		t.Fatalf("consents %+v (%v), want %+v", got, err, want)
	}
}

func TestImagesNeedSensitiveConsent(t *testing.T) {
	s, _ := openTemp(t)
	in, err := s.Register(ctx, reg("110101199003079913", "13800138000"))
	if err != nil {
		t.Fatal(err)
	}
	me := in.Session
	rec, _ := s.MyRecord(ctx, me)
	var ce *domain.ConsentError
	if _, err := s.PutAttachment(ctx, me, rec.ID, domain.AttIDFront, docBytes(0), domaintest.Catalog(t).Photo); !errors.As(err, &ce) || ce.Notice != domain.NoticeSensitive {
		t.Fatalf("image before the sensitive consent: %v", err)
	}
	// Agreeing to a text other than the current one records nothing.
	if err := s.Agree(ctx, me, domain.NoticeSensitive, s.Notices()[domain.NoticePersonal].Digest); !errors.Is(err, ErrNoticeChanged) {
		t.Fatalf("agree with another digest: %v", err)
	}
	if err := s.Agree(ctx, me, domain.NoticeSensitive, s.Notices()[domain.NoticeSensitive].Digest); err != nil {
		t.Fatal(err)
	}
	put(t, s, me, rec.ID, domain.AttIDFront, docBytes(0))
	// The candidate cannot write consents into the record themselves.
	var lf *domain.LockedFieldError
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
		r.Consents = []domain.Consent{{Notice: domain.NoticeSensitive, Digest: "forged"}}
	}); !errors.As(err, &lf) || lf.Field != "consents" {
		t.Fatalf("forged consents: %v", err)
	}
}

// TestChangedNoticeAsksAgain: a new notice text stops collection until the
// person agrees to it; both agreements stay on record.
func TestChangedNoticeAsksAgain(t *testing.T) {
	s, _ := openTemp(t)
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	s.SetNotices(domaintest.Reworded(t, domain.NoticePersonal))
	given, _ := s.Consents(ctx, me)
	if !s.Notices()[domain.NoticePersonal].Asks(given) || s.Notices()[domain.NoticeSensitive].Asks(given) {
		t.Fatalf("after a new personal text: asks personal %v, sensitive %v", s.Notices()[domain.NoticePersonal].Asks(given), s.Notices()[domain.NoticeSensitive].Asks(given))
	}
	var ce *domain.ConsentError
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true }); !errors.As(err, &ce) {
		t.Fatalf("edit under a changed notice: %v", err)
	}
	if err := s.Agree(ctx, me, domain.NoticePersonal, s.Notices()[domain.NoticePersonal].Digest); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true }); err != nil {
		t.Fatal(err)
	}
	if given, _ = s.Consents(ctx, me); len(given) != 3 {
		t.Fatalf("consents on record %+v, want the old and new personal and the sensitive", given)
	}
}

// TestSubmissionCarriesConsents: the submitted version names the consents
// on record, so its reviewer sees them.
func TestSubmissionCarriesConsents(t *testing.T) {
	s, _ := openTemp(t)
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	if _, err := s.UpdateRecord(ctx, me, rec.ID, filled(t, s, me, rec.ID)); err != nil {
		t.Fatal(err)
	}
	sent, err := s.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	given, _ := s.Consents(ctx, me)
	if len(sent.Consents) != 2 || len(given) != 2 || sent.Consents[0] != given[0] || sent.Consents[1] != given[1] {
		t.Fatalf("submitted consents %+v, on record %+v", sent.Consents, given)
	}
}
