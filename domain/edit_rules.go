package domain

import (
	"fmt"
	"slices"
)

// LockedFieldError is an edit that changes a field its author may never
// change: the workflow fields, the identity the account registered, or the
// real-name verdict only a reviewer gives.
type LockedFieldError struct{ Field string }

func (e *LockedFieldError) Error() string {
	return fmt.Sprintf("the field %s cannot be changed by the candidate", e.Field)
}

// CheckCandidateEdit compares a record before and after a candidate's edit
// and refuses the first field the candidate may not change: the record's
// ID, version, status and submission time (only the workflow moves them),
// 证件类型, 证件号码, 姓名 and 手机号 (the account's; what the real-name check
// is for), 性别 and 出生年月 when the number carries them, the real-name
// status (a reviewer's verdict) and the consents (storage's record of them).
func CheckCandidateEdit(before, after *Record) error {
	b, a := before.Basic, after.Basic
	locked := []struct {
		field   string
		changed bool
	}{
		{"id", before.ID != after.ID},
		{"version", before.Version != after.Version},
		{"status", before.Status != after.Status},
		{"submitted_at", !before.SubmittedAt.Equal(after.SubmittedAt)},
		{"basic.id_type", b.IDType != a.IDType},
		{"basic.id_number", b.IDNumber != a.IDNumber},
		{"basic.name", b.Name != a.Name},
		{"basic.phone", b.Phone != a.Phone},
		{"basic.gender", b.IDType.CarriesBirth() && b.Gender != a.Gender},
		{"basic.birth", b.IDType.CarriesBirth() && b.Birth != a.Birth},
		{"realname.status", before.RealName.Status != after.RealName.Status},
		{"consents", !slices.Equal(before.Consents, after.Consents)},
	}
	for _, l := range locked {
		if l.changed {
			return &LockedFieldError{l.field}
		}
	}
	return nil
}

// RealNameAfterEdit is the real-name status once a candidate's edit is
// saved: pending again when any of the three real-name images changed, so a
// record rejected for its real name (R01) can be resubmitted with new
// material, and a verified one is verified again for new images.
func RealNameAfterEdit(before, after *Record) RealNameStatus {
	b, a := before.RealName, after.RealName
	if !sameImage(b.Front, a.Front) || !sameImage(b.Back, a.Back) || !sameImage(b.Handheld, a.Handheld) {
		return RealNamePending
	}
	return a.Status
}

func sameImage(x, y *Attachment) bool {
	if x == nil || y == nil {
		return x == y
	}
	return x.SHA256 == y.SHA256
}

// Attachments lists every image a record names, in a fixed order, so
// storage can check and refresh the facts of each.
func (r *Record) Attachments() []*Attachment {
	all := []*Attachment{r.RealName.Front, r.RealName.Back, r.RealName.Handheld,
		r.Basic.Photo, r.Basic.IDFront, r.Basic.IDBack, r.Enrolment, r.Residence}
	for _, e := range r.Education {
		all = append(all, e.Diploma, e.DegreeCert)
	}
	for _, q := range r.Qualifications {
		all = append(all, q.Cert)
	}
	for _, w := range r.Work {
		all = append(all, w.SocialInsurance)
		for _, p := range w.Posts {
			all = append(all, p.Appointment, p.Proof)
		}
	}
	return slices.DeleteFunc(all, func(a *Attachment) bool { return a == nil })
}
