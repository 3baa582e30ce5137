package syncer

import (
	"fmt"
	"os"
	"path/filepath"

	"caiji/caijipkg"
)

// Keys are the station's own keys, made at first start: the ed25519 key
// that signs its hub requests and its .caiji packages, and the age identity
// that opens packages sent to it. They are caijipkg's, in caijipkg's files,
// so a station has one set of keys whether it talks to a hub or carries
// packages on a stick.
type Keys = caijipkg.Keys

// Key files in the data folder, readable by the station's user only.
const (
	SigningKeyFile = caijipkg.SigningKeyFile
	AgeKeyFile     = caijipkg.IdentityFile
)

// LoadKeys reads the station's keys from dir, making them the first time
// (0600). A key file that exists but cannot be read, or one without the
// other, is an error, never a reason to make a new key: the hub and the
// departments know the old one.
func LoadKeys(dir string) (*Keys, error) {
	k, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		return nil, fmt.Errorf("syncer: station keys: %w", err)
	}
	return k, nil
}

// writeSecret writes a file only the user may read, whole or not at all: a
// temporary file synced and renamed into place.
func writeSecret(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
