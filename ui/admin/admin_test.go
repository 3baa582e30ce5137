package admin

import (
	"slices"

	"fyne.io/fyne/v2"
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
	adm.depts.grid.Objects[0].(*widgets.SearchBox).SetText("北京市")
	test.Tap(adm.depts.pick)
	if len(adm.depts.chosen) != 0 || !strings.Contains(adm.status.Text, "只选省不会匹配任何记录") {
		t.Fatalf("a province alone: chosen %v, %q", adm.depts.chosen, adm.status.Text)
	}
	adm.depts.grid.Objects[1].(*widgets.SearchBox).SetText("北京市（市辖区）")
	adm.depts.grid.Objects[2].(*widgets.SearchBox).SetText("海淀区")
	test.Tap(adm.depts.pick)
	if len(adm.depts.chosen) != 1 || adm.depts.chosen[0] != "110108" {
		t.Fatalf("chosen %v", adm.depts.chosen)
	}
	typeInto(adm.password, "Review12!")
	test.Tap(adm.add)
	if !strings.HasPrefix(adm.status.Text, "已添加") {
		t.Fatalf("add reviewer: %s", adm.status.Text)
	}
	if _, err := store.Login(t.Context(), storagetest.Reviewer, "Review12!"); err != nil {
		t.Fatalf("the new reviewer cannot log in: %v", err)
	}

	// The admin changes the reviewer's departments: 海淀区 out, 朝阳区 in.
	rs, _ := store.Reviewers(t.Context(), in.Session)
	adm.editDepts(rs[0])
	c := adm.edit
	c.grid.Objects[0].(*widgets.SearchBox).SetText("北京市")
	c.grid.Objects[1].(*widgets.SearchBox).SetText("北京市（市辖区）")
	c.grid.Objects[2].(*widgets.SearchBox).SetText("朝阳区")
	test.Tap(c.pick)
	rm := c.chosenBox.Objects[0].(*fyne.Container).Objects[1].(*widgets.Button) // 海淀区's remove
	test.Tap(rm)
	if !slices.Equal(c.chosen, []string{"110105"}) {
		t.Fatalf("chosen in the dialog %v", c.chosen)
	}
	tapButton(t, sess, "保存")
	rs, _ = store.Reviewers(t.Context(), in.Session)
	if !slices.Equal(rs[0].Departments, []string{"110105"}) || !strings.Contains(adm.status.Text, "已更新") {
		t.Fatalf("departments after the change %v, %q", rs[0].Departments, adm.status.Text)
	}
}

// tapButton taps the button named text on the session's open dialog.
func tapButton(t *testing.T, sess *session.Session, text string) {
	t.Helper()
	for _, o := range sess.Win.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if b, ok := x.(*widget.Button); ok && b.Text == text {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatalf("no button %q on a dialog", text)
}
