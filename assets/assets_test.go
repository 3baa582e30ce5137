package assets_test

import (
	"io/fs"
	"testing"

	"caiji/assets"
	"caiji/domain"
)

// TestEmbeddedDataLoads: the data compiled into the binary is complete and
// parses, so the app can start with no files beside it.
func TestEmbeddedDataLoads(t *testing.T) {
	data, err := fs.Sub(assets.Data, "data")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := domain.LoadCatalog(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Divisions.Provinces()) != 31 || len(cat.Options.EducationLevels) == 0 || !cat.Calendar.HasYear(2026) {
		t.Fatal("embedded catalog incomplete")
	}
	if len(assets.CJKFont) < 1<<20 || len(assets.Icon) == 0 {
		t.Fatal("font or icon missing")
	}
}

// TestWordsPluralForms: English counts of one take the singular (key.one);
// Chinese has one form for every count.
func TestWordsPluralForms(t *testing.T) {
	en, _ := assets.LoadWords("en")
	zh, _ := assets.LoadWords("zh")
	for _, tt := range []struct{ got, want string }{
		{en.N("time.days", 1, 1), "1 day"},
		{en.N("time.days", 2, 2), "2 days"},
		{en.N("time.days", 0, 0), "0 days"},
		{zh.N("time.days", 1, 1), "1 天"},
	} {
		if tt.got != tt.want {
			t.Errorf("%q, want %q", tt.got, tt.want)
		}
	}
}
