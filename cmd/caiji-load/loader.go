package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"caiji/hub/hubtest"
	"caiji/wire"
)

// loader runs the configurations over one workload.
type loader struct {
	work, hubBin string
	set          *workload
	stations     int
	drop         float64
	profile      string
	pg           *hubtest.Postgres
	certs        string
	pool         *x509.CertPool
}

func stationUUID(k int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", k) }

func (l *loader) setupCerts() error {
	if l.certs != "" {
		return nil
	}
	l.certs = filepath.Join(l.work, "certs")
	if err := os.MkdirAll(l.certs, 0o700); err != nil {
		return err
	}
	if out, err := exec.Command(l.hubBin, "devcert", "-dir", l.certs, "-host", "127.0.0.1").CombinedOutput(); err != nil {
		return fmt.Errorf("devcert: %v %s", err, out)
	}
	pem, err := os.ReadFile(filepath.Join(l.certs, "cert.pem"))
	if err != nil {
		return err
	}
	l.pool = x509.NewCertPool()
	l.pool.AppendCertsFromPEM(pem)
	return nil
}

// server is a process the load is sent to.
type server struct {
	cmd  *exec.Cmd
	base string
}

var listening = regexp.MustCompile(`"msg":"hub listening","addr":"([^"]+)"`)

// startProc runs cmd and waits for the address it prints (the hub logs it,
// the sink prints it).
func startProc(cmd *exec.Cmd, stdout bool) (*server, error) {
	var pipe io.ReadCloser
	var err error
	if stdout {
		pipe, err = cmd.StdoutPipe()
	} else {
		pipe, err = cmd.StderrPipe()
	}
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			line := sc.Text()
			if m := listening.FindStringSubmatch(line); m != nil {
				addr <- m[1]
			} else if stdout && strings.HasPrefix(line, "127.0.0.1:") {
				addr <- line
			}
		}
	}()
	select {
	case a := <-addr:
		return &server{cmd: cmd, base: "https://" + a}, nil
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		return nil, errors.New("server did not start")
	}
}

func (l *loader) runConfig(ctx context.Context, name string) (*result, error) {
	if err := l.setupCerts(); err != nil {
		return nil, err
	}
	var db []string
	procs := 1
	switch {
	case name == "sink":
	case name == "sqlite":
		db = []string{"-db", filepath.Join(l.work, "load.db")}
	case strings.HasPrefix(name, "pg"):
		n, err := strconv.Atoi(strings.TrimPrefix(name, "pg"))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("unknown configuration %q", name)
		}
		procs = n
		if l.pg == nil {
			if l.pg, err = hubtest.StartPostgres(false); err != nil {
				return nil, err
			}
			defer func() { l.pg.Stop(); l.pg = nil }()
		}
		url, err := l.pg.NewDatabase(ctx)
		if err != nil {
			return nil, err
		}
		db = []string{"-postgres", url}
	default:
		return nil, fmt.Errorf("unknown configuration %q", name)
	}
	var servers []*server
	defer func() {
		for _, s := range servers {
			s.cmd.Process.Signal(os.Interrupt)
			s.cmd.Wait()
		}
	}()
	if name == "sink" {
		self, err := os.Executable()
		if err != nil {
			return nil, err
		}
		cmd := exec.Command(self, "-sink")
		cmd.Env = append(os.Environ(), "CAIJI_LOAD_CERTS="+l.certs)
		s, err := startProc(cmd, true)
		if err != nil {
			return nil, err
		}
		servers = append(servers, s)
	} else {
		if out, err := exec.Command(l.hubBin, append([]string{"department", "add", "-code", "110108", "-name", "海淀区财政局"}, db...)...).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("department add: %v %s", err, out)
		}
		for i := range procs {
			args := append([]string{"serve", "-listen", "127.0.0.1:0", "-tls-cert", filepath.Join(l.certs, "cert.pem"),
				"-tls-key", filepath.Join(l.certs, "key.pem"), "-rate", "1000000", "-burst", "1000000"}, db...)
			if l.profile != "" && i == 0 {
				args = append(args, "-cpuprofile", l.profile+"-"+name)
			}
			s, err := startProc(exec.Command(l.hubBin, args...), false)
			if err != nil {
				return nil, err
			}
			servers = append(servers, s)
		}
	}
	return l.drive(ctx, name, servers)
}

// station is one simulated station: its client, its hub and its token.
type station struct {
	c      *hubtest.Client
	person wire.Person
}

func (l *loader) drive(ctx context.Context, name string, servers []*server) (*result, error) {
	sts := make([]*station, l.stations)
	for k := range sts {
		hc := &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: l.pool}, MaxIdleConnsPerHost: 4}}
		c := &hubtest.Client{Base: servers[k%len(servers)].base, HTTP: hc}
		st := &station{c: c, person: hubtest.Person(k)}
		if name != "sink" {
			pc, a, err := c.SignIn(ctx, wire.SignIn{Login: st.person.IDNumber, Password: "Passw0rd!", Person: st.person, Phone: hubtest.Phone(k), Station: stationUUID(k)})
			if err != nil || pc == nil {
				return nil, fmt.Errorf("sign in: %v %v", a, err)
			}
			st.c = pc
		} else {
			st.c.Token = "sink"
		}
		sts[k] = st
	}
	pids := make([]int, len(servers))
	for i, s := range servers {
		pids[i] = s.cmd.Process.Pid
	}
	res := &result{name: name, procs: len(servers)}
	cpu0, total0 := procCPU(pids), systemCPU()
	start := time.Now()
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, l.stations)
	for k, st := range sts {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(k), 9))
			for i := k; i < len(l.set.recs); i += l.stations {
				t0 := time.Now()
				retries, err := l.upload(ctx, st.c, rng, i)
				if err != nil {
					errs <- fmt.Errorf("record %d: %w", i, err)
					return
				}
				mu.Lock()
				res.latencies = append(res.latencies, time.Since(t0))
				res.retries += retries
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.hubCPU, res.totalCPU = procCPU(pids)-cpu0, systemCPU()-total0
	res.versions, res.bytes = len(l.set.recs), l.set.bytes
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	if name != "sink" {
		if err := l.verify(ctx, sts); err != nil {
			return nil, fmt.Errorf("verification: %w", err)
		}
	}
	fmt.Fprintf(os.Stderr, "%s: %d versions in %v, %d resent\n", name, res.versions, res.elapsed.Round(time.Millisecond), res.retries)
	return res, nil
}

// upload sends record i's blobs then its version; each request may be cut
// off mid-body (the connection dropped) and is then sent again.
func (l *loader) upload(ctx context.Context, c *hubtest.Client, rng *rand.Rand, i int) (int, error) {
	retries := 0
	send := func(method, path string, body []byte) error {
		for {
			if rng.Float64() < l.drop {
				retries++
				dropped(ctx, c, method, path, body, rng)
				continue
			}
			a, err := c.Do(ctx, method, path, body)
			if err != nil {
				return err
			}
			if a.Status != http.StatusCreated && a.Status != http.StatusOK {
				return fmt.Errorf("%s %s: %s", method, path, a)
			}
			return nil
		}
	}
	for d, b := range l.set.recs[i].Blobs {
		if err := send("PUT", "/v1/blobs/"+d, b); err != nil {
			return retries, err
		}
	}
	v := l.set.vers[i]
	body, err := jsonBody(v)
	if err != nil {
		return retries, err
	}
	return retries, send("POST", hubtest.VersionPath(v.Record, v.N), body)
}

// dropped sends a request whose body breaks off part-way, as a station
// losing its network does.
func dropped(ctx context.Context, c *hubtest.Client, method, path string, body []byte, rng *rand.Rand) {
	cut := rng.IntN(len(body) + 1)
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, io.MultiReader(bytes.NewReader(body[:cut]), errReader{}))
	if err != nil {
		return
	}
	req.ContentLength = int64(len(body))
	req.Header.Set("Authorization", "Bearer "+c.Token)
	if resp, err := c.HTTP.Do(req); err == nil {
		resp.Body.Close()
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("connection dropped") }

// verify checks the hub holds exactly one version per record, with the
// bytes sent, and every blob under its digest.
func (l *loader) verify(ctx context.Context, sts []*station) error {
	perStation := make([]int, len(sts))
	for i, v := range l.set.vers {
		st := sts[i%len(sts)]
		perStation[i%len(sts)]++
		var got wire.Version
		a, err := st.c.JSON(ctx, "GET", hubtest.VersionPath(v.Record, v.N), nil, &got)
		if err != nil || a.Status != 200 || got.SHA256 != v.SHA256 || wire.Digest(got.Document) != v.SHA256 {
			return fmt.Errorf("record %d: %v %v", i, a, err)
		}
		for d := range l.set.recs[i].Blobs {
			a, err := st.c.Do(ctx, "GET", "/v1/blobs/"+d, nil)
			if err != nil || a.Status != 200 || wire.Digest(a.Body) != d {
				return fmt.Errorf("blob %s of record %d: %v %v", d, i, a, err)
			}
		}
	}
	for k, st := range sts {
		var f wire.Feed
		if a, err := st.c.JSON(ctx, "GET", "/v1/feed", nil, &f); err != nil || a.Status != 200 {
			return fmt.Errorf("feed: %v %v", a, err)
		}
		if len(f.Items) != perStation[k] {
			return fmt.Errorf("station %d: %d versions stored, want exactly %d", k, len(f.Items), perStation[k])
		}
	}
	return nil
}
