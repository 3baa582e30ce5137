package caijipkg

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkExportImport exports n complete records (a 295×413 photo and
// three scans of about 150, 250 and 350 KB each, unique per record) to a
// package file and imports it (Verify, then Walk). It reports both times,
// the file's size, and each direction's peak heap above what was live
// before it: the figures that must not grow with n.
func BenchmarkExportImport(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) { benchExportImport(b, n) })
	}
}

// benchImages are the base images; each record gets its own variant.
func benchImages() [][]byte {
	return [][]byte{
		noiseJPEG(295, 413, 1, 80),
		noiseJPEG(600, 800, 2, 75),
		noiseJPEG(750, 1000, 3, 78),
		noiseJPEG(900, 1100, 4, 80),
	}
}

// variant is base with a JPEG comment naming record r spliced in after the
// SOI marker: still a valid JPEG, with its own SHA-256, streamed without
// being assembled in memory, as a store streams an attachment.
func variant(base []byte, r int) (prefix []byte, rest []byte) {
	c := fmt.Appendf(nil, "record %06d", r)
	return append([]byte{0xff, 0xd8, 0xff, 0xfe, 0, byte(len(c) + 2)}, c...), base[2:]
}

func benchExportImport(b *testing.B, n int) {
	kiosk, dept := newTestStation(b), newTestStation(b)
	images := benchImages()
	// The store knows each attachment's SHA-256; compute them before timing.
	sums := make([][]string, n)
	for r := range n {
		for _, img := range images {
			p, rest := variant(img, r)
			h := sha256.New()
			h.Write(p)
			h.Write(rest)
			sums[r] = append(sums[r], hex.EncodeToString(h.Sum(nil)))
		}
	}
	item := func(r int) Item {
		var sources []BlobSource
		for j, img := range images {
			p, rest := variant(img, r)
			sources = append(sources, BlobSource{SHA256: sums[r][j], Size: int64(len(p) + len(rest)),
				Open: func() (io.ReadCloser, error) {
					return io.NopCloser(io.MultiReader(bytes.NewReader(p), bytes.NewReader(rest))), nil
				}})
		}
		it, err := VersionItem(candidateVersion(b, kiosk.uuid, r, sums[r]), sources)
		if err != nil {
			b.Fatal(err)
		}
		return it
	}
	path := filepath.Join(b.TempDir(), "export.caiji")

	var exportTime, importTime time.Duration
	var exportPeak, importPeak uint64
	var exportRetained, importRetained uint64
	var size int64
	b.ResetTimer()
	for b.Loop() {
		exportBase := liveHeap()
		start, peak := time.Now(), watchHeap()
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		bw := bufio.NewWriterSize(f, 256<<10)
		w, err := NewWriter(bw, dept.keys.Identity.Recipient(), kiosk.uuid, kiosk.keys, WriteOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for r := range n {
			if err := w.Add(item(r)); err != nil {
				b.Fatal(err)
			}
			exportRetained = max(exportRetained, retainedAt(r, n, exportBase))
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		if err := bw.Flush(); err != nil {
			b.Fatal(err)
		}
		size, _ = f.Seek(0, io.SeekCurrent)
		exportTime += time.Since(start)
		exportPeak = max(exportPeak, peak())

		importBase := liveHeap()
		start, peak = time.Now(), watchHeap()
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			b.Fatal(err)
		}
		v, err := Verify(f, dept.keys.Identity, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		items := 0
		if err := v.Walk(func(e *Entry) error {
			importRetained = max(importRetained, retainedAt(items, n, importBase))
			runtime.KeepAlive(e) // the item in hand counts as retained
			items++
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if items != n {
			b.Fatalf("imported %d of %d", items, n)
		}
		importTime += time.Since(start)
		importPeak = max(importPeak, peak())
		f.Close()
		os.Remove(path)
	}
	loops := float64(b.N)
	b.ReportMetric(exportTime.Seconds()/loops, "export-s")
	b.ReportMetric(importTime.Seconds()/loops, "import-s")
	b.ReportMetric(float64(size)/1e6, "file-MB")
	b.ReportMetric(float64(exportRetained)/(1<<20), "export-retained-MiB")
	b.ReportMetric(float64(exportPeak)/(1<<20), "export-heap-MiB")
	b.ReportMetric(float64(importRetained)/(1<<20), "import-retained-MiB")
	b.ReportMetric(float64(importPeak)/(1<<20), "import-heap-MiB")
}

// retainedAt measures, at ten evenly spaced items of n, the heap still
// reachable after a full collection, above base: what the code holds on to
// while it works. The same ten checkpoints for any n, so the figures for 100
// and 1,000 records compare like with like.
func retainedAt(i, n int, base uint64) uint64 {
	if i%max(n/10, 1) != 0 {
		return 0
	}
	return max(liveHeap(), base) - base
}

// liveHeap is the heap reachable after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// watchHeap samples the heap's objects, live and not yet collected
// (runtime/metrics, no stop-the-world), every millisecond from now on, and
// returns a function that stops sampling and gives the peak above the heap
// at the start. Unlike the retained figure it depends on when the collector
// runs, so it varies from run to run.
func watchHeap() func() uint64 {
	base := liveHeap()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak.Store(max(peak.Load(), sample[0].Value.Uint64()))
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		return max(peak.Load(), base) - base
	}
}
