package main

import "testing"

// TestBuild covers the traps of the package's data: six-digit padding, the
// stand-in row of a city without districts dropped, 功能区 tagged, and a
// duplicate code refused.
func TestBuild(t *testing.T) {
	provinces := []node{{Code: "44", Name: "广东省"}}
	cities := []node{{Code: "4401", Name: "广州市", ProvinceCode: "44"}, {Code: "4419", Name: "东莞市", ProvinceCode: "44"}}
	areas := []node{
		{Code: "440106", Name: "天河区", CityCode: "4401"},
		{Code: "440171", Name: "广州经济技术开发区", CityCode: "4401"},
		{Code: "441900", Name: "东莞市", CityCode: "4419"},
	}
	rows, err := build(provinces, cities, areas)
	if err != nil {
		t.Fatal(err)
	}
	want := []row{
		{"440000", "广东省", "", 1, 0},
		{"440100", "广州市", "440000", 2, 0},
		{"441900", "东莞市", "440000", 2, 0},
		{"440106", "天河区", "440100", 3, 0},
		{"440171", "广州经济技术开发区", "440100", 3, 1},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows: %v", len(rows), rows)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %v, want %v", i, rows[i], want[i])
		}
	}
	if _, err := build(provinces, append(cities, node{Code: "4401", Name: "又一个", ProvinceCode: "44"}), nil); err == nil {
		t.Error("a duplicate code was accepted")
	}
}
