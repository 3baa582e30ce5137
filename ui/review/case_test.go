package review

import (
	"fmt"
	"strings"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// open opens the only queued record on d's case screen.
func (d *desk) open() *Case {
	d.t.Helper()
	d.queue.Refresh()
	if len(d.queue.items) != 1 {
		d.t.Fatalf("queue has %d records", len(d.queue.items))
	}
	d.queue.list.Select(0)
	d.case_.jobs.Wait()
	return d.case_
}

// TestDecisionIsChosenAndConfirmed: nothing is pre-selected, a prompt to
// choose goes once chosen, and a decision is saved only after the reviewer
// confirms it in a dialog that names the version judged.
func TestDecisionIsChosenAndConfirmed(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	storagetest.ReviewStation(t, store)
	me, rec := storagetest.Submitted(t, store, "110101199003079913", "张三", "13800138000")
	c := newDesk(t, store, storagetest.Reviewer).open()
	if c.realName.Selected != "" || c.verdict.Selected != "" {
		t.Fatalf("pre-selected: real name %q, verdict %q", c.realName.Selected, c.verdict.Selected)
	}
	test.Tap(c.decide)
	if c.status.Text != "请选择“通过”或“不通过”" {
		t.Fatalf("status %q", c.status.Text)
	}
	c.verdict.SetSelected("通过")
	if c.status.Text != "" {
		t.Fatalf("the prompt stays after choosing: %q", c.status.Text)
	}
	test.Tap(c.decide)
	if c.status.Text != "请选择实名核验结果" {
		t.Fatalf("passed without a real-name check: %q", c.status.Text)
	}
	c.realName.SetSelected("实名核验通过")
	if c.status.Text != "" {
		t.Fatalf("the prompt stays after choosing: %q", c.status.Text)
	}
	decisions := func() []storage.Decision {
		ds, err := store.Decisions(t.Context(), me, rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	test.Tap(c.decide)
	if !dialogSays(c.sess.Win, fmt.Sprintf("确认第 %d 版审核通过", rec.Version)) {
		t.Fatal("no confirmation naming the version")
	}
	tapDialogButton(t, c.sess.Win, "返回")
	if len(decisions()) != 0 {
		t.Fatal("saved without confirmation")
	}
	test.Tap(c.decide)
	tapDialogButton(t, c.sess.Win, "提交")
	if ds := decisions(); len(ds) != 1 || !ds[0].Pass || ds[0].Version != rec.Version {
		t.Fatalf("decisions %+v", ds)
	}
}

// TestChangeReviewShowsWhatChanged: the review of a 信息变更 lists at its
// top each changed field old → new and the changed photo beside the
// approved one, and names the approved version as the history does.
func TestChangeReviewShowsWhatChanged(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	storagetest.ReviewStation(t, store)
	me, rec := storagetest.Submitted(t, store, "110101199003079913", "张三", "13800138000")
	ctx := t.Context()
	d := newDesk(t, store, storagetest.Reviewer)
	d.decide(true)
	if _, err := store.OpenChange(ctx, me, rec.ID); err != nil {
		t.Fatal(err)
	}
	photo, err := store.PutAttachment(ctx, me, rec.ID, domain.AttPhoto, domaintest.JPEG(domaintest.Portrait(300, 420, domaintest.White, 9), 90), domaintest.Catalog(t).Photo)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
		r.Work[0].Address = "北京市海淀区中关村大街2号"
		r.Basic.Photo = &photo
		r.Committed = true
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Submit(ctx, me, rec.ID, domaintest.Catalog(t)); err != nil {
		t.Fatal(err)
	}
	c := d.open()
	texts := labels(c.body)
	joined := strings.Join(texts, "\n")
	for _, want := range []string{"变更内容（2 项）", "原为 北京市海淀区中关村大街1号，改为 北京市海淀区中关村大街2号", "审核通过的版本", "变更后", fmt.Sprintf("第 %d 版审核通过的信息仍然有效", rec.Version)} {
		if !strings.Contains(joined, want) {
			t.Errorf("the change review lacks %q", want)
		}
	}
	if strings.Contains(joined, fmt.Sprintf("第 %d 版审核通过", rec.Version+1)) {
		t.Error("the approved version is named by the record's version after the decision, not by the version judged")
	}
	if i, j := strings.Index(joined, "变更内容"), strings.Index(joined, "采集信息"); i < 0 || j < i {
		t.Error("the changes are not at the top of the review")
	}
}

// labels are the texts of every label and button under o, in order.
func labels(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *widget.Card:
			out = append(out, x.Title)
			walk(x.Content)
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// dialogSays reports whether an open dialog shows text.
func dialogSays(win fyne.Window, text string) bool {
	for _, o := range win.Canvas().Overlays().List() {
		if strings.Contains(strings.Join(labels(o), "\n"), text) {
			return true
		}
	}
	return false
}
