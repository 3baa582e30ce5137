package report

import (
	"bytes"
	"testing"

	"caiji/domain/domaintest"
)

// BenchmarkSheet makes the PDF of a complete record (two education rows,
// a qualification, a job with an accounting post, the photo and a
// rejection with reasons); pdf-bytes is the document's size.
func BenchmarkSheet(b *testing.B) {
	rec, photo := fullRecord(b)
	cat := domaintest.Catalog(b)
	for _, lang := range []string{"zh", "en"} {
		b.Run(lang, func(b *testing.B) {
			s := sheetFor(b, rec, photo, lang)
			var out bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				if err := Write(&out, s, cat); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len()), "pdf-bytes")
		})
	}
}
