package main

import (
	"context"
	"flag"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"caiji/assets"
	"caiji/domain"
	"caiji/hub"
)

// serve runs the hub until SIGINT or SIGTERM, then finishes the requests in
// flight and exits.
func serve(ctx context.Context, args []string, _ io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	listen := fl.String("listen", "127.0.0.1:8443", "`ADDR` to listen on")
	cert := fl.String("tls-cert", "", "TLS certificate `FILE` (PEM, full chain)")
	key := fl.String("tls-key", "", "TLS private key `FILE` (PEM)")
	insecure := fl.Bool("insecure-loopback", false, "serve plain HTTP (only on a loopback address, for tests)")
	readTimeout := fl.Duration("read-timeout", time.Minute, "longest time to read one request with its body")
	reqTimeout := fl.Duration("request-timeout", 30*time.Second, "longest time to answer one request once read")
	rate := fl.Float64("rate", 50, "requests per second per credential")
	burst := fl.Int("burst", 100, "burst of requests per credential")
	connsPerAddr := fl.Int("max-conns-per-addr", hub.DefaultMaxConnsPerAddr, "connections one remote address may hold at once (-1: no limit, behind a proxy)")
	tokenTTL := fl.Duration("token-ttl", 90*24*time.Hour, "how long a person's token stays valid")
	logLevel := fl.String("log-level", "info", "debug, info, warn or error")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile to `FILE` until the hub stops (where the time goes)")
	db := addDBFlags(fl)
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	data, err := fs.Sub(assets.Data, "data")
	if err != nil {
		return err
	}
	cat, err := domain.LoadCatalog(data)
	if err != nil {
		return err
	}
	srv := hub.New(st, cat, log, hub.Config{RequestTimeout: *reqTimeout, Rate: *rate, Burst: *burst, TokenTTL: *tokenTTL})
	return hub.Serve(ctx, hub.Listen{Addr: *listen, CertFile: *cert, KeyFile: *key, InsecureLoopback: *insecure, ReadTimeout: *readTimeout,
		MaxConnsPerAddr: *connsPerAddr},
		srv.Handler(), log, nil)
}
