package review

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/ui/i18n"
	"caiji/ui/session"

	"fyne.io/fyne/v2/test"
)

// desk is a reviewer's queue and review screens wired as the window wires
// them: opening a record shows it in the case, a decision refreshes the
// queue.
type desk struct {
	t     *testing.T
	queue *Queue
	case_ *Case
}

func newDesk(t *testing.T, store *storage.Store, reviewer string) *desk {
	in, err := store.Login(t.Context(), reviewer, storagetest.Password)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.NewTranslator(i18n.LangZh)
	sess := session.New(store, domaintest.Catalog(t), tr, test.NewWindow(nil), in)
	d := &desk{t: t, case_: NewCase(sess)}
	d.queue = NewQueue(sess, func(id string) {
		if err := d.case_.Open(id); err != nil {
			t.Fatal(err)
		}
		d.case_.StartLoading()
	})
	d.case_.OnDone = d.queue.Refresh
	return d
}

// decide opens the oldest record of the queue and saves a verdict.
func (d *desk) decide(pass bool, reasons ...string) {
	d.t.Helper()
	q, c := d.queue, d.case_
	q.Refresh()
	if len(q.items) != 1 {
		d.t.Fatalf("queue has %d records", len(q.items))
	}
	q.list.Select(0)
	c.jobs.Wait()
	if c.c == nil {
		d.t.Fatal("the record did not open")
	}
	if pass {
		c.verdict.SetSelected("通过")
	} else {
		c.verdict.SetSelected("不通过")
	}
	for _, r := range reasons {
		c.reasons[r].SetChecked(true)
	}
	c.realName.SetSelected("实名核验通过")
	test.Tap(c.decide)
	tapDialogButton(d.t, c.sess.Win, "提交")
	if c.status.Text != "" {
		d.t.Fatalf("decision refused: %s", c.status.Text)
	}
	if len(q.items) != 0 {
		d.t.Fatal("the decided record is still queued")
	}
}

// TestReviewerDecides: a reviewer rejects a record with R02 and R09 through
// the screens, then approves it once resubmitted; each decision is what
// storage holds.
func TestReviewerDecides(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	storagetest.ReviewStation(t, store)
	me, rec := storagetest.Submitted(t, store, "110101199003079913", "张三", "13800138000")
	d := newDesk(t, store, storagetest.Reviewer)
	d.decide(false, "R02", "R09")

	ctx := t.Context()
	ds, err := store.Decisions(ctx, me, rec.ID)
	if err != nil || len(ds) != 1 || ds[0].Pass || !slices.Equal(ds[0].Reasons, []string{"R02", "R09"}) {
		t.Fatalf("decisions %+v %v", ds, err)
	}
	if _, err := store.Reopen(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := store.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Committed = true }); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Submit(ctx, me, rec.ID, domaintest.Catalog(t)); err != nil {
		t.Fatal(err)
	}
	d.decide(true)
	mine, _ := store.MyRecord(ctx, me)
	if mine.Status != domain.StatusApproved || mine.RealName.Status != domain.RealNameVerified {
		t.Fatalf("after approval: %s, real name %s", mine.Status, mine.RealName.Status)
	}
}

// dialogButtons are the buttons of the dialogs open on win.
func dialogButtons(win fyne.Window) []*widget.Button {
	var out []*widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			out = append(out, x)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(x)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	for _, o := range win.Canvas().Overlays().List() {
		walk(o)
	}
	return out
}

// tapDialogButton taps the button named text on an open dialog.
func tapDialogButton(t *testing.T, win fyne.Window, text string) {
	t.Helper()
	var names []string
	for _, b := range dialogButtons(win) {
		if b.Text == text {
			test.Tap(b)
			return
		}
		names = append(names, b.Text)
	}
	t.Fatalf("no dialog button %q among %q", text, names)
}

// TestReviewerSeesConsent: the case says when the candidate agreed to each
// notice, from the submitted version.
func TestReviewerSeesConsent(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	storagetest.ReviewStation(t, store)
	at := time.Date(2026, 11, 27, 9, 30, 0, 0, domain.Shanghai)
	store.SetClock(func() time.Time { return at })
	_, rec := storagetest.Submitted(t, store, "110101199003079913", "张三", "13800138000")
	store.SetClock(time.Now)
	d := newDesk(t, store, storagetest.Reviewer)
	if err := d.case_.Open(rec.ID); err != nil {
		t.Fatal(err)
	}
	got := d.case_.consents.Text
	for _, want := range []string{"个人信息处理同意  2026-11-27 09:30", "敏感个人信息单独同意  2026-11-27 09:30", store.Notices()[domain.NoticeSensitive].Digest[:12]} {
		if !strings.Contains(got, want) {
			t.Errorf("consent line %q lacks %q", got, want)
		}
	}
}
