package storage

import (
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"
)

// TestUpgradeFromEverySchema: a database left at any earlier user_version,
// holding a candidate, opens and reaches this build's schema with the
// candidate kept; a gap or a reordering of the numbered migrations fails here.
func TestUpgradeFromEverySchema(t *testing.T) {
	names, _ := migrations()
	for v := 1; v < len(names); v++ {
		t.Run(strconv.Itoa(v), func(t *testing.T) {
			dir, db := databaseAt(t, v)
			if _, err := db.Exec(`INSERT INTO accounts (id, uuid, id_type, id_number, name, phone, password_hash, created_at) VALUES (1, '0b7e6f3c-9d2a-4c1e-8f00-123456789abc', '01', '110101199003079913', '张三', '13800138000', 'x', 0)`); err != nil {
				t.Fatal(err)
			}
			db.Close()
			s, err := Open(dir)
			if err != nil {
				t.Fatalf("open a schema-%d database: %v", v, err)
			}
			defer s.Close()
			var have, n int
			s.db.QueryRow("PRAGMA user_version").Scan(&have)
			s.db.QueryRow("SELECT count(*) FROM accounts WHERE id_number = '110101199003079913'").Scan(&n)
			if have != SchemaVersion() || n != 1 {
				t.Fatalf("after the upgrade from %d: schema %d, candidate rows %d", v, have, n)
			}
		})
	}
}

// databaseAt makes, in a new folder, a database left at schema v by an
// earlier Caiji: the first v migrations applied and user_version v. It
// returns the folder and the database, open for the test's own rows.
func databaseAt(t *testing.T, v int) (string, *sql.DB) {
	t.Helper()
	dir := t.TempDir()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	names, _ := migrations()
	for _, name := range names[:v] {
		body, _ := migrationFS.ReadFile(name)
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if _, err := db.Exec("PRAGMA user_version = " + strconv.Itoa(v)); err != nil {
		t.Fatal(err)
	}
	return dir, db
}
