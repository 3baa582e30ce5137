package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"caiji/assets"
	"caiji/hub/store"
	"caiji/wire"
)

// refdataFiles are the reference-data files a bundle carries: what changes
// from year to year without a new release of the app.
var refdataFiles = []string{"holidays.json", "deadlines.json", "options.json"}

// refdataKeygen makes the publisher's key pair: FILE holds the private key
// (keep it offline), FILE.pub the public key that goes into the app.
func refdataKeygen(_ context.Context, args []string, out io.Writer) error {
	fl := flag.NewFlagSet("refdata keygen", flag.ContinueOnError)
	path := fl.String("out", "", "private key `FILE` to write (FILE.pub gets the public key)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *path == "" {
		return errors.New("refdata keygen needs -out FILE")
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	if err := writeNew(*path, base64.StdEncoding.EncodeToString(priv.Seed())+"\n", 0o600); err != nil {
		return err
	}
	if err := writeNew(*path+".pub", base64.StdEncoding.EncodeToString(pub)+"\n", 0o644); err != nil {
		return err
	}
	fmt.Fprintf(out, "private key: %s (keep it offline)\npublic key:  %s.pub = %s\n", *path, *path, base64.StdEncoding.EncodeToString(pub))
	return nil
}

func writeNew(path, content string, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readKey(path string, size int) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(raw)))
	if err != nil || len(b) != size {
		return nil, fmt.Errorf("%s is not a base64 ed25519 key", path)
	}
	return b, nil
}

// refdataSign makes a signed bundle from a folder of reference data (the
// app's assets/data by default) with the publisher's private key.
func refdataSign(_ context.Context, args []string, out io.Writer) error {
	fl := flag.NewFlagSet("refdata sign", flag.ContinueOnError)
	keyPath := fl.String("key", "", "publisher's private key `FILE` (from refdata keygen)")
	version := fl.Int("version", 0, "bundle `N`, greater than any published before")
	from := fl.String("from", "", "`DIR` holding "+strings.Join(refdataFiles, ", ")+" (default: the data built into this binary)")
	dst := fl.String("o", "", "bundle `FILE` to write")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *keyPath == "" || *version < 1 || *dst == "" {
		return errors.New("refdata sign needs -key FILE, -version N (≥ 1) and -o FILE")
	}
	seed, err := readKey(*keyPath, ed25519.SeedSize)
	if err != nil {
		return err
	}
	var src fs.FS = assets.Data
	dir := "data"
	if *from != "" {
		src, dir = os.DirFS(*from), "."
	}
	r := &wire.Refdata{Version: *version, Published: time.Now().UTC().Truncate(time.Second), Files: map[string]json.RawMessage{}}
	for _, name := range refdataFiles {
		b, err := fs.ReadFile(src, dir+"/"+name)
		if err != nil {
			return err
		}
		if !json.Valid(b) {
			return fmt.Errorf("%s is not valid JSON", name)
		}
		r.Files[name] = b
	}
	signed, err := wire.SignRefdata(r, ed25519.NewKeyFromSeed(seed))
	if err != nil {
		return err
	}
	body, err := json.Marshal(signed)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*dst, body, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(out, "bundle %d written to %s\n", *version, *dst)
	return nil
}

// loadBundle reads a bundle file and verifies it with a public key file.
func loadBundle(bundlePath, pubPath string) (*wire.SignedRefdata, *wire.Refdata, error) {
	pub, err := readKey(pubPath, ed25519.PublicKeySize)
	if err != nil {
		return nil, nil, err
	}
	raw, err := os.ReadFile(bundlePath)
	if err != nil {
		return nil, nil, err
	}
	var signed wire.SignedRefdata
	if err := json.Unmarshal(raw, &signed); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", bundlePath, err)
	}
	r, err := signed.Verify(pub)
	if err != nil {
		return nil, nil, err
	}
	return &signed, r, nil
}

// refdataVerify checks a bundle against the publisher's public key.
func refdataVerify(_ context.Context, args []string, out io.Writer) error {
	fl := flag.NewFlagSet("refdata verify", flag.ContinueOnError)
	pub := fl.String("pub", "", "publisher's public key `FILE`")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *pub == "" || fl.NArg() != 1 {
		return errors.New("usage: refdata verify -pub FILE BUNDLE")
	}
	_, r, err := loadBundle(fl.Arg(0), *pub)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "bundle %d published %s: signature good\n", r.Version, r.Published.Format(time.RFC3339))
	return nil
}

// refdataPublish stores a verified bundle in the hub's database, from where
// GET /v1/refdata serves the newest.
func refdataPublish(ctx context.Context, args []string, out io.Writer) error {
	var pub *string
	fl := flag.NewFlagSet("refdata publish", flag.ContinueOnError)
	pub = fl.String("pub", "", "publisher's public key `FILE`: the bundle is refused unless it verifies")
	db := addDBFlags(fl)
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *pub == "" || fl.NArg() != 1 {
		return errors.New("usage: refdata publish -pub FILE [-db FILE | -postgres URL] BUNDLE")
	}
	signed, r, err := loadBundle(fl.Arg(0), *pub)
	if err != nil {
		return err
	}
	return withStore(ctx, db, func(s *store.Store) error {
		if err := s.PutRefdata(ctx, r.Version, signed, time.Now()); err != nil {
			return fmt.Errorf("bundle %d: %w", r.Version, err)
		}
		fmt.Fprintf(out, "bundle %d published\n", r.Version)
		return nil
	})
}
