package wire

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"testing"
	"time"
)

const testUUID = "0b7e6f3c-9d2a-4c1e-8f00-123456789abc"

func TestVersionCheck(t *testing.T) {
	v, err := NewVersion(testUUID, 2, 1, []byte(`{"b":2,"a":1}`), []string{Digest([]byte("y")), Digest([]byte("x")), Digest([]byte("y"))}, Person{IDType: "01"}, testUUID)
	if err != nil {
		t.Fatal(err)
	}
	if string(v.Document) != `{"a":1,"b":2}` || len(v.Blobs) != 2 || v.Blobs[0] > v.Blobs[1] {
		t.Fatalf("NewVersion = %s %v", v.Document, v.Blobs)
	}
	if err := v.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
	for name, mutate := range map[string]func(*Version){
		"uuid upper":    func(v *Version) { v.Record = "0B7E6F3C-9D2A-4C1E-8F00-123456789ABC" },
		"version 0":     func(v *Version) { v.N = 0 },
		"base = n":      func(v *Version) { v.Base = v.N },
		"not canon":     func(v *Version) { v.Document = []byte(`{"b":2,"a":1}`) },
		"digest":        func(v *Version) { v.SHA256 = Digest(nil) },
		"blob name":     func(v *Version) { v.Blobs = []string{"photo.jpg"} },
		"negative base": func(v *Version) { v.Base = -1 },
	} {
		w := *v
		mutate(&w)
		var e *Error
		if err := w.Check(); !errors.As(err, &e) || e.Code != CodeInvalid || e.Zh == "" || e.En == "" {
			t.Errorf("%s: Check = %v; want an invalid error with both messages", name, err)
		}
	}
}

func TestSignature(t *testing.T) {
	pub, key, _ := ed25519.GenerateKey(nil)
	now := time.Unix(1_800_000_000, 0)
	r := httptest.NewRequest("PUT", "/v1/blobs/abc?x=1", nil)
	Sign(r, testUUID, key, Digest(nil), now)
	if err := VerifySignature(r, pub, now.Add(time.Minute)); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if err := VerifySignature(r, pub, now.Add(SignatureSkew+time.Second)); !errors.Is(err, ErrClockSkew) {
		t.Errorf("late: %v", err)
	}
	other, _, _ := ed25519.GenerateKey(nil)
	if err := VerifySignature(r, other, now); !errors.Is(err, ErrBadSignature) {
		t.Errorf("other key: %v", err)
	}
	r.Header.Set(HeaderBodySHA, Digest([]byte("tampered")))
	if err := VerifySignature(r, pub, now); !errors.Is(err, ErrBadSignature) {
		t.Errorf("tampered body digest: %v", err)
	}
	r2 := httptest.NewRequest("PUT", "/v1/blobs/abd?x=1", nil)
	r2.Header = r.Header.Clone()
	r2.Header.Set(HeaderBodySHA, Digest(nil))
	if err := VerifySignature(r2, pub, now); !errors.Is(err, ErrBadSignature) {
		t.Errorf("other path: %v", err)
	}
}

func TestRefdata(t *testing.T) {
	pub, key, _ := ed25519.GenerateKey(nil)
	s, err := SignRefdata(&Refdata{Version: 3, Files: map[string]json.RawMessage{"holidays.json": json.RawMessage(`{"2027":{}}`)}}, key)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := s.Verify(pub); err != nil || r.Version != 3 {
		t.Fatalf("Verify = %v, %v", r, err)
	}
	s.Payload[len(s.Payload)-2] ^= 1
	if _, err := s.Verify(pub); !errors.Is(err, ErrRefdataSignature) {
		t.Fatalf("tampered: %v", err)
	}
}

func TestValidReason(t *testing.T) {
	for code, want := range map[string]bool{"R01": true, "R14": true, "R00": false, "R15": false, "r01": false, "R1": false} {
		if ValidReason(code) != want {
			t.Errorf("ValidReason(%s) != %v", code, want)
		}
	}
}
