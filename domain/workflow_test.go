package domain

import "testing"

func TestWorkflow(t *testing.T) {
	type step func(Status) (Status, error)
	pass := func(s Status) (Status, error) { return Decided(s, true) }
	reject := func(s Status) (Status, error) { return Decided(s, false) }
	tests := []struct {
		name string
		from Status
		fn   step
		to   Status
		ok   bool
	}{
		{"submit draft", StatusDraft, Submitted, StatusSubmitted, true},
		{"submit after rejection edit", StatusRejected, Submitted, StatusSubmitted, true},
		{"submit change", StatusChangeDraft, Submitted, StatusChangeSubmitted, true},
		{"resubmit rejected change", StatusChangeRejected, Submitted, StatusChangeSubmitted, true},
		{"submit twice", StatusSubmitted, Submitted, StatusSubmitted, false},
		{"submit approved", StatusApproved, Submitted, StatusApproved, false},
		{"pass", StatusSubmitted, pass, StatusApproved, true},
		{"reject", StatusSubmitted, reject, StatusRejected, true},
		{"pass change", StatusChangeSubmitted, pass, StatusApproved, true},
		{"reject change", StatusChangeSubmitted, reject, StatusChangeRejected, true},
		{"decide draft", StatusDraft, pass, StatusDraft, false},
		{"decide approved", StatusApproved, reject, StatusApproved, false},
		{"reopen rejected", StatusRejected, Reopened, StatusDraft, true},
		{"reopen approved", StatusApproved, Reopened, StatusApproved, false},
		{"open change", StatusApproved, ChangeOpened, StatusChangeDraft, true},
		{"open change of draft", StatusDraft, ChangeOpened, StatusDraft, false},
		{"discard change", StatusChangeDraft, ChangeDiscarded, StatusApproved, true},
		{"discard rejected change", StatusChangeRejected, ChangeDiscarded, StatusApproved, true},
		{"discard submitted change", StatusChangeSubmitted, ChangeDiscarded, StatusChangeSubmitted, false},
	}
	for _, tt := range tests {
		got, err := tt.fn(tt.from)
		if got != tt.to || (err == nil) != tt.ok {
			t.Errorf("%s: %s → %s, %v; want %s ok=%v", tt.name, tt.from, got, err, tt.to, tt.ok)
		}
	}
	if !StatusChangeRejected.Editable() || StatusChangeSubmitted.Editable() || !StatusChangeSubmitted.AwaitingReview() || !StatusChangeRejected.IsChange() {
		t.Error("status predicates")
	}
}
