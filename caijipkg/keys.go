package caijipkg

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"filippo.io/age"
)

// Keys are a station's private keys, made at its first start and never
// leaving it: the ed25519 key that signs its packages (and hub requests), and
// the age identity that opens packages sent to it. On a review station the
// identity's recipient is the department's: the line of text kiosks encrypt to.
type Keys struct {
	Signing  ed25519.PrivateKey
	Identity *age.X25519Identity
}

// Files of a station's keys in its data folder, readable by their owner only.
const (
	SigningKeyFile = "station-signing.pem" // PKCS #8, as openssl writes it
	IdentityFile   = "station-age.txt"     // as age-keygen writes it
)

// ErrNoKeys: the data folder holds no station keys yet.
var ErrNoKeys = errors.New("caijipkg: no station keys")

// NewKeys makes a station's keys.
func NewKeys() (*Keys, error) {
	_, sk, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	return &Keys{Signing: sk, Identity: id}, nil
}

// Public is the signing key's public half, which a hub or a review station
// knows the station by.
func (k *Keys) Public() ed25519.PublicKey { return k.Signing.Public().(ed25519.PublicKey) }

// Recipient is the one line of text others encrypt to this station with
// ("age1…"): a review station shows it as its department's recipient.
func (k *Keys) Recipient() string { return k.Identity.Recipient().String() }

// LoadOrCreateKeys loads the station's keys from dir, making and saving them
// on the first start. One key file without the other is refused rather than
// replaced: replacing a key would orphan every package sent to the old one.
func LoadOrCreateKeys(dir string) (*Keys, error) {
	k, err := LoadKeys(dir)
	if !errors.Is(err, ErrNoKeys) {
		return k, err
	}
	if k, err = NewKeys(); err != nil {
		return nil, err
	}
	return k, k.Save(dir)
}

// LoadKeys reads the station's keys from dir. It returns ErrNoKeys when
// neither file exists, and refuses a key file others may read.
func LoadKeys(dir string) (*Keys, error) {
	pemBytes, errS := readSecret(filepath.Join(dir, SigningKeyFile))
	idBytes, errI := readSecret(filepath.Join(dir, IdentityFile))
	switch {
	case errors.Is(errS, fs.ErrNotExist) && errors.Is(errI, fs.ErrNotExist):
		return nil, ErrNoKeys
	case errS != nil:
		return nil, errS
	case errI != nil:
		return nil, errI
	}
	block, _ := pem.Decode(pemBytes)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("caijipkg: %s holds no PEM private key", SigningKeyFile)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("caijipkg: %s: %w", SigningKeyFile, err)
	}
	sk, ok := parsed.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("caijipkg: %s is not an ed25519 key", SigningKeyFile)
	}
	ids, err := age.ParseIdentities(strings.NewReader(string(idBytes)))
	if err != nil {
		return nil, fmt.Errorf("caijipkg: %s: %w", IdentityFile, err)
	}
	id, ok := ids[0].(*age.X25519Identity)
	if len(ids) != 1 || !ok {
		return nil, fmt.Errorf("caijipkg: %s must hold exactly one X25519 identity", IdentityFile)
	}
	return &Keys{Signing: sk, Identity: id}, nil
}

// Save writes the keys to dir as two files of mode 0600, refusing to
// overwrite either.
func (k *Keys) Save(dir string) error {
	der, err := x509.MarshalPKCS8PrivateKey(k.Signing)
	if err != nil {
		return err
	}
	signing := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	identity := fmt.Sprintf("# created: %s\n# public key: %s\n%s\n",
		time.Now().UTC().Format(time.RFC3339), k.Recipient(), k.Identity)
	if err := writeSecret(filepath.Join(dir, SigningKeyFile), signing); err != nil {
		return err
	}
	return writeSecret(filepath.Join(dir, IdentityFile), []byte(identity))
}

// writeSecret writes a new file readable by its owner only; a crash leaves
// either no file or the whole one (temp file, sync, hard link).
func writeSecret(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".key-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		return fmt.Errorf("caijipkg: saving %s: %w", filepath.Base(path), err)
	}
	return nil
}

// readSecret reads a key file, refusing one that others may read (as ssh
// does): a key others could copy is no longer the station's alone.
func readSecret(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("caijipkg: %s may be read by others (mode %04o); make it 0600", path, perm)
	}
	return os.ReadFile(path)
}

// ParseRecipient reads a department's (or station's) recipient: the line
// of text its station shows, pasted, or a file holding it, where blank lines
// and lines starting with # are skipped. Exactly one recipient is accepted,
// so a package can never be encrypted to two departments. A refusal is an
// *Error of kind ErrNotRecipient, or ErrSecretKey when someone pasted the
// private key itself.
func ParseRecipient(text string) (*age.X25519Recipient, error) {
	var found []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(strings.ToUpper(line), "AGE-SECRET-KEY-") {
			return nil, refuse(ErrSecretKey, partRecipient, nil)
		}
		if line != "" && !strings.HasPrefix(line, "#") {
			found = append(found, line)
		}
	}
	if len(found) != 1 {
		return nil, refuse(ErrNotRecipient, partRecipient, fmt.Errorf("%d lines of text", len(found)))
	}
	r, err := age.ParseX25519Recipient(found[0])
	if err != nil {
		return nil, refuse(ErrNotRecipient, partRecipient, err)
	}
	return r, nil
}
