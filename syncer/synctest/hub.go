// Package synctest runs a real hub for tests: the hub's HTTP API over its
// SQLite store, serving TLS on 127.0.0.1 with a CA of its own that the
// stations under test are given as their CA file, and complete records with
// real images to send to it.
package synctest

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"caiji/domain/domaintest"
	"caiji/hub"
	"caiji/hub/store"

	"github.com/google/uuid"
)

// Hub is a real hub (SQLite store) serving TLS on 127.0.0.1 with a
// certificate of its own CA, which the stations are given as their CA file.
// It can be stopped and started again on the same address.
type Hub struct {
	t      testing.TB
	Addr   string
	URL    string
	CAFile string
	Store  *store.Store
	dbPath string
	cert   tls.Certificate
	srv    *http.Server
	// Wrap, if set before Start, wraps the hub's handler (to watch or stall
	// requests).
	Wrap func(http.Handler) http.Handler
}

func NewHub(t testing.TB) *Hub {
	t.Helper()
	dir := t.TempDir()
	h := &Hub{t: t, dbPath: filepath.Join(dir, "hub.db"), CAFile: filepath.Join(dir, "hub-ca.pem")}
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, h.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h.Store = st
	if err := st.PutDepartment(ctx, store.Department{Code: "110108", Name: "北京市海淀区财政局"}); err != nil {
		t.Fatal(err)
	}
	h.cert = selfSigned(t, h.CAFile)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.Addr = l.Addr().String()
	l.Close()
	h.URL = "https://" + h.Addr
	t.Cleanup(h.Stop)
	return h
}

// Start serves the hub; it may be called again after Stop.
func (h *Hub) Start() {
	h.t.Helper()
	var handler http.Handler = hub.New(h.Store, domaintest.Catalog(h.t), slog.New(slog.DiscardHandler), hub.Config{Rate: 1000, Burst: 1000}).Handler()
	if h.Wrap != nil {
		handler = h.Wrap(handler)
	}
	var l net.Listener
	var err error
	for range 50 { // the port of a stopped hub may take a moment to be free
		if l, err = net.Listen("tcp", h.Addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		h.t.Fatal(err)
	}
	h.srv = &http.Server{Handler: handler, TLSConfig: &tls.Config{Certificates: []tls.Certificate{h.cert}}}
	go h.srv.ServeTLS(l, "", "")
}

// Stop closes the hub's listener and every connection at once.
func (h *Hub) Stop() {
	if h.srv != nil {
		h.srv.Close()
		h.srv = nil
	}
}

// Count runs a count query on the hub's database file.
func (h *Hub) Count(query string, args ...any) int {
	h.t.Helper()
	db, err := sql.Open("sqlite", "file:"+h.dbPath+"?mode=ro")
	if err != nil {
		h.t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// AddStation creates a station waiting for enrolment and returns its code.
func (h *Hub) AddStation(kind string, departments ...string) string {
	h.t.Helper()
	code := rand.Text()
	id := uuid.NewString()
	if err := h.Store.AddStation(context.Background(), store.Station{UUID: id, Name: kind + " test", Kind: kind, Departments: departments, CreatedAt: time.Now()},
		hub.EnrolCodeHash(code), time.Now().Add(time.Hour)); err != nil {
		h.t.Fatal(err)
	}
	return code
}

// selfSigned makes a CA certificate for 127.0.0.1, writes it to caFile and
// returns it as the hub's serving certificate.
func selfSigned(t testing.TB, caFile string) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "caiji test hub"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}
