// Command caiji-hub is the server stations sync with (docs/sync.md), and
// its administration: stations, persons, departments, backups and the
// signed reference data, all from the command line.
//
//	caiji-hub serve -listen ADDR -tls-cert FILE -tls-key FILE -db FILE | -postgres URL
//	caiji-hub station add -name NAME -kind kiosk|review [-departments 440305,440300]
//	caiji-hub station list | station disable -uuid UUID
//	caiji-hub person list | person disable -uuid UUID | person reset-password -uuid UUID
//	caiji-hub department add -code CODE -name NAME | department list
//	caiji-hub backup -to FILE
//	caiji-hub refdata keygen -out FILE | refdata sign … | refdata publish …
//	caiji-hub devcert -dir DIR [-host 127.0.0.1]
//
// Every command that touches the database takes -db FILE (SQLite, the
// default hub.db) or -postgres URL.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"caiji/hub/store"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "caiji-hub:", err)
		}
		os.Exit(2)
	}
}

// command is one subcommand: it parses its own flags from args.
type command func(ctx context.Context, args []string, out io.Writer) error

func run(ctx context.Context, args []string, out, errOut io.Writer) error {
	commands := map[string]command{
		"serve":      serve,
		"station":    group(map[string]command{"add": stationAdd, "list": stationList, "disable": stationDisable}),
		"person":     group(map[string]command{"list": personList, "disable": personDisable, "reset-password": personResetPassword}),
		"department": group(map[string]command{"add": departmentAdd, "list": departmentList}),
		"backup":     backup,
		"refdata":    group(map[string]command{"keygen": refdataKeygen, "sign": refdataSign, "publish": refdataPublish, "verify": refdataVerify}),
		"devcert":    devcert,
	}
	if len(args) == 0 || commands[args[0]] == nil {
		fmt.Fprintln(errOut, "usage: caiji-hub serve|station|person|department|backup|refdata|devcert …  (-h after a command for its flags)")
		return errors.New("no such command")
	}
	return commands[args[0]](ctx, args[1:], out)
}

func group(sub map[string]command) command {
	return func(ctx context.Context, args []string, out io.Writer) error {
		if len(args) == 0 || sub[args[0]] == nil {
			var names []string
			for n := range sub {
				names = append(names, n)
			}
			return fmt.Errorf("expected one of: %s", strings.Join(names, ", "))
		}
		return sub[args[0]](ctx, args[1:], out)
	}
}

// dbFlags adds -db and -postgres to a command's flags.
type dbFlags struct {
	file     *string
	postgres *string
}

func addDBFlags(fs *flag.FlagSet) dbFlags {
	return dbFlags{
		file:     fs.String("db", "hub.db", "embedded SQLite database `FILE`"),
		postgres: fs.String("postgres", "", "PostgreSQL `URL` (postgres://user@host/db); overrides -db"),
	}
}

func (d dbFlags) open(ctx context.Context) (*store.Store, error) {
	if *d.postgres != "" {
		return store.OpenPostgres(ctx, *d.postgres)
	}
	return store.OpenSQLite(ctx, *d.file)
}
