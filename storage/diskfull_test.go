package storage

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"caiji/domain"
)

// TestFullDiskKeepsSavedData: when SQLite cannot grow the file (a full disk,
// simulated with max_page_count), the save fails with ErrDiskFull and
// everything saved before is intact.
func TestFullDiskKeepsSavedData(t *testing.T) {
	s, _ := openTemp(t)
	me := candidate(t, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	rec, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Work = []domain.Work{{Address: "北京市海淀区中关村大街1号"}} })
	if err != nil {
		t.Fatal(err)
	}
	s.db.SetMaxOpenConns(1) // the limit is per connection
	var pages int
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.db.Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	_, err = s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Work[0].Address = strings.Repeat("很长的地址", 20000) })
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("save on a full disk: %v", err)
	}
	got, err := s.MyRecord(ctx, me)
	if err != nil || got.Version != rec.Version || got.Work[0].Address != "北京市海淀区中关村大街1号" {
		t.Fatalf("after the failed save: %v %+v", err, got)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}
