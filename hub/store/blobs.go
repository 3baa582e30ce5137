package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Blob is an image by its SHA-256, with the facts the hub's own check found
// in it (package domain/photo), not what any client claimed.
type Blob struct {
	Digest string
	MIME   string
	Bytes  int
	Width  int
	Height int
	Data   []byte
}

// PutBlob stores a checked blob once and notes who uploaded it (so the
// uploader may read it back before a version names it). A second upload of
// the same digest changes nothing but the uploader list.
func (s *Store) PutBlob(ctx context.Context, b *Blob, uploader string, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, `INSERT INTO blobs (digest, data, mime, bytes, width, height, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING`,
			b.Digest, b.Data, b.MIME, b.Bytes, b.Width, b.Height, now.UnixMilli()); err != nil {
			return err
		}
		_, err := s.exec(ctx, tx, "INSERT INTO blob_uploads (digest, uploader) VALUES (?, ?) ON CONFLICT DO NOTHING", b.Digest, uploader)
		return err
	})
}

// BlobFacts returns the facts of a blob without its bytes.
func (s *Store) BlobFacts(ctx context.Context, digest string) (*Blob, error) {
	return s.blob(ctx, "''", digest)
}

// Blob returns a blob with its bytes.
func (s *Store) Blob(ctx context.Context, digest string) (*Blob, error) {
	return s.blob(ctx, "data", digest)
}

func (s *Store) blob(ctx context.Context, data, digest string) (*Blob, error) {
	b := &Blob{Digest: digest}
	var raw any
	err := s.queryRow(ctx, s.db, "SELECT "+data+", mime, bytes, width, height FROM blobs WHERE digest = ?", digest).
		Scan(&raw, &b.MIME, &b.Bytes, &b.Width, &b.Height)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if d, ok := raw.([]byte); ok {
		b.Data = d
	}
	return b, nil
}

// Reader is who asks to read: a person (their UUID) or a station (its UUID,
// with the departments of a review station).
type Reader struct {
	Person      string
	Station     string
	Departments []string
}

// BlobReadable reports whether r uploaded the blob or may read a version
// that names it: the person it belongs to, or a review station of its
// department. Nobody learns whether a blob exists otherwise.
func (s *Store) BlobReadable(ctx context.Context, digest string, r Reader) (bool, error) {
	uploader := r.Person
	if uploader == "" {
		uploader = r.Station
	}
	where, args := r.versionScope("v.")
	var one int
	err := s.queryRow(ctx, s.db, `SELECT 1 FROM blob_uploads WHERE digest = ? AND uploader = ?
		UNION ALL SELECT 1 FROM version_blobs vb JOIN versions v ON v.record = vb.record AND v.n = vb.n
		WHERE vb.digest = ? AND `+where+` LIMIT 1`, append([]any{digest, uploader, digest}, args...)...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// versionScope is the condition on a versions (or records, feed) row that
// r may read: its own for a person; its departments for a review station;
// nothing otherwise (a kiosk reads back only what it uploaded).
func (r Reader) versionScope(alias string) (string, []any) {
	if r.Person != "" {
		return alias + "person = ?", []any{r.Person}
	}
	if len(r.Departments) == 0 {
		return "1 = 0", nil
	}
	args := make([]any, len(r.Departments))
	for i, d := range r.Departments {
		args[i] = d
	}
	return alias + "department IN (?" + strings.Repeat(", ?", len(args)-1) + ")", args
}
