package main

import (
	"io/fs"

	"caiji/assets"
	"caiji/domain"
	"caiji/hub/hubtest"
	"caiji/wire"
)

// workload is the records every configuration uploads: record i belongs to
// station (and person) i mod stations.
type workload struct {
	recs  []*hubtest.Record
	vers  []*wire.Version
	bytes int64 // every blob and version body, once
}

// scanSizes are the ten scans of a record: 100–400 KB, as candidates'
// phone scans are after the app has shrunk them.
var scanSizes = [10]int{100_000, 133_000, 166_000, 200_000, 233_000, 266_000, 300_000, 333_000, 366_000, 400_000}

func newWorkload(n, stations int) (*workload, error) {
	data, err := fs.Sub(assets.Data, "data")
	if err != nil {
		return nil, err
	}
	cat, err := domain.LoadCatalog(data)
	if err != nil {
		return nil, err
	}
	var base [10][]byte
	for i, size := range scanSizes {
		base[i] = hubtest.Scan(uint64(i), size)
	}
	w := &workload{}
	for i := range n {
		p := hubtest.Person(i % stations)
		r := hubtest.NewRecord(p, "110108", uint64(i), func(seed uint64, j int) []byte {
			return hubtest.Variant(base[j], seed)
		}, cat.Photo)
		v := r.Submit(1, 0, p, stationUUID(i%stations), false)
		w.recs, w.vers = append(w.recs, r), append(w.vers, v)
		for _, b := range r.Blobs {
			w.bytes += int64(len(b))
		}
		w.bytes += int64(len(v.Document))
	}
	return w, nil
}
