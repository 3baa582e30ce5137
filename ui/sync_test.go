package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/hub/store"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/syncer"
	"caiji/syncer/synctest"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// texts are the texts of every label under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Card:
			b.WriteString(v.Title + "\n")
			if v.Content != nil {
				walk(v.Content)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(v.Content)
		case fyne.Widget:
			r := v.CreateRenderer()
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// tab is the content of the navigator's tab key.
func (a *App) tab(t *testing.T, key string) fyne.CanvasObject {
	t.Helper()
	i := a.index(key)
	if i < 0 {
		t.Fatalf("no tab %s among %v", key, a.keys)
	}
	return a.tabs.Items[i].Content
}

// A home PC through its window: submitted offline, the status says it
// waits and 审核结果 that it is not delivered; with the hub up and the
// candidate signed in again it is sent, the 同步 tab and 审核结果 show the
// hub's receipt; a review station rejects with R02 and the candidate's
// screen shows it after the next sync.
func TestSyncThroughTheWindow(t *testing.T) {
	ctx := context.Background()
	h := synctest.NewHub(t)
	a, st := newTestApp(t, i18n.LangZh)
	// The worker runs beside the screens: its fyne.Do work waits for this
	// goroutine, as it waits for the real main loop, so no widget is touched
	// from two goroutines at once.
	loop := withMainLoop(t)
	dir := t.TempDir()
	keys, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	conf, err := syncer.TLSConfig(h.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetHub(ctx, h.URL); err != nil {
		t.Fatal(err)
	}
	w := syncer.NewWorker(st, dir, keys, conf)
	a.SetSync(w)
	a.win.SetContent(a.Content())
	if a.account.hubEntry == nil || a.account.hubEntry.Text != h.URL {
		t.Fatal("账户 does not show the hub's address")
	}

	signUp(t, a, "110101199003079913", "张三", "13800138000")
	agreeSensitive(t, a)
	rec := synctest.FillRecord(t, st, a.sess.ID)
	if _, err := st.Submit(ctx, a.sess.ID, rec.ID, domaintest.Catalog(t)); err != nil {
		t.Fatal(err)
	}
	a.reloadRecord()
	_ = w.SyncOnce(ctx) // the hub is down
	loop.drain()
	if got := a.sync.line.Text; !strings.Contains(got, "离线") || !strings.Contains(got, "1 项待发送") {
		t.Fatalf("status line offline: %q", got)
	}
	result := texts(a.tab(t, "result"))
	if !strings.Contains(result, "等待发送到审核部门") || !strings.Contains(result, "回执码") {
		t.Fatalf("审核结果 before sending:\n%s", result)
	}

	h.Start()
	login(t, a, "13800138000", "Abcdef12!") // online now: also signs in to the hub
	tokens := filepath.Join(dir, "hub-tokens", a.sess.Account.UUID+".json")
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		loop.drain()
		if _, err := os.Stat(tokens); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the hub sign-in did not happen")
		}
	}
	test.Tap(a.sync.nowButton) // 立即同步
	if err := w.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	loop.drain()
	if got := a.sync.line.Text; !strings.Contains(got, "已全部发送") {
		t.Fatalf("status line after sending: %q", got)
	}
	rc, err := st.ReceiptFor(ctx, a.sess.ID, rec.ID, rec.Version+1)
	if err != nil {
		t.Fatal(err)
	}
	if view := texts(a.tab(t, "sync")); !strings.Contains(view, "已送达审核部门") || !strings.Contains(view, rc.Code) {
		t.Fatalf("同步 tab:\n%s", view)
	}
	// A review station's decision on that version was sent, not delivered
	// with the version's receipt.
	decision := storage.OutboxItem{Record: rec.ID, Version: rec.Version + 1, Kind: storage.OutDecision, State: storage.OutSent,
		SentAt: time.Date(2026, 12, 1, 1, 12, 0, 0, time.UTC)}
	if row := texts(a.sync.view.row(decision)); strings.Contains(row, "已送达审核部门") || !strings.Contains(row, "已发送 2026-12-01 09:12") {
		t.Fatalf("a sent decision in the 同步 tab: %q", row)
	}
	if result := texts(a.tab(t, "result")); !strings.Contains(result, "已送达审核部门 "+rc.ReceivedAt.In(domain.Shanghai).Format("2006-01-02 15:04")) {
		t.Fatalf("审核结果 after sending:\n%s", result)
	}

	// A review station rejects it with R02.
	rs, err := storage.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	staff := func(id, name string) domain.Registration {
		return domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: name, Password: "Review12!", Confirm: "Review12!"}
	}
	if _, err := rs.InitAdmin(ctx, staff("120101198512319986", "王管理")); err != nil {
		t.Fatal(err)
	}
	admin, _ := rs.Login(ctx, "120101198512319986", "Review12!")
	storagetest.NewReviewer(t, rs, admin.Session, "440305200002299920", "李审核", "Review12!", []string{"110108"})
	reviewer, _ := rs.Login(ctx, "440305200002299920", "Review12!")
	rsDir := t.TempDir()
	rsKeys, _ := caijipkg.LoadOrCreateKeys(rsDir)
	if _, err := syncer.Connect(ctx, rs, rsKeys, conf, h.URL, h.AddStation(store.Review, "110108")); err != nil {
		t.Fatal(err)
	}
	rw := syncer.NewWorker(rs, rsDir, rsKeys, conf)
	if err := rw.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	loop.drain()
	c, err := rs.OpenForReview(ctx, reviewer.Session, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := rs.Decide(ctx, reviewer.Session, rec.ID, c.Record.Version, storage.Decision{Pass: false, Reasons: []string{"R02"}, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	if err := rw.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	loop.drain()

	if err := w.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	loop.drain()
	if got := a.coll.Record().Status; got != domain.StatusRejected {
		t.Fatalf("the candidate's screens still show %s", got)
	}
	if result := texts(a.tab(t, "result")); !strings.Contains(result, "R02") {
		t.Fatalf("审核结果 after the rejection:\n%s", result)
	}
}

// At a kiosk that has forgotten a candidate, the code shown at submission
// still finds when the hub received their record.
func TestKioskReceiptLookup(t *testing.T) {
	ctx := context.Background()
	h := synctest.NewHub(t)
	h.Start()
	a, st := newTestApp(t, i18n.LangZh)
	if _, err := st.InitKiosk(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理", Password: "Review12!", Confirm: "Review12!"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keys, _ := caijipkg.LoadOrCreateKeys(dir)
	conf, _ := syncer.TLSConfig(h.CAFile)
	if _, err := syncer.Connect(ctx, st, keys, conf, h.URL, h.AddStation(store.Kiosk)); err != nil {
		t.Fatal(err)
	}
	in, err := st.Register(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: "110101199003079913", Name: "张三", Password: "Abcdef12!", Confirm: "Abcdef12!", Phone: "13800138000",
		Agreed: st.Notices()[domain.NoticePersonal].Digest})
	if err != nil {
		t.Fatal(err)
	}
	storagetest.AgreeSensitive(t, st, in.Session)
	rec := synctest.FillRecord(t, st, in.Session)
	rec, err = st.Submit(ctx, in.Session, rec.ID, domaintest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	code, err := st.SubmissionCode(ctx, in.Session, rec.ID, rec.Version)
	if err != nil {
		t.Fatal(err)
	}
	w := syncer.NewWorker(st, dir, keys, conf)
	a.SetSync(w)
	a.win.SetContent(a.Content())
	st.SignOut(in.Session) // the candidate leaves the kiosk
	if err := w.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Login(ctx, "110101199003079913", "Abcdef12!"); err == nil {
		t.Fatal("the kiosk kept the candidate")
	}
	if a.account.receiptEntry == nil || a.account.hubEntry != nil {
		t.Fatal("a kiosk's 账户 should offer the receipt lookup, not the hub address")
	}
	typeInto(a.account.receiptEntry, strings.ToLower(code))
	a.account.receiptEntry.OnSubmitted(a.account.receiptEntry.Text)
	if got := texts(a.account.content); !strings.Contains(got, "中心已收到第 3 版") {
		t.Fatalf("lookup by %s:\n%s", code, got)
	}
}

// A review station's administrator connects it to the hub from the 同步
// tab with the one-time code, as `caiji station connect` does.
func TestStaffConnectsTheStation(t *testing.T) {
	ctx := context.Background()
	h := synctest.NewHub(t)
	h.Start()
	a, st := newTestApp(t, i18n.LangZh)
	if _, err := st.InitAdmin(ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理", Password: "Review12!", Confirm: "Review12!"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keys, _ := caijipkg.LoadOrCreateKeys(dir)
	conf, _ := syncer.TLSConfig(h.CAFile)
	a.SetSync(syncer.NewWorker(st, dir, keys, conf))
	a.win.SetContent(a.Content())
	login(t, a, "120101198512319986", "Review12!")
	a.tab(t, "sync") // built with the 连接中心 card
	typeInto(a.sync.connectHub, h.URL)
	typeInto(a.sync.connectCode, h.AddStation(store.Review, "110108"))
	test.Tap(a.sync.connectBtn)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		if info, _ := st.StationInfo(ctx); info.Enrolled {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("not connected")
		}
	}
}
