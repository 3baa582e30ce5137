package domain

import "fmt"

// doc returns the facts of an acceptable scanned document.
func doc(kind AttachmentKind, n int) *Attachment {
	return &Attachment{SHA256: fmt.Sprintf("%s-%d", kind, n), Kind: kind, MIME: "image/jpeg", Bytes: 120_000, Width: 1600, Height: 1200}
}

var testHolder = Holder{IDType: IDMainland, IDNumber: "110101199003079913", Name: "张三"}

// validRecord is a complete record of an employed accountant (scope B) in
// 北京海淀 that passes the pre-audit with no problem at all.
func validRecord() *Record {
	return &Record{
		ID: "5b0f8a4e-0000-4000-8000-000000000001", Version: 7, Status: StatusDraft,
		Scopes: []Scope{ScopeAccounting}, NoticeRead: true,
		RealName: RealName{Province: "110000", City: "110100", Front: doc(AttIDFront, 1), Back: doc(AttIDBack, 1), Handheld: doc(AttIDHandheld, 1), Status: RealNamePending},
		Basic: Basic{IDType: IDMainland, IDNumber: "110101199003079913", Name: "张三", Gender: Male, Birth: NewMonth(1990, 3), Phone: "13800138000",
			Photo:   &Attachment{SHA256: "photo", Kind: AttPhoto, MIME: "image/jpeg", Bytes: 30_000, Width: 295, Height: 413},
			IDFront: doc(AttIDFront, 2), IDBack: doc(AttIDBack, 2)},
		Education: []Education{{Mode: "FT", School: "北京工商大学", Level: "21", Degree: "4", Major: "会计学",
			Start: NewMonth(2008, 9), End: NewMonth(2012, 7), DiplomaNo: "100111201205000123", DegreeNo: "1001142012000123",
			Diploma: doc(AttDiploma, 1), DegreeCert: doc(AttDegree, 1)}},
		Work: []Work{{Start: NewMonth(2012, 8), Current: true, Employer: "北京海淀示例会计服务有限公司", CreditCode: "91110108MA01QWER70",
			UnitType: "ENT", Industry: "L", Address: "北京市海淀区中关村大街1号", Phone: "010-62345678", HasAccounting: true,
			Posts: []AccountingPost{{Start: NewMonth(2012, 8), Current: true, Post: "01", Title: "2", AppointedAt: NewMonth(2015, 1),
				Appointment: doc(AttAppointment, 1), Proof: doc(AttAccountingProof, 1)}},
			SocialInsurance: doc(AttSocialInsurance, 1)}},
		Department: Department{Province: "110000", City: "110100", County: "110108"},
		Committed:  true,
	}
}
