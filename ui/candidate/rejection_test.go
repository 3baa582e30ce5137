package candidate

import (
	"testing"

	"caiji/storage/storagetest"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestRejectionMarksItsSteps: 审核结果 shows no ✓ for a draft never
// decided; after a rejection for the photo (R02) the navigator marks 基本信息
// and 审核结果, not the steps it does not concern, and 修改 reopens the
// record at the photo; once resubmitted, the old reasons leave the result
// screen (the history keeps them) and the marks go.
func TestRejectionMarksItsSteps(t *testing.T) {
	store := openStore(t)
	_, reviewer := storagetest.ReviewStation(t, store)
	s := signUp(t, store, "110101199003079913", "张三", "13800138000")
	if icon := s.c.Icon("result"); icon != nil {
		t.Fatalf("审核结果 of a fresh draft shows %v", icon.Name())
	}
	fillEmployed(s)
	submitClean(s)
	if icon := s.c.Icon("result"); icon != theme.HistoryIcon() {
		t.Fatal("审核结果 awaiting a decision is not marked pending")
	}
	decideAs(t, store, reviewer, s.ed.rec.ID, false, "R02")

	s = login(t, store, "13800138000")
	for key, want := range map[string]bool{"basic": true, "result": true, "education": false, "work": false} {
		if got := s.c.Icon(key) == theme.ErrorIcon(); got != want {
			t.Errorf("step %s marked rejected: %v, want %v", key, got, want)
		}
	}
	res := s.step("result").(*resultStep)
	if res.reopen.Text != "修改" {
		t.Fatalf("the button reads %q", res.reopen.Text)
	}
	test.Tap(res.reopen)
	if s.selected != "basic" {
		t.Fatalf("修改 shows %q, not the step of the first reason", s.selected)
	}
	submitClean(s)
	s.Rebuild("result")
	res = s.step("result").(*resultStep)
	if len(res.reasonRows) != 0 {
		t.Fatal("the old reasons stay on the result screen while awaiting review again")
	}
	if s.c.Icon("basic") == theme.ErrorIcon() {
		t.Fatal("基本信息 still marked after resubmission")
	}
}
