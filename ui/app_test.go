package ui

import (
	"testing"
	"time"

	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newTestApp opens a store in a temp dir and builds the UI in a headless
// test window with the CJK theme.
func newTestApp(t *testing.T, lang string) (*App, *storage.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(Theme{})
	store, err := storage.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tr, err := i18n.NewTranslator(lang)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	ui := New(w, store, domaintest.Catalog(t), tr)
	w.SetContent(ui.Content())
	w.Resize(StartSize)
	return ui, store
}

// signUp registers a candidate through the 账户 form.
func signUp(t *testing.T, a *App, id, name, phone string) {
	t.Helper()
	a.saveDelay = time.Hour // tests save by leaving fields, never by a timer
	fillRegistration(a.account, id, name, "Abcdef12!", "Abcdef12!", phone)
	test.Tap(a.account.regBtn)
	if a.User() == nil {
		t.Fatalf("registration failed: %s", a.account.regMsg.Text)
	}
}

// login signs in through the 账户 form, signing out whoever is in.
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

func typeInto(e *widget.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

func fillRegistration(s *accountScreen, id, name, pw, confirm, phone string) {
	typeInto(s.regID, id)
	typeInto(s.regName, name)
	typeInto(s.regPW, pw)
	typeInto(s.regConfirm, confirm)
	typeInto(s.regPhone, phone)
	s.regAgree.SetChecked(true)
}

// agreeSensitive ticks the sensitive-information notice on 实名认证, as the
// candidate does before choosing any image.
func agreeSensitive(t *testing.T, a *App) {
	t.Helper()
	a.Select("realname")
	c := a.coll.SensitiveConsent()
	if c == nil {
		t.Fatal("实名认证 does not ask for the sensitive-information consent")
	}
	c.SetChecked(true)
	if a.coll.SensitiveConsent() != nil {
		t.Fatal("the consent was not recorded")
	}
}

func TestRegisterLoginLogout(t *testing.T) {
	a, _ := newTestApp(t, i18n.LangZh)
	s := a.account
	if !a.tabs.Items[1].Disabled() || !a.tabs.Items[8].Disabled() {
		t.Fatal("steps after 账户 are open before sign-in")
	}
	fillRegistration(s, "110101199003079913", "张三", "Abcdef12!", "Abcdef12!", "13800138000")
	test.Tap(s.regBtn)
	if a.User() == nil || a.User().Name != "张三" {
		t.Fatalf("not signed in after registering: %q", s.regMsg.Text)
	}
	if s.whoName.Text != "张三" || s.whoID.Text != "内地居民身份证  110101********9913" || s.whoPhone.Text != "138****8000" {
		t.Fatalf("signed-in view shows %q %q %q", s.whoName.Text, s.whoID.Text, s.whoPhone.Text)
	}
	if a.tabs.Items[1].Disabled() {
		t.Fatal("steps still locked after sign-in")
	}

	test.Tap(s.logoutBtn)
	if a.User() != nil || !a.tabs.Items[1].Disabled() || s.regID.Text != "" {
		t.Fatal("sign-out left the account or its data on screen")
	}

	typeInto(s.loginID, "13800138000")
	typeInto(s.loginPW, "Abcdef12?")
	test.Tap(s.loginBtn)
	if a.User() != nil || s.loginMsg.Text != "证件号码/手机号或密码不正确。" {
		t.Fatalf("wrong password: user %v, message %q", a.User(), s.loginMsg.Text)
	}
	typeInto(s.loginID, "110101199003079913")
	typeInto(s.loginPW, "Abcdef12!")
	test.Tap(s.loginBtn)
	if a.User() == nil || s.loginPW.Text != "" {
		t.Fatalf("login failed: %q", s.loginMsg.Text)
	}
	test.Tap(s.logoutBtn)
	if a.User() != nil || a.tabs.SelectedIndex() != 0 {
		t.Fatal("log out did not return to 账户")
	}
}

func TestRegisterShowsEachErrorBesideItsField(t *testing.T) {
	a, _ := newTestApp(t, i18n.LangZh)
	s := a.account
	typeInto(s.regID, "110101199003079910")
	f := s.regFields
	if got := f["account.id_number"].Msg.Text; got != "证件号码校验位（最后一位）不正确，请逐位核对" {
		t.Fatalf("ID message while typing: %q", got)
	}
	if f["account.name"].Msg.Text != "" {
		t.Fatal("an untouched field shows an error")
	}
	test.Tap(s.regBtn)
	if a.User() != nil {
		t.Fatal("registered with errors")
	}
	for path, want := range map[string]string{
		"account.name":     "请填写姓名",
		"account.password": "密码长度应为8–20位",
		"account.phone":    "请填写手机号码",
	} {
		if got := f[path].Msg.Text; got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
	typeInto(s.regID, "110101199003079913")
	if f["account.id_number"].Msg.Text != "" {
		t.Fatal("fixed field still shows its error")
	}
}

func TestRegisterDuplicateInEnglish(t *testing.T) {
	a, _ := newTestApp(t, i18n.LangEn)
	s := a.account
	fillRegistration(s, "110101199003079913", "张三", "Abcdef12!", "Abcdef12!", "13800138000")
	test.Tap(s.regBtn)
	test.Tap(s.logoutBtn)
	fillRegistration(s, "110101199003079913", "李四", "Abcdef12!", "Abcdef12!", "13900139000")
	test.Tap(s.regBtn)
	if s.regMsg.Text != "This ID number is already registered: log in instead." {
		t.Fatalf("duplicate: %q", s.regMsg.Text)
	}
	if a.tabs.Items[0].Text != "Account" {
		t.Fatalf("tab title %q", a.tabs.Items[0].Text)
	}
}

func TestFiveWrongPasswordsLock(t *testing.T) {
	a, _ := newTestApp(t, i18n.LangZh)
	s := a.account
	fillRegistration(s, "110101199003079913", "张三", "Abcdef12!", "Abcdef12!", "13800138000")
	test.Tap(s.regBtn)
	test.Tap(s.logoutBtn)
	for i := 0; i < 5; i++ {
		typeInto(s.loginID, "13800138000")
		typeInto(s.loginPW, "wrong")
		test.Tap(s.loginBtn)
	}
	typeInto(s.loginID, "13800138000")
	typeInto(s.loginPW, "Abcdef12!")
	test.Tap(s.loginBtn)
	if a.User() != nil {
		t.Fatal("signed in during the lock-out")
	}
	if want := "密码连续错误5次，账户已锁定"; len(s.loginMsg.Text) < len(want) || s.loginMsg.Text[:len(want)] != want {
		t.Fatalf("lock-out message %q", s.loginMsg.Text)
	}
}
