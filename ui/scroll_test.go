package ui

import (
	"testing"

	"caiji/domain"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2"
)

// TestJumpScrollsToTheField: 前往 a field far down a step (the third work
// row's phone) shows it inside the visible part of the step, focused.
func TestJumpScrollsToTheField(t *testing.T) {
	a, store := newTestApp(t, i18n.LangZh)
	signUp(t, a, "110101199003079913", "张三", "13800138000")
	if _, err := store.UpdateRecord(t.Context(), a.sess.ID, a.coll.Record().ID, func(r *domain.Record) { r.Work = make([]domain.Work, 3) }); err != nil {
		t.Fatal(err)
	}
	login(t, a, "13800138000", "Abcdef12!")
	a.JumpTo("work[2].phone")
	f := a.win.Canvas().Focused()
	if f == nil || f != a.coll.Focus("work[2].phone") {
		t.Fatalf("focused %T, not the field", f)
	}
	scroll := scrollHolding(a.tabs.Selected().Content, f.(fyne.CanvasObject))
	if scroll == nil {
		t.Fatal("the work step does not scroll")
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(scroll).Y
	y := d.AbsolutePositionForObject(f.(fyne.CanvasObject)).Y
	if y < top || y > top+scroll.Size().Height {
		t.Fatalf("the field is at y=%v, outside the visible %v–%v (offset %v)", y, top, top+scroll.Size().Height, scroll.Offset.Y)
	}
}
