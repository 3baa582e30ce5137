package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"caiji/hub/hubtest"
	"caiji/wire"
)

// The publisher signs the reference data offline; the hub publishes only a
// bundle that verifies with the publisher's public key and serves it as
// signed; a station verifies it with that key.
func TestRefdataCommands(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "publisher.key")
	cli(t, "refdata", "keygen", "-out", key)
	if fi, err := os.Stat(key); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("private key file: %v %v", fi.Mode(), err)
	}
	bundle := filepath.Join(dir, "bundle.json")
	cli(t, "refdata", "sign", "-key", key, "-version", "3", "-o", bundle)
	if out := cli(t, "refdata", "verify", "-pub", key+".pub", bundle); !strings.Contains(out, "signature good") {
		t.Fatalf("verify: %q", out)
	}
	other := filepath.Join(dir, "other.key")
	cli(t, "refdata", "keygen", "-out", other)
	if err := exec.Command(bin, "refdata", "verify", "-pub", other+".pub", bundle).Run(); err == nil {
		t.Fatal("a bundle verified with another publisher's key")
	}
	db := sqliteDB(t)
	publish := func(pub string) []string {
		return append(append([]string{"refdata", "publish", "-pub", pub}, db...), bundle)
	}
	if out, err := exec.Command(bin, publish(other+".pub")...).CombinedOutput(); err == nil || !strings.Contains(string(out), "not signed by the publisher") {
		t.Fatalf("the hub published a bundle that does not verify: %v %s", err, out)
	}
	cli(t, publish(key+".pub")...)

	certDir, client := certs(t)
	h := start(t, db, certDir)
	var got wire.SignedRefdata
	a, err := (&hubtest.Client{Base: h.base, HTTP: client}).JSON(context.Background(), "GET", "/v1/refdata", nil, &got)
	if err != nil || a.Status != 200 {
		t.Fatalf("GET /v1/refdata: %v %v", a, err)
	}
	pub, err := readKey(key+".pub", 32)
	if err != nil {
		t.Fatal(err)
	}
	r, err := got.Verify(pub)
	if err != nil || r.Version != 3 || !json.Valid(r.Files["holidays.json"]) {
		t.Fatalf("served bundle: %v %v", r, err)
	}
}

// The hub serves HTTPS only; plain HTTP only on loopback when asked.
func TestServeRefusesPlainHTTP(t *testing.T) {
	db := sqliteDB(t)
	for _, args := range [][]string{
		{"serve", "-listen", "127.0.0.1:0"},
		{"serve", "-listen", "0.0.0.0:0", "-insecure-loopback"},
	} {
		out, err := exec.Command(bin, append(args, db...)...).CombinedOutput()
		if err == nil {
			t.Fatalf("%v started", args)
		}
		if !strings.Contains(string(out), "HTTPS") && !strings.Contains(string(out), "loopback") {
			t.Fatalf("%v: unclear refusal %q", args, out)
		}
	}
}

// station add prints a one-time code; list shows the station waiting, then
// enrolled; disable refuses it; persons are listed with masked numbers.
func TestAdministration(t *testing.T) {
	db := sqliteDB(t)
	code := setup(t, db)
	if err := exec.Command(bin, append([]string{"station", "add", "-name", "x", "-kind", "review", "-departments", "110000"}, db...)...).Run(); err == nil {
		t.Fatal("a station for an unknown department was added")
	}
	if out := cli(t, append([]string{"station", "list"}, db...)...); !strings.Contains(out, "waiting for enrolment") {
		t.Fatalf("list: %q", out)
	}
	certDir, client := certs(t)
	h := start(t, db, certDir)
	anon := &hubtest.Client{Base: h.base, HTTP: client}
	st, info, err := anon.Enrol(context.Background(), code)
	if err != nil || info.Kind != "review" || len(info.Departments) != 1 {
		t.Fatalf("enrol: %+v %v", info, err)
	}
	alice := signIn(t, anon, 1)
	out := cli(t, append([]string{"person", "list"}, db...)...)
	if strings.Contains(out, hubtest.Person(1).IDNumber) || !strings.Contains(out, "110101") {
		t.Fatalf("person list shows the whole ID number or nothing: %q", out)
	}
	cli(t, append([]string{"station", "disable", "-uuid", st.Station}, db...)...)
	if a, err := st.Do(context.Background(), "GET", "/v1/feed", nil); err != nil || a.Status != 403 {
		t.Fatalf("disabled station: %v %v", a, err)
	}
	uuid := strings.Fields(strings.Split(out, "\n")[1])[0]
	reset := cli(t, append([]string{"person", "reset-password", "-uuid", uuid}, db...)...)
	if a, err := alice.Do(context.Background(), "GET", "/v1/feed", nil); err != nil || a.Status != 401 {
		t.Fatalf("token after reset: %v %v", a, err)
	}
	pw := strings.TrimSpace(strings.TrimPrefix(strings.Split(reset, "\n")[0], "temporary password:"))
	if _, a, err := anon.SignIn(context.Background(), wire.SignIn{Login: hubtest.Person(1).IDNumber, Password: pw, Station: station(1)}); err != nil || a.Status != 200 {
		t.Fatalf("sign in with the temporary password: %v %v", a, err)
	}
}
