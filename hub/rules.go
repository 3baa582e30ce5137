package hub

// The review rules the hub enforces on top of the workflow in package
// domain. They live in this one file so they can give way to the domain's
// own functions for "who may decide what" when those exist.

import (
	"net/http"
	"slices"

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

// checkDecision applies the review rules to a decision by a review station
// on a record the hub holds: the station's departments only, never the
// reviewer's own ID number, a verdict on the real name (a pass only when it
// was verified), reasons R01–R14 on a rejection (and none on a pass), and
// only the version awaiting review. It returns
// the status the decision leads to.
func checkDecision(d *wire.Decision, rec *store.RecordState, departments []string) (domain.Status, error) {
	if !slices.Contains(departments, rec.Department) {
		return "", errNotFound
	}
	if domain.NormalizeIDNumber(d.Reviewer.IDNumber) == rec.IDNumber {
		return "", fail(http.StatusForbidden, wire.CodeForbidden, "审核人员不能审核本人证件号码的记录", "A reviewer may not decide on a record of their own ID number")
	}
	switch domain.RealNameStatus(d.RealName) {
	case domain.RealNameVerified:
	case domain.RealNameFailed:
		if d.Verdict == wire.Pass {
			return "", invalid("实名认证未核验通过的记录不能审核通过", "A record whose real name was not verified cannot pass")
		}
	default:
		return "", invalid("审核结论须写明实名认证是否核验通过", "The decision must say whether the real name was verified")
	}
	switch d.Verdict {
	case wire.Pass:
		if len(d.Reasons) > 0 {
			return "", invalid("审核通过不附不通过原因", "A pass carries no rejection reasons")
		}
	case wire.Reject:
		if len(d.Reasons) == 0 {
			return "", invalid("审核不通过须选择至少一项原因（R01–R14）", "A rejection needs at least one reason (R01–R14)")
		}
	default:
		return "", invalid("审核结论须为通过或不通过", "The verdict must be pass or reject")
	}
	for _, code := range d.Reasons {
		if !wire.ValidReason(code) || domain.ReasonByCode(code) == nil {
			return "", invalid("不通过原因代码无效："+code, "Unknown rejection reason: "+code)
		}
	}
	if rec.Awaiting != d.N {
		return "", fail(http.StatusConflict, wire.CodeConflict, "该版本已不在待审核状态", "That version no longer awaits review")
	}
	to, err := domain.Decided(domain.Status(rec.Status), d.Verdict == wire.Pass)
	if err != nil {
		return "", fail(http.StatusConflict, wire.CodeConflict, "该记录当前不在待审核状态", "The record does not await review")
	}
	return to, nil
}
