package domain

import "testing"

func TestLowerKeepsAcronyms(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ID photo side", "ID photo side"},
		{"ID other side", "ID other side"},
		{"Residence proof", "residence proof"},
		{"Social insurance record", "social insurance record"},
		{"A", "a"},
		{"", ""},
	} {
		if got := lower(c.in); got != c.want {
			t.Errorf("lower(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
