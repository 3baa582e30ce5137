package syncer

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
)

// Key files in the data folder, readable by the station's user only.
const (
	SigningKeyFile = "station-ed25519.pem" // signs every request of a kiosk or review station
	AgeKeyFile     = "station.age"         // decrypts .caiji packages sent to this station
)

// Keys are the station's own keys, made at first start.
type Keys struct {
	Signing ed25519.PrivateKey
	Age     *age.X25519Identity
}

// Public is the signing key's public half, given to the hub at enrolment.
func (k *Keys) Public() ed25519.PublicKey { return k.Signing.Public().(ed25519.PublicKey) }

// LoadKeys reads the station's keys from dir, making each one the first
// time (0600). A key file that exists but cannot be read is an error, never
// a reason to make a new key: the hub knows the old one.
func LoadKeys(dir string) (*Keys, error) {
	var k Keys
	signPath := filepath.Join(dir, SigningKeyFile)
	data, err := os.ReadFile(signPath)
	if errors.Is(err, fs.ErrNotExist) {
		_, priv, gerr := ed25519.GenerateKey(nil)
		if gerr != nil {
			return nil, gerr
		}
		der, merr := x509.MarshalPKCS8PrivateKey(priv)
		if merr != nil {
			return nil, merr
		}
		data = pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
		err = writeSecret(signPath, data)
	}
	if err != nil {
		return nil, fmt.Errorf("syncer: signing key: %w", err)
	}
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("syncer: %s is not a PEM key", signPath)
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	priv, ok := key.(ed25519.PrivateKey)
	if err != nil || !ok {
		return nil, fmt.Errorf("syncer: %s is not an ed25519 key", signPath)
	}
	k.Signing = priv

	agePath := filepath.Join(dir, AgeKeyFile)
	data, err = os.ReadFile(agePath)
	if errors.Is(err, fs.ErrNotExist) {
		id, gerr := age.GenerateX25519Identity()
		if gerr != nil {
			return nil, gerr
		}
		data = []byte(id.String() + "\n")
		err = writeSecret(agePath, data)
	}
	if err != nil {
		return nil, fmt.Errorf("syncer: age key: %w", err)
	}
	if k.Age, err = age.ParseX25519Identity(strings.TrimSpace(string(data))); err != nil {
		return nil, fmt.Errorf("syncer: %s: %w", agePath, err)
	}
	return &k, nil
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
