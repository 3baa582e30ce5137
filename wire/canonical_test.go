package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"b":1, "a":[true,false,null]}`, `{"a":[true,false,null],"b":1}`},
		{` "x<y & 张三" `, `"x<y & 张三"`},
		{`{"z":{"y":1,"x":"\u00e9"}}`, `{"z":{"x":"é","y":1}}`},
		{`-0`, `0`},
		{`[]`, `[]`},
		{`{}`, `{}`},
		{`"\u2028"`, `"\u2028"`},
		{`{"é":1,"e":2}`, `{"e":2,"é":1}`},
	} {
		got, err := Canonical([]byte(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("Canonical(%s) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{``, `{"a":1,"a":2}`, `1.5`, `1e3`, `[1,`, `{} {}`, "\"\xff\"", `{"a":}`, `99999999999999999999`} {
		if _, err := Canonical([]byte(bad)); !errors.Is(err, ErrNotCanonical) {
			t.Errorf("Canonical(%q) = %v; want ErrNotCanonical", bad, err)
		}
	}
}

// FuzzCanonical: whatever Canonical accepts it returns as valid JSON of the
// same meaning, and canonical output is a fixed point.
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{`{"b":1,"a":[1,2]}`, `"x"`, `{"a":{"b":{"c":null}}}`, `[1,"\u0000"]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := Canonical(in)
		if err != nil {
			return
		}
		again, err := Canonical(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not a fixed point: %q → %q → %q, %v", in, out, again, err)
		}
		var a, b any
		if json.Unmarshal(in, &a) != nil || json.Unmarshal(out, &b) != nil {
			t.Fatalf("Canonical accepted or produced invalid JSON: %q → %q", in, out)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("meaning changed: %q → %q", in, out)
		}
	})
}

func TestDigest(t *testing.T) {
	d := Digest(nil)
	if d != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" || !ValidDigest(d) {
		t.Fatalf("Digest(nil) = %s", d)
	}
	for _, bad := range []string{"", d[:63], d + "0", "E3" + d[2:], "g3" + d[2:]} {
		if ValidDigest(bad) {
			t.Errorf("ValidDigest(%q) = true", bad)
		}
	}
}

// A document nested deeper than MaxDepth is refused, so a 1 MiB body of
// brackets costs a bounded stack instead of hundreds of megabytes.
func TestCanonicalDepth(t *testing.T) {
	nest := func(d int) []byte {
		return []byte(strings.Repeat(`{"a":[`, d/2) + strings.Repeat(`]}`, d/2))
	}
	if _, err := Canonical(nest(MaxDepth)); err != nil {
		t.Fatalf("depth %d refused: %v", MaxDepth, err)
	}
	for _, doc := range [][]byte{nest(MaxDepth + 2), bytes.Repeat([]byte("["), 1<<20)} {
		if _, err := Canonical(doc); !errors.Is(err, ErrNotCanonical) {
			t.Fatalf("%.20s… (%d bytes): %v, want ErrNotCanonical", doc, len(doc), err)
		}
	}
}

// TestReceiptCode: the code is short, stable for one digest, different for
// another, and empty for what is not a digest.
func TestReceiptCode(t *testing.T) {
	d := Digest([]byte("x"))
	if c := ReceiptCode(d); len(c) != 9 || c[4] != '-' || c != ReceiptCode(d) || c == ReceiptCode(Digest([]byte("y"))) {
		t.Fatalf("ReceiptCode = %q", c)
	}
	if ReceiptCode("zz") != "" {
		t.Fatal("a malformed digest gave a code")
	}
}
