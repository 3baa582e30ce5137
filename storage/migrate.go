package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations returns the embedded SQL files in the order they apply; file
// N (1-based) brings the schema to PRAGMA user_version N.
func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// SchemaVersion is the schema this build of Caiji writes.
func SchemaVersion() int {
	names, _ := migrations()
	return len(names)
}

// migrate applies, each in its own transaction together with the new
// user_version, every migration the database has not seen. A database from a
// newer Caiji is refused untouched: user_version is read before anything
// writes, WAL mode included (it rewrites the header).
func migrate(ctx context.Context, db *sql.DB) error {
	var have int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return classify(fmt.Errorf("storage: read schema version: %w", err))
	}
	names, err := migrations()
	if err != nil {
		return err
	}
	if have > len(names) {
		return fmt.Errorf("%w (schema %d, this version knows %d)", ErrNewerSchema, have, len(names))
	}
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return classify(fmt.Errorf("storage: WAL mode: %w", err))
	}
	for i := have; i < len(names); i++ {
		body, err := migrationFS.ReadFile(names[i])
		if err != nil {
			return err
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return classify(err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return classify(fmt.Errorf("storage: migration %s: %w", names[i], err))
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return classify(err)
		}
		if err := tx.Commit(); err != nil {
			return classify(err)
		}
	}
	return nil
}
