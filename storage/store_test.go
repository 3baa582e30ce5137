package storage

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"caiji/domain"
)

var ctx = context.Background()

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func userVersion(t *testing.T, s *Store) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestOpenFreshAppliesAllMigrations(t *testing.T) {
	s, _ := openTemp(t)
	if v := userVersion(t, s); v != SchemaVersion() || v == 0 {
		t.Fatalf("user_version %d, want %d", v, SchemaVersion())
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	var fk int
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Fatalf("journal_mode %q foreign_keys %d", mode, fk)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestOpenExistingKeepsData(t *testing.T) {
	s, dir := openTemp(t)
	if _, err := s.Register(ctx, reg("110101199003079913", "13800138000")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.Login(ctx, "110101199003079913", "Abcdef12!"); err != nil {
		t.Fatalf("account lost on reopen: %v", err)
	}
}

func TestOpenMigratesOlderSchema(t *testing.T) {
	dir := t.TempDir()
	// A database at schema 1 with an account, as an older Caiji leaves it.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	first, _ := migrationFS.ReadFile("migrations/0001_accounts.sql")
	if _, err := db.Exec(string(first) + "; PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO accounts (uuid, id_type, id_number, name, phone, password_hash, created_at) VALUES ('u1', '01', '110101199003079913', '张三', '13800138000', 'x', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := userVersion(t, s); v != SchemaVersion() {
		t.Fatalf("user_version %d, want %d", v, SchemaVersion())
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM accounts").Scan(&n)
	if n != 1 {
		t.Fatalf("accounts after migration: %d", n)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	db, _ := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	if _, err := db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(dir); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v, want ErrNewerSchema", err)
	}
	// The file is left as it was.
	db, _ = sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	defer db.Close()
	var v int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 999 {
		t.Fatalf("user_version changed to %d", v)
	}
}

func TestSecondOpenIsRefused(t *testing.T) {
	s, dir := openTemp(t)
	if _, err := Open(dir); !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open = %v, want ErrInUse", err)
	}
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}

func reg(id, phone string) domain.Registration {
	return domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: "张三", Password: "Abcdef12!", Confirm: "Abcdef12!", Phone: phone,
		Agreed: shippedNotices()[domain.NoticePersonal].Digest}
}

func TestRegisterAndFind(t *testing.T) {
	s, _ := openTemp(t)
	in, err := s.Register(ctx, reg("31010119950615998x", "+86 139 0013 9000"))
	if err != nil {
		t.Fatal(err)
	}
	a := in.Account
	if a.IDNumber != "31010119950615998X" || a.Phone != "13900139000" || a.Role != RoleCandidate || a.UUID == "" {
		t.Fatalf("account %+v", a)
	}
	for _, login := range []string{"31010119950615998X", "31010119950615998x", "13900139000", "139 0013 9000"} {
		got, err := s.Login(ctx, login, "Abcdef12!")
		if err != nil || got.Account.ID != a.ID {
			t.Errorf("Login(%q) = %+v, %v", login, got, err)
		}
	}
	if _, err := s.Register(ctx, reg("31010119950615998X", "13700137000")); !errors.Is(err, ErrIDNumberTaken) {
		t.Errorf("duplicate ID number: %v", err)
	}
	if _, err := s.Register(ctx, reg("110101199003079913", "13900139000")); !errors.Is(err, ErrPhoneTaken) {
		t.Errorf("duplicate phone: %v", err)
	}
	var inv *InvalidError
	if _, err := s.Register(ctx, reg("110101199003079910", "13700137000")); !errors.As(err, &inv) || inv.Problems[0].Code != "ID6" {
		t.Errorf("invalid ID number: %v", err)
	}
	var hash string
	s.db.QueryRow("SELECT password_hash FROM accounts WHERE id = ?", a.ID).Scan(&hash)
	if hash == "" || hash == "Abcdef12!" || hash[:10] != "$argon2id$" {
		t.Errorf("stored password %q", hash)
	}
}

func TestLoginLockout(t *testing.T) {
	s, _ := openTemp(t)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	if _, err := s.Register(ctx, reg("110101199003079913", "13800138000")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, "nobody", "Abcdef12!"); !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("unknown login: %v", err)
	}
	for i := 1; i < domain.MaxLoginFailures; i++ {
		if _, err := s.Login(ctx, "13800138000", "wrong"); !errors.Is(err, ErrBadCredentials) {
			t.Fatalf("wrong password %d: %v", i, err)
		}
	}
	// The fifth wrong password locks, but a wrong password is only ever
	// "wrong": the lock-out is told to whoever knows the password.
	if _, err := s.Login(ctx, "13800138000", "wrong"); !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("fifth wrong password: %v", err)
	}
	var le *LockedError
	if _, err := s.Login(ctx, "13800138000", "Abcdef12!"); !errors.As(err, &le) || !le.Until.Equal(now.Add(domain.LoginLockout)) {
		t.Fatalf("right password while locked: %v", err)
	}
	now = now.Add(domain.LoginLockout)
	if _, err := s.Login(ctx, "13800138000", "Abcdef12!"); err != nil {
		t.Fatalf("after the lock-out: %v", err)
	}
	// A success resets the count: four more failures do not lock.
	for i := 1; i < domain.MaxLoginFailures; i++ {
		s.Login(ctx, "13800138000", "wrong")
	}
	if _, err := s.Login(ctx, "13800138000", "Abcdef12!"); err != nil {
		t.Fatalf("count not reset by success: %v", err)
	}
}
