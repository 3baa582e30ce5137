package syncer

import (
	"fmt"
	"testing"

	"caiji/hub/hubtest"
	"caiji/syncer/synctest"
)

// BenchmarkSendRecord measures one complete submitted record (11 real
// images) going from a home PC's outbox to a hub on loopback over TLS:
// HEAD and PUT of each image, then the version and its receipt. Each
// iteration is another candidate, so the hub checks every image anew.
func BenchmarkSendRecord(b *testing.B) {
	h := synctest.NewHub(b)
	h.Start()
	pc := newStation(b, h)
	var size int64
	for _, data := range synctest.Images {
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		id := hubtest.Person(i % 400).IDNumber
		me := pc.register(id, fmt.Sprintf("139%08d", i))
		if err := pc.W.SignIn(ctx, me, id, password); err != nil {
			b.Fatal(err)
		}
		pc.submit(me)
		b.StartTimer()
		pc.sync()
	}
}

// BenchmarkKioskPurge measures a kiosk forgetting one confirmed candidate
// (rows deleted, the database rewritten and its log truncated) while 20
// other candidates' records stay.
func BenchmarkKioskPurge(b *testing.B) {
	h := synctest.NewHub(b)
	h.Start()
	k := kioskStation(b, h)
	for i := range 20 {
		k.fillReal(k.register(hubtest.Person(400+i).IDNumber, fmt.Sprintf("137%08d", i)))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		k.submit(k.register(hubtest.Person(i%400).IDNumber, fmt.Sprintf("139%08d", i)))
		b.StartTimer()
		k.sync()
	}
}
