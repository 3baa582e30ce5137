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
	if len(args) == 0 || args[0] != "init" {
		return errors.New("usage: caiji admin init [-data DIR] [-id ID-NUMBER] [-name NAME]")
	}
	fs := flag.NewFlagSet("admin init", flag.ContinueOnError)
	dataDir := fs.String("data", "", "data folder (default: the per-user application data folder)")
	id := fs.String("id", "", "the administrator's 居民身份证 number")
	name := fs.String("name", "", "the administrator's name")
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
	reg.Name = ask("姓名 Name: ", *name)
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
	a, err := store.InitAdmin(context.Background(), reg)
	var inv *storage.InvalidError
	if errors.As(err, &inv) {
		for _, p := range inv.Problems {
			fmt.Fprintf(stdout, "%s: %s\n", p.Field, p.Msg.Zh)
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "审核站已设置，管理员 %s（%s）。Review station ready; log in as the administrator to add reviewers.\n", a.Name, domain.MaskIDNumber(a.IDNumber))
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
