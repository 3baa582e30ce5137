package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// schema holds the migrations, NNNNN_name.sql, applied in order. Each is
// written once for both engines in SQLite's spelling; PostgreSQL gets the
// same statements with its names for raw bytes and generated keys.
//
//go:embed schema/*.sql
var schema embed.FS

var postgresSpelling = strings.NewReplacer(
	" BLOB", " BYTEA",
	"INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
)

// migrate brings the database to the newest schema with goose, which
// records the versions applied; on PostgreSQL concurrent hub processes
// migrate one at a time under goose's advisory lock.
func migrate(ctx context.Context, db *sql.DB, pg bool) error {
	dialect := goose.DialectSQLite3
	var opts []goose.ProviderOption
	if pg {
		dialect = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	steps, err := migrations(pg)
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(dialect, db, nil, append(opts, goose.WithGoMigrations(steps...))...)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// migrations are the schema files as goose migrations, each run in one
// transaction. There is no way down: a hub goes back by its backup.
func migrations(pg bool) ([]*goose.Migration, error) {
	files, err := fs.Glob(schema, "schema/*.sql")
	if err != nil {
		return nil, err
	}
	var out []*goose.Migration
	for _, f := range files {
		num, _, _ := strings.Cut(strings.TrimPrefix(f, "schema/"), "_")
		version, err := strconv.ParseInt(num, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("store: migration %s: no version number", f)
		}
		body, err := fs.ReadFile(schema, f)
		if err != nil {
			return nil, err
		}
		stmts := string(body)
		if pg {
			stmts = postgresSpelling.Replace(stmts)
		}
		out = append(out, goose.NewGoMigration(version, &goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, stmts)
			return err
		}}, nil))
	}
	return out, nil
}
