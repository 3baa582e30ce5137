// Package domaintest holds test fixtures shared by the tests of domain,
// storage and ui: the shipped catalog and complete, valid records.
package domaintest

import (
	"fmt"
	"io/fs"
	"regexp"
	"sync"
	"testing"

	"caiji/assets"
	"caiji/domain"
)

var (
	once sync.Once
	cat  *domain.Catalog
	err  error
)

// Catalog is the reference data embedded in the binary.
func Catalog(tb testing.TB) *domain.Catalog {
	tb.Helper()
	once.Do(func() {
		data, e := fs.Sub(assets.Data, "data")
		if e != nil {
			err = e
			return
		}
		cat, err = domain.LoadCatalog(data)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

// Holder is the account ValidRecord belongs to.
var Holder = domain.Holder{IDType: domain.IDMainland, IDNumber: "110101199003079913", Name: "张三"}

// Doc returns the facts of an acceptable scanned document; n makes digests differ.
func Doc(kind domain.AttachmentKind, n int) *domain.Attachment {
	return &domain.Attachment{SHA256: fmt.Sprintf("%s-%d", kind, n), Kind: kind, MIME: "image/jpeg", Bytes: 120_000, Width: 1600, Height: 1200}
}

// ValidRecord is a complete record of an employed accountant (scope B) in
// 北京海淀 that passes the pre-audit with no problem at all.
func ValidRecord() *domain.Record {
	M := domain.NewMonth
	return &domain.Record{
		ID: "5b0f8a4e-0000-4000-8000-000000000001", Version: 7, Status: domain.StatusDraft,
		Scopes: []domain.Scope{domain.ScopeAccounting}, NoticeRead: true,
		RealName: domain.RealName{Province: "110000", City: "110100", Front: Doc(domain.AttIDFront, 1), Back: Doc(domain.AttIDBack, 1),
			Handheld: Doc(domain.AttIDHandheld, 1), Status: domain.RealNamePending},
		Basic: domain.Basic{IDType: domain.IDMainland, IDNumber: "110101199003079913", Name: "张三", Gender: domain.Male, Birth: M(1990, 3), Phone: "13800138000",
			Photo:   &domain.Attachment{SHA256: "photo", Kind: domain.AttPhoto, MIME: "image/jpeg", Bytes: 30_000, Width: 295, Height: 413},
			IDFront: Doc(domain.AttIDFront, 2), IDBack: Doc(domain.AttIDBack, 2)},
		Education: []domain.Education{{Mode: "FT", School: "北京工商大学", Level: "21", Degree: "4", Major: "会计学",
			Start: M(2008, 9), End: M(2012, 7), DiplomaNo: "100111201205000123", DegreeNo: "1001142012000123",
			Diploma: Doc(domain.AttDiploma, 1), DegreeCert: Doc(domain.AttDegree, 1)}},
		Work: []domain.Work{{Start: M(2012, 8), Current: true, Employer: "北京海淀示例会计服务有限公司", CreditCode: "91110108MA01QWER70",
			UnitType: "ENT", Industry: "L", Address: "北京市海淀区中关村大街1号", Phone: "010-62345678", HasAccounting: true,
			Posts: []domain.AccountingPost{{Start: M(2012, 8), Current: true, Post: "01", Title: "2", AppointedAt: M(2015, 1),
				Appointment: Doc(domain.AttAppointment, 1), Proof: Doc(domain.AttAccountingProof, 1)}},
			SocialInsurance: Doc(domain.AttSocialInsurance, 1)}},
		Department: domain.Department{Province: "110000", City: "110100", County: "110108"},
		Committed:  true,
	}
}

// example finds what a message or placeholder offers as an example: the
// token after "如" or "e.g.".
var example = regexp.MustCompile(`(?:如|e\.g\.)\s*([0-9A-Za-z][0-9A-Za-z-]*[0-9A-Za-z])`)

// Examples returns the examples text shows ("如 010-62345678", "e.g. 2020-09").
func Examples(text string) []string {
	var out []string
	for _, m := range example.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}
