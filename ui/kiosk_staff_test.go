package ui

import (
	"context"
	"strings"
	"testing"

	"caiji/domain"
	"caiji/ui/i18n"
)

// A kiosk's staff is offered no reviewer management (storage refuses a
// reviewer there), and 账户 says what the staff does instead.
func TestKioskStaffHasNoReviewers(t *testing.T) {
	a, st := newTestApp(t, i18n.LangZh)
	if _, err := st.InitKiosk(context.Background(), domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理", Password: "Review12!", Confirm: "Review12!"}); err != nil {
		t.Fatal(err)
	}
	login(t, a, "120101198512319986", "Review12!")
	if a.index("reviewers") >= 0 || a.admin != nil {
		t.Fatalf("a kiosk offers 审核人员管理: %v", a.keys)
	}
	if got := a.account.next.Text; strings.Contains(got, "审核人员管理") || !strings.Contains(got, "数据包") {
		t.Fatalf("next steps on a kiosk: %q", got)
	}
}
