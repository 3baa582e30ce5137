package domain

import "fmt"

// TransitionError is a workflow step that the record's status does not allow.
type TransitionError struct {
	From   Status
	Action string
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("cannot %s a record that is %s", e.Action, e.From)
}

// Submitted returns the status after 提交: a change draft becomes 变更待审核,
// anything else editable becomes 待审核.
func Submitted(s Status) (Status, error) {
	switch s {
	case StatusDraft, StatusRejected:
		return StatusSubmitted, nil
	case StatusChangeDraft, StatusChangeRejected:
		return StatusChangeSubmitted, nil
	}
	return s, &TransitionError{s, "submit"}
}

// Decided returns the status after a reviewer's decision. A rejected change
// leaves the approved version in force (变更不通过), a rejected first
// submission is 审核不通过.
func Decided(s Status, pass bool) (Status, error) {
	switch {
	case s == StatusSubmitted && pass, s == StatusChangeSubmitted && pass:
		return StatusApproved, nil
	case s == StatusSubmitted:
		return StatusRejected, nil
	case s == StatusChangeSubmitted:
		return StatusChangeRejected, nil
	}
	return s, &TransitionError{s, "decide on"}
}

// Reopened returns the status after 修改 on a rejected record: a new draft.
func Reopened(s Status) (Status, error) {
	if s == StatusRejected {
		return StatusDraft, nil
	}
	return s, &TransitionError{s, "reopen"}
}

// ChangeOpened returns the status after 信息变更 on an approved record.
func ChangeOpened(s Status) (Status, error) {
	if s == StatusApproved {
		return StatusChangeDraft, nil
	}
	return s, &TransitionError{s, "open a change of"}
}

// ChangeDiscarded returns the status after the candidate drops a change:
// the approved version is back in force.
func ChangeDiscarded(s Status) (Status, error) {
	if s == StatusChangeDraft || s == StatusChangeRejected {
		return StatusApproved, nil
	}
	return s, &TransitionError{s, "discard the change of"}
}

// AwaitingReview reports whether a reviewer can decide on the record now.
func (s Status) AwaitingReview() bool { return s == StatusSubmitted || s == StatusChangeSubmitted }

// IsChange reports whether the record is in a change of an approved version.
func (s Status) IsChange() bool {
	return s == StatusChangeDraft || s == StatusChangeSubmitted || s == StatusChangeRejected
}
