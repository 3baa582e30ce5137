package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
)

// seedRecords fills s with n candidates, each with a complete record, in one
// transaction (one precomputed password hash: argon2id per account would take
// minutes). It returns the account of the last one, whose record also gets
// twelve ~100 KB images.
func seedRecords(b *testing.B, s *Store, n int) Session {
	b.Helper()
	hash, _ := domain.HashPassword("Abcdef12!")
	var last Account
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i := 0; i < n; i++ {
			a := Account{UUID: fmt.Sprintf("acc-%d", i), IDType: domain.IDMainland, IDNumber: fmt.Sprintf("X%017d", i), Name: "张三", Phone: fmt.Sprintf("139%08d", i), Role: RoleCandidate}
			res, err := tx.Exec(`INSERT INTO accounts (uuid, id_type, id_number, name, phone, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, 0)`,
				a.UUID, string(a.IDType), a.IDNumber, a.Name, a.Phone, hash)
			if err != nil {
				return err
			}
			a.ID, _ = res.LastInsertId()
			rec := domaintest.ValidRecord()
			rec.ID = fmt.Sprintf("rec-%d", i)
			body, _ := json.Marshal(rec)
			if _, err := tx.Exec(`INSERT INTO records (uuid, owner_id, version, status, department, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)`,
				rec.ID, a.ID, rec.Version, string(rec.Status), rec.Department.Code(), string(body)); err != nil {
				return err
			}
			last = a
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	me := signIn(b, s, last.IDNumber, "Abcdef12!")
	for _, k := range domain.NoticeKinds() {
		if err := s.Agree(ctx, me, k, s.Notices()[k].Digest); err != nil {
			b.Fatal(err)
		}
	}
	rec, _ := s.MyRecord(ctx, me)
	var atts []*domain.Attachment
	for k := 0; k < 12; k++ {
		atts = append(atts, put(b, s, me, rec.ID, domain.AttDiploma, docBytes(k))) // twelve different files
	}
	_, err = s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) {
		slots := []**domain.Attachment{&r.RealName.Front, &r.RealName.Back, &r.RealName.Handheld, &r.Basic.Photo, &r.Basic.IDFront, &r.Basic.IDBack,
			&r.Education[0].Diploma, &r.Education[0].DegreeCert, &r.Work[0].SocialInsurance, &r.Work[0].Posts[0].Appointment, &r.Work[0].Posts[0].Proof}
		for k, slot := range slots {
			*slot = atts[k]
		}
	})
	if err != nil {
		b.Fatal(err)
	}
	return me
}

func benchStore(b *testing.B) (*Store, Session) {
	s, _ := openTemp(b)
	return s, seedRecords(b, s, 10_000)
}

// BenchmarkSaveField is one field saved (a version, an event, a durable
// commit) in a database of 10,000 records.
func BenchmarkSaveField(b *testing.B) {
	s, me := benchStore(b)
	rec, _ := s.MyRecord(ctx, me)
	i := 0
	for b.Loop() {
		i++
		addr := fmt.Sprintf("北京市海淀区中关村大街%d号", i)
		if _, err := s.UpdateRecord(ctx, me, rec.ID, func(r *domain.Record) { r.Work[0].Address = addr }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadRecordWithImages loads a full record and the bytes of all
// its images from a database of 10,000 records.
func BenchmarkLoadRecordWithImages(b *testing.B) {
	s, me := benchStore(b)
	for b.Loop() {
		rec, err := s.MyRecord(ctx, me)
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range []*domain.Attachment{rec.RealName.Front, rec.RealName.Back, rec.RealName.Handheld, rec.Basic.Photo, rec.Basic.IDFront,
			rec.Basic.IDBack, rec.Education[0].Diploma, rec.Education[0].DegreeCert, rec.Work[0].SocialInsurance,
			rec.Work[0].Posts[0].Appointment, rec.Work[0].Posts[0].Proof} {
			if _, err := s.Attachment(ctx, me, a.SHA256); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPutAttachment stores an image as the picker does: storage
// cleans it (metadata dropped, turned upright), measures it, hashes it and
// links it. "scan" is a 1600×1200 document already upright (the lossless
// path); "phone" is a 3000×4000 photo stored sideways with EXIF
// orientation 6 (decoded, turned, re-encoded).
func BenchmarkPutAttachment(b *testing.B) {
	s, _ := openTemp(b)
	me := candidate(b, s, "110101199003079913", "13800138000")
	rec, _ := s.MyRecord(ctx, me)
	rules := domaintest.Catalog(b).Photo
	for _, c := range []struct {
		name string
		kind domain.AttachmentKind
		data []byte
	}{
		{"scan", domain.AttDiploma, domaintest.JPEG(domaintest.Document(1600, 1200), 85)},
		{"phone", domain.AttIDHandheld, domaintest.WithOrientation(domaintest.JPEG(domaintest.Portrait(4000, 3000, domaintest.White, 8), 90), 6)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := s.PutAttachment(ctx, me, rec.ID, c.kind, c.data, rules); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMyData reads everything held about one person (every version,
// event, decision, consent and image) from a database of 10,000 records:
// what 我的数据 exports.
func BenchmarkMyData(b *testing.B) {
	s, me := benchStore(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MyData(ctx, me); err != nil {
			b.Fatal(err)
		}
	}
}
