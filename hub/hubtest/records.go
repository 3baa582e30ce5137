package hubtest

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/domain/photo"
	"caiji/wire"

	"github.com/google/uuid"
)

// Person makes the k-th test person (0 ≤ k < 500): a valid mainland ID
// number (born 7 March 1990, male, as domaintest.ValidRecord expects) and a
// name.
func Person(k int) wire.Person {
	if k < 0 || k >= 500 {
		panic("hubtest.Person: k out of 0…499")
	}
	seq := fmt.Sprintf("%03d", 2*k+1)
	base := "11010119900307" + seq
	return wire.Person{IDType: string(domain.IDMainland), IDNumber: base + string(domain.IDCheckDigit(base)), Name: "张三"}
}

// Phone is the k-th test person's mobile number.
func Phone(k int) string { return fmt.Sprintf("138%08d", k) }

// Record is a complete record that passes the pre-audit, for a person and
// department county code (domaintest's record is in 110108 北京海淀; 110105
// 朝阳 is another), with real images.
type Record struct {
	Record *domain.Record
	Blobs  map[string][]byte // every attachment's bytes by digest
}

// SmallScans makes every scan about 24 KB, just over the rules' minimum:
// cheap records for the tests (the load tool sends 100–400 KB).
func SmallScans(seed uint64, i int) []byte { return Scan(seed*16+uint64(i), 24_000) }

// Variant is a copy of a JPEG with a comment segment holding tag: the same
// picture under another digest, so many records can share generated scans
// without sharing blobs.
func Variant(jpeg []byte, tag uint64) []byte {
	com := []byte{0xFF, 0xFE, 0x00, 0x0A}
	com = binary.BigEndian.AppendUint64(com, tag)
	return slices.Concat(jpeg[:2], com, jpeg[2:])
}

// NewRecord builds a record with real images, their facts from the app's
// photo checker; scan makes the i-th scan (0…9) of the record of seed, and
// rules are the photo rules as the app ships them.
func NewRecord(p wire.Person, county string, seed uint64, scan func(seed uint64, i int) []byte, rules domain.PhotoRules) *Record {
	rec := domaintest.ValidRecord()
	rec.ID = uuid.NewString()
	rec.Basic.IDType, rec.Basic.IDNumber, rec.Basic.Name = domain.IDType(p.IDType), p.IDNumber, p.Name
	rec.Department.County = county
	r := &Record{Record: rec, Blobs: map[string][]byte{}}
	i := 0
	put := func(a **domain.Attachment) {
		kind := (*a).Kind
		var data []byte
		var rep *photo.Report
		var err error
		if kind == domain.AttPhoto {
			data = Photo(seed)
			rep, err = photo.CheckPhoto(data, rules)
		} else {
			data = scan(seed, i)
			rep, err = photo.CheckDocument(data, kind, rules)
			i++
		}
		if err != nil || !rep.OK() {
			panic(fmt.Sprintf("hubtest: generated %s refused: %v %v", kind, err, rep.Problems))
		}
		r.Blobs[rep.Facts.SHA256] = data
		*a = &rep.Facts
	}
	put(&rec.Basic.Photo)
	put(&rec.Basic.IDFront)
	put(&rec.Basic.IDBack)
	put(&rec.RealName.Front)
	put(&rec.RealName.Back)
	put(&rec.RealName.Handheld)
	put(&rec.Education[0].Diploma)
	put(&rec.Education[0].DegreeCert)
	put(&rec.Work[0].SocialInsurance)
	put(&rec.Work[0].Posts[0].Appointment)
	put(&rec.Work[0].Posts[0].Proof)
	return r
}

// Submit returns the version n (based on base) of the record as submitted:
// status 待审核 (or 变更待审核 when change is set).
func (r *Record) Submit(n, base int, p wire.Person, station string, change bool) *wire.Version {
	r.Record.Version = n
	r.Record.Status = domain.StatusSubmitted
	if change {
		r.Record.Status = domain.StatusChangeSubmitted
	}
	doc, err := json.Marshal(r.Record)
	if err != nil {
		panic(err)
	}
	var blobs []string
	for d := range r.Blobs {
		blobs = append(blobs, d)
	}
	v, err := wire.NewVersion(r.Record.ID, n, base, doc, blobs, p, station)
	if err != nil {
		panic(err)
	}
	return v
}
