package exchange

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"
)

var ctx = context.Background()

const (
	staffID    = "120101198512319986"
	reviewerID = "440305200002299920"
)

// station is a data folder with its store and keys, as the app opens it.
type station struct {
	t     testing.TB
	dir   string
	Store *storage.Store
	Keys  *caijipkg.Keys
	staff storage.Session
}

func openStation(t testing.TB, init func(*storage.Store, context.Context, domain.Registration) (storage.Account, error)) *station {
	t.Helper()
	s := &station{t: t, dir: t.TempDir()}
	st, err := storage.Open(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if s.Keys, err = caijipkg.LoadOrCreateKeys(s.dir); err != nil {
		t.Fatal(err)
	}
	s.Store = st
	if init != nil {
		if _, err := init(st, ctx, domain.Registration{IDType: domain.IDMainland, IDNumber: staffID, Name: "王管理",
			Password: storagetest.Password, Confirm: storagetest.Password}); err != nil {
			t.Fatal(err)
		}
		s.staff = s.login(staffID)
	}
	return s
}

// newKiosk is a kiosk (caiji kiosk init) that never goes online.
func newKiosk(t testing.TB) *station { return openStation(t, (*storage.Store).InitKiosk) }

// newReview is a review station (caiji admin init) with one reviewer for
// the departments.
func newReview(t testing.TB, departments ...string) *station {
	s := openStation(t, (*storage.Store).InitAdmin)
	storagetest.NewReviewer(t, s.Store, s.staff, reviewerID, "李审核", storagetest.Password, departments)
	return s
}

func (s *station) login(id string) storage.Session {
	s.t.Helper()
	in, err := s.Store.Login(ctx, id, storagetest.Password)
	if err != nil {
		s.t.Fatal(err)
	}
	return in.Session
}

// export exports into a fresh folder and returns the packages written.
func (s *station) export() []Written {
	s.t.Helper()
	res, err := Export(ctx, s.Store, s.Keys, s.t.TempDir(), ExportOptions{})
	if err != nil {
		s.t.Fatal(err)
	}
	return res.Packages
}

// importFile opens and imports a package, accepting its station.
func (s *station) importFile(path string) (*Summary, error) {
	s.t.Helper()
	in, err := Open(ctx, s.Store, s.Keys, path, nil)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	return in.Import(ctx, s.Store, domaintest.Catalog(s.t), true, nil)
}

// rows counts the rows of every table of the station's database, read
// from the file beside the open store.
func (s *station) rows() map[string]int {
	s.t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(filepath.Join(s.dir, storage.FileName))+"?mode=ro")
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	names, err := db.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table'")
	if err != nil {
		s.t.Fatal(err)
	}
	var tables []string
	for names.Next() {
		var n string
		names.Scan(&n)
		tables = append(tables, n)
	}
	names.Close()
	out := map[string]int{}
	for _, n := range tables {
		var c int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM "`+n+`"`).Scan(&c); err != nil {
			s.t.Fatal(err)
		}
		out[n] = c
	}
	return out
}

// snapshot reads the stored bytes of a record's snapshot.
func (s *station) snapshot(record string, version int) string {
	s.t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(filepath.Join(s.dir, storage.FileName))+"?mode=ro")
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	var data string
	if err := db.QueryRowContext(ctx, "SELECT s.data FROM snapshots s JOIN records r ON r.id = s.record_id WHERE r.uuid = ? AND s.version = ?", record, version).Scan(&data); err != nil {
		s.t.Fatalf("snapshot %s/%d: %v", record, version, err)
	}
	return data
}

// candidates are three candidates' ID numbers and phones.
var candidates = []struct{ id, phone string }{
	{"110101198805121234", "13800000001"},
	{"110108199201014568", "13800000002"},
	{"110105198702112349", "13800000003"},
}

// submitted registers and submits a candidate on s, in department
// 110108 (domaintest.ValidRecord's) unless edit changes it.
func (s *station) submitted(id, phone string, edit ...func(*domain.Record)) (storage.Session, *domain.Record) {
	s.t.Helper()
	return storagetest.Submitted(s.t, s.Store, id, "张三", phone, edit...)
}

// flip writes a copy of the file at path with one byte changed at off.
func flip(t *testing.T, path string, off int64) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[off] ^= 0x01
	out := filepath.Join(t.TempDir(), "flipped.caiji")
	if err := os.WriteFile(out, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

// refusal is err as a package refusal, failing the test otherwise.
func refusal(t *testing.T, err error) *caijipkg.Error {
	t.Helper()
	var pe *caijipkg.Error
	if !errors.As(err, &pe) {
		t.Fatalf("want a package refusal, got %v", err)
	}
	return pe
}
