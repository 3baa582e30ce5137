package storage

import (
	"errors"
	"testing"

	"caiji/wire"
)

// A station upgraded from before the outbox queues what it had submitted,
// keeps its events (now naming their actor by UUID) and gets a UUID of its
// own.
func TestUpgradeQueuesEarlierSubmissions(t *testing.T) {
	dir, db := databaseAt(t, 4)
	for _, q := range []string{
		`INSERT INTO accounts (id, uuid, id_type, id_number, name, phone, password_hash, created_at) VALUES (1, '0b7e6f3c-9d2a-4c1e-8f00-123456789abc', '01', '110101199003079913', '张三', '13800138000', 'x', 0)`,
		`INSERT INTO records (id, uuid, owner_id, version, status, data, created_at, updated_at) VALUES (1, '5b0f8a4e-0000-4000-8000-000000000001', 1, 9, 'submitted', '{}', 0, 0)`,
		`INSERT INTO snapshots (record_id, version, data, created_at) VALUES (1, 9, '{}', 100)`,
		`INSERT INTO events (record_id, version, actor_id, kind, at) VALUES (1, 9, 1, 'submitted', 100)`,
		`UPDATE station SET login_failures = 3`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	items, err := s.Outbox(ctx)
	if err != nil || len(items) != 1 || items[0].Record != "5b0f8a4e-0000-4000-8000-000000000001" || items[0].Version != 9 || items[0].State != OutQueued {
		t.Fatalf("outbox after the upgrade: %+v %v", items, err)
	}
	info, err := s.StationInfo(ctx)
	if err != nil || !wire.ValidUUID(info.UUID) || info.Kind != StationCandidate || info.DraftDays != 7 {
		t.Fatalf("station %+v %v", info, err)
	}
	var failures int
	var actor string
	s.db.QueryRow("SELECT login_failures FROM station").Scan(&failures)
	s.db.QueryRow("SELECT actor_uuid FROM events").Scan(&actor)
	if failures != 3 || actor != "0b7e6f3c-9d2a-4c1e-8f00-123456789abc" {
		t.Fatalf("after the upgrade: failures %d, actor %q", failures, actor)
	}
}

// The guards on snapshots, events and decisions hold for every delete but
// the one that erases a person.
func TestHistoryGuardsHold(t *testing.T) {
	s, _ := openTemp(t)
	_, reviewer := reviewStation(t, s)
	_, rec := submitted(t, s, "110101199003079913", "13800138000")
	if err := s.Decide(ctx, reviewer, rec.ID, rec.Version, Decision{Pass: true, RealName: "verified"}); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"snapshots", "events", "decisions"} {
		if _, err := s.db.Exec("DELETE FROM " + table); err == nil {
			t.Errorf("rows of %s could be deleted", table)
		}
	}
	if _, err := s.PurgeKiosk(ctx); !errors.Is(err, ErrNotKiosk) {
		t.Fatalf("a review station purged: %v", err)
	}
}
