package syncer

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"caiji/wire"
)

// RefdataFile is where the station keeps the newest verified
// reference-data bundle (holidays, deadlines, option lists) it fetched.
const RefdataFile = "refdata.json"

// RefdataPublisher is the publisher's ed25519 public key in base64, built
// into the app (-ldflags "-X caiji/syncer.RefdataPublisher=…", the key
// `caiji-hub refdata keygen` printed). Without it no bundle is trusted.
var RefdataPublisher = ""

// EmbeddedRefdataVersion is the bundle version the app's own data matches
// (-ldflags "-X …"); only a bundle newer than it replaces the embedded
// data.
var EmbeddedRefdataVersion = "0"

func publisher() ed25519.PublicKey {
	pub, err := base64.StdEncoding.DecodeString(strings.TrimSpace(RefdataPublisher))
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil
	}
	return pub
}

// storedRefdata reads and verifies the bundle kept in dir; nil when there
// is none or it does not verify (a damaged or altered file is ignored, the
// embedded data stays).
func storedRefdata(dir string, pub ed25519.PublicKey) *wire.Refdata {
	raw, err := os.ReadFile(filepath.Join(dir, RefdataFile))
	if err != nil || pub == nil {
		return nil
	}
	var signed wire.SignedRefdata
	if json.Unmarshal(raw, &signed) != nil {
		return nil
	}
	r, err := signed.Verify(pub)
	if err != nil {
		return nil
	}
	return r
}

// fetchRefdata asks the hub for its newest bundle and keeps it when the
// publisher's signature holds and it is newer than the one kept. It
// reports whether the hub answered.
func (w *Worker) fetchRefdata(ctx context.Context, c *Client) (bool, error) {
	pub := publisher()
	if pub == nil {
		return false, nil
	}
	var signed wire.SignedRefdata
	_, err := c.do(ctx, http.MethodGet, "/v1/refdata", "", nil, &signed, nil)
	var he *HubError
	if errors.As(err, &he) && he.Status == http.StatusNotFound {
		return true, nil
	}
	if err != nil {
		return he != nil, err
	}
	r, err := signed.Verify(pub)
	if err != nil {
		return true, err
	}
	if old := storedRefdata(w.dir, pub); old != nil && old.Version >= r.Version {
		return true, nil
	}
	return true, writeSecret(filepath.Join(w.dir, RefdataFile), marshal(&signed))
}

// RefdataFS is the app's reference data: the embedded files, with those of
// the bundle kept in dir over them when it verifies and is newer than the
// embedded data. The catalog is loaded from it at start.
func RefdataFS(dir string, embedded fs.FS) fs.FS {
	r := storedRefdata(dir, publisher())
	if n, _ := strconv.Atoi(EmbeddedRefdataVersion); r == nil || r.Version <= n {
		return embedded
	}
	return overlay{files: r.Files, FS: embedded}
}

// overlay reads a file from the bundle when it has one of that name, else
// from the embedded data (fs.ReadFile takes the ReadFile method).
type overlay struct {
	files map[string]json.RawMessage
	fs.FS
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if b, ok := o.files[name]; ok {
		return append([]byte(nil), b...), nil
	}
	return fs.ReadFile(o.FS, name)
}
