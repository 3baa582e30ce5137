package store

import (
	"context"
	"database/sql"

	"caiji/wire"
)

// addFeed appends one change to the feed. On PostgreSQL the feed's writers
// take one transaction-scoped advisory lock first, so feed rows become
// visible in the order of their ids: a reader resuming after cursor c can
// never miss a row with a smaller id that committed later. SQLite has one
// writer at a time anyway.
func (s *Store) addFeed(ctx context.Context, tx *sql.Tx, record string, n int, kind, person, dept string) error {
	if s.pg {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7411)"); err != nil {
			return err
		}
	}
	_, err := s.exec(ctx, tx, "INSERT INTO feed (record, n, kind, person, department) VALUES (?, ?, ?, ?, ?)", record, n, kind, person, dept)
	return err
}

// Feed returns up to limit changes r may see after cursor since, in order:
// a person's own versions and the decisions on them; a review station's
// departments' versions and decisions.
func (s *Store) Feed(ctx context.Context, r Reader, since int64, limit int) (*wire.Feed, error) {
	where, args := r.versionScope("")
	type ref struct {
		id     int64
		record string
		n      int
		kind   string
	}
	rows, err := s.query(ctx, s.db, "SELECT id, record, n, kind FROM feed WHERE id > ? AND "+where+" ORDER BY id LIMIT ?",
		append(append([]any{since}, args...), limit+1)...)
	refs, err := rowsOf(rows, err, func(rows *sql.Rows) (ref, error) {
		var f ref
		err := rows.Scan(&f.id, &f.record, &f.n, &f.kind)
		return f, err
	})
	if err != nil {
		return nil, err
	}
	out := &wire.Feed{Items: []wire.FeedItem{}, Next: since}
	if len(refs) > limit {
		refs, out.More = refs[:limit], true
	}
	for _, f := range refs {
		item := wire.FeedItem{Cursor: f.id}
		var err error
		if f.kind == "version" {
			item.Version, err = s.Version(ctx, f.record, f.n, r)
		} else {
			item.Decision, err = s.DecisionOn(ctx, f.record, f.n, r)
		}
		if err != nil {
			return nil, err
		}
		out.Items = append(out.Items, item)
		out.Next = f.id
	}
	return out, nil
}
