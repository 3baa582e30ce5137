package domain

import (
	"slices"
	"time"
)

// Scope is one 采集范围 choice (§6.5).
type Scope string

const (
	ScopeQualified  Scope = "A" // 具有会计专业技术资格
	ScopeAccounting Scope = "B" // 从事会计工作
	ScopeExam       Scope = "C" // 拟报名初级考试
)

// Status is where a record is in the workflow (architecture.md).
type Status string

const (
	StatusDraft           Status = "draft"            // 草稿
	StatusSubmitted       Status = "submitted"        // 待审核
	StatusApproved        Status = "approved"         // 审核通过
	StatusRejected        Status = "rejected"         // 审核不通过
	StatusChangeDraft     Status = "change_draft"     // 变更草稿
	StatusChangeSubmitted Status = "change_submitted" // 变更待审核
	StatusChangeRejected  Status = "change_rejected"  // 变更不通过
)

var statusNames = map[Status]Msg{
	StatusDraft:           {"草稿", "Draft"},
	StatusSubmitted:       {"待审核", "Awaiting review"},
	StatusApproved:        {"审核通过", "Approved"},
	StatusRejected:        {"审核不通过", "Rejected"},
	StatusChangeDraft:     {"变更草稿", "Change draft"},
	StatusChangeSubmitted: {"变更待审核", "Change awaiting review"},
	StatusChangeRejected:  {"变更不通过", "Change rejected"},
}

// Name is the status's display name.
func (s Status) Name() Msg { return statusNames[s] }

// Editable reports whether the candidate may edit a record in this status.
func (s Status) Editable() bool {
	return s == StatusDraft || s == StatusRejected || s == StatusChangeDraft || s == StatusChangeRejected
}

// RealNameStatus is the state of the 线上实名认证 material.
type RealNameStatus string

const (
	RealNamePending  RealNameStatus = "pending"  // 待核验: verified offline with the record
	RealNameVerified RealNameStatus = "verified" // 已核验
	RealNameFailed   RealNameStatus = "failed"   // 核验不通过
)

// RealName is the offline path of 实名认证: three images and 所在省/市.
type RealName struct {
	Province string         `json:"province"`
	City     string         `json:"city"`
	Front    *Attachment    `json:"front,omitempty"`
	Back     *Attachment    `json:"back,omitempty"`
	Handheld *Attachment    `json:"handheld,omitempty"`
	Status   RealNameStatus `json:"status"`
}

// Basic is 基本信息. Identity fields come from the account and cannot drift
// from it; Gender and Birth are entered only when the ID type does not carry
// them.
type Basic struct {
	IDType      IDType      `json:"id_type"`
	IDNumber    string      `json:"id_number"`
	Name        string      `json:"name"`
	Gender      Gender      `json:"gender"`
	Birth       Month       `json:"birth"`
	Phone       string      `json:"phone"`
	Nationality string      `json:"nationality,omitempty"` // ISO 3166-1 alpha-3, passports only
	Photo       *Attachment `json:"photo,omitempty"`
	IDFront     *Attachment `json:"id_front,omitempty"`
	IDBack      *Attachment `json:"id_back,omitempty"`
}

// Education is one 教育经历 row.
type Education struct {
	Mode       string      `json:"mode"` // 培养方式 code
	School     string      `json:"school"`
	Level      string      `json:"level"`  // 学历 code
	Degree     string      `json:"degree"` // 学位 code, "0" = 无
	Major      string      `json:"major"`
	Start      Month       `json:"start"`
	End        Month       `json:"end"`
	Foreign    bool        `json:"foreign"` // 境外学历 (留服认证)
	DiplomaNo  string      `json:"diploma_no"`
	DegreeNo   string      `json:"degree_no"`
	Diploma    *Attachment `json:"diploma,omitempty"`
	DegreeCert *Attachment `json:"degree_cert,omitempty"`
}

// Qualification is one 专业技术资格 row (scope A).
type Qualification struct {
	Level    string      `json:"level"` // 初级/中级/高级/正高级 code
	Obtained Month       `json:"obtained"`
	CertNo   string      `json:"cert_no"` // 证书编号 or 批文号
	Cert     *Attachment `json:"cert,omitempty"`
}

// AccountingPost is one 会计专业工作经历 row inside a job.
type AccountingPost struct {
	Start       Month       `json:"start"`
	End         Month       `json:"end"`
	Current     bool        `json:"current"` // 至今
	Post        string      `json:"post"`    // 会计工作岗位 code
	Title       string      `json:"title"`   // 会计专业职务 code, "0" = 无
	AppointedAt Month       `json:"appointed_at"`
	Appointment *Attachment `json:"appointment,omitempty"` // 聘任证明
	Proof       *Attachment `json:"proof,omitempty"`       // 会计工作证明
}

// Work is one 工作经历 row.
type Work struct {
	Start           Month            `json:"start"`
	End             Month            `json:"end"`
	Current         bool             `json:"current"` // 至今
	Employer        string           `json:"employer"`
	CreditCode      string           `json:"credit_code"`
	UnitType        string           `json:"unit_type"`
	Industry        string           `json:"industry"`
	Address         string           `json:"address"`
	Phone           string           `json:"phone"`
	HasAccounting   bool             `json:"has_accounting"`
	Posts           []AccountingPost `json:"posts,omitempty"`
	SocialInsurance *Attachment      `json:"social_insurance,omitempty"`
}

// Department is the chosen 会计管理部门; County "" means 市本级.
type Department struct {
	Province string `json:"province"`
	City     string `json:"city"`
	County   string `json:"county"`
}

// Code is the most specific code chosen.
func (d Department) Code() string {
	for _, c := range []string{d.County, d.City, d.Province} {
		if c != "" {
			return c
		}
	}
	return ""
}

// Record is one person's whole collection record. It carries a UUID and a
// version from the start because records travel between machines.
type Record struct {
	ID             string          `json:"id"`
	Version        int             `json:"version"`
	Status         Status          `json:"status"`
	Scopes         []Scope         `json:"scopes"`
	NoticeRead     bool            `json:"notice"`
	RealName       RealName        `json:"realname"`
	Basic          Basic           `json:"basic"`
	Student        bool            `json:"student"` // 在校生
	Enrolment      *Attachment     `json:"enrolment,omitempty"`
	Residence      *Attachment     `json:"residence,omitempty"`
	Education      []Education     `json:"education"`
	Qualifications []Qualification `json:"qualifications"`
	Work           []Work          `json:"work"`
	Department     Department      `json:"department"`
	Committed      bool            `json:"commitment"`
	SubmittedAt    time.Time       `json:"submitted_at,omitzero"`
	// Consents are the notices the candidate had agreed to when the version
	// was submitted: storage writes them from its own records at submission,
	// so they travel with the version and its reviewer sees them.
	Consents []Consent `json:"consents,omitempty"`
}

// exclusiveScopes pairs the scopes that contradict each other: holding a
// qualification (A) and holding none (C).
var exclusiveScopes = map[Scope]Scope{ScopeQualified: ScopeExam, ScopeExam: ScopeQualified}

// SetScope chooses s (on) or drops it; choosing a scope drops the one that
// contradicts it, so A and C are never chosen together.
func (r *Record) SetScope(s Scope, on bool) {
	r.Scopes = slices.DeleteFunc(r.Scopes, func(x Scope) bool { return x == s || (on && x == exclusiveScopes[s]) })
	if on {
		r.Scopes = append(r.Scopes, s)
		slices.Sort(r.Scopes)
	}
}

// HasScope reports whether s was chosen.
func (r *Record) HasScope(s Scope) bool { return slices.Contains(r.Scopes, s) }

// CurrentJobs returns the indexes of the 至今 work rows.
func (r *Record) CurrentJobs() []int {
	var idx []int
	for i, w := range r.Work {
		if w.Current {
			idx = append(idx, i)
		}
	}
	return idx
}

// Employed reports whether the person has a current job; without one they
// must upload a 居住证明 (§6.1) unless they are a student.
func (r *Record) Employed() bool { return len(r.CurrentJobs()) > 0 }
