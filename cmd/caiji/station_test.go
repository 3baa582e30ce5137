package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/pem"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caiji/caijipkg"
	"caiji/domain/domaintest"
	"caiji/hub"
	"caiji/hub/store"
	"caiji/storage"

	"github.com/google/uuid"
)

// caiji kiosk init, then caiji station connect against a real hub with its
// CA given as a file: the kiosk takes the UUID the hub gave it.
func TestKioskInitAndConnect(t *testing.T) {
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "hub.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewTLSServer(hub.New(st, domaintest.Catalog(t), slog.New(slog.DiscardHandler), hub.Config{}).Handler())
	defer srv.Close()
	ca := filepath.Join(t.TempDir(), "hub-ca.pem")
	if err := os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	code, id := rand.Text(), uuid.NewString()
	if err := st.AddStation(ctx, store.Station{UUID: id, Name: "海淀考点 1", Kind: store.Kiosk, CreatedAt: time.Now()}, hub.EnrolCodeHash(code), time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	var out bytes.Buffer
	connect := []string{"connect", "-data", dir, "-hub", srv.URL, "-code", code, "-ca", ca}
	if err := stationMain(connect, nil, &out); err == nil {
		t.Fatal("a candidate's PC was connected as a station")
	}
	if err := kioskMain([]string{"init", "-data", dir}, strings.NewReader("120101198512319986\n王管理\nReview12!\nReview12!\n"), &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if err := stationMain([]string{"connect", "-data", dir, "-hub", srv.URL, "-code", code}, nil, &out); err == nil {
		t.Fatal("connected without the hub's CA")
	}
	if err := stationMain(connect, nil, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if err := stationMain(connect, nil, &out); err == nil || !strings.Contains(err.Error(), "注册码") {
		t.Fatalf("a spent code: %v", err)
	}
	s, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, err := s.StationInfo(ctx)
	if err != nil || info.Kind != storage.StationKiosk || info.UUID != id || !info.Enrolled || info.Hub != srv.URL {
		t.Fatalf("station %+v %v", info, err)
	}
	for _, key := range []string{caijipkg.SigningKeyFile, caijipkg.IdentityFile} {
		fi, err := os.Stat(filepath.Join(dir, key))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", key, fi.Mode(), err)
		}
	}
}
