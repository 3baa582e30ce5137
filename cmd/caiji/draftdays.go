package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	"caiji/storage"
)

// kioskDraftDays runs `caiji kiosk draft-days N`: how many days the kiosk
// keeps a draft never submitted before deleting it. The staff member signs
// in with their ID number and password, so storage checks, as for any
// screen, that the account is this station's staff.
func kioskDraftDays(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("kiosk draft-days", flag.ContinueOnError)
	dataDir := fs.String("data", "", "data folder (default: the per-user application data folder)")
	id := fs.String("id", "", "the staff member's 居民身份证 number")
	if err := fs.Parse(args); err != nil {
		return err
	}
	days, err := strconv.Atoi(fs.Arg(0))
	if fs.NArg() != 1 || *id == "" || err != nil {
		return errors.New("usage: caiji kiosk draft-days [-data DIR] -id ID-NUMBER DAYS (1–365)")
	}
	dir, err := dataFolder(*dataDir)
	if err != nil {
		return err
	}
	password, err := readPassword(bufio.NewReader(stdin), stdin, stdout, "密码 Password: ")
	if err != nil {
		return err
	}
	store, err := storage.Open(dir)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := context.Background()
	if info, err := store.StationInfo(ctx); err != nil || info.Kind != storage.StationKiosk {
		return errors.Join(err, errors.New("这台电脑不是考点终端（caiji kiosk init）。This is not a kiosk (caiji kiosk init)"))
	}
	in, err := store.Login(ctx, *id, password)
	if err != nil {
		return err
	}
	defer store.SignOut(in.Session)
	if err := store.SetDraftDays(ctx, in.Session, days); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "未提交的草稿保留 %d 天。Drafts never submitted are kept %d days.\n", days, days)
	return nil
}
