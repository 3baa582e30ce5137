package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"caiji/caijipkg"
	"caiji/storage"
	"caiji/syncer"
)

// stationMain runs `caiji station connect`: a kiosk or review station
// spends the one-time code the hub's administrator gave (`caiji-hub station
// add`) and from then on signs its requests with its own key.
func stationMain(args []string, _ io.Reader, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "connect" {
		return errors.New("usage: caiji station connect [-data DIR] -hub https://… -code CODE [-ca FILE]")
	}
	fs := flag.NewFlagSet("station connect", flag.ContinueOnError)
	dataDir := fs.String("data", "", "data folder (default: the per-user application data folder)")
	hub := fs.String("hub", "", "the hub's address, https://…")
	code := fs.String("code", "", "the one-time enrolment code from the hub's administrator")
	ca := fs.String("ca", syncer.ShippedCA(), "a CA certificate file (PEM) the hub's certificate is verified with, besides the system's")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *hub == "" || strings.TrimSpace(*code) == "" {
		return errors.New("-hub and -code are required")
	}
	dir, err := dataFolder(*dataDir)
	if err != nil {
		return err
	}
	store, err := storage.Open(dir)
	if err != nil {
		return err
	}
	defer store.Close()
	keys, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		return err
	}
	conf, err := syncer.TLSConfig(*ca)
	if err != nil {
		return err
	}
	st, err := syncer.Connect(context.Background(), store, keys, conf, *hub, strings.TrimSpace(*code))
	if errors.Is(err, storage.ErrWrongStationKind) {
		return errors.New("这台电脑是考生电脑或与注册码的站点类型不符：先运行 caiji kiosk init 或 caiji admin init。" +
			"This is a candidate's PC, or the code is for another kind of station: run caiji kiosk init or caiji admin init first")
	}
	var he *syncer.HubError
	if errors.As(err, &he) {
		return fmt.Errorf("%s %s", he.Body.Zh, he.Body.En)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已连接中心，站点 %s（%s）%s。Connected to the hub as %s (%s).\n", st.Name, st.Kind, strings.Join(st.Departments, " "), st.Name, st.Kind)
	return nil
}
