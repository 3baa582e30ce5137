package exchange

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"caiji/domain"
	"caiji/domain/domaintest"
)

// idNumber is the i-th of a run of valid mainland ID numbers.
func idNumber(i int) string {
	s := fmt.Sprintf("11010819900101%03d", i)
	return s + string(domain.IDCheckDigit(s))
}

// BenchmarkStationToStation measures the whole way of n records with
// their images: a kiosk's export from its database, and the review
// station's import (verify, then pre-audit and photo checks of every
// version and its images, stored in one transaction). It reports the time
// per record each way and the heap still live after the import, which
// does not grow with n (both sides hold one record at a time). The
// fixture's candidates share their images, so the import reads each
// distinct image once (the judge keeps facts by digest); a day of real
// candidates costs one photo check per image more.
//
//	go test -run '^$' -bench StationToStation -benchtime 1x ./exchange/
func BenchmarkStationToStation(b *testing.B) {
	for _, n := range []int{10, 40} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				kiosk, review := benchStations(b, n)
				dir := b.TempDir()
				b.StartTimer()
				start := time.Now()
				res, err := Export(ctx, kiosk.Store, kiosk.Keys, dir, ExportOptions{})
				if err != nil || res.Packages[0].Items != n {
					b.Fatal(res, err)
				}
				exported := time.Since(start)
				start = time.Now()
				in, err := Open(ctx, review.Store, review.Keys, res.Packages[0].Path, nil)
				if err != nil {
					b.Fatal(err)
				}
				sum, err := in.Import(ctx, review.Store, domaintest.Catalog(b), true, nil)
				in.Close()
				if err != nil || sum.New != n {
					b.Fatal(sum, err)
				}
				imported := time.Since(start)
				b.StopTimer()
				runtime.GC()
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				b.ReportMetric(float64(exported.Milliseconds())/float64(n), "export-ms/record")
				b.ReportMetric(float64(imported.Milliseconds())/float64(n), "import-ms/record")
				b.ReportMetric(float64(res.Packages[0].Size)/float64(n)/1e6, "MB/record")
				b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "live-heap-MiB")
			}
		})
	}
}

// benchStations is a kiosk where n candidates submitted, set to encrypt to
// the review station.
func benchStations(tb testing.TB, n int) (kiosk, review *station) {
	kiosk, review = newKiosk(tb), newReview(tb, "110108")
	if err := kiosk.Store.SetRecipient(ctx, review.Keys.Recipient(), []string{"110108"}); err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		kiosk.submitted(idNumber(i), fmt.Sprintf("139%08d", i))
	}
	return kiosk, review
}
