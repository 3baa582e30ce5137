package syncer

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CAFileName is the file beside the executable that a province ships when
// its hub's certificate is issued by its own CA.
const CAFileName = "hub-ca.pem"

// HubFileName is the file beside the executable that holds the hub address
// a home PC starts with.
const HubFileName = "hub.txt"

// DefaultHub is the hub address built into the app
// (-ldflags "-X caiji/syncer.DefaultHub=https://…"); "" for none.
var DefaultHub = ""

// ShippedHub is the hub address a home PC is prefilled with: the file
// beside the executable if there is one, else the built-in default.
func ShippedHub() string {
	if exe, err := os.Executable(); err == nil {
		if b, err := os.ReadFile(filepath.Join(filepath.Dir(exe), HubFileName)); err == nil {
			return strings.TrimSpace(string(b))
		}
	}
	return DefaultHub
}

// ShippedCA is the CA file beside the executable, or "" when there is none.
func ShippedCA() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	p := filepath.Join(filepath.Dir(exe), CAFileName)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// TLSConfig verifies the hub against the system's roots, plus the
// certificates of caFile when given. There is no way to skip verification
// or to trust a certificate on first use.
func TLSConfig(caFile string) (*tls.Config, error) {
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if err == nil && !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("syncer: %s holds no PEM certificate", caFile)
		}
	}
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, nil
}
