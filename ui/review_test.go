package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func login(t *testing.T, a *App, id, pw string) {
	t.Helper()
	if a.User() != nil {
		test.Tap(a.account.logoutBtn)
	}
	typeInto(a.account.loginID, id)
	typeInto(a.account.loginPW, pw)
	test.Tap(a.account.loginBtn)
	if a.User() == nil {
		t.Fatalf("login %s: %s", id, a.account.loginMsg.Text)
	}
}

// decide opens the oldest record of the reviewer's queue and saves a verdict.
func decide(t *testing.T, a *App, pass bool, reasons ...string) {
	t.Helper()
	q := a.queue
	q.refresh()
	if len(q.items) != 1 {
		t.Fatalf("queue has %d records", len(q.items))
	}
	q.list.Select(0)
	c := a.review
	c.jobs.Wait()
	if c.c == nil || a.tabs.Selected().Text != "审核" {
		t.Fatal("the record did not open")
	}
	if pass {
		c.verdict.SetSelected("通过")
	} else {
		c.verdict.SetSelected("不通过")
	}
	for _, r := range reasons {
		c.reasons[r].SetChecked(true)
	}
	test.Tap(c.decide)
	if c.status.Text != "" {
		t.Fatalf("decision refused: %s", c.status.Text)
	}
	if len(q.items) != 0 || a.tabs.Selected().Text != "审核队列" {
		t.Fatal("the decided record is still queued")
	}
}

func stepOf[T step](a *App) T {
	for _, s := range a.steps {
		if v, ok := s.(T); ok {
			return v
		}
	}
	var zero T
	return zero
}

// TestReviewLoopEndToEnd: the candidate submits; the reviewer rejects with
// R02 and R09; the candidate sees both, fixes and resubmits; the reviewer
// approves; the candidate changes the work rows; the reviewer approves the
// change; the history shows all of it in order.
func TestReviewLoopEndToEnd(t *testing.T) {
	a, store := newTestApp(t, LangZh)
	ctx := context.Background()
	if _, err := store.InitAdmin(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理", Password: "Review12!", Confirm: "Review12!"}); err != nil {
		t.Fatal(err)
	}
	// The admin adds the reviewer through the screen.
	login(t, a, "120101198512319986", "Review12!")
	adm := a.admin
	typeInto(adm.id, "440305200002299920")
	typeInto(adm.name, "李审核")
	typeInto(adm.password, "Review12!")
	test.Tap(adm.add)
	if adm.status.Text != "请至少添加一个会计管理部门" {
		t.Fatalf("a reviewer without departments: %q", adm.status.Text)
	}
	adm.chooser.Objects[0].(*widget.SelectEntry).SetText("北京市")
	adm.chooser.Objects[1].(*widget.SelectEntry).SetText("北京市（市辖区）")
	adm.chooser.Objects[2].(*widget.SelectEntry).SetText("海淀区")
	test.Tap(adm.pickDept)
	if len(adm.chosen) != 1 || adm.chosen[0] != "110108" {
		t.Fatalf("chosen %v", adm.chosen)
	}
	typeInto(adm.password, "Review12!")
	test.Tap(adm.add)
	if !strings.HasPrefix(adm.status.Text, "已添加") {
		t.Fatalf("add reviewer: %s", adm.status.Text)
	}
	test.Tap(a.account.logoutBtn)

	s := signUp(t, a, "110101199003079913", "张三", "13800138000")
	fillEmployed(s)
	submitClean(s)

	login(t, a, "440305200002299920", "Review12!")
	decide(t, a, false, "R02", "R09")

	login(t, a, "13800138000", "Abcdef12!")
	s = session{t, a}
	res := stepOf[*resultStep](a)
	var shown []string
	for _, l := range res.reasonRows {
		shown = append(shown, l.Text[:3])
	}
	if !slices.Equal(shown, []string{"R02", "R09"}) || res.reopen == nil {
		t.Fatalf("candidate sees reasons %v", shown)
	}
	test.Tap(res.reopen)
	if a.editor.rec.Status != domain.StatusDraft {
		t.Fatalf("after 修改: %s", a.editor.rec.Status)
	}
	s.attach("basic.photo", domaintest.JPEG(domaintest.Portrait(590, 826, domaintest.White, 25), 88)) // a new photo (R02) …
	s.attach("work[0].social_insurance", distinct(51))                                                // … and the proof (R09)
	submitClean(s)

	login(t, a, "440305200002299920", "Review12!")
	decide(t, a, true)

	login(t, a, "13800138000", "Abcdef12!")
	s = session{t, a}
	res = stepOf[*resultStep](a)
	if a.editor.rec.Status != domain.StatusApproved || res.change == nil {
		t.Fatalf("after approval: %s", a.editor.rec.Status)
	}
	test.Tap(res.change)
	s.typeIn("work", "work[0].address", "北京市海淀区中关村大街2号")
	inForce, _ := store.InForce(ctx, a.sess.ID, a.editor.rec.ID)
	if inForce.Work[0].Address != "北京市海淀区中关村大街1号" {
		t.Fatal("the change replaced the approved version before review")
	}
	s.tick("submit", "commitment", true)
	sub := stepOf[*submitStep](a)
	test.Tap(sub.submit)
	if a.editor.rec.Status != domain.StatusChangeSubmitted {
		t.Fatalf("change submit: %s", a.editor.rec.Status)
	}

	login(t, a, "440305200002299920", "Review12!")
	if a.review.c != nil {
		t.Fatal("the review screen kept the previous session's record")
	}
	decide(t, a, true)

	login(t, a, "13800138000", "Abcdef12!")
	me := a.sess.ID
	inForce, _ = store.InForce(ctx, me, a.editor.rec.ID)
	if a.editor.rec.Status != domain.StatusApproved || inForce.Work[0].Address != "北京市海淀区中关村大街2号" {
		t.Fatalf("after the change: %s %s", a.editor.rec.Status, inForce.Work[0].Address)
	}
	events, _ := store.Events(ctx, me, a.editor.rec.ID)
	decisions, _ := store.Decisions(ctx, me, a.editor.rec.ID)
	var kinds []string
	for _, e := range timeline(a.tr, events, decisions) {
		switch {
		case strings.HasPrefix(e.Text, "修改了"):
			kinds = append(kinds, "edit")
		case strings.Contains(e.Text, "R02") && strings.Contains(e.Text, "R09"):
			kinds = append(kinds, "rejected R02 R09")
		default:
			kinds = append(kinds, e.Text)
		}
	}
	want := []string{"创建采集记录", "edit", "submitted", "rejected R02 R09", "退回修改", "edit", "submitted", "passed", "申请信息变更", "edit", "submitted", "passed"}
	var got []string
	for _, k := range kinds {
		switch {
		case strings.HasPrefix(k, "提交审核"):
			got = append(got, "submitted")
		case strings.HasSuffix(k, "审核通过"):
			got = append(got, "passed")
		default:
			got = append(got, k)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("history:\n%q\nwant\n%q", got, want)
	}
	// The reviewer reads the same history; another candidate cannot.
	if _, err := store.Events(ctx, storage.Session{}, a.editor.rec.ID); err == nil {
		t.Fatal("a stranger read the history")
	}
}
