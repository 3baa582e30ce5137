package syncer

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"caiji/assets"
	"caiji/domain"
	"caiji/syncer/synctest"
	"caiji/wire"
)

// A bundle signed by the publisher whose key is built in is fetched at
// sync and wins over the embedded data; one signed by another key, or an
// older one, does not.
func TestRefdataBundleVerifiedAndNewerWins(t *testing.T) {
	pub, key, _ := ed25519.GenerateKey(nil)
	old := RefdataPublisher
	RefdataPublisher = base64.StdEncoding.EncodeToString(pub)
	t.Cleanup(func() { RefdataPublisher = old })
	embedded, _ := fs.Sub(assets.Data, "data")
	holidays, _ := fs.ReadFile(embedded, "holidays.json")

	h := synctest.NewHub(t)
	h.Start()
	pc := newStation(t, h)
	// Each bundle holds the embedded holidays plus a far year named after
	// the bundle's version, so the bytes say which bundle was read.
	publish := func(version int, k ed25519.PrivateKey) []byte {
		var hol map[string]json.RawMessage
		if err := json.Unmarshal(holidays, &hol); err != nil {
			t.Fatal(err)
		}
		for year := range hol {
			hol[strconv.Itoa(2090+version)] = hol[year]
			break
		}
		body, _ := json.Marshal(hol)
		signed, err := wire.SignRefdata(&wire.Refdata{Version: version, Published: time.Now(), Files: map[string]json.RawMessage{"holidays.json": body}}, k)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.Store.PutRefdata(ctx, version, signed, time.Now()); err != nil {
			t.Fatal(err)
		}
		return body
	}
	read := func() []byte {
		data, err := fs.ReadFile(RefdataFS(pc.dir, embedded), "holidays.json")
		if err != nil {
			t.Fatal(err)
		}
		return data
	}

	v2 := publish(2, key)
	pc.sync()
	if !bytes.Equal(read(), v2) {
		t.Fatal("bundle 2 was not taken")
	}
	if _, err := domain.LoadCatalog(RefdataFS(pc.dir, embedded)); err != nil {
		t.Fatalf("the catalog does not load from the bundle: %v", err)
	}
	_, forger, _ := ed25519.GenerateKey(nil)
	publish(3, forger)
	if err := pc.W.SyncOnce(ctx); err == nil {
		t.Fatal("a forged bundle was not reported")
	}
	if !bytes.Equal(read(), v2) {
		t.Fatal("a forged bundle replaced bundle 2")
	}
	// A bundle file altered on disk is ignored: the embedded data is used.
	if err := os.WriteFile(filepath.Join(pc.dir, RefdataFile), []byte(`{"payload":"e30=","signature":"AAAA"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(read(), holidays) {
		t.Fatal("an altered bundle was used")
	}
}
