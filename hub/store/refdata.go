package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caiji/wire"
)

// PutRefdata stores a signed reference-data bundle under its version; a
// version already stored is ErrExists (versions only grow).
func (s *Store) PutRefdata(ctx context.Context, version int, b *wire.SignedRefdata, now time.Time) error {
	res, err := s.exec(ctx, s.db, "INSERT INTO refdata (version, payload, signature, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
		version, b.Payload, b.Signature, now.UnixMilli())
	if errors.Is(affected(res, err), ErrConflict) {
		return ErrExists
	}
	return err
}

// LatestRefdata returns the bundle with the highest version.
func (s *Store) LatestRefdata(ctx context.Context) (*wire.SignedRefdata, error) {
	b := &wire.SignedRefdata{}
	err := s.queryRow(ctx, s.db, "SELECT payload, signature FROM refdata ORDER BY version DESC LIMIT 1").Scan(&b.Payload, &b.Signature)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return b, err
}
