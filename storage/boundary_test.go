package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"image"
	"image/jpeg"
	"reflect"
	"testing"
	"time"

	"caiji/domain"
	"caiji/domain/domaintest"
)

// TestRealNameRejectionCanBeResubmitted: R01 with the real name failed,
// reopen, three new real-name images, resubmit — accepted, and the real
// name is pending again for the reviewer.
func TestRealNameRejectionCanBeResubmitted(t *testing.T) {
	s, _ := openTemp(t)
	_, reviewer := reviewStation(t, s)
	me, rec := submitted(t, s, "110101199003079913", "13800138000")
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Reasons: []string{"R01"}, RealName: domain.RealNameFailed}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reopen(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	// Resubmitting the same material is refused: the real name failed.
	s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true })
	if _, err := s.Submit(ctx, me, rec.ID, domaintest.Catalog(t)); !errors.Is(err, ErrHasErrors) {
		t.Fatalf("resubmitted with the failed real-name material: %v", err)
	}
	front := put(t, s, me, rec.ID, domain.AttIDFront, docBytes(101))
	back := put(t, s, me, rec.ID, domain.AttIDBack, docBytes(102))
	hand := put(t, s, me, rec.ID, domain.AttIDHandheld, docBytes(103))
	r, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
		r.RealName.Front, r.RealName.Back, r.RealName.Handheld = front, back, hand
	})
	if err != nil || r.RealName.Status != domain.RealNamePending {
		t.Fatalf("new real-name images: %v, status %s", err, r.RealName.Status)
	}
	sub, err := s.Submit(ctx, me, rec.ID, domaintest.Catalog(t))
	if err != nil || sub.Status != domain.StatusSubmitted || sub.RealName.Status != domain.RealNamePending {
		t.Fatalf("resubmit after R01: %v %+v", err, sub)
	}
	if err := s.Decide(ctx, reviewer, rec.ID, sub.Version, Decision{Pass: true, RealName: domain.RealNameVerified}); err != nil {
		t.Fatalf("pass after resubmission: %v", err)
	}
}

// TestDisabledReviewerRefusedEverywhere disables a signed-in reviewer in the
// database (not in any struct the caller holds): every call is refused at
// once.
func TestDisabledReviewerRefusedEverywhere(t *testing.T) {
	s, _ := openTemp(t)
	admin, reviewer := reviewStation(t, s)
	_, rec := submitted(t, s, "110101199003079913", "13800138000")
	if q, err := s.Queue(ctx, reviewer, QueueFilter{}); err != nil || len(q) != 1 {
		t.Fatalf("queue before: %v", err)
	}
	rs, _ := s.Reviewers(ctx, admin)
	if err := s.SetDisabled(ctx, admin, rs[0].ID, true); err != nil {
		t.Fatal(err)
	}
	calls := map[string]func() error{
		"queue":      func() error { _, err := s.Queue(ctx, reviewer, QueueFilter{}); return err },
		"open":       func() error { _, err := s.OpenForReview(ctx, reviewer, rec.ID); return err },
		"attachment": func() error { _, err := s.Attachment(ctx, reviewer, rec.Basic.Photo.SHA256); return err },
		"decide": func() error {
			return s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Pass: true, RealName: domain.RealNameVerified})
		},
		"history":     func() error { _, err := s.Events(ctx, reviewer, rec.ID); return err },
		"decisions":   func() error { _, err := s.Decisions(ctx, reviewer, rec.ID); return err },
		"in force":    func() error { _, err := s.InForce(ctx, reviewer, rec.ID); return err },
		"departments": func() error { _, err := s.Departments(ctx, reviewer); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrDisabled) {
			t.Errorf("%s by a disabled reviewer: %v", name, err)
		}
	}
	// Enabled again, the same session works: nothing was cached.
	s.SetDisabled(ctx, admin, rs[0].ID, false)
	if _, err := s.OpenForReview(ctx, reviewer, rec.ID); err != nil {
		t.Errorf("re-enabled reviewer: %v", err)
	}
}

func TestDecisionRulesHeldByStorage(t *testing.T) {
	s, _ := openTemp(t)
	admin, reviewer := reviewStation(t, s)
	me, rec := submitted(t, s, "110101199003079913", "13800138000")
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Pass: true, RealName: domain.RealNameFailed}); !errors.Is(err, domain.ErrPassWithoutRealName) {
		t.Errorf("pass with the real name failed: %v", err)
	}
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Pass: true}); !errors.Is(err, domain.ErrRealNameUndecided) {
		t.Errorf("pass without a real-name verdict: %v", err)
	}
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Reasons: []string{"R99"}, RealName: domain.RealNameVerified}); !errors.Is(err, domain.ErrUnknownReason) {
		t.Errorf("unknown reason: %v", err)
	}
	// A reviewer for a province alone is refused: no record names one.
	if _, err := s.CreateReviewer(ctx, admin, staff("140105200401019971", "赵审核"), []string{"110000"}); !errors.Is(err, domain.ErrDepartmentTooBroad) {
		t.Errorf("province-only reviewer: %v", err)
	}
	// A draft is the candidate's alone: reopened, the reviewer cannot open
	// the working copy, nor list it.
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Reasons: []string{"R02"}, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reopen(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Work[0].Address = "草稿中的新地址" })
	c, err := s.OpenForReview(ctx, reviewer, rec.ID)
	if err != nil || c.Record.Work[0].Address == "草稿中的新地址" || c.Record.Version != rec.Version {
		t.Errorf("the reviewer saw the draft: %v", err)
	}
	if q, _ := s.Queue(ctx, reviewer, QueueFilter{Statuses: []domain.Status{domain.StatusDraft}}); len(q) != 0 {
		t.Errorf("drafts listed for the reviewer: %d", len(q))
	}
	fresh := candidate(t, s, "31010119950615998X", "13900139000")
	r2, _ := s.MyRecord(ctx, fresh)
	s.UpdateRecord(ctx, fresh, r2.ID, func(r *domain.Record) {
		r.Department = domain.Department{Province: "110000", City: "110100", County: "110108"}
	})
	if _, err := s.OpenForReview(ctx, reviewer, r2.ID); !errors.Is(err, domain.ErrNotSubmitted) {
		t.Errorf("never-submitted draft opened by the reviewer: %v", err)
	}
}

// TestStorageOwnsImageFacts: the facts of an image are storage's, whatever
// the caller says, and a record can name only images stored for it.
func TestStorageOwnsImageFacts(t *testing.T) {
	s, _ := openTemp(t)
	rules := domaintest.Catalog(t).Photo
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	if _, err := s.PutAttachment(ctx, me, rec.ID, domain.AttPhoto, []byte{1, 2, 3}, rules); err == nil {
		t.Error("a 3-byte blob was stored as an image")
	}
	png := domaintest.PNG(domaintest.Portrait(295, 413, domaintest.White, 6))
	f := put(t, s, me, rec.ID, domain.AttPhoto, png) // a PNG, whatever it is called
	if f.MIME != "image/png" || f.Width != 295 || f.Height != 413 || f.Bytes != len(png) {
		t.Errorf("facts of a PNG: %+v", f)
	}
	// Fake facts in the record are replaced by the stored ones.
	fake := *f
	fake.MIME, fake.Bytes, fake.Width = "image/jpeg", 30_000, 600
	r, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Basic.Photo = &fake })
	if err != nil || !reflect.DeepEqual(r.Basic.Photo, f) {
		t.Errorf("fake facts kept: %v %+v", err, r.Basic.Photo)
	}
	// A digest not stored, or stored for someone else, is refused.
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Basic.Photo = &domain.Attachment{SHA256: "deadbeef", Kind: domain.AttPhoto} }); !errors.Is(err, ErrUnlinkedImage) {
		t.Errorf("unknown digest: %v", err)
	}
	other := candidate(t, s, "31010119950615998X", "13900139000")
	orec, _ := s.MyRecord(ctx, other)
	theirs := put(t, s, other, orec.ID, domain.AttPhoto, domaintest.JPEG(domaintest.Portrait(295, 413, domaintest.White, 9), 92))
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Basic.Photo = theirs }); !errors.Is(err, ErrUnlinkedImage) {
		t.Errorf("another record's image: %v", err)
	}
	// A record that names such a digest anyway (written before storage
	// checked) cannot be submitted.
	full, err := s.UpdateRecord(ctx, me, rec.ID, filled(t, s, me, rec.ID))
	if err != nil {
		t.Fatal(err)
	}
	full.Basic.Photo = theirs
	body, _ := json.Marshal(full)
	if _, err := s.db.Exec("UPDATE records SET data = ? WHERE uuid = ?", string(body), rec.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Submit(ctx, me, rec.ID, domaintest.Catalog(t)); !errors.Is(err, ErrUnlinkedImage) {
		t.Errorf("submit naming another record's image: %v", err)
	}
}

// TestStoredPhotoHasNoMetadataAndIsUpright stores a phone photo lying on
// its side with orientation 6, an XMP packet with a GPS position and a
// comment: what is stored is upright and carries none of them.
func TestStoredPhotoHasNoMetadataAndIsUpright(t *testing.T) {
	s, _ := openTemp(t)
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	upright := domaintest.Portrait(300, 420, domaintest.White, 6)
	side := image.NewRGBA(image.Rect(0, 0, 420, 300)) // turned left, as the phone stores it
	for y := 0; y < 300; y++ {
		for x := 0; x < 420; x++ {
			side.Set(x, y, upright.At(299-y, x))
		}
	}
	phone := domaintest.JPEG(side, 92)
	phone = domaintest.WithSegment(phone, 0xFE, []byte("Shot on CaijiPhone 12"))
	phone = domaintest.WithSegment(phone, 0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<exif:GPSLatitude>39,54.5N</exif:GPSLatitude>"))
	phone = domaintest.WithOrientation(phone, 6)
	f := put(t, s, me, rec.ID, domain.AttPhoto, phone)
	data, err := s.Attachment(ctx, me, f.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"Exif", "GPS", "CaijiPhone", "xap"} {
		if bytes.Contains(data, []byte(leak)) {
			t.Errorf("stored photo still holds %q", leak)
		}
	}
	if i := bytes.Index(data, []byte{0xFF, 0xE1}); i >= 0 && i < bytes.Index(data, []byte{0xFF, 0xDA}) {
		t.Error("stored photo has an APP1 segment")
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 300 || b.Dy() != 420 || f.Width != 300 || f.Height != 420 {
		t.Fatalf("stored %v, facts %d×%d: not upright", b, f.Width, f.Height)
	}
	// The face is in the upper part of the upright picture.
	r, g, _, _ := img.At(150, 176).RGBA()
	if r>>8 < 150 || g>>8 > 190 {
		t.Errorf("the face is not where an upright portrait has it: %d %d", r>>8, g>>8)
	}
}

// TestLoginIsUnambiguous: a passport number equal to another account's
// mobile is refused at registration, both ways round, and a login string
// matches one account, saying by which field.
func TestLoginIsUnambiguous(t *testing.T) {
	s, _ := openTemp(t)
	candidate(t, s, "110101199003079913", "13800138000")
	passport := func(no, phone string) domain.Registration {
		return domain.Registration{IDType: domain.IDForeignPassport, IDNumber: no, Name: "JOHN SMITH", Password: "Abcdef12!", Confirm: "Abcdef12!", Phone: phone,
			Agreed: s.Notices()[domain.NoticePersonal].Digest}
	}
	if _, err := s.Register(ctx, passport("13800138000", "13900139000")); !errors.Is(err, ErrIDNumberIsPhone) {
		t.Errorf("passport number equal to a mobile: %v", err)
	}
	if _, err := s.Register(ctx, passport("13700137000", "13900139000")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Register(ctx, reg("31010119950615998X", "13700137000")); !errors.Is(err, ErrPhoneIsIDNumber) {
		t.Errorf("mobile equal to a passport number: %v", err)
	}
	for login, by := range map[string]LoginBy{"13800138000": ByPhone, "110101199003079913": ByIDNumber, "13700137000": ByIDNumber, "13900139000": ByPhone} {
		in, err := s.Login(ctx, login, "Abcdef12!")
		if err != nil || in.By != by {
			t.Errorf("login %s: %v, by %s, want %s", login, err, in.By, by)
		}
	}
}

func TestLoginTellsNothingBeforeThePassword(t *testing.T) {
	s, _ := openTemp(t)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	admin, _ := reviewStation(t, s)
	rs, _ := s.Reviewers(ctx, admin)
	s.SetDisabled(ctx, admin, rs[0].ID, true)
	if _, err := s.Login(ctx, "440305200002299920", "wrong"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("disabled account, wrong password: %v", err)
	}
	if _, err := s.Login(ctx, "440305200002299920", "Review12!"); !errors.Is(err, ErrDisabled) {
		t.Errorf("disabled account, right password: %v", err)
	}
	// Many failures on the station pause every login, known or not.
	for i := 0; i < domain.StationMaxFailures; i++ {
		s.Login(ctx, "nobody", "wrong")
	}
	var le *LockedError
	if _, err := s.Login(ctx, "120101198512319986", "Review12!"); !errors.As(err, &le) || !le.Station {
		t.Errorf("login during a station pause: %v", err)
	}
	now = now.Add(domain.StationPause)
	if _, err := s.Login(ctx, "120101198512319986", "Review12!"); err != nil {
		t.Errorf("login after the pause: %v", err)
	}
}

func TestSignedOutSessionIsRefused(t *testing.T) {
	s, _ := openTemp(t)
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	s.SignOut(me)
	if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true }); !errors.Is(err, ErrSignedOut) {
		t.Errorf("write after sign-out: %v", err)
	}
	if _, err := s.PutAttachment(ctx, me, rec.ID, domain.AttPhoto, photoBytes(), domaintest.Catalog(t).Photo); !errors.Is(err, ErrSignedOut) {
		t.Errorf("image stored after sign-out: %v", err)
	}
	if _, err := s.MyRecord(ctx, Session{}); !errors.Is(err, ErrSignedOut) {
		t.Errorf("zero session: %v", err)
	}
}

// A kiosk's staff is an administrator, but may not make a reviewer: one
// could open the records of the strangers who use the kiosk.
func TestNoReviewerOnAKiosk(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.InitKiosk(ctx, staff("120101198512319986", "王老师")); err != nil {
		t.Fatal(err)
	}
	kiosk := signIn(t, s, "120101198512319986", "Review12!")
	r := staff("440305200002299920", "李审核")
	if _, err := s.CreateReviewer(ctx, kiosk, r, []string{"110108"}); !errors.Is(err, ErrNotReviewStation) {
		t.Fatalf("a reviewer made on a kiosk: %v", err)
	}
	if _, err := s.Login(ctx, r.IDNumber, r.Password); !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("the refused reviewer signs in: %v", err)
	}
}
