// Command caiji-load measures a hub on this machine: many simulated
// stations upload complete records (a 295×413 photo and ten 100–400 KB
// scans, real JPEGs) over HTTPS, drop connections at random and resend,
// against caiji-hub on SQLite, on PostgreSQL with 1, 2 and 4 hub processes,
// and against a bare HTTPS sink that reads the same bytes and discards them
// (the ceiling of this machine). It then checks that exactly one version
// per (record, version) was stored and every blob hashes to its name, and
// prints one table row per configuration.
//
//	go run ./cmd/caiji-load -stations 8 -records 64 -drop 0.05
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	sink := flag.Bool("sink", false, "serve as the bare HTTPS sink (started by caiji-load itself)")
	stations := flag.Int("stations", 8, "simulated stations uploading at once")
	records := flag.Int("records", 48, "records uploaded in each configuration")
	drop := flag.Float64("drop", 0.05, "chance that a request's connection is dropped mid-body and the request sent again")
	configs := flag.String("configs", "sink,sqlite,pg1,pg2,pg4", "configurations to run, comma-separated")
	hubBin := flag.String("hub", "", "caiji-hub binary (built from ./cmd/caiji-hub when empty)")
	profile := flag.String("cpuprofile", "", "write the CPU profile of the (first) hub process of each configuration to FILE-CONFIG")
	flag.Parse()
	if *sink {
		if err := serveSink(); err != nil {
			fmt.Fprintln(os.Stderr, "caiji-load sink:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*stations, *records, *drop, strings.Split(*configs, ","), *hubBin, *profile); err != nil {
		fmt.Fprintln(os.Stderr, "caiji-load:", err)
		os.Exit(1)
	}
}

func run(stations, records int, drop float64, configs []string, hubBin, profile string) error {
	work, err := os.MkdirTemp("", "caiji-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if hubBin == "" {
		hubBin = filepath.Join(work, "caiji-hub")
		if out, err := exec.Command("go", "build", "-o", hubBin, "./cmd/caiji-hub").CombinedOutput(); err != nil {
			return fmt.Errorf("build caiji-hub: %v\n%s", err, out)
		}
	}
	fmt.Fprintf(os.Stderr, "generating %d records (11 JPEGs each)…\n", records)
	set, err := newWorkload(records, stations)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d records, %.1f MB\n", records, float64(set.bytes)/1e6)
	l := &loader{work: work, hubBin: hubBin, set: set, stations: stations, drop: drop, profile: profile}
	var rows []*result
	var sinkRate float64
	for _, c := range configs {
		fmt.Fprintf(os.Stderr, "== %s\n", c)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
		res, err := l.runConfig(ctx, strings.TrimSpace(c))
		cancel()
		if err != nil {
			return fmt.Errorf("%s: %w", c, err)
		}
		if res.name == "sink" {
			sinkRate = res.mbPerSec()
		}
		rows = append(rows, res)
	}
	printTable(os.Stdout, rows, sinkRate, stations, records, drop)
	return nil
}
