package domain

import (
	"os"
	"testing"
)

// BenchmarkLoadCatalog is the start-up cost of the reference data.
func BenchmarkLoadCatalog(b *testing.B) {
	fsys := os.DirFS("../assets/data")
	for b.Loop() {
		if _, err := LoadCatalog(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
