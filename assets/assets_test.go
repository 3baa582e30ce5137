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
