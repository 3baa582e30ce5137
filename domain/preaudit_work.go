package domain

import (
	"fmt"
	"slices"
)

// sixteenth is the first month a person may have worked (《劳动法》第十五条).
func (a *audit) sixteenth() Month {
	if a.birth == 0 {
		return 0
	}
	return a.birth + 16*12
}

func (a *audit) work() {
	r := a.r
	current := r.CurrentJobs()
	if len(current) > 1 {
		a.warn("work", "WK3", "有多条“至今”的工作经历，请确认", "Several jobs are marked 'to date': please confirm")
	}
	for i := range r.Work {
		a.workRow(i)
	}
	if r.HasScope(ScopeAccounting) {
		ok := slices.ContainsFunc(current, func(i int) bool { return r.Work[i].HasAccounting })
		if !ok {
			a.err("work", "SCB1", "已选“从事会计工作”，请填写一条至今的工作经历并选择“有会计工作经历”", "You chose 'working in accounting': add a current job with accounting experience")
		}
	}
	if !r.Employed() && !r.Student {
		if r.Residence == nil {
			a.err("residence", "WK10", "没有至今的工作单位，请上传居住证明（居住证、户口簿或房产证）", "Without a current employer, upload proof of residence (residence permit, household register or property deed)")
		} else {
			a.doc("residence", r.Residence, AttResidence)
		}
	}
}

func (a *audit) workRow(i int) {
	w := a.r.Work[i]
	f := func(name string) string { return fmt.Sprintf("work[%d].%s", i, name) }
	opts := &a.cat.Options
	a.period(f, w.Start, w.End, w.Current, 0, 0)
	if !inRange(w.Employer, 2, 100) {
		a.err(f("employer"), "WK4", "请填写单位全称（与营业执照一致，2–100个字，不用简称）", "Enter the employer's full registered name (2–100 characters, no abbreviations)")
	}
	code, err := ParseCreditCode(w.CreditCode)
	codeOK := a.check(f("credit_code"), err)
	ut := opts.UnitType(w.UnitType)
	if ut == nil {
		a.err(f("unit_type"), "WK5", "请选择单位类型", "Choose the employer type")
	}
	if !Has(opts.Industries, w.Industry) {
		a.err(f("industry"), "WK6", "请选择所属行业", "Choose the industry")
	} else if ut != nil && ut.Industry != "" && ut.Industry != w.Industry {
		a.warn(f("industry"), "WK11", fmt.Sprintf("单位类型“%s”通常属于行业门类 %s，请确认", ut.Zh, ut.Industry), fmt.Sprintf("Employer type %s usually belongs to industry %s: please confirm", ut.En, ut.Industry))
	}
	if codeOK {
		if ut != nil && len(ut.CreditPrefixes) > 0 && !slices.Contains(ut.CreditPrefixes, code[:2]) {
			a.warn(f("unit_type"), "U4", fmt.Sprintf("信用代码前两位 %s 与单位类型“%s”不符，请确认", code[:2], ut.Zh), fmt.Sprintf("Credit code prefix %s does not fit employer type %s", code[:2], ut.En))
		}
		if !CreditInnerCheckOK(code) {
			a.warn(f("credit_code"), "U6", "信用代码第9–17位（组织机构代码）校验不符，请再核对一遍", "Positions 9–17 (organisation code) fail their check: compare once more")
		}
		if dp := a.r.Department.Province; w.Current && dp != "" && ProvinceOf(code[2:8]) != dp {
			a.warn(f("credit_code"), "U5", "工作单位登记地与所选会计管理部门不在同一省份：在职人员一般应在工作单位所在地采集", "The employer is registered in another province than the chosen department: employed people usually collect where they work")
		}
	}
	if !inRange(w.Address, 5, 200) {
		a.err(f("address"), "WK7", "请填写工作单位地址（5–200个字）", "Enter the employer's address (5–200 characters)")
	}
	_, err = ParseWorkPhone(w.Phone)
	a.check(f("phone"), err)
	if w.HasAccounting && len(w.Posts) == 0 {
		a.err(f("posts"), "WK8", "已选“有会计工作经历”，请新增会计专业工作经历", "You chose 'has accounting experience': add the accounting posts")
	}
	if !w.HasAccounting && len(w.Posts) > 0 {
		a.err(f("has_accounting"), "WK8", "填写了会计专业工作经历，请将“是否有会计工作经历”选为“是”", "Accounting posts are entered: set 'has accounting experience' to yes")
	}
	for j := range w.Posts {
		a.post(i, j)
	}
	if w.Current {
		if w.SocialInsurance == nil {
			a.err(f("social_insurance"), "WK9", "在职人员请上传本单位社保缴纳证明", "Employed people upload the employer's social insurance proof")
		} else {
			a.doc(f("social_insurance"), w.SocialInsurance, AttSocialInsurance)
		}
	}
}

// period checks a start/end/至今 range; parentStart and parentEnd (0 when
// there is no parent) bound it. f names the fields.
func (a *audit) period(f func(string) string, start, end Month, current bool, parentStart, parentEnd Month) {
	switch {
	case start == 0:
		a.err(f("start"), "WK1", "请填写开始时间", "Enter the start month")
	case start > a.thisMonth:
		a.err(f("start"), "WK1", "开始时间晚于本月", "The start is after this month")
	case a.sixteenth() != 0 && start < a.sixteenth():
		a.err(f("start"), "WK1", "工作开始时间早于16周岁，请核对", "Work starts before age 16: check it")
	}
	switch {
	case !current && end == 0:
		a.err(f("end"), "WK2", "请填写结束时间或勾选“至今”", "Enter the end month or tick 'to date'")
	case !current && start != 0 && end < start:
		a.err(f("end"), "WK2", "结束时间早于开始时间", "The end is before the start")
	case !current && end > a.thisMonth:
		a.err(f("end"), "WK2", "结束时间晚于本月；仍在职请勾选“至今”", "The end is after this month; tick 'to date' if it continues")
	}
	if parentStart != 0 && start != 0 && (start < parentStart || (parentEnd != 0 && start > parentEnd)) {
		a.err(f("start"), "AP1", "会计工作经历须在该单位的工作期间内", "The accounting post must lie within the job's period")
	}
	if parentEnd != 0 && (current || (end != 0 && end > parentEnd)) {
		a.err(f("end"), "AP1", "会计工作经历须在该单位的工作期间内", "The accounting post must lie within the job's period")
	}
}

func (a *audit) post(i, j int) {
	w := a.r.Work[i]
	p := w.Posts[j]
	f := func(name string) string { return fmt.Sprintf("work[%d].posts[%d].%s", i, j, name) }
	parentEnd := w.End
	if w.Current {
		parentEnd = 0
	}
	a.period(f, p.Start, p.End, p.Current, w.Start, parentEnd)
	opts := &a.cat.Options
	if !Has(opts.AccountingPosts, p.Post) {
		a.err(f("post"), "AP2", "请选择从事的会计工作岗位", "Choose the accounting post")
	}
	if !Has(opts.Titles, p.Title) {
		a.err(f("title"), "AP3", "请选择会计专业职务（没有请选“无”）", "Choose the accounting title ('None' if none)")
	} else if p.Title != "0" {
		end := p.End
		if p.Current {
			end = a.thisMonth
		}
		if p.AppointedAt == 0 {
			a.err(f("appointed_at"), "AP4", "请填写聘任时间", "Enter the appointment month")
		} else if p.AppointedAt < p.Start || (end != 0 && p.AppointedAt > end) {
			a.err(f("appointed_at"), "AP4", "聘任时间须在该会计工作经历期间内", "The appointment must lie within the post's period")
		}
		a.doc(f("appointment"), p.Appointment, AttAppointment)
	}
	if a.r.HasScope(ScopeAccounting) {
		a.doc(f("proof"), p.Proof, AttAccountingProof)
	}
}

func (a *audit) department() {
	d := a.r.Department
	divs := a.cat.Divisions
	switch {
	case d.Province == "" || d.City == "":
		a.err("department", "DP1", "请选择会计管理部门所在的省和市（区县可选“市本级”）", "Choose the department's province and city (district optional: city level)")
	case divs.Get(d.City) == nil || divs.Get(d.City).Parent != d.Province ||
		(d.County != "" && (divs.Get(d.County) == nil || divs.Get(d.County).Parent != d.City)):
		a.err("department", "DP2", "所选省、市、区县不匹配，请重新选择", "The province, city and district do not belong together: choose again")
	}
}
