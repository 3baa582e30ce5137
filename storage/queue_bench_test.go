package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"caiji/domain/domaintest"
)

// seedQueue fills s with n submitted records spread over 20 districts of
// 北京 and returns a reviewer for two of them (one tenth of the records).
func seedQueue(b *testing.B, s *Store, n int) Session {
	b.Helper()
	districts := benchDistricts
	if _, err := s.InitAdmin(ctx, staff("120101198512319986", "王管理")); err != nil {
		b.Fatal(err)
	}
	admin := signIn(b, s, "120101198512319986", "Review12!")
	names := []string{"张", "王", "李", "赵", "刘", "陈", "杨", "黄"}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		body, _ := json.Marshal(domaintest.ValidRecord())
		for i := 0; i < n; i++ {
			res, err := tx.Exec(`INSERT INTO accounts (uuid, id_type, id_number, name, phone, password_hash, created_at) VALUES (?, '01', ?, ?, ?, 'x', 0)`,
				fmt.Sprintf("q-%d", i), fmt.Sprintf("Q%017d", i), names[i%len(names)]+fmt.Sprintf("三%d", i), fmt.Sprintf("137%08d", i))
			if err != nil {
				return err
			}
			owner, _ := res.LastInsertId()
			if _, err := tx.Exec(`INSERT INTO records (uuid, owner_id, version, status, department, data, created_at, updated_at, submitted_at) VALUES (?, ?, 8, 'submitted', ?, ?, 0, 0, ?)`,
				fmt.Sprintf("rq-%d", i), owner, districts[i%len(districts)], string(body), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Unix()+int64(i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	newReviewer(b, s, admin, "440305200002299920", "李审核", districts[:2])
	return signIn(b, s, "440305200002299920", "Review12!")
}

// benchDistricts are twenty division codes (北京's districts, 市本级, 天津's).
var benchDistricts = []string{"110101", "110102", "110105", "110106", "110107", "110108", "110109", "110111", "110112", "110113",
	"110114", "110115", "110116", "110117", "110118", "110119", "110100", "120101", "120102", "120103"}

func queueStore(b *testing.B) (*Store, Session) {
	s, _ := openTemp(b)
	return s, seedQueue(b, s, 50_000)
}

// BenchmarkQueueOpen lists the first page of a reviewer's queue (their 5,000
// of 50,000 submitted records), oldest first.
func BenchmarkQueueOpen(b *testing.B) {
	s, r := queueStore(b)
	for b.Loop() {
		q, err := s.Queue(ctx, r, QueueFilter{Limit: 100})
		if err != nil || len(q) != 100 {
			b.Fatalf("%d %v", len(q), err)
		}
	}
}

// BenchmarkQueueSearch searches the queue by part of a name, an ID number
// and a phone number.
func BenchmarkQueueSearch(b *testing.B) {
	s, r := queueStore(b)
	terms := []string{"张三4", "Q0000000000000048", "1370000012"}
	i := 0
	for b.Loop() {
		if _, err := s.Queue(ctx, r, QueueFilter{Search: terms[i%len(terms)]}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
