package candidate

import (
	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// standingReasons are the fields the latest rejection points at, while it
// stands: from the rejection until the record is submitted again. The
// navigator marks their steps, and 修改 opens the first of them.
func (e *editor) standingReasons() []string {
	if e.rec == nil || e.rec.Status.AwaitingReview() || e.rec.Status == domain.StatusApproved {
		return nil
	}
	ds, err := e.sess.Store.Decisions(e.sess.Context(), e.sess.ID, e.rec.ID)
	if err != nil || len(ds) == 0 || ds[len(ds)-1].Pass {
		return nil
	}
	var fields []string
	for _, code := range ds[len(ds)-1].Reasons {
		if r := domain.ReasonByCode(code); r != nil {
			fields = append(fields, r.Fields...)
		}
	}
	return fields
}

// rejectedStep reports whether a standing rejection points into step s.
func (e *editor) rejectedStep(s step) bool {
	for _, f := range e.rejected {
		if e.stepOf(f) == s.key() {
			return true
		}
	}
	return false
}

// resultIcon is 审核结果's mark: the state of the review, not of fields —
// ✓ approved, ✗ rejected, pending while awaiting a decision, nothing for a
// draft never decided.
func resultIcon(st domain.Status) fyne.Resource {
	switch {
	case st == domain.StatusApproved:
		return theme.ConfirmIcon()
	case st == domain.StatusRejected || st == domain.StatusChangeRejected:
		return theme.ErrorIcon()
	case st.AwaitingReview():
		return theme.HistoryIcon()
	}
	return nil
}
