package syncer

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestKeysAreMadeOnceAndKept(t *testing.T) {
	dir := t.TempDir()
	k1, err := LoadKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := LoadKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !k1.Signing.Equal(k2.Signing) || k1.Recipient() != k2.Recipient() {
		t.Fatal("the keys changed between starts")
	}
	for _, name := range []string{SigningKeyFile, AgeKeyFile} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", name, fi.Mode(), err)
		}
	}
	// A damaged key is an error, never silently replaced: the hub knows the old one.
	if err := os.WriteFile(filepath.Join(dir, SigningKeyFile), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKeys(dir); err == nil {
		t.Fatal("a damaged signing key was accepted")
	}
}

func TestBackoffDoublesWithJitter(t *testing.T) {
	b := Backoff{Base: 4 * time.Second, Max: time.Minute}
	for attempts, full := range map[int]time.Duration{0: 4 * time.Second, 1: 8 * time.Second, 3: 32 * time.Second, 4: time.Minute, 40: time.Minute} {
		seen := map[time.Duration]bool{}
		for range 50 {
			d := b.Wait(attempts)
			if d < full/2 || d > full {
				t.Fatalf("Wait(%d) = %v, want within [%v, %v]", attempts, d, full/2, full)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Fatalf("Wait(%d) has no jitter: %v", attempts, seen)
		}
	}
}
