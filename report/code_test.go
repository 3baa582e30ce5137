package report

import (
	"errors"
	"strings"
	"testing"
)

const digest = "1d8a9a3820e518455211ca8d6ac47b7d17e3f733e52af26eb75dac6498071db8"

func TestParseCode(t *testing.T) {
	id := "5b0f8a4e-0000-4000-8000-000000000001"
	want := Code{ID: id, Version: 8, Digest: digest}
	if s := want.String(); s != "CAIJI:5B0F8A4E-0000-4000-8000-000000000001:8:"+strings.ToUpper(digest) {
		t.Errorf("String() = %q", s)
	}
	for _, ok := range []string{want.String(), strings.ToLower(want.String()), " " + want.String() + "\n"} {
		if got, err := ParseCode(ok); err != nil || got != want {
			t.Errorf("ParseCode(%q) = %+v, %v", ok, got, err)
		}
	}
	for _, bad := range []string{
		"", "CAIJI", "https://example.com/",
		"OTHER:" + id + ":8:" + digest,
		"CAIJI:" + id + ":8",
		"CAIJI:" + id + ":8:" + digest + ":x",
		"CAIJI:5b0f8a4e000040008000000000000001:8:" + digest, // not the canonical form
		"CAIJI:urn:uuid:" + id + ":8:" + digest,
		"CAIJI:" + id + ":0:" + digest,
		"CAIJI:" + id + ":-1:" + digest,
		"CAIJI:" + id + ":08:" + digest,
		"CAIJI:" + id + ":+8:" + digest,
		"CAIJI:" + id + ":99999999999999999999:" + digest,
		"CAIJI:" + id + ":8:" + digest[:63],
		"CAIJI:" + id + ":8:" + digest[:63] + "g",
	} {
		if _, err := ParseCode(bad); !errors.Is(err, ErrBadCode) {
			t.Errorf("ParseCode(%q): err = %v, want ErrBadCode", bad, err)
		}
	}
}

// FuzzParseCode: no text panics the reader, and what it accepts prints
// back to a code that reads the same.
func FuzzParseCode(f *testing.F) {
	f.Add(Code{ID: "5b0f8a4e-0000-4000-8000-000000000001", Version: 8, Digest: digest}.String())
	f.Add("CAIJI:::")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCode(s)
		if err != nil {
			return
		}
		again, err := ParseCode(c.String())
		if err != nil || again != c {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, c, c.String(), again, err)
		}
	})
}

// TestCodeModules: the symbol is square, has its three finder patterns,
// and stays small enough for 25 mm (version 5: 37 modules) even with a
// long version number.
func TestCodeModules(t *testing.T) {
	bits, err := Code{ID: "5b0f8a4e-0000-4000-8000-000000000001", Version: 123456, Digest: digest}.modules()
	if err != nil {
		t.Fatal(err)
	}
	n := len(bits)
	if n > 37 || len(bits[0]) != n {
		t.Fatalf("symbol is %d×%d modules, want at most 37×37", n, len(bits[0]))
	}
	// Each finder is a dark ring, a light ring and a dark 3×3 core.
	for _, at := range [][2]int{{0, 0}, {0, n - 7}, {n - 7, 0}} {
		y, x := at[0], at[1]
		if !bits[y][x] || !bits[y+6][x+6] || bits[y+1][x+1] || !bits[y+3][x+3] {
			t.Errorf("no finder pattern at row %d, column %d", y, x)
		}
	}
}
