package candidate

import (
	"slices"
	"strings"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/ui/history"

	"fyne.io/fyne/v2/test"
)

// decideAs has the fixture reviewer decide on the record's current version.
func decideAs(t *testing.T, store *storage.Store, reviewer storage.Session, recID string, pass bool, reasons ...string) {
	t.Helper()
	c, err := store.OpenForReview(t.Context(), reviewer, recID)
	if err != nil {
		t.Fatal(err)
	}
	d := storage.Decision{Pass: pass, Reasons: reasons, RealName: domain.RealNameVerified}
	if err := store.Decide(t.Context(), reviewer, recID, c.Record.Version, d); err != nil {
		t.Fatal(err)
	}
}

// TestReviewLoopForTheCandidate: the candidate submits; the reviewer
// rejects with R02 and R09; the candidate sees both, fixes and resubmits;
// the reviewer approves; the candidate changes the work rows; the change is
// approved; the history shows all of it in order.
func TestReviewLoopForTheCandidate(t *testing.T) {
	store := openStore(t)
	_, reviewer := storagetest.ReviewStation(t, store)
	s := signUp(t, store, "110101199003079913", "张三", "13800138000")
	fillEmployed(s)
	submitClean(s)
	id := s.ed.rec.ID
	decideAs(t, store, reviewer, id, false, "R02", "R09")

	s = login(t, store, "13800138000")
	res := s.step("result").(*resultStep)
	var shown []string
	for _, l := range res.reasonRows {
		shown = append(shown, l.Text[:3])
	}
	if !slices.Equal(shown, []string{"R02", "R09"}) || res.reopen == nil {
		t.Fatalf("candidate sees reasons %v", shown)
	}
	test.Tap(res.reopen)
	if s.ed.rec.Status != domain.StatusDraft {
		t.Fatalf("after 修改: %s", s.ed.rec.Status)
	}
	s.attach("basic.photo", domaintest.JPEG(domaintest.Portrait(590, 826, domaintest.White, 25), 88)) // a new photo (R02) …
	s.attach("work[0].social_insurance", distinct(51))                                                // … and the proof (R09)
	submitClean(s)
	decideAs(t, store, reviewer, id, true)

	s = login(t, store, "13800138000")
	res = s.step("result").(*resultStep)
	if s.ed.rec.Status != domain.StatusApproved || res.change == nil {
		t.Fatalf("after approval: %s", s.ed.rec.Status)
	}
	test.Tap(res.change)
	s.typeIn("work", "work[0].address", "北京市海淀区中关村大街2号")
	inForce, _ := store.InForce(t.Context(), s.sess.ID, id)
	if inForce.Work[0].Address != "北京市海淀区中关村大街1号" {
		t.Fatal("the change replaced the approved version before review")
	}
	s.tick("submit", "commitment", true)
	test.Tap(s.step("submit").(*submitStep).submit)
	if s.ed.rec.Status != domain.StatusChangeSubmitted {
		t.Fatalf("change submit: %s", s.ed.rec.Status)
	}
	decideAs(t, store, reviewer, id, true)

	s = login(t, store, "13800138000")
	me := s.sess.ID
	inForce, _ = store.InForce(t.Context(), me, id)
	if s.ed.rec.Status != domain.StatusApproved || inForce.Work[0].Address != "北京市海淀区中关村大街2号" {
		t.Fatalf("after the change: %s %s", s.ed.rec.Status, inForce.Work[0].Address)
	}
	events, _ := store.Events(t.Context(), me, id)
	decisions, _ := store.Decisions(t.Context(), me, id)
	var got []string
	for _, e := range history.Timeline(s.sess.Tr, events, decisions) {
		switch {
		case strings.HasPrefix(e.Text, "修改了"):
			got = append(got, "edit")
		case strings.Contains(e.Text, "R02") && strings.Contains(e.Text, "R09"):
			got = append(got, "rejected R02 R09")
		case strings.HasPrefix(e.Text, "提交审核"):
			got = append(got, "submitted")
		case strings.HasSuffix(e.Text, "审核通过"):
			got = append(got, "passed")
		default:
			got = append(got, e.Text)
		}
	}
	want := []string{"创建采集记录", "edit", "submitted", "rejected R02 R09", "退回修改", "edit", "submitted", "passed", "申请信息变更", "edit", "submitted", "passed"}
	if !slices.Equal(got, want) {
		t.Fatalf("history:\n%q\nwant\n%q", got, want)
	}
	// Another candidate cannot read it.
	if _, err := store.Events(t.Context(), storage.Session{}, id); err == nil {
		t.Fatal("a stranger read the history")
	}
}
