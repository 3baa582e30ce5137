package photo

import (
	"bytes"
	"image/jpeg"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"caiji/domain"
)

var (
	// phone12MP is a 4000×3000 phone JPEG, stored sideways with EXIF
	// orientation 6.
	phone12MP = sync.OnceValue(func() []byte {
		return withOrientation(encJPEG(sideways(portrait(3000, 4000, white, 12)), 92), 6)
	})
	// scan48MP is a 6000×8000 document scan.
	scan48MP = sync.OnceValue(func() []byte { return encJPEG(document(6000, 8000), 90) })
)

// peakHeap runs fn and returns the largest growth of live heap objects seen
// while it ran, sampled every 200 µs.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	peak := base
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		probe := []metrics.Sample{{Name: s[0].Name}}
		for {
			select {
			case <-done:
				return
			case <-time.After(200 * time.Microsecond):
				metrics.Read(probe)
				peak = max(peak, probe[0].Value.Uint64())
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak - base
}

// BenchmarkDecode12MP is the yardstick: jpeg.Decode alone of the phone photo.
func BenchmarkDecode12MP(b *testing.B) {
	data := phone12MP()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFixPhoto12MP is the whole fix of the same file: decode, EXIF
// orientation, crop, pre-shrink, Lanczos to 295×413, encode in the window,
// and the re-check. The target is at most 1.3× BenchmarkDecode12MP.
func BenchmarkFixPhoto12MP(b *testing.B) {
	data := phone12MP()
	b.SetBytes(int64(len(data)))
	fix := func() {
		if _, err := FixPhoto(data, nil, rules); err != nil {
			b.Fatal(err)
		}
	}
	peak := peakHeap(fix) // measured once, outside the timed loop
	for b.Loop() {
		fix()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkFixDocument48MP shrinks a 6000×8000 scan to ≤ 500 KB.
func BenchmarkFixDocument48MP(b *testing.B) {
	data := scan48MP()
	b.SetBytes(int64(len(data)))
	fix := func() {
		if _, err := FixDocument(data, domain.AttDiploma, rules); err != nil {
			b.Fatal(err)
		}
	}
	peak := peakHeap(fix)
	for b.Loop() {
		fix()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
