package admin

import (
	"strings"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage/storagetest"
	"caiji/ui/i18n"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func typeInto(e *widget.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

// TestAdminAddsReviewer: the admin adds a reviewer for 海淀区 through the
// screen; a reviewer without a department, or with a province alone, is
// refused.
func TestAdminAddsReviewer(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	if _, err := store.InitAdmin(t.Context(), domain.Registration{IDType: domain.IDMainland, IDNumber: "120101198512319986", Name: "王管理",
		Password: storagetest.Password, Confirm: storagetest.Password}); err != nil {
		t.Fatal(err)
	}
	in, err := store.Login(t.Context(), "120101198512319986", storagetest.Password)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.NewTranslator(i18n.LangZh)
	sess := session.New(store, domaintest.Catalog(t), tr, test.NewWindow(nil), in)
	adm := New(sess)
	typeInto(adm.id, storagetest.Reviewer)
	typeInto(adm.name, "李审核")
	typeInto(adm.password, "Review12!")
	test.Tap(adm.add)
	if adm.status.Text != "请至少添加一个会计管理部门" {
		t.Fatalf("a reviewer without departments: %q", adm.status.Text)
	}
	adm.chooser.Objects[0].(*widgets.SearchBox).SetText("北京市")
	test.Tap(adm.pickDept)
	if len(adm.chosen) != 0 || !strings.Contains(adm.status.Text, "只选省不会匹配任何记录") {
		t.Fatalf("a province alone: chosen %v, %q", adm.chosen, adm.status.Text)
	}
	adm.chooser.Objects[1].(*widgets.SearchBox).SetText("北京市（市辖区）")
	adm.chooser.Objects[2].(*widgets.SearchBox).SetText("海淀区")
	test.Tap(adm.pickDept)
	if len(adm.chosen) != 1 || adm.chosen[0] != "110108" {
		t.Fatalf("chosen %v", adm.chosen)
	}
	typeInto(adm.password, "Review12!")
	test.Tap(adm.add)
	if !strings.HasPrefix(adm.status.Text, "已添加") {
		t.Fatalf("add reviewer: %s", adm.status.Text)
	}
	if _, err := store.Login(t.Context(), storagetest.Reviewer, "Review12!"); err != nil {
		t.Fatalf("the new reviewer cannot log in: %v", err)
	}
}
