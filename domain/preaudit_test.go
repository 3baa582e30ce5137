package domain_test

import (
	. "caiji/domain"
	"caiji/domain/domaintest"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var auditNow = time.Date(2026, 11, 27, 10, 0, 0, 0, Shanghai)

func runAudit(t *testing.T, r *Record) []Problem {
	t.Helper()
	ps := PreAudit(r, domaintest.Holder, domaintest.Catalog(t), auditNow)
	for _, p := range ps {
		if _, ok := RuleReasons[p.Code]; !ok {
			t.Errorf("code %s is not in RuleReasons", p.Code)
		}
		if p.Msg.Zh == "" || p.Msg.En == "" || p.Field == "" {
			t.Errorf("problem without message or field: %+v", p)
		}
	}
	return ps
}

func TestValidRecordIsClean(t *testing.T) {
	if ps := runAudit(t, domaintest.ValidRecord()); len(ps) != 0 {
		t.Fatalf("valid record has problems: %v", ps)
	}
}

type ruleCase struct {
	name  string
	edit  func(r *Record)
	code  string
	field string
	sev   Severity
}

// ruleCases each break one thing in a valid record and name the problem the
// pre-audit must report.
var ruleCases = []ruleCase{
	{"no scope", func(r *Record) { r.Scopes = nil }, "SC1", "scopes", Error},
	{"unknown scope", func(r *Record) { r.Scopes = []Scope{"Z"} }, "SC1", "scopes", Error},
	{"scopes A and C", func(r *Record) { r.Scopes = []Scope{ScopeQualified, ScopeExam} }, "SC3", "scopes.A", Error},
	{"scopes C and A", func(r *Record) { r.Scopes = []Scope{ScopeQualified, ScopeExam} }, "SC3", "scopes.C", Error},
	{"ID scan too small to read", func(r *Record) {
		r.Basic.IDFront = &Attachment{SHA256: "tiny", Kind: AttIDFront, MIME: "image/png", Bytes: 48_000, Width: 110, Height: 110}
	}, CodeDocPixels, "basic.id_front", Error},
	{"notice unread", func(r *Record) { r.NoticeRead = false }, "SC2", "notice", Error},
	{"real-name city missing", func(r *Record) { r.RealName.City = "" }, "RN1", "realname.city", Error},
	{"real-name city elsewhere", func(r *Record) { r.RealName.City = "440100" }, "RN1", "realname.city", Error},
	{"real-name failed", func(r *Record) { r.RealName.Status = RealNameFailed }, "RN2", "realname", Error},
	{"handheld missing", func(r *Record) { r.RealName.Handheld = nil }, "D1", "realname.handheld", Error},
	{"ID check digit", func(r *Record) { r.Basic.IDNumber = "110101199003079910" }, "ID6", "basic.id_number", Error},
	{"ID type missing", func(r *Record) { r.Basic.IDType = "" }, "IDT", "basic.id_number", Error},
	{"ID empty", func(r *Record) { r.Basic.IDNumber = "" }, "ID0", "basic.id_number", Error},
	{"15-digit ID", func(r *Record) { r.Basic.IDNumber = "110101900307993" }, "ID7", "basic.id_number", Error},
	{"province 99", func(r *Record) { r.Basic.IDNumber = "990101199003079917" }, "ID3", "basic.id_number", Error},
	{"bad birth date", func(r *Record) { r.Basic.IDNumber = "110101199002309916" }, "ID5", "basic.id_number", Error},
	{"ID length", func(r *Record) { r.Basic.IDNumber = "11010119900307991" }, "ID2", "basic.id_number", Error},
	{"name differs from account", func(r *Record) { r.Basic.Name = "张三丰" }, "B1", "basic.id_number", Error},
	{"name empty", func(r *Record) { r.Basic.Name = "" }, "NM0", "basic.name", Error},
	{"name latin", func(r *Record) { r.Basic.Name = "Zhang" }, "NM1", "basic.name", Error},
	{"passport name", func(r *Record) { r.Basic.IDType = IDForeignPassport; r.Basic.IDNumber = "E1234567" }, "NM2", "basic.name", Error},
	{"rare char", func(r *Record) { r.Basic.Name = "张__" }, "NM3", "basic.name", Warning},
	{"phone empty", func(r *Record) { r.Basic.Phone = "" }, "PH0", "basic.phone", Error},
	{"phone bad", func(r *Record) { r.Basic.Phone = "23800138000" }, "PH1", "basic.phone", Error},
	{"gender differs from ID", func(r *Record) { r.Basic.Gender = Female }, "B2", "basic.gender", Error},
	{"permit without gender", func(r *Record) {
		r.Basic.IDType, r.Basic.IDNumber, r.Basic.Gender = IDHKMacaoPermit, "H12345678", ""
	}, "B3", "basic.gender", Error},
	{"permanent residence of an unknown country", func(r *Record) {
		r.Basic.IDType, r.Basic.IDNumber, r.Basic.Gender = IDForeignPR, "ZZZ110088051249", ""
	}, "ID9", "basic.id_number", Warning},
	{"passport with an unknown nationality", func(r *Record) {
		r.Basic.IDType, r.Basic.IDNumber, r.Basic.Name, r.Basic.Nationality = IDForeignPassport, "E1234567", "JOHN SMITH", "XYZ"
	}, "B4", "basic.nationality", Error},
	{"passport without nationality", func(r *Record) {
		r.Basic.IDType, r.Basic.IDNumber, r.Basic.Name = IDForeignPassport, "E1234567", "JOHN SMITH"
	}, "B4", "basic.nationality", Error},
	{"same image both sides", func(r *Record) { r.Basic.IDBack = r.Basic.IDFront }, "B5", "basic.id_back", Error},
	{"photo missing", func(r *Record) { r.Basic.Photo = nil }, "P1", "basic.photo", Error},
	{"photo is PNG", func(r *Record) { r.Basic.Photo.MIME = "image/png" }, "P2", "basic.photo", Error},
	{"photo 10239 bytes", func(r *Record) { r.Basic.Photo.Bytes = 10_239 }, "P3", "basic.photo", Error},
	{"photo too large", func(r *Record) { r.Basic.Photo.Bytes = 600_000 }, "P4", "basic.photo", Error},
	{"photo 294 wide", func(r *Record) { r.Basic.Photo.Width, r.Basic.Photo.Height = 294, 412 }, "P5", "basic.photo", Error},
	{"photo square", func(r *Record) { r.Basic.Photo.Width, r.Basic.Photo.Height = 500, 500 }, "P6", "basic.photo", Warning},
	{"photo background", func(r *Record) { r.Basic.Photo.Warnings = []string{"P7"} }, "P7", "basic.photo", Warning},
	{"ID front missing", func(r *Record) { r.Basic.IDFront = nil }, "D1", "basic.id_front", Error},
	{"ID back GIF", func(r *Record) { r.Basic.IDBack.MIME = "image/gif" }, "D2", "basic.id_back", Error},
	{"ID back 20480 bytes", func(r *Record) { r.Basic.IDBack.Bytes = 20_480 }, "D3", "basic.id_back", Error},
	{"ID back 500001 bytes", func(r *Record) { r.Basic.IDBack.Bytes = 500_001 }, "D4", "basic.id_back", Error},
	{"no education", func(r *Record) { r.Education = nil }, "EDU1", "education", Error},
	{"no mode", func(r *Record) { r.Education[0].Mode = "" }, "EDF1", "education[0].mode", Error},
	{"school short", func(r *Record) { r.Education[0].School = "北" }, "EDF2", "education[0].school", Error},
	{"no level", func(r *Record) { r.Education[0].Level = "" }, "EDF3", "education[0].level", Error},
	{"no degree", func(r *Record) { r.Education[0].Degree = "" }, "EDF4", "education[0].degree", Error},
	{"no major", func(r *Record) { r.Education[0].Major = " " }, "EDF5", "education[0].major", Error},
	{"no dates", func(r *Record) { r.Education[0].Start = 0 }, "EDT1", "education[0].start", Error},
	{"dates reversed", func(r *Record) { r.Education[0].Start = NewMonth(2013, 9) }, "EDT1", "education[0].end", Error},
	{"school before 5", func(r *Record) { r.Education[0].Start = NewMonth(1994, 9) }, "EDT2", "education[0].start", Error},
	{"graduation in future", func(r *Record) { r.Education[0].End = NewMonth(2027, 7) }, "EDT3", "education[0].end", Error},
	{"bachelor in 10 years", func(r *Record) { r.Education[0].Start = NewMonth(2002, 9) }, "EDT4", "education[0].end", Warning},
	{"college with bachelor degree", func(r *Record) {
		r.Education[0].Level = "31"
		r.Education[0].DiplomaNo = "100111201206000123"
	}, "EDD1", "education[0].degree", Error},
	{"bachelor with master degree", func(r *Record) {
		r.Education[0].Degree, r.Education[0].DegreeNo = "3", "1001132012000123"
	}, "EDD2", "education[0].degree", Warning},
	{"diploma number missing", func(r *Record) { r.Education[0].DiplomaNo = "" }, "ED1", "education[0].diploma_no", Error},
	{"diploma number short", func(r *Record) { r.Education[0].DiplomaNo = "1234567890" }, "ED2", "education[0].diploma_no", Error},
	{"diploma year off", func(r *Record) { r.Education[0].DiplomaNo = "100111201505000123" }, "ED3", "education[0].diploma_no", Warning},
	{"diploma level off", func(r *Record) { r.Education[0].DiplomaNo = "100111201206000123" }, "ED4", "education[0].diploma_no", Warning},
	{"high-school number junk", func(r *Record) {
		e := &r.Education[0]
		e.Level, e.Degree, e.DiplomaNo = "61", "0", "高中#1"
		e.Start, e.End = NewMonth(2005, 9), NewMonth(2008, 7)
	}, "ED5", "education[0].diploma_no", Error},
	{"foreign without number", func(r *Record) { r.Education[0].Foreign, r.Education[0].DiplomaNo = true, "" }, "ED6", "education[0].diploma_no", Error},
	{"degree number missing", func(r *Record) { r.Education[0].DegreeNo = "" }, "DG1", "education[0].degree_no", Error},
	{"degree number bad", func(r *Record) { r.Education[0].DegreeNo = "10011420120001" }, "DG2", "education[0].degree_no", Error},
	{"degree level digit", func(r *Record) { r.Education[0].DegreeNo = "1001132012000123" }, "DG3", "education[0].degree_no", Error},
	{"degree year", func(r *Record) { r.Education[0].DegreeNo = "1001142016000123" }, "DG4", "education[0].degree_no", Warning},
	{"degree school", func(r *Record) { r.Education[0].DegreeNo = "1002242012000123" }, "DG5", "education[0].degree_no", Warning},
	{"old degree number long", func(r *Record) {
		e := &r.Education[0]
		e.Start, e.End, e.DiplomaNo = NewMonth(2001, 9), NewMonth(2005, 7), "100111200505000123"
		e.DegreeNo = strings.Repeat("9", 31)
	}, "DG6", "education[0].degree_no", Error},
	{"diploma scan missing", func(r *Record) { r.Education[0].Diploma = nil }, "D1", "education[0].diploma", Error},
	{"degree scan missing", func(r *Record) { r.Education[0].DegreeCert = nil }, "D1", "education[0].degree_cert", Error},
	{"exam candidate with 初中", func(r *Record) {
		r.Scopes = []Scope{ScopeExam}
		e := &r.Education[0]
		e.Level, e.Degree, e.DiplomaNo, e.Major = "71", "0", "", ""
		e.Start, e.End = NewMonth(2002, 9), NewMonth(2005, 7)
	}, "EDT5", "education", Error},
	{"student without proof", func(r *Record) { r.Student = true }, "EDT6", "enrolment", Error},
	{"scope A without rows", func(r *Record) { r.Scopes = []Scope{ScopeQualified} }, "QF1", "qualifications", Error},
	{"qualification level", func(r *Record) { r.Scopes = []Scope{ScopeQualified}; r.Qualifications = []Qualification{{}} }, "QF2", "qualifications[0].level", Error},
	{"qualification date", func(r *Record) { r.Scopes = []Scope{ScopeQualified}; r.Qualifications = []Qualification{{}} }, "QF3", "qualifications[0].obtained", Error},
	{"qualification number", func(r *Record) { r.Scopes = []Scope{ScopeQualified}; r.Qualifications = []Qualification{{}} }, "QF4", "qualifications[0].cert_no", Error},
	{"qualification scan", func(r *Record) { r.Scopes = []Scope{ScopeQualified}; r.Qualifications = []Qualification{{}} }, "D1", "qualifications[0].cert", Error},
	{"scope B without accounting job", func(r *Record) { r.Work[0].HasAccounting, r.Work[0].Posts = false, nil }, "SCB1", "work", Error},
	{"work before 16", func(r *Record) { r.Work[0].Start, r.Work[0].Posts[0].Start = NewMonth(2005, 1), NewMonth(2012, 8) }, "WK1", "work[0].start", Error},
	{"work no start", func(r *Record) { r.Work[0].Start = 0 }, "WK1", "work[0].start", Error},
	{"work start in future", func(r *Record) { r.Work[0].Start = NewMonth(2027, 1) }, "WK1", "work[0].start", Error},
	{"work no end", func(r *Record) { r.Work[0].Current = false }, "WK2", "work[0].end", Error},
	{"work end before start", func(r *Record) { r.Work[0].Current, r.Work[0].End = false, NewMonth(2010, 1) }, "WK2", "work[0].end", Error},
	{"work end in future", func(r *Record) { r.Work[0].Current, r.Work[0].End = false, NewMonth(2027, 1) }, "WK2", "work[0].end", Error},
	{"two current jobs", func(r *Record) { r.Work = append(r.Work, r.Work[0]) }, "WK3", "work", Warning},
	{"employer short", func(r *Record) { r.Work[0].Employer = "某" }, "WK4", "work[0].employer", Error},
	{"credit code empty", func(r *Record) { r.Work[0].CreditCode = "" }, "U0", "work[0].credit_code", Error},
	{"credit code I", func(r *Record) { r.Work[0].CreditCode = "91110108MAI1QWER70" }, "U1", "work[0].credit_code", Error},
	{"credit code check", func(r *Record) { r.Work[0].CreditCode = "91110108MA01QWER71" }, "U2", "work[0].credit_code", Error},
	{"unit type vs code", func(r *Record) { r.Work[0].UnitType = "PUB" }, "U4", "work[0].unit_type", Warning},
	{"employer in another province", func(r *Record) { r.Work[0].CreditCode = "12440300455608135U"; r.Work[0].UnitType = "PUB" }, "U5", "work[0].credit_code", Warning},
	{"inner check", func(r *Record) { r.Work[0].CreditCode = "91110108MA01QWER5R" }, "U6", "work[0].credit_code", Warning},
	{"no unit type", func(r *Record) { r.Work[0].UnitType = "" }, "WK5", "work[0].unit_type", Error},
	{"no industry", func(r *Record) { r.Work[0].Industry = "" }, "WK6", "work[0].industry", Error},
	{"agency not in S", func(r *Record) { r.Work[0].UnitType = "GOV" }, "WK11", "work[0].industry", Warning},
	{"address short", func(r *Record) { r.Work[0].Address = "北京" }, "WK7", "work[0].address", Error},
	{"phone empty", func(r *Record) { r.Work[0].Phone = "" }, "TEL0", "work[0].phone", Error},
	{"phone bad", func(r *Record) { r.Work[0].Phone = "12345" }, "TEL1", "work[0].phone", Error},
	{"accounting yes without posts", func(r *Record) { r.Work[0].Posts = nil }, "WK8", "work[0].posts", Error},
	{"posts with accounting no", func(r *Record) { r.Work[0].HasAccounting = false }, "WK8", "work[0].has_accounting", Error},
	{"no social insurance", func(r *Record) { r.Work[0].SocialInsurance = nil }, "WK9", "work[0].social_insurance", Error},
	{"unemployed without residence proof", func(r *Record) {
		r.Scopes = []Scope{ScopeExam}
		r.Work = nil
	}, "WK10", "residence", Error},
	{"post before job", func(r *Record) { r.Work[0].Posts[0].Start = NewMonth(2011, 1) }, "AP1", "work[0].posts[0].start", Error},
	{"post outlives job", func(r *Record) {
		r.Work[0].Current, r.Work[0].End = false, NewMonth(2020, 1)
		r.Scopes = []Scope{ScopeExam}
		r.Residence = domaintest.Doc(AttResidence, 1)
	}, "AP1", "work[0].posts[0].end", Error},
	{"no post", func(r *Record) { r.Work[0].Posts[0].Post = "" }, "AP2", "work[0].posts[0].post", Error},
	{"no title", func(r *Record) { r.Work[0].Posts[0].Title = "" }, "AP3", "work[0].posts[0].title", Error},
	{"no appointment month", func(r *Record) { r.Work[0].Posts[0].AppointedAt = 0 }, "AP4", "work[0].posts[0].appointed_at", Error},
	{"appointment before post", func(r *Record) { r.Work[0].Posts[0].AppointedAt = NewMonth(2010, 1) }, "AP4", "work[0].posts[0].appointed_at", Error},
	{"no appointment proof", func(r *Record) { r.Work[0].Posts[0].Appointment = nil }, "D1", "work[0].posts[0].appointment", Error},
	{"no accounting proof", func(r *Record) { r.Work[0].Posts[0].Proof = nil }, "D1", "work[0].posts[0].proof", Error},
	{"no department", func(r *Record) { r.Department = Department{} }, "DP1", "department", Error},
	{"county of another city", func(r *Record) { r.Department.County = "440106" }, "DP2", "department", Error},
	{"not committed", func(r *Record) { r.Committed = false }, "CM1", "commitment", Error},
}

func TestPreAuditRules(t *testing.T) {
	for _, tt := range ruleCases {
		t.Run(tt.name, func(t *testing.T) {
			r := domaintest.ValidRecord()
			tt.edit(r)
			ps := runAudit(t, r)
			found := slices.ContainsFunc(ps, func(p Problem) bool {
				return p.Code == tt.code && p.Field == tt.field && p.Severity == tt.sev
			})
			if !found {
				t.Fatalf("want %s %s at %s, got %v", tt.sev, tt.code, tt.field, ps)
			}
			for i := 1; i < len(ps); i++ {
				if ps[i-1].Severity > ps[i].Severity {
					t.Fatal("warnings listed before errors")
				}
			}
		})
	}
}

// TestEveryRuleCodeIsTested fails when a code in RuleReasons is expected by
// no case of the table.
func TestEveryRuleCodeIsTested(t *testing.T) {
	hit := map[string]bool{}
	for _, c := range ruleCases {
		hit[c.code] = true
	}
	for c := range RuleReasons {
		if !hit[c] {
			t.Errorf("rule %s is never produced by a test", c)
		}
	}
	for _, r := range RuleReasons {
		if r != "" && ReasonByCode(r) == nil {
			t.Errorf("unknown reason %s", r)
		}
	}
}

func TestStudentAndExamCandidateRecords(t *testing.T) {
	// A student sitting the exam: high school obtained, enrolment proof, no job.
	r := domaintest.ValidRecord()
	r.Scopes = []Scope{ScopeExam}
	r.Student = true
	r.Enrolment = domaintest.Doc(AttEnrolment, 1)
	r.Work = nil
	r.Education = []Education{{Mode: "FT", School: "北京市第一中学", Level: "61", Degree: "0", Start: NewMonth(2005, 9), End: NewMonth(2008, 7), Diploma: domaintest.Doc(AttDiploma, 1)}}
	if ps := runAudit(t, r); len(ps) != 0 {
		t.Fatalf("student record: %v", ps)
	}
	// An unemployed exam candidate with proof of residence.
	r.Student, r.Enrolment = false, nil
	r.Residence = domaintest.Doc(AttResidence, 1)
	if ps := runAudit(t, r); len(ps) != 0 {
		t.Fatalf("unemployed record: %v", ps)
	}
}

func TestErrorsCount(t *testing.T) {
	r := domaintest.ValidRecord()
	r.Committed = false
	r.Basic.Photo.Width, r.Basic.Photo.Height = 500, 500
	ps := runAudit(t, r)
	if Errors(ps) != 1 || len(ps) != 2 {
		t.Fatalf("Errors = %d of %d: %v", Errors(ps), len(ps), ps)
	}
}

// FuzzPreAudit mutates the JSON of a valid record: the pre-audit never
// panics, and a record read back from its own JSON gets the same verdict.
func FuzzPreAudit(f *testing.F) {
	seed, _ := json.Marshal(domaintest.ValidRecord())
	f.Add(seed)
	f.Add([]byte(`{"scopes":["C"],"education":[{"level":"71","start":"2000-01","end":"1999-12"}],"work":[{"current":true,"posts":[{}]}]}`))
	cat := domaintest.Catalog(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Record
		if json.Unmarshal(data, &r) != nil {
			return
		}
		first := PreAudit(&r, domaintest.Holder, cat, auditNow)
		again, err := json.Marshal(&r)
		if err != nil {
			t.Fatal(err)
		}
		var back Record
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatalf("cannot read back own JSON: %v", err)
		}
		if second := PreAudit(&back, domaintest.Holder, cat, auditNow); !reflect.DeepEqual(first, second) {
			t.Fatalf("verdict changed after a round trip:\n%v\n%v", first, second)
		}
	})
}

// TestKnownNationalityInPermanentResidenceNumber: both formats of the §11
// vectors carry a known country (USA, 840), so ID9 stays silent.
func TestKnownNationalityInPermanentResidenceNumber(t *testing.T) {
	for _, n := range []string{"USA110088051248", "911840198805129941"} {
		r := domaintest.ValidRecord()
		r.Basic.IDType, r.Basic.IDNumber, r.Basic.Gender, r.Basic.Birth = IDForeignPR, n, "", 0
		for _, p := range runAudit(t, r) {
			if p.Code == "ID9" {
				t.Errorf("%s: %v", n, p)
			}
		}
	}
}
