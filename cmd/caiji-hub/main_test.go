package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"caiji/hub/hubtest"
	"caiji/wire"
)

var (
	bin   string // the caiji-hub binary built for these tests
	pg    *hubtest.Postgres
	pgErr error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "caiji-hub-test-")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "caiji-hub")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build caiji-hub: %v\n%s", err, out)
		os.Exit(1)
	}
	pg, pgErr = hubtest.StartPostgres(true)
	code := m.Run()
	if pg != nil {
		pg.Stop()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// cli runs caiji-hub with args and returns its standard output.
func cli(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("caiji-hub %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

// hubDB is one hub database: a SQLite file or a PostgreSQL URL, as flags.
type hubDB []string

func sqliteDB(t *testing.T) hubDB { return hubDB{"-db", filepath.Join(t.TempDir(), "hub.db")} }

func postgresDB(t *testing.T) hubDB {
	p := hubtest.RequirePostgres(t, pg, pgErr)
	url, err := p.NewDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return hubDB{"-postgres", url}
}

// proc is a running hub process.
type proc struct {
	cmd    *exec.Cmd
	base   string
	stderr *bytes.Buffer
	exited chan error
}

var listening = regexp.MustCompile(`"msg":"hub listening","addr":"([^"]+)"`)

// start runs `caiji-hub serve` on 127.0.0.1 with the test certificate and
// waits until it listens.
func start(t *testing.T, db hubDB, certDir string, extra ...string) *proc {
	t.Helper()
	args := append([]string{"serve", "-listen", "127.0.0.1:0", "-tls-cert", filepath.Join(certDir, "cert.pem"), "-tls-key", filepath.Join(certDir, "key.pem")}, db...)
	cmd := exec.Command(bin, append(args, extra...)...)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, stderr: &bytes.Buffer{}, exited: make(chan error, 1)}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			line := sc.Text()
			p.stderr.WriteString(line + "\n")
			if m := listening.FindStringSubmatch(line); m != nil {
				addr <- m[1]
			}
		}
		p.exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-p.exited
		}
	})
	select {
	case a := <-addr:
		p.base = "https://" + a
	case err := <-p.exited:
		t.Fatalf("hub exited before listening: %v\n%s", err, p.stderr)
	case <-time.After(60 * time.Second):
		t.Fatalf("hub did not listen\n%s", p.stderr)
	}
	return p
}

// certs writes a self-signed certificate with the devcert command and
// returns its folder and a client trusting only it (as a station given
// the hub's CA file).
func certs(t *testing.T) (string, *http.Client) {
	dir := t.TempDir()
	cli(t, "devcert", "-dir", dir, "-host", "127.0.0.1")
	pem, err := os.ReadFile(filepath.Join(dir, "cert.pem"))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	return dir, &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
}

var codeLine = regexp.MustCompile(`one-time enrolment code: (\S+)`)

// setup adds the departments and returns the one-time code of a review
// station for 海淀.
func setup(t *testing.T, db hubDB) string {
	cli(t, append([]string{"department", "add", "-code", "110108", "-name", "海淀区财政局"}, db...)...)
	out := cli(t, append([]string{"station", "add", "-name", "海淀审核 1", "-kind", "review", "-departments", "110108"}, db...)...)
	m := codeLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no code in %q", out)
	}
	return m[1]
}

func signIn(t *testing.T, c *hubtest.Client, k int) *hubtest.Client {
	t.Helper()
	p := hubtest.Person(k)
	pc, a, err := c.SignIn(context.Background(), wire.SignIn{Login: p.IDNumber, Password: "Passw0rd!", Person: p, Phone: hubtest.Phone(k), Station: station(k)})
	if err != nil || pc == nil {
		t.Fatalf("sign in: %v %v", a, err)
	}
	return pc
}

func station(k int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", k) }
