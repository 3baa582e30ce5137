package ui

import (
	"reflect"
	"testing"

	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// keyboard sends key events to a window the way Fyne's desktop driver
// dispatches them (internal/driver/glfw, processKeyPressed): Tab and
// Shift+Tab move the focus; a key with Ctrl or Alt is a shortcut, for the
// focused widget when it takes shortcuts and for the window otherwise; any
// other key goes to the focused widget or, with none, to the window's key
// handler; text goes to the focused widget, as an input method commits it.
type keyboard struct {
	t *testing.T
	c fyne.Canvas
}

func (k keyboard) press(name fyne.KeyName) {
	k.t.Helper()
	if name == fyne.KeyTab {
		k.c.FocusNext()
		return
	}
	ev := &fyne.KeyEvent{Name: name}
	if f := k.c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := k.c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func (k keyboard) tab(n int) {
	for range n {
		k.press(fyne.KeyTab)
	}
}

func (k keyboard) shortcut(mod fyne.KeyModifier, name fyne.KeyName) {
	k.t.Helper()
	sc := &desktop.CustomShortcut{KeyName: name, Modifier: mod}
	if f, ok := k.c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	windowShortcuts(k.t, k.c).TypedShortcut(sc)
}

// windowShortcuts is the shortcut handler of the test window's canvas,
// where App.addStepShortcuts registered its keys. The test driver wraps the
// canvas in a type without TypedShortcut; the canvas inside has it.
func windowShortcuts(t *testing.T, c fyne.Canvas) fyne.Shortcutable {
	t.Helper()
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas").Interface()
	s, ok := inner.(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the test canvas %T takes no shortcuts", inner)
	}
	return s
}

func (k keyboard) typeText(s string) {
	for _, r := range s {
		k.c.Focused().TypedRune(r)
	}
}

// focusedIs fails unless want has the keyboard focus.
func (k keyboard) focusedIs(want fyne.Focusable, what string) {
	k.t.Helper()
	if got := k.c.Focused(); got != want {
		k.t.Fatalf("focus on %T %p, want %s (%T %p)", got, got, what, want, want)
	}
}

// TestKeyboardOnly registers, walks every step and works its kinds of
// controls — text, search box, check box, button, dialog — with key events
// only.
func TestKeyboardOnly(t *testing.T) {
	a, store := newTestApp(t, i18n.LangZh)
	a.saveDelay = 0
	k := keyboard{t, a.win.Canvas()}
	input := func(path string) fyne.Focusable { return a.coll.Focus(path) }

	// 账户: Tab to 证件号码 (after 登录's ID, password, button and 证件类型).
	k.tab(5)
	k.focusedIs(a.account.regID, "证件号码")
	k.typeText("110101199003071233")
	k.tab(1)
	k.typeText("张三")
	k.tab(1)
	k.typeText("Caiji2026!")
	k.tab(1)
	k.typeText("Caiji2026!")
	k.tab(1)
	k.typeText("13800138000")
	k.tab(1)
	k.focusedIs(a.account.regAgree, "同意个人信息处理告知")
	k.typeText(" ") // Space ticks it
	k.tab(1)
	k.focusedIs(a.account.regBtn, "注册")
	k.press(fyne.KeyReturn)
	if a.User() == nil {
		t.Fatalf("Enter on 注册 did not register: %s", a.account.regMsg.Text)
	}

	// Every step by Alt+number, each with the focus on its first control.
	for i := range min(len(a.tabs.Items), 9) {
		k.shortcut(fyne.KeyModifierAlt, fyne.KeyName(rune('1'+i)))
		if a.tabs.SelectedIndex() != i {
			t.Fatalf("Alt+%d selected tab %d", i+1, a.tabs.SelectedIndex())
		}
		if k.c.Focused() == nil {
			t.Fatalf("step %s: no control has the focus", a.tabs.Items[i].Text)
		}
	}
	// Back to the start by Ctrl+PageUp, forward by Ctrl+PageDown, also while
	// typing in a text field.
	for i := len(a.tabs.Items) - 1; i > 0; i-- {
		k.shortcut(fyne.KeyModifierControl, fyne.KeyPageUp)
	}
	if a.tabs.SelectedIndex() != 0 {
		t.Fatalf("Ctrl+PageUp stopped at tab %d", a.tabs.SelectedIndex())
	}

	// 账户 → 实名认证 with the 下一步 button at the foot.
	k.focusedIs(a.account.logoutBtn, "退出登录, the first control of 账户")
	k.tab(1)
	k.press(fyne.KeyReturn)
	province := input("realname.province").(*widgets.SearchBox)
	k.focusedIs(province, "所在省")

	// A search box: typing opens its list, Down moves into it, Enter chooses,
	// and the focus stays on the box (the step was rebuilt for the 市 list).
	k.typeText("bj")
	if k.c.Overlays().Top() == nil {
		t.Fatal("typing did not open the list")
	}
	k.press(fyne.KeyDown)
	k.press(fyne.KeyReturn)
	if got := a.coll.Record().RealName.Province; got != "110000" {
		t.Fatalf("province %q after Down, Enter", got)
	}
	province = input("realname.province").(*widgets.SearchBox)
	k.focusedIs(province, "所在省 after choosing")
	k.tab(1)
	k.press(fyne.KeyDown) // opens the 市 list on its first entry
	k.press(fyne.KeyReturn)
	if got := a.coll.Record().RealName.City; got == "" {
		t.Fatal("no 市 chosen by Down, Enter")
	}

	// The sensitive-information notice: Space agrees, and the focus goes on
	// to the first image's button.
	k.tab(1)
	k.focusedIs(a.coll.SensitiveConsent(), "敏感个人信息单独同意")
	k.typeText(" ")

	// A button opens the file dialog with Enter; Escape closes it, and the
	// focus is back on the button.
	choose, ok := k.c.Focused().(*widgets.Button)
	if !ok {
		t.Fatalf("after 所在市 the focus is on %T, want 选择图片", k.c.Focused())
	}
	a.sess.Kiosk = true // Caiji's own file dialog: a system one is not on the canvas
	k.press(fyne.KeyReturn)
	if k.c.Overlays().Top() == nil {
		t.Fatal("Enter on 选择图片 opened no dialog")
	}
	k.press(fyne.KeyEscape)
	if k.c.Overlays().Top() != nil {
		t.Fatal("Escape left the dialog open")
	}
	k.focusedIs(choose, "选择图片 after the dialog")

	// Ctrl+PageDown from inside a text field (Shift+Tab back to 所在市):
	// 采集须知与范围, whose first control is the check box that Space ticks.
	k.c.FocusPrevious()
	k.focusedIs(input("realname.city"), "所在市 after Shift+Tab")
	k.shortcut(fyne.KeyModifierControl, fyne.KeyPageDown)
	read := input("notice")
	k.focusedIs(read, "已阅读 check box")
	k.c.Focused().TypedRune(' ')
	if !a.coll.Record().NoticeRead {
		t.Fatal("Space did not tick 已阅读")
	}

	// 教育经历: Enter on 新增教育经历 puts the focus in the new row; a choice
	// opens with Space, Down and Enter choose, and the focus stays on it.
	k.shortcut(fyne.KeyModifierAlt, fyne.Key5)
	focusButton(t, k, a.tr.T("row.add", a.tr.T("education.row")))
	k.press(fyne.KeyReturn)
	mode := input("education[0].mode")
	k.focusedIs(mode, "培养方式 of the new row")
	k.press(fyne.KeySpace)
	k.press(fyne.KeyDown)
	k.press(fyne.KeyReturn)
	if a.coll.Record().Education[0].Mode == "" {
		t.Fatal("Space, Down, Enter chose no 培养方式")
	}
	k.focusedIs(input("education[0].mode"), "培养方式 after choosing")

	// 下一步 at the foot of every step reaches 预审与提交.
	for a.tabs.Items[a.tabs.SelectedIndex()].Text != a.tr.T("step.submit") {
		before := a.tabs.SelectedIndex()
		focusButton(t, k, a.tr.T("nav.next"))
		k.press(fyne.KeyReturn)
		if a.tabs.SelectedIndex() != before+1 {
			t.Fatalf("下一步 on %s went to tab %d", a.tabs.Items[before].Text, a.tabs.SelectedIndex())
		}
	}
	if rec, err := store.MyRecord(t.Context(), a.sess.ID); err != nil || !rec.NoticeRead || rec.RealName.City == "" {
		t.Fatalf("what the keys chose was not saved: %+v %v", rec, err)
	}
}

// focusButton tabs to the button labelled text.
func focusButton(t *testing.T, k keyboard, text string) {
	t.Helper()
	for range 200 {
		k.press(fyne.KeyTab)
		if b, ok := k.c.Focused().(*widgets.Button); ok && b.Text == text {
			return
		}
	}
	t.Fatalf("no %s button in the Tab order", text)
}
