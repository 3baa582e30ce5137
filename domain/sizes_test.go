package domain

import "testing"

// TestSizesInTheRulesUnit: bounds read as the rules state them, and a file
// judged against a bound never reads as being on the other side of it.
func TestSizesInTheRulesUnit(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{LimitText(10240), "10 KB"},
		{LimitText(20480), "20 KB"},
		{LimitText(500000), "500 KB"},
		{SizeAgainst(510000, 500000), "510 KB"},
		{SizeAgainst(500001, 500000), "500.1 KB"},
		{SizeAgainst(3530796, 500000), "3.6 MB"},
		{SizeAgainst(10239, 10240), "9.9 KB"},
		{SizeAgainst(9000, 10240), "8.7 KB"},
		{SizeAgainst(20480, 20480), "20 KB"},
		{SizeAgainst(12345, 20480), "12 KB"},
		{SizeText(442100), "442.1 KB"},
		{SizeText(400), "0.4 KB"},
		{SizeText(3530796), "3.5 MB"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%q, want %q", tt.got, tt.want)
		}
	}
}
