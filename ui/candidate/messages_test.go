package candidate

import (
	"slices"
	"strings"
	"testing"
	"time"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage/storagetest"
	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// signUpIn registers the fixture candidate and opens their collection in lang.
func signUpIn(t *testing.T, lang string) *harness {
	t.Helper()
	store := openStore(t)
	r := registration("110101199003079913", "张三", "13800138000")
	r.Agreed = store.Notices()[domain.NoticePersonal].Digest
	in, err := store.Register(t.Context(), r)
	if err != nil {
		t.Fatal(err)
	}
	storagetest.AgreeSensitive(t, store, in.Session)
	return open(t, store, in, lang)
}

// TestScopeStepMakesAAndCExclusive: ticking 不具有…资格 unticks 具有…资格
// and the other way round; B stays with either.
func TestScopeStepMakesAAndCExclusive(t *testing.T) {
	h := signUpIn(t, i18n.LangZh)
	h.tick("notice", "scopes.A", true)
	h.tick("notice", "scopes.B", true)
	h.tick("notice", "scopes.C", true)
	checks := h.step("notice").binder().checks
	if got := h.ed.rec.Scopes; !slices.Equal(got, []domain.Scope{domain.ScopeAccounting, domain.ScopeExam}) || checks["scopes.A"].Checked {
		t.Fatalf("after ticking A, B, C: %v (A shown ticked: %v)", got, checks["scopes.A"].Checked)
	}
	h.tick("notice", "scopes.A", true)
	checks = h.step("notice").binder().checks
	if h.ed.rec.HasScope(domain.ScopeExam) || checks["scopes.C"].Checked || !checks["scopes.B"].Checked {
		t.Fatalf("after ticking A again: %v", h.ed.rec.Scopes)
	}
}

// TestSubmitSummaryCountsWhatIsListed: the summary counts the problems the
// list shows; the unticked commitment is its own line, never "1 条提醒";
// English counts take their singular.
func TestSubmitSummaryCountsWhatIsListed(t *testing.T) {
	commit := domain.Problem{Code: domain.CodeCommitment, Severity: domain.Error, Field: "commitment", Msg: domain.Msg{Zh: "请勾选", En: "Tick"}}
	note := domain.Problem{Code: "U5", Severity: domain.Warning, Field: "work[0].credit_code", Msg: domain.Msg{Zh: "提醒", En: "note"}}
	bad := domain.Problem{Code: "TEL1", Severity: domain.Error, Field: "work[0].phone", Msg: domain.Msg{Zh: "错误", En: "error"}}
	for _, tt := range []struct {
		lang     string
		problems []domain.Problem
		rows     int
		want     []string
		not      []string
	}{
		{i18n.LangZh, []domain.Problem{commit}, 0, []string{"没有需要改正的错误", "勾选下面的承诺"}, []string{"提醒"}},
		{i18n.LangZh, []domain.Problem{commit, note}, 1, []string{"1 条提醒", "勾选下面的承诺"}, []string{"错误需要改正"}},
		{i18n.LangEn, []domain.Problem{commit, note}, 1, []string{"No errors to fix", "1 note goes", "tick the commitment"}, []string{"notes"}},
		{i18n.LangEn, []domain.Problem{bad, commit, note, note}, 3, []string{"1 error to fix", "2 notes go"}, []string{"errors"}},
	} {
		h := signUpIn(t, tt.lang)
		sub := h.step("submit").(*submitStep)
		h.ed.problems = tt.problems
		sub.refresh()
		for _, w := range tt.want {
			if !strings.Contains(sub.summary.Text, w) {
				t.Errorf("%s %d problems: summary %q lacks %q", tt.lang, len(tt.problems), sub.summary.Text, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(sub.summary.Text, w) {
				t.Errorf("%s %d problems: summary %q says %q", tt.lang, len(tt.problems), sub.summary.Text, w)
			}
		}
		if len(sub.list.Objects) != tt.rows {
			t.Errorf("%s: %d rows listed, want %d", tt.lang, len(sub.list.Objects), tt.rows)
		}
	}
}

// TestResultDeadlineIsNextExamYears: the deadline line speaks of the next
// exam by the Beijing date; when that year's deadline is not published it
// says so, and never shows last year's as this year's.
func TestResultDeadlineIsNextExamYears(t *testing.T) {
	for _, tt := range []struct {
		lang, now, want string
	}{
		{i18n.LangZh, "2026-11-27 10:00", "2027 年考试的采集截止时间尚未公布"},
		{i18n.LangZh, "2025-01-20 12:00", "2025 年考试：2025-01-23 12:00 截止，还剩 3 天 0 小时"},
		{i18n.LangZh, "2025-03-01 12:00", "2025 年考试已于 2025-01-23 12:00 截止"},
		{i18n.LangEn, "2025-01-22 11:00", "2025 exam: closes 2025-01-23 12:00, 1 day 1 hour left"},
		{i18n.LangEn, "2026-11-27 10:00", "deadline for the 2027 exam is not published yet"},
	} {
		now, err := time.ParseInLocation("2006-01-02 15:04", tt.now, domain.Shanghai)
		if err != nil {
			t.Fatal(err)
		}
		h := signUpIn(t, tt.lang)
		h.ed.save(func(r *domain.Record) { r.Department = domain.Department{Province: "440000"} })
		if got := h.step("result").(*resultStep).deadline(now); !strings.Contains(got, tt.want) {
			t.Errorf("%s at %s: %q, want %q", tt.lang, tt.now, got, tt.want)
		}
	}
}

// TestPlaceholdersFit: every placeholder of every step is shown whole in
// its entry at the window's size, in both languages.
func TestPlaceholdersFit(t *testing.T) {
	for _, lang := range []string{i18n.LangZh, i18n.LangEn} {
		h := signUpIn(t, lang)
		h.add("work", 0)
		seen := map[string]bool{}
		for _, key := range h.c.Keys() {
			h.Select(key)
			h.settle()
			for _, where := range placeholderOverflows(h.win.Content(), seen) {
				t.Errorf("%s %s: %s", lang, key, where)
			}
		}
		if len(seen) < 3 {
			t.Fatalf("%s: only %d placeholders checked: %v", lang, len(seen), seen)
		}
	}
}

// placeholderOverflows lists the placeholders under o wider than their
// entry's text area, and notes every placeholder seen.
func placeholderOverflows(o fyne.CanvasObject, seen map[string]bool) []string {
	var out []string
	for _, o := range test.LaidOutObjects(o) {
		var e *widget.Entry
		switch v := o.(type) {
		case *widget.Entry:
			e = v
		case *widgets.BlurEntry:
			e = &v.Entry
		case *widgets.SearchBox:
			e = &v.Entry
		}
		if e == nil || e.PlaceHolder == "" || !e.Visible() || e.Size().Width == 0 {
			continue
		}
		seen[e.PlaceHolder] = true
		room := e.Size().Width - 2*theme.InnerPadding() - 2*theme.InputBorderSize()
		if e.Password || e.ActionItem != nil {
			room -= theme.IconInlineSize() + 2*theme.InnerPadding()
		}
		if w := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width; w > room {
			out = append(out, e.PlaceHolder+" does not fit")
		}
	}
	return out
}

// TestPickerLineFollowsTheShownImage: the line under the photo picker
// speaks of the stored photo ("宽高比 0.750"); once a fix is on offer it
// is cleared, not left red under "✓ 宽高比 5:7", and after the fix is used
// it stays clear.
func TestPickerLineFollowsTheShownImage(t *testing.T) {
	h := signUpIn(t, i18n.LangZh)
	h.attach("basic.photo", domaintest.JPEG(domaintest.Portrait(600, 800, domaintest.White, 20), 90))
	line := h.ed.fields["basic.photo"].Msg
	if !strings.Contains(line.Text, "宽高比 0.750") {
		t.Fatalf("the stored photo's warning: %q", line.Text)
	}
	p := h.picker("basic.photo")
	test.Tap(findButton(t, p.Content(), "一键修正")) // the crop is on offer

	p.Wait()
	if line.Text != "" {
		t.Fatalf("stale line under the fix: %q", line.Text)
	}
	test.Tap(findButton(t, p.Content(), "使用修正后的图片"))
	if ph := h.ed.rec.Basic.Photo; ph == nil || ph.Width != 295 || line.Text != "" {
		t.Fatalf("photo %+v, line %q", ph, line.Text)
	}
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widgets.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(o) {
		if b, ok := o.(*widgets.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
