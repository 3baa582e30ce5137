package hub

// How the hub applies the review rules of package domain (the same
// functions the app's storage calls) to what travels, and what it answers
// when they refuse.

import (
	"errors"
	"net/http"

	"caiji/domain"
	"caiji/hub/store"
	"caiji/wire"
)

// submissionStatus is the status a new version must carry given the hub's
// status of the record ("" for a record the hub has not seen): the one
// domain.Submitted gives after the edit the status allows (修改 of a
// rejection, 信息变更 of an approval, or the change draft after a rejected
// change). A record awaiting review takes no new version.
func submissionStatus(hub domain.Status) (domain.Status, bool) {
	from := hub
	switch hub {
	case "":
		from = domain.StatusDraft
	case domain.StatusRejected:
		from, _ = domain.Reopened(hub)
	case domain.StatusApproved:
		from, _ = domain.ChangeOpened(hub)
	}
	to, err := domain.Submitted(from)
	return to, err == nil
}

// checkDecision asks domain.CheckDecision whether the review station st may
// take decision d on the record the hub holds, with the reviewer the
// station vouches for, and returns the status the decision leads to.
func checkDecision(d *wire.Decision, rec *store.RecordState, st *store.Station) (domain.Status, error) {
	reviewer := domain.Actor{Role: domain.RoleReviewer, IDNumber: reviewerIDNumber(d.Reviewer.IDNumber),
		Disabled: st.Disabled, Departments: st.Departments}
	c := domain.Case{OwnerIDNumber: rec.IDNumber, Department: rec.Department, Status: domain.Status(rec.Status),
		Version: rec.Latest, Submitted: true}
	v := domain.Verdict{Pass: d.Verdict == wire.Pass, Reasons: d.Reasons, RealName: domain.RealNameStatus(d.RealName), Version: d.N}
	if d.Verdict != wire.Pass && d.Verdict != wire.Reject {
		return "", invalid("审核结论须为通过或不通过", "The verdict must be pass or reject")
	}
	if err := domain.CheckDecision(reviewer, c, v); err != nil {
		return "", decisionRefusal(err)
	}
	to, err := domain.Decided(c.Status, v.Pass)
	if err != nil {
		return "", decisionRefusal(domain.ErrNotAwaitingReview)
	}
	return to, nil
}

// reviewerIDNumber is the reviewer's ID number in the form the hub keeps
// persons' numbers: normalized, and a first-generation 15-digit number as
// its 18-digit form. The station vouches for its reviewer but may spell the
// number as an old card shows it; the own-record rule must see through that.
func reviewerIDNumber(raw string) string {
	n := domain.NormalizeIDNumber(raw)
	if up, ok := domain.UpgradeLegacyID(n); ok {
		return up
	}
	return n
}

// decisionRefusals are the hub's answers to domain's refusals. Outside the
// station's departments the record does not exist for it (404).
var decisionRefusals = []struct {
	err    error
	answer *apiError
}{
	{domain.ErrForbidden, errNotFound},
	{domain.ErrNotSubmitted, errNotFound},
	{domain.ErrDisabled, errDisabled},
	{domain.ErrOwnRecord, fail(http.StatusForbidden, wire.CodeForbidden, "审核人员不能审核本人证件号码的记录", "A reviewer may not decide on a record of their own ID number")},
	{domain.ErrNotAwaitingReview, fail(http.StatusConflict, wire.CodeConflict, "该记录当前不在待审核状态", "The record does not await review")},
	{domain.ErrStale, fail(http.StatusConflict, wire.CodeConflict, "该版本已不在待审核状态", "That version no longer awaits review")},
	{domain.ErrNoReason, invalid("审核不通过须选择至少一项原因（R01–R14）", "A rejection needs at least one reason (R01–R14)")},
	{domain.ErrUnknownReason, invalid("不通过原因代码无效（应为 R01–R14）", "Unknown rejection reason (R01–R14 expected)")},
	{domain.ErrRealNameUndecided, invalid("审核结论须写明实名认证是否核验通过", "The decision must say whether the real name was verified")},
	{domain.ErrPassWithoutRealName, invalid("实名认证未核验通过的记录不能审核通过", "A record whose real name was not verified cannot pass")},
}

func decisionRefusal(err error) error {
	for _, r := range decisionRefusals {
		if errors.Is(err, r.err) {
			return r.answer
		}
	}
	return err
}
