package ui

import (
	"context"
	"testing"

	"caiji/domain"
	"caiji/ui/i18n"
)

// Staff may have no mobile number: the signed-in card says so instead of
// showing the 手机号码 row blank.
func TestSignedInWithoutPhone(t *testing.T) {
	a, st := newTestApp(t, i18n.LangZh)
	if _, err := st.InitAdmin(context.Background(), domain.Registration{IDType: domain.IDMainland,
		IDNumber: "120101198512319986", Name: "王管理", Password: "Review12!", Confirm: "Review12!"}); err != nil {
		t.Fatal(err)
	}
	login(t, a, "120101198512319986", "Review12!")
	if got := a.account.whoPhone.Text; got != "未填写" {
		t.Errorf("手机号码 of an administrator without one shows %q", got)
	}
}
