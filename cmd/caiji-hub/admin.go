package main

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"caiji/domain"
	"caiji/hub"
	"caiji/hub/store"

	"github.com/google/uuid"
)

// parse parses a command's flags, adding the database flags.
func parse(name string, args []string, define func(fs *flag.FlagSet)) (dbFlags, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	if define != nil {
		define(fs)
	}
	db := addDBFlags(fs)
	return db, fs.Parse(args)
}

// withStore opens the database for one administration command.
func withStore(ctx context.Context, db dbFlags, fn func(*store.Store) error) error {
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

// oneTimeCode is a random enrolment code, 16 letters and digits in groups
// of four, easy to read out over the phone.
func oneTimeCode() string {
	b := make([]byte, 10)
	rand.Read(b)
	s := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
	return s[:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:16]
}

func stationAdd(ctx context.Context, args []string, out io.Writer) error {
	var name, kind, depts *string
	var ttl *time.Duration
	db, err := parse("station add", args, func(fs *flag.FlagSet) {
		name = fs.String("name", "", "the station's display `NAME` (e.g. 南山考点 3 号机)")
		kind = fs.String("kind", "", "kiosk or review")
		depts = fs.String("departments", "", "comma-separated department `CODES` a review station decides for")
		ttl = fs.Duration("code-ttl", 7*24*time.Hour, "how long the one-time code stays valid")
	})
	if err != nil {
		return err
	}
	if *name == "" || (*kind != store.Kiosk && *kind != store.Review) {
		return errors.New("station add needs -name and -kind kiosk|review")
	}
	var ds []string
	for _, d := range strings.Split(*depts, ",") {
		if d = strings.TrimSpace(d); d != "" {
			ds = append(ds, d)
		}
	}
	if (*kind == store.Review) != (len(ds) > 0) {
		return errors.New("a review station needs -departments; a kiosk takes none")
	}
	if err := domain.CheckDepartments(ds); err != nil {
		return fmt.Errorf("-departments %q: %w", *depts, err)
	}
	code := oneTimeCode()
	now := time.Now()
	st := store.Station{UUID: uuid.NewString(), Name: *name, Kind: *kind, Departments: ds, CreatedAt: now}
	return withStore(ctx, db, func(s *store.Store) error {
		if err := s.AddStation(ctx, st, hub.EnrolCodeHash(code), now.Add(*ttl)); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("unknown department in %q: add it first with `caiji-hub department add`", *depts)
			}
			return err
		}
		fmt.Fprintf(out, "station %s (%s, %s)\none-time enrolment code: %s\nvalid until %s; it works once.\n",
			st.UUID, st.Name, st.Kind, code, now.Add(*ttl).Format(time.RFC3339))
		fmt.Fprintln(out, "Give the code to the station's operator: the station enrols with it once, with its own key:")
		fmt.Fprintf(out, "  caiji station connect -hub https://<this hub's address> -code %s [-ca hub-ca.pem]\n", code)
		fmt.Fprintln(out, "(or 连接中心 on the staff's 同步 tab).")
		return nil
	})
}

func stationList(ctx context.Context, args []string, out io.Writer) error {
	db, err := parse("station list", args, nil)
	if err != nil {
		return err
	}
	return withStore(ctx, db, func(s *store.Store) error {
		sts, err := s.Stations(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "UUID\tNAME\tKIND\tDEPARTMENTS\tSTATE")
		for _, st := range sts {
			state := "enrolled"
			switch {
			case st.Disabled:
				state = "disabled"
			case st.PublicKey == nil:
				state = "waiting for enrolment"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", st.UUID, st.Name, st.Kind, strings.Join(st.Departments, ","), state)
		}
		return w.Flush()
	})
}

func stationDisable(ctx context.Context, args []string, out io.Writer) error {
	var id *string
	db, err := parse("station disable", args, func(fs *flag.FlagSet) { id = fs.String("uuid", "", "the station's `UUID`") })
	if err != nil {
		return err
	}
	return withStore(ctx, db, func(s *store.Store) error {
		if err := s.DisableStation(ctx, *id, time.Now()); err != nil {
			return fmt.Errorf("station %q: %w", *id, err)
		}
		fmt.Fprintln(out, "station disabled; its requests are refused from now on")
		return nil
	})
}

// personList prints persons with their ID numbers masked: the full number
// is personal data an administrator's screen does not need.
func personList(ctx context.Context, args []string, out io.Writer) error {
	db, err := parse("person list", args, nil)
	if err != nil {
		return err
	}
	return withStore(ctx, db, func(s *store.Store) error {
		ps, err := s.Persons(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "UUID\tID NUMBER\tNAME\tREGISTERED\tSTATE")
		for _, p := range ps {
			state := "active"
			if p.Disabled {
				state = "disabled"
			} else if p.LockedUntil.After(time.Now()) {
				state = "locked until " + p.LockedUntil.Format(time.DateTime)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", p.UUID, domain.MaskIDNumber(p.IDNumber), p.Name, p.CreatedAt.Format(time.DateOnly), state)
		}
		return w.Flush()
	})
}

func personDisable(ctx context.Context, args []string, out io.Writer) error {
	var id *string
	db, err := parse("person disable", args, func(fs *flag.FlagSet) { id = fs.String("uuid", "", "the person's `UUID`") })
	if err != nil {
		return err
	}
	return withStore(ctx, db, func(s *store.Store) error {
		if err := s.DisablePerson(ctx, *id, time.Now()); err != nil {
			return fmt.Errorf("person %q: %w", *id, err)
		}
		fmt.Fprintln(out, "person disabled; every token of theirs is revoked")
		return nil
	})
}

// personResetPassword sets a random temporary password that meets the
// password policy, prints it once, and revokes the person's tokens.
func personResetPassword(ctx context.Context, args []string, out io.Writer) error {
	var id *string
	db, err := parse("person reset-password", args, func(fs *flag.FlagSet) { id = fs.String("uuid", "", "the person's `UUID`") })
	if err != nil {
		return err
	}
	return withStore(ctx, db, func(s *store.Store) error {
		p, err := s.Person(ctx, *id)
		if err != nil {
			return fmt.Errorf("person %q: %w", *id, err)
		}
		pw := temporaryPassword(p.IDNumber, p.Phone)
		hash, err := domain.HashPassword(pw)
		if err != nil {
			return err
		}
		if err := s.ResetPassword(ctx, p.UUID, hash, time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(out, "temporary password: %s\nevery token of this person is revoked; their stations must sign in again.\n", pw)
		return nil
	})
}

func temporaryPassword(idNumber, phone string) string {
	for {
		b := make([]byte, 9)
		rand.Read(b)
		pw := base32.StdEncoding.EncodeToString(b)[:6] + strings.ToLower(base32.StdEncoding.EncodeToString(b)[6:12]) + "-7"
		if domain.CheckPassword(pw, idNumber, phone) == nil {
			return pw
		}
	}
}

func departmentAdd(ctx context.Context, args []string, out io.Writer) error {
	var code, name *string
	db, err := parse("department add", args, func(fs *flag.FlagSet) {
		code = fs.String("code", "", "the division `CODE` of the department (e.g. 440305)")
		name = fs.String("name", "", "its `NAME` (e.g. 深圳市南山区财政局)")
	})
	if err != nil {
		return err
	}
	if *code == "" || *name == "" {
		return errors.New("department add needs -code and -name")
	}
	if err := domain.CheckDepartments([]string{*code}); err != nil {
		return fmt.Errorf("-code %q: %w", *code, err)
	}
	return withStore(ctx, db, func(s *store.Store) error {
		return s.PutDepartment(ctx, store.Department{Code: *code, Name: *name})
	})
}

func departmentList(ctx context.Context, args []string, out io.Writer) error {
	db, err := parse("department list", args, nil)
	if err != nil {
		return err
	}
	return withStore(ctx, db, func(s *store.Store) error {
		ds, err := s.Departments(ctx)
		if err != nil {
			return err
		}
		for _, d := range ds {
			fmt.Fprintf(out, "%s\t%s\n", d.Code, d.Name)
		}
		return nil
	})
}

// backup writes an online copy of the SQLite database; PostgreSQL is backed
// up with its own tool.
func backup(ctx context.Context, args []string, out io.Writer) error {
	var to *string
	db, err := parse("backup", args, func(fs *flag.FlagSet) { to = fs.String("to", "", "the backup `FILE` (must not exist)") })
	if err != nil {
		return err
	}
	if *db.postgres != "" {
		return errors.New("back up PostgreSQL with: pg_dump --format=custom --file=hub.dump URL (restore with pg_restore into an empty database)")
	}
	if *to == "" {
		return errors.New("backup needs -to FILE")
	}
	return withStore(ctx, db, func(s *store.Store) error {
		if err := s.Backup(ctx, *to); err != nil {
			return err
		}
		fmt.Fprintln(out, "backup written to", *to)
		return nil
	})
}
