package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// result is one configuration's figures.
type result struct {
	name             string
	procs            int
	versions         int
	bytes            int64
	elapsed          time.Duration
	latencies        []time.Duration
	retries          int
	hubCPU, totalCPU float64 // seconds
}

func (r *result) mbPerSec() float64 { return float64(r.bytes) / 1e6 / r.elapsed.Seconds() }

func (r *result) percentile(p float64) time.Duration {
	s := slices.Clone(r.latencies)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func printTable(w io.Writer, rows []*result, sinkMB float64, stations, records int, drop float64) {
	fmt.Fprintf(w, "%d stations, %d records of 11 JPEGs (295×413 photo + ten 100–400 KB scans), %.0f%% of requests dropped mid-body and resent\n\n", stations, records, drop*100)
	fmt.Fprintln(w, "| configuration | versions/s | MB/s | p50 | p99 | resent | hub CPU-s/version | machine CPU-s/version | hub ÷ sink |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		ratio := "—"
		if sinkMB > 0 && r.name != "sink" {
			ratio = fmt.Sprintf("%.2f", r.mbPerSec()/sinkMB)
		}
		hub := fmt.Sprintf("%.3f", r.hubCPU/float64(r.versions))
		if r.name == "sink" {
			hub = fmt.Sprintf("%.3f (sink)", r.hubCPU/float64(r.versions))
		}
		fmt.Fprintf(w, "| %s | %.2f | %.1f | %v | %v | %d | %s | %.3f | %s |\n", label(r), float64(r.versions)/r.elapsed.Seconds(), r.mbPerSec(),
			r.percentile(0.5).Round(time.Millisecond), r.percentile(0.99).Round(time.Millisecond), r.retries, hub, r.totalCPU/float64(r.versions), ratio)
	}
}

func label(r *result) string {
	switch {
	case r.name == "sink":
		return "bare HTTPS sink"
	case r.name == "sqlite":
		return "hub, SQLite"
	}
	return fmt.Sprintf("hub ×%d, PostgreSQL", r.procs)
}

// procCPU is the CPU time (user + system, seconds) the processes used.
func procCPU(pids []int) float64 {
	total := 0.0
	for _, pid := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		// Fields after the command name (which may hold spaces) start at ")".
		f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
		utime, _ := strconv.ParseFloat(f[11], 64)
		stime, _ := strconv.ParseFloat(f[12], 64)
		total += (utime + stime) / 100 // USER_HZ is 100 on Linux
	}
	return total
}

// systemCPU is the busy CPU time of the whole machine (seconds): the hub,
// PostgreSQL, the load generator and anything else running.
func systemCPU() float64 {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])
	busy := 0.0
	for i, v := range f[1:] {
		if i == 3 || i == 4 || i >= 8 { // idle, iowait; guest time is inside user already
			continue
		}
		n, _ := strconv.ParseFloat(v, 64)
		busy += n
	}
	return busy / 100
}

func jsonBody(v any) ([]byte, error) { return json.Marshal(v) }
