package hubtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Postgres is a throw-away PostgreSQL cluster in a temporary folder,
// listening on a Unix socket in that folder only (no TCP port at all).
type Postgres struct {
	dir    string
	bin    string
	cred   *syscall.Credential
	admin  *sql.DB
	nextDB atomic.Int64
}

// ErrNoPostgres is a machine without PostgreSQL's server binaries.
var ErrNoPostgres = errors.New("hubtest: PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql")

// pgBin finds the newest Debian postgresql bin folder, or initdb on PATH.
func pgBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", ErrNoPostgres
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// StartPostgres initialises and starts a cluster. PostgreSQL refuses to
// run as root, so as root it runs as the postgres user. fast turns off
// fsync (tests: the cluster is thrown away; the hub, not PostgreSQL, is
// what the tests kill).
func StartPostgres(fast bool) (*Postgres, error) {
	bin, err := pgBin()
	if err != nil {
		return nil, err
	}
	// As root the cluster runs as postgres, who must reach the folder: a
	// TMPDIR inside root's home would not do, /tmp does.
	root := ""
	if os.Geteuid() == 0 {
		root = "/tmp"
	}
	dir, err := os.MkdirTemp(root, "caiji-pg-")
	if err != nil {
		return nil, err
	}
	pg := &Postgres{dir: dir, bin: bin}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("hubtest: running as root needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		pg.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if err := pg.run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		pg.remove()
		return nil, err
	}
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c max_connections=300", dir)
	if fast {
		opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	}
	if err := pg.run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		pg.remove()
		return nil, fmt.Errorf("%w\n%s", err, log)
	}
	pg.admin, err = sql.Open("pgx", pg.URL("postgres"))
	if err != nil {
		pg.Stop()
		return nil, err
	}
	return pg, nil
}

func (pg *Postgres) run(tool string, args ...string) error {
	cmd := exec.Command(filepath.Join(pg.bin, tool), args...)
	cmd.Dir = pg.dir
	if pg.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: pg.cred}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("hubtest: %s: %w\n%s", tool, err, out)
	}
	return nil
}

// URL is the connection URL of a database of the cluster (over its socket).
func (pg *Postgres) URL(db string) string {
	return "postgres://postgres@/" + db + "?host=" + url.QueryEscape(pg.dir) + "&sslmode=disable"
}

// NewDatabase creates an empty database and returns its URL.
func (pg *Postgres) NewDatabase(ctx context.Context) (string, error) {
	name := fmt.Sprintf("hub_%d_%d", os.Getpid(), pg.nextDB.Add(1))
	if _, err := pg.admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	return pg.URL(name), nil
}

// Stop stops the cluster at once and removes its folder.
func (pg *Postgres) Stop() {
	if pg.admin != nil {
		pg.admin.Close()
	}
	_ = pg.run("pg_ctl", "-D", filepath.Join(pg.dir, "data"), "-m", "immediate", "-w", "stop")
	pg.remove()
}

func (pg *Postgres) remove() { os.RemoveAll(pg.dir) }

// RequirePostgres returns the cluster a test package started in TestMain
// (nil with the reason err when it could not). Without PostgreSQL a test
// is skipped on a developer's machine but fails under CI (CI=true), so a CI
// machine missing the package can never pass by skipping.
func RequirePostgres(t testing.TB, pg *Postgres, err error) *Postgres {
	t.Helper()
	if pg != nil {
		return pg
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("PostgreSQL tests cannot run under CI: %v", err)
		return nil
	}
	t.Skipf("PostgreSQL tests skipped (set CI=true to make this a failure): %v", err)
	return nil
}
