package caijipkg

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestKeysAreMadeOnceAndKept(t *testing.T) {
	dir := t.TempDir()
	k, err := LoadOrCreateKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{SigningKeyFile, IdentityFile} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o600 && runtime.GOOS != "windows" {
			t.Errorf("%s has mode %04o", name, perm)
		}
	}
	again, err := LoadOrCreateKeys(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Signing.Equal(k.Signing) || again.Recipient() != k.Recipient() {
		t.Error("the second start made new keys")
	}
	if err := k.Save(dir); err == nil {
		t.Error("Save overwrote existing keys")
	}
	if !strings.HasPrefix(k.Recipient(), "age1") || strings.ContainsAny(k.Recipient(), " \n") {
		t.Errorf("recipient %q is not one line of text", k.Recipient())
	}
}

func TestKeysRefused(t *testing.T) {
	if _, err := LoadKeys(t.TempDir()); !errors.Is(err, ErrNoKeys) {
		t.Errorf("empty folder: %v", err)
	}
	dir := t.TempDir()
	if _, err := LoadOrCreateKeys(dir); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, IdentityFile))
	if _, err := LoadOrCreateKeys(dir); err == nil {
		t.Error("a lost identity was silently replaced")
	}
	if runtime.GOOS != "windows" {
		dir := t.TempDir()
		if _, err := LoadOrCreateKeys(dir); err != nil {
			t.Fatal(err)
		}
		os.Chmod(filepath.Join(dir, SigningKeyFile), 0o644)
		if _, err := LoadKeys(dir); err == nil || !strings.Contains(err.Error(), "0600") {
			t.Errorf("a key others may read was loaded: %v", err)
		}
	}
}

func TestParseRecipient(t *testing.T) {
	k, _ := NewKeys()
	r := k.Recipient()
	for _, text := range []string{r, "  " + r + "\r\n", "# 会计管理部门 110105\n\n" + r + "\n"} {
		got, err := ParseRecipient(text)
		if err != nil || got.String() != r {
			t.Errorf("%q: %v", text, err)
		}
	}
	other, _ := NewKeys()
	for _, text := range []string{"", "age1notakey", r + "\n" + other.Recipient()} {
		if _, err := ParseRecipient(text); !errors.Is(err, ErrNotRecipient) {
			t.Errorf("%q: %v", text, err)
		}
	}
	if _, err := ParseRecipient(k.Identity.String()); !errors.Is(err, ErrSecretKey) {
		t.Errorf("a pasted private key: %v", err)
	}
	// A package encrypted to a parsed recipient opens with the identity.
	to, _ := ParseRecipient(r)
	var b bytes.Buffer
	w, err := NewWriter(&b, to, "8d0f3a52-6c1e-4b7a-9e55-2f1d0c3b4a69", other, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, err := Verify(bytes.NewReader(b.Bytes()), k.Identity, ReadOptions{}); err != nil {
		t.Error(err)
	}
}
