package ui

import (
	"strings"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2/test"
)

// TestRegisterAsksConsent: registering without ticking the notice is
// refused with a message beside the button; ticked, the consent is on
// record with the notice's digest.
func TestRegisterAsksConsent(t *testing.T) {
	a, store := newTestApp(t, i18n.LangZh)
	s := a.account
	fillRegistration(s, "110101199003079913", "张三", "Abcdef12!", "Abcdef12!", "13800138000")
	s.regAgree.SetChecked(false)
	test.Tap(s.regBtn)
	if a.User() != nil || !strings.Contains(s.regMsg.Text, "个人信息处理告知") {
		t.Fatalf("registered without consent (message %q)", s.regMsg.Text)
	}
	s.regAgree.SetChecked(true)
	test.Tap(s.regBtn)
	if a.User() == nil {
		t.Fatalf("not registered: %q", s.regMsg.Text)
	}
	if a.consent != nil {
		t.Fatal("asked again right after agreeing on the form")
	}
	given, err := store.Consents(t.Context(), a.sess.ID)
	if err != nil || len(given) != 1 || given[0].Digest != store.Notices()[domain.NoticePersonal].Digest {
		t.Fatalf("consents %+v %v", given, err)
	}
	// Signed out, the form forgets the tick too.
	test.Tap(s.logoutBtn)
	if s.regAgree.Checked {
		t.Fatal("the next person finds the notice ticked")
	}
}

// TestSignInAsksWithoutConsent: an account without consent to the current
// text (here: the text changed) is asked at sign-in; declining signs out,
// agreeing records it and asks no more.
func TestSignInAsksWithoutConsent(t *testing.T) {
	a, store := newTestApp(t, i18n.LangZh)
	signUp(t, a, "110101199003079913", "张三", "13800138000")
	test.Tap(a.account.logoutBtn)
	store.SetNotices(domaintest.Reworded(t, domain.NoticePersonal))

	login(t, a, "13800138000", "Abcdef12!")
	ask := a.consent
	if ask == nil || !ask.agree.Disabled() {
		t.Fatal("no consent asked at sign-in after the notice changed, or 同意 enabled before ticking")
	}
	test.Tap(ask.decline)
	if a.User() != nil {
		t.Fatal("declining did not sign out")
	}
	login(t, a, "13800138000", "Abcdef12!")
	ask = a.consent
	ask.check.SetChecked(true)
	test.Tap(ask.agree)
	if a.consent != nil || a.User() == nil {
		t.Fatal("agreeing did not close the question")
	}
	given, _ := store.Consents(t.Context(), a.sess.ID)
	if store.Notices()[domain.NoticePersonal].Asks(given) {
		t.Fatalf("the new text is not on record: %+v", given)
	}
	test.Tap(a.account.logoutBtn)
	login(t, a, "13800138000", "Abcdef12!")
	if a.consent != nil {
		t.Fatal("asked again after agreeing")
	}
}

// TestRealNameAsksBeforeImages: 实名认证 shows no image picker until the
// sensitive-information notice is agreed to.
func TestRealNameAsksBeforeImages(t *testing.T) {
	a, _ := newTestApp(t, i18n.LangZh)
	signUp(t, a, "110101199003079913", "张三", "13800138000")
	a.Select("realname")
	for _, p := range a.coll.Pickers() {
		if strings.HasPrefix(p.Path(), "realname.") {
			t.Fatalf("picker %s shown before consent", p.Path())
		}
	}
	agreeSensitive(t, a)
	n := 0
	for _, p := range a.coll.Pickers() {
		if strings.HasPrefix(p.Path(), "realname.") {
			n++
		}
	}
	if n != 3 {
		t.Fatalf("%d real-name pickers after consent, want 3", n)
	}
}
