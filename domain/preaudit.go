package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Holder is the account a record belongs to: the name and number the
// real-name check was made for.
type Holder struct {
	IDType   IDType
	IDNumber string
	Name     string
}

// CodeCommitment is the unticked commitment: an error that blocks
// submission, shown as its own line beside the check box rather than as a
// problem in the list.
const CodeCommitment = "CM1"

// PreAudit (预审) runs every rule over a whole record and returns every
// problem, errors first, in the order of the steps. It is what the 预审与提交
// step lists and what a reviewer sees beside the record. now is the moment of
// judgement (dates in the future, the 16th birthday, 毕业 ≤ this month).
func PreAudit(r *Record, holder Holder, cat *Catalog, now time.Time) []Problem {
	a := &audit{r: r, cat: cat, now: now, thisMonth: MonthOf(now.In(Shanghai))}
	a.scopes()
	a.realName()
	a.basic(holder)
	a.education()
	a.qualifications()
	a.work()
	a.department()
	if !r.Committed {
		a.err("commitment", CodeCommitment, "请勾选“承诺所提供信息真实有效”", "Tick 'I promise the information is true and valid'")
	}
	slices.SortStableFunc(a.probs, func(x, y Problem) int { return int(x.Severity) - int(y.Severity) })
	return a.probs
}

// Errors counts the problems that block submission.
func Errors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

type audit struct {
	r         *Record
	cat       *Catalog
	now       time.Time
	thisMonth Month
	birth     Month // from the identity number or as entered; 0 when unknown
	probs     []Problem
}

func (a *audit) add(field string, p Problem) { a.probs = append(a.probs, p.At(field)) }

func (a *audit) err(field, code, zh, en string)  { a.add(field, errorf(code, zh, en)) }
func (a *audit) warn(field, code, zh, en string) { a.add(field, warningf(code, zh, en)) }

// check adds err when it is a Problem from a parser.
func (a *audit) check(field string, err error) bool {
	if p, ok := err.(Problem); ok {
		a.add(field, p)
		return false
	}
	return true
}

func (a *audit) all(field string, ps []Problem) {
	for _, p := range ps {
		a.add(field, p)
	}
}

func (a *audit) doc(field string, att *Attachment, kind AttachmentKind) {
	a.all(field, DocumentProblems(att, kind, a.cat.Photo))
}

func (a *audit) scopes() {
	if len(a.r.Scopes) == 0 {
		a.err("scopes", "SC1", "请选择采集范围", "Choose the collection scope")
	}
	for _, s := range a.r.Scopes {
		if !Has(a.cat.Options.Scopes, string(s)) {
			a.err("scopes", "SC1", "采集范围选项无效，请重新选择", "The collection scope is not valid: choose again")
		}
	}
	// Holding a qualification (A) and holding none (C) contradict each
	// other: the error stands beside both boxes, as reviewers reject it (R13).
	if a.r.HasScope(ScopeQualified) && a.r.HasScope(ScopeExam) {
		for _, s := range []Scope{ScopeQualified, ScopeExam} {
			a.err("scopes."+string(s), "SC3",
				"“具有会计专业技术资格”与“不具有会计专业技术资格、拟报名初级考试”不能同时选择：请只保留符合实际的一项",
				"'Holds an accounting qualification' and 'holds none and will sit the junior exam' cannot both be chosen: keep the one that is true")
		}
	}
	if !a.r.NoticeRead {
		a.err("notice", "SC2", "请阅读采集须知并勾选“已阅读”", "Read the notice and tick 'I have read it'")
	}
}

func (a *audit) realName() {
	rn := a.r.RealName
	if rn.Province == "" || rn.City == "" {
		a.err("realname.city", "RN1", "请选择实名认证所在省、市", "Choose the province and city for the real-name check")
	} else if d := a.cat.Divisions.Get(rn.City); d == nil || d.Parent != rn.Province {
		a.err("realname.city", "RN1", "所在市与所在省不匹配，请重新选择", "The city is not in the province: choose again")
	}
	a.doc("realname.front", rn.Front, AttIDFront)
	a.doc("realname.back", rn.Back, AttIDBack)
	a.doc("realname.handheld", rn.Handheld, AttIDHandheld)
	if rn.Status == RealNameFailed {
		a.err("realname", "RN2", "实名认证未通过，请按审核意见重新上传实名认证材料", "The real-name check failed: upload the material again as the reviewer asked")
	}
}

func (a *audit) basic(h Holder) {
	b := a.r.Basic
	id, err := ParseIdentity(b.IDType, b.IDNumber, a.now)
	a.check("basic.id_number", err)
	_, err = ParseName(b.IDType, b.Name)
	a.check("basic.name", err)
	if h.IDNumber != "" && (h.IDNumber != id.Number || h.Name != b.Name || h.IDType != b.IDType) {
		a.err("basic.id_number", "B1", "证件信息或姓名与注册及实名认证信息不一致", "The ID or name differs from the registration and real-name check")
	}
	if HasRareCharPlaceholder(b.Name) {
		a.warn("basic.name", "NM3", "姓名含生僻字占位符“__”，审核人员将核对证件", "The name uses the __ placeholder; the reviewer will check the ID")
	}
	_, err = ParseMobile(b.Phone)
	a.check("basic.phone", err)
	switch {
	case b.IDType.CarriesBirth() && !id.Birth.IsZero():
		a.birth = MonthOf(id.Birth)
		if (b.Gender != "" && b.Gender != id.Gender) || (b.Birth != 0 && b.Birth != a.birth) {
			a.err("basic.gender", "B2", "性别、出生年月须与证件号码一致", "Gender and birth month must match the ID number")
		}
	case !b.IDType.CarriesBirth():
		a.birth = b.Birth
		if b.Gender != Male && b.Gender != Female {
			a.err("basic.gender", "B3", "请选择性别", "Choose the gender")
		}
		if b.Birth == 0 || b.Birth > a.thisMonth {
			a.err("basic.birth", "B3", "请填写出生年月", "Enter the birth month")
		}
	}
	if b.IDType == IDForeignPassport && a.cat.Country(b.Nationality) == nil {
		a.err("basic.nationality", "B4", "请选择国籍", "Choose the nationality")
	}
	if b.IDType == IDForeignPR && id.Number != "" {
		// The nationality inside the number: digits 4–6 (2023 card) or the
		// first three letters (older card).
		code := id.Number[:3]
		if id.Number[0] == '9' {
			code = id.Number[3:6]
		}
		if len(id.Number) >= 6 && a.cat.Country(code) == nil {
			a.warn("basic.id_number", "ID9", "证件号码中的国籍代码 "+code+" 不是已知的国家代码，请核对", "The nationality code "+code+" in the number is not a known country code")
		}
	}
	a.all("basic.photo", PhotoProblems(b.Photo, a.cat.Photo))
	a.doc("basic.id_front", b.IDFront, AttIDFront)
	a.doc("basic.id_back", b.IDBack, AttIDBack)
	if b.IDFront != nil && b.IDBack != nil && b.IDFront.SHA256 == b.IDBack.SHA256 {
		a.err("basic.id_back", "B5", "证件人像面和非人像面上传了同一张图片", "The same image was uploaded for both sides of the ID")
	}
}

func inRange(s string, min, max int) bool {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	return n >= min && n <= max
}

func (a *audit) education() {
	r := a.r
	if len(r.Education) == 0 {
		a.err("education", "EDU1", "请至少填写一条已取得的学历（高中及以上）", "Enter at least one qualification you hold (high school or above)")
	}
	eligible := false
	for i := range r.Education {
		if a.educationRow(i) {
			eligible = true
		}
	}
	if r.HasScope(ScopeExam) && len(r.Education) > 0 && !eligible {
		a.err("education", "EDT5", "报考初级需取得高中（含中专、职高、技校）及以上学历", "The junior exam needs a high-school (incl. secondary vocational) or higher qualification")
	}
	if r.Student {
		if r.Enrolment == nil {
			a.err("enrolment", "EDT6", "在校生请上传在校证明（学生证或学信网学籍在线验证报告）", "Students upload proof of enrolment (student card or CHSI report)")
		} else {
			a.doc("enrolment", r.Enrolment, AttEnrolment)
		}
	}
}

// educationRow checks one row and reports whether it makes the person
// eligible for the 初级 exam.
func (a *audit) educationRow(i int) bool {
	e := a.r.Education[i]
	f := func(name string) string { return fmt.Sprintf("education[%d].%s", i, name) }
	opts := &a.cat.Options
	if !Has(opts.StudyModes, e.Mode) {
		a.err(f("mode"), "EDF1", "请选择培养方式", "Choose the mode of study")
	}
	if !inRange(e.School, 2, 100) {
		a.err(f("school"), "EDF2", "请填写学校全称（2–100个字）", "Enter the school's full name (2–100 characters)")
	}
	lv := opts.Level(e.Level)
	if lv == nil {
		a.err(f("level"), "EDF3", "请选择学历", "Choose the education level")
	}
	if !Has(opts.Degrees, e.Degree) {
		a.err(f("degree"), "EDF4", "请选择学位（没有请选“无”）", "Choose the degree ('None' if none)")
	}
	if lv != nil && lv.Higher && !inRange(e.Major, 1, 60) {
		a.err(f("major"), "EDF5", "请填写所学专业", "Enter the major")
	}
	// Dates.
	switch {
	case e.Start == 0 || e.End == 0:
		a.err(f("start"), "EDT1", "请填写入学时间和毕业时间", "Enter the start and graduation months")
	case e.Start >= e.End:
		a.err(f("end"), "EDT1", "毕业时间须晚于入学时间", "Graduation must come after the start")
	default:
		if a.birth != 0 && e.Start < a.birth+5*12 {
			a.err(f("start"), "EDT2", "入学时间早于5周岁，请核对", "The start is before age 5: check it")
		}
		if e.End > a.thisMonth {
			a.err(f("end"), "EDT3", "毕业时间晚于本月：请只填写已取得的学历，在校生填写已取得的最高学历（如高中）", "Graduation is after this month: enter only qualifications you hold; students enter their highest obtained one (e.g. high school)")
		}
		if lv != nil && lv.MinYears > 0 {
			if years := float64(e.End-e.Start) / 12; years < float64(lv.MinYears)-0.5 || years > float64(lv.MaxYears)+0.5 {
				a.warn(f("end"), "EDT4", fmt.Sprintf("学制约 %.1f 年，%s通常为 %d–%d 年，请核对时间", years, lv.Zh, lv.MinYears, lv.MaxYears), fmt.Sprintf("About %.1f years; %s usually takes %d–%d", years, lv.En, lv.MinYears, lv.MaxYears))
			}
		}
	}
	if lv == nil {
		return false
	}
	// 学位 against 学历.
	if Has(opts.Degrees, e.Degree) {
		switch {
		case slices.Contains(lv.DegreeWarn, e.Degree):
			a.warn(f("degree"), "EDD2", "本科学历配硕士学位（同等学力申硕）：请确认", "Bachelor's education with a master's degree (equivalent-level): please confirm")
		case !slices.Contains(lv.Degrees, e.Degree):
			a.err(f("degree"), "EDD1", "所选学位与学历不匹配", "The degree does not fit the education level")
		}
	}
	a.diplomaAndDegree(i, e, lv)
	completed := e.End != 0 && e.End <= a.thisMonth
	if completed {
		a.doc(f("diploma"), e.Diploma, AttDiploma)
	}
	if e.Degree != "0" && e.Degree != "" {
		a.doc(f("degree_cert"), e.DegreeCert, AttDegree)
	}
	return completed && lv.Eligible
}

func (a *audit) diplomaAndDegree(i int, e Education, lv *EducationLevel) {
	f := func(name string) string { return fmt.Sprintf("education[%d].%s", i, name) }
	no, info, err := ParseDiplomaNo(e.DiplomaNo, lv.Higher, e.Foreign, e.End)
	if a.check(f("diploma_no"), err) && info.Readable && !e.Foreign {
		if e.End != 0 && (info.Year < e.End.Year()-1 || info.Year > e.End.Year()+1) {
			a.warn(f("diploma_no"), "ED3", fmt.Sprintf("证书编号第7–10位年份为 %d，与毕业时间 %d 年不符", info.Year, e.End.Year()), fmt.Sprintf("The number's year (digits 7–10) is %d, graduation is %d", info.Year, e.End.Year()))
		}
		if !slices.Contains(lv.Xuexin, info.Level) {
			a.warn(f("diploma_no"), "ED4", fmt.Sprintf("证书编号第11–12位（%s）与所选学历“%s”不符", info.Level, lv.Zh), fmt.Sprintf("The number's digits 11–12 (%s) do not fit %s", info.Level, lv.En))
		}
	}
	if e.Degree == "0" || e.Degree == "" || e.Foreign {
		return
	}
	conferred := e.End
	if conferred == 0 {
		conferred = a.thisMonth
	}
	_, dinfo, err := ParseDegreeNo(e.DegreeNo, conferred.Year() < 2006)
	if !a.check(f("degree_no"), err) || dinfo == nil {
		return
	}
	if dinfo.Level != e.Degree {
		a.err(f("degree_no"), "DG3", "学位证书编号第6位（学位级别）与所选学位不符", "Digit 6 of the degree number (level) does not match the degree")
	}
	if dinfo.Year < conferred.Year()-1 || dinfo.Year > conferred.Year()+1 {
		a.warn(f("degree_no"), "DG4", fmt.Sprintf("学位证书编号中的年份 %d 与毕业时间不符", dinfo.Year), fmt.Sprintf("The degree number's year %d does not match graduation", dinfo.Year))
	}
	if info.Readable && len(no) == 18 && dinfo.School != info.School {
		a.warn(f("degree_no"), "DG5", "学位授予单位代码与学历证书的学校代码不同，请确认", "The degree's institution code differs from the diploma's: please confirm")
	}
}

func (a *audit) qualifications() {
	r := a.r
	if !r.HasScope(ScopeQualified) {
		return
	}
	if len(r.Qualifications) == 0 {
		a.err("qualifications", "QF1", "已选“具有会计专业技术资格”，请填写专业技术资格", "You chose 'qualification holder': enter your qualification")
	}
	for i, q := range r.Qualifications {
		f := func(name string) string { return fmt.Sprintf("qualifications[%d].%s", i, name) }
		if !Has(a.cat.Options.QualificationLevels, q.Level) {
			a.err(f("level"), "QF2", "请选择资格级别", "Choose the qualification level")
		}
		if q.Obtained == 0 || q.Obtained > a.thisMonth {
			a.err(f("obtained"), "QF3", "请填写取得时间（不晚于本月）", "Enter when it was obtained (not after this month)")
		}
		if !inRange(q.CertNo, 1, 40) {
			a.err(f("cert_no"), "QF4", "请填写证书编号或批文号", "Enter the certificate or approval number")
		}
		a.doc(f("cert"), q.Cert, AttQualification)
	}
}
