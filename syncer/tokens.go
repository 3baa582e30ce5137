package syncer

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"caiji/wire"
)

// tokenDir holds one file per person signed in to the hub from this PC
// (named by their local account's UUID), 0600, so what they submitted
// offline is sent later without them.
const tokenDir = "hub-tokens"

func (w *Worker) tokenPath(account string) string {
	return filepath.Join(w.dir, tokenDir, account+".json")
}

func (w *Worker) saveToken(account string, t *wire.Token) error {
	return writeSecret(w.tokenPath(account), marshal(t))
}

// token returns the person's hub token, or nil when they have not signed
// in to the hub here (or signed out).
func (w *Worker) token(account string) (*wire.Token, error) {
	data, err := os.ReadFile(w.tokenPath(account))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var t wire.Token
	if err := json.Unmarshal(data, &t); err != nil || t.Token == "" {
		return nil, nil // a damaged file is a sign-in to do again, not a crash
	}
	return &t, nil
}

// dropToken forgets a person's token (signed out, revoked, or deleted).
func (w *Worker) dropToken(account string) error {
	err := os.Remove(w.tokenPath(account))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// signedIn lists the accounts with a token on this PC.
func (w *Worker) signedIn() ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(w.dir, tokenDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok && wire.ValidUUID(name) {
			out = append(out, name)
		}
	}
	return out, err
}

// Forget drops the hub sign-in of a person deleted from this station, so
// the feed does not bring their record back here.
func (w *Worker) Forget(account string) error { return w.dropToken(account) }
