package candidate

import (
	"time"

	"caiji/domain"
	"caiji/storage"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2/widget"
)

// receipt is 已送达审核部门 on 审核结果: when the hub received the version
// awaiting review, with the receipt code shown at submission; before that,
// that it waits to be sent. A record never submitted has neither.
func (s *resultStep) receipt() []*widgets.Field {
	t, rec, sess := s.ed.sess.Tr, s.ed.rec, s.ed.sess
	if rec.Status != domain.StatusSubmitted && rec.Status != domain.StatusChangeSubmitted {
		return nil
	}
	code, err := sess.Store.SubmissionCode(sess.Context(), sess.ID, rec.ID, rec.Version)
	if err != nil {
		return nil
	}
	fields := []*widgets.Field{widgets.NewField(t.T("result.receipt_code"), widget.NewLabel(code))}
	state := t.T("result.not_delivered")
	if rc, ok := s.hubReceipt(); ok {
		state = t.T("result.delivered", rc.ReceivedAt.In(domain.Shanghai).Format("2006-01-02 15:04"))
	}
	return append(fields, widgets.NewField(t.T("result.delivery"), widget.NewLabel(state)))
}

// hubReceipt is the hub's receipt of the version awaiting review, if the
// hub has it.
func (s *resultStep) hubReceipt() (storage.Receipt, bool) {
	sess, rec := s.ed.sess, s.ed.rec
	rc, err := sess.Store.ReceiptFor(sess.Context(), sess.ID, rec.ID, rec.Version)
	return rc, err == nil
}

// countedFrom is when the submission counts for the review window: the
// hub's receipt time once it has it, the submission here until then.
func (s *resultStep) countedFrom() time.Time {
	if rc, ok := s.hubReceipt(); ok && (s.ed.rec.Status == domain.StatusSubmitted || s.ed.rec.Status == domain.StatusChangeSubmitted) {
		return rc.ReceivedAt
	}
	return s.ed.rec.SubmittedAt
}
