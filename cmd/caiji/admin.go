package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"caiji/domain"
	"caiji/storage"

	"golang.org/x/term"
)

// adminMain runs `caiji admin init`: it turns a database into a review
// station and creates its administrator, asking for the password in the
// terminal. This is deliberately not possible from any screen.
func adminMain(args []string, stdin io.Reader, stdout io.Writer) error {
	return initStation("admin", args, stdin, stdout, (*storage.Store).InitAdmin,
		"审核站已设置，管理员 %s（%s）。Review station ready; log in as the administrator to add reviewers.\n")
}

// kioskMain runs `caiji kiosk init`: it makes the database a kiosk (a
// candidate station shared by strangers, which forgets each candidate once
// the hub has their submission) and creates its staff account.
func kioskMain(args []string, stdin io.Reader, stdout io.Writer) error {
	return initStation("kiosk", args, stdin, stdout, (*storage.Store).InitKiosk,
		"考点终端已设置，工作人员 %s（%s）。Kiosk ready; connect it to the hub with: caiji station connect -hub https://… -code CODE\n")
}

// initStation asks for the staff account of a new station (`caiji NAME
// init`) and creates it with create.
func initStation(name string, args []string, stdin io.Reader, stdout io.Writer,
	create func(*storage.Store, context.Context, domain.Registration) (storage.Account, error), done string) error {
	if len(args) == 0 || args[0] != "init" {
		return fmt.Errorf("usage: caiji %s init [-data DIR] [-id ID-NUMBER] [-name NAME]", name)
	}
	fs := flag.NewFlagSet(name+" init", flag.ContinueOnError)
	dataDir := fs.String("data", "", "data folder (default: the per-user application data folder)")
	id := fs.String("id", "", "the staff member's 居民身份证 number")
	fullName := fs.String("name", "", "the staff member's name")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	dir, err := dataFolder(*dataDir)
	if err != nil {
		return err
	}
	in := bufio.NewReader(stdin)
	ask := func(prompt, value string) string {
		if value != "" {
			return value
		}
		fmt.Fprint(stdout, prompt)
		line, _ := in.ReadString('\n')
		return strings.TrimSpace(line)
	}
	reg := domain.Registration{IDType: domain.IDMainland}
	reg.IDNumber = ask("证件号码 ID number: ", *id)
	reg.Name = ask("姓名 Name: ", *fullName)
	if reg.Password, err = readPassword(in, stdin, stdout, "密码 Password: "); err != nil {
		return err
	}
	if reg.Confirm, err = readPassword(in, stdin, stdout, "确认密码 Confirm: "); err != nil {
		return err
	}
	store, err := storage.Open(dir)
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := create(store, context.Background(), reg)
	var inv *storage.InvalidError
	if errors.As(err, &inv) {
		for _, p := range inv.Problems {
			fmt.Fprintf(stdout, "%s: %s\n", p.Field, p.Msg.Zh)
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, done, a.Name, domain.MaskIDNumber(a.IDNumber))
	return nil
}

// readPassword reads a password without echo from a terminal, or a line
// from a pipe (for scripted set-ups).
func readPassword(in *bufio.Reader, stdin io.Reader, stdout io.Writer, prompt string) (string, error) {
	fmt.Fprint(stdout, prompt)
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stdout)
		return string(b), err
	}
	line, err := in.ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("no password given")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// dataFolder is the -data flag or the default folder.
func dataFolder(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return storage.DefaultDir()
}
