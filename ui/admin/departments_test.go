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

// TestDepartmentNamesStayChinese: in the English UI a department is named
// in Chinese (a proper name), and the brackets and separators around it
// are English.
func TestDepartmentNamesStayChinese(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	admin, _ := storagetest.ReviewStation(t, store)
	if _, err := store.CreateReviewer(t.Context(), admin, domain.Registration{IDType: domain.IDMainland, IDNumber: "110101199003079913", Name: "张审核",
		Password: storagetest.Password, Confirm: storagetest.Password}, []string{"110108", "440305"}); err != nil {
		t.Fatal(err)
	}
	in, err := store.Login(t.Context(), "120101198512319986", storagetest.Password)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.NewTranslator(i18n.LangEn)
	adm := New(session.New(store, domaintest.Catalog(t), tr, test.NewWindow(nil), in))
	var texts []string
	for _, o := range test.LaidOutObjects(adm.list) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "海淀区财政局 (110108), 南山区财政局 (440305)") || strings.ContainsAny(all, "（、") {
		t.Fatalf("reviewers in English: %q", all)
	}
}

// The 省/市/区县 boxes of the department chooser have no labels: each names
// its level in its placeholder, in the UI language.
func TestDepartmentChooserNamesItsLevels(t *testing.T) {
	test.NewTempApp(t)
	store := storagetest.Open(t)
	storagetest.ReviewStation(t, store)
	in, err := store.Login(t.Context(), "120101198512319986", storagetest.Password)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.NewTranslator(i18n.LangEn)
	c := newDeptChooser(session.New(store, domaintest.Catalog(t), tr, test.NewWindow(nil), in), nil, func(string) {})
	c.province, c.city = "110000", "110100"
	c.showChooser()
	var got []string
	for _, o := range c.grid.Objects {
		got = append(got, o.(*widgets.SearchBox).PlaceHolder)
	}
	if want := []string{"Province", "City", "District / county"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("placeholders %q, want %q", got, want)
	}
}
