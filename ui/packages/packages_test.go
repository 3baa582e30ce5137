package packages

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/ui/i18n"
	"caiji/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// staffScreen opens a station, makes it a kiosk or review station with
// init, signs its staff in and builds the 数据包 screen for them.
func staffScreen(t *testing.T, init func(*storage.Store, context.Context, domain.Registration) (storage.Account, error)) (*Screen, *storage.Store) {
	t.Helper()
	dir := t.TempDir()
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if _, err := init(store, t.Context(), domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理",
		Password: storagetest.Password, Confirm: storagetest.Password}); err != nil {
		t.Fatal(err)
	}
	in, err := store.Login(t.Context(), "120101198512319986", storagetest.Password)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.NewTranslator(i18n.LangZh)
	return New(session.New(store, domaintest.Catalog(t), tr, test.NewWindow(nil), in), keys), store
}

// wait runs start and waits until the screen's transfer has ended.
func wait(t *testing.T, s *Screen, start func()) {
	t.Helper()
	done := make(chan struct{}, 1)
	s.OnDone = func() { done <- struct{}{} }
	start()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatalf("the transfer did not end: %q", s.status.Text)
	}
}

// Through the screens: the review station's recipient is copied and
// pasted into the kiosk's settings; the kiosk exports, the review station
// imports after accepting the kiosk by its fingerprint; a pasted private
// key is refused.
func TestScreensCarryAPackage(t *testing.T) {
	test.NewTempApp(t)
	kiosk, kstore := staffScreen(t, (*storage.Store).InitKiosk)
	review, rstore := staffScreen(t, (*storage.Store).InitAdmin)

	test.Tap(review.copy)
	pasted := fyne.CurrentApp().Clipboard().Content()
	if !strings.HasPrefix(pasted, "age1") {
		t.Fatalf("copied %q", pasted)
	}

	kiosk.depts.SetText("110108，110105")
	kiosk.recipient.SetText("AGE-SECRET-KEY-1QQQ")
	test.Tap(kiosk.add)
	if !strings.Contains(kiosk.status.Text, "私钥") {
		t.Fatalf("a private key: %q", kiosk.status.Text)
	}
	kiosk.recipient.SetText(pasted)
	test.Tap(kiosk.add)
	if list, err := kstore.Recipients(t.Context()); err != nil || len(list) != 2 || list[0].Recipient != pasted {
		t.Fatalf("recipients %+v %v (%q)", list, err, kiosk.status.Text)
	}
	if len(kiosk.recipients.Objects) != 2 {
		t.Fatalf("the list shows %d rows", len(kiosk.recipients.Objects))
	}

	for i, id := range []string{"110101198805121234", "110108199201014568", "110105198702112349"} {
		me, _ := storagetest.Submitted(t, kstore, id, "张三", "1380000000"+string(rune('1'+i)))
		kstore.SignOut(me) // they leave the kiosk
	}
	stick := t.TempDir()
	wait(t, kiosk, func() { kiosk.Export(stick) })
	if kiosk.status.Text != "已导出 1 个数据包" || len(kiosk.result.Objects) != 1 || !kiosk.bar.Hidden {
		t.Fatalf("export: %q, %d lines", kiosk.status.Text, len(kiosk.result.Objects))
	}
	files, _ := filepath.Glob(filepath.Join(stick, "*.caiji"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}

	done := make(chan struct{}, 1)
	review.OnDone = func() { done <- struct{}{} }
	review.Import(files[0])
	for asked := false; !asked; time.Sleep(10 * time.Millisecond) {
		fyne.DoAndWait(func() {
			if asked = review.accept != nil; asked {
				review.accept.Confirm()
			}
		})
	}
	<-done
	if review.status.Text != "新增 3，已存在 0，旧版本忽略 0，拒收 0" {
		t.Fatalf("import: %q", review.status.Text)
	}
	wait(t, review, func() { review.Import(files[0]) })
	if review.status.Text != "新增 0，已存在 3，旧版本忽略 0，拒收 0" {
		t.Fatalf("import again: %q", review.status.Text)
	}

	// A rejection goes back; the kiosk shows it by receipt code and forgets
	// the candidate.
	storagetest.NewReviewer(t, rstore, review.sess.ID, storagetest.Reviewer, "李审核", storagetest.Password, []string{"110108"})
	rev := storagetest.SignIn(t, rstore, storagetest.Reviewer)
	q, err := rstore.Queue(t.Context(), rev, storage.QueueFilter{})
	if err != nil || len(q) != 3 {
		t.Fatalf("queue %v %v", q, err)
	}
	if err := rstore.Decide(t.Context(), rev, q[0].RecordID, q[0].Version, storage.Decision{Reasons: []string{"R02"}, RealName: domain.RealNameVerified}); err != nil {
		t.Fatal(err)
	}
	back := t.TempDir()
	wait(t, review, func() { review.Export(back) })
	files, _ = filepath.Glob(filepath.Join(back, "*.caiji"))
	if len(files) != 1 {
		t.Fatalf("decision files %v (%q)", files, review.status.Text)
	}
	kiosk.OnDone = func() { done <- struct{}{} }
	kiosk.Import(files[0])
	for asked := false; !asked; time.Sleep(10 * time.Millisecond) {
		fyne.DoAndWait(func() {
			if asked = kiosk.accept != nil; asked {
				kiosk.accept.Confirm()
			}
		})
	}
	<-done
	if kiosk.status.Text != "新增 1，已存在 0，旧版本忽略 0，拒收 0；已从本机删除 1 名考生的数据" || len(kiosk.result.Objects) != 1 ||
		!strings.Contains(kiosk.result.Objects[0].(*widget.Label).Text, "审核不通过（R02）") {
		t.Fatalf("decisions on the kiosk: %q", kiosk.status.Text)
	}
}
