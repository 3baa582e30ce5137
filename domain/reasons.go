package domain

// Reason is a reviewer's coded rejection reason (§10). Fields are the field
// path prefixes it concerns, so the candidate's screen can link each reason
// to the fields to fix.
type Reason struct {
	Code   string
	Msg    Msg
	Fields []string
}

// Reasons are R01–R14 in order.
var Reasons = []Reason{
	{"R01", Msg{"姓名/证件号码与实名认证信息不一致", "Name or ID number differs from the real-name check"}, []string{"basic.name", "basic.id_number", "realname"}},
	{"R02", Msg{"照片不符合要求（非白底/不清晰/非本人近期免冠证件照）", "The photo does not meet the rules (not white background, unclear, not a recent bare-headed ID photo)"}, []string{"basic.photo"}},
	{"R03", Msg{"身份证件图片不清晰或不完整 / 正反面上传错误", "ID images unclear or incomplete, or front and back swapped"}, []string{"basic.id_front", "basic.id_back", "realname"}},
	{"R04", Msg{"学历不符合报考条件（需高中及以上）", "Education does not meet the exam condition (high school or above)"}, []string{"education"}},
	{"R05", Msg{"在校生填写了尚未取得的学历 / 未上传在校证明", "A student entered an unfinished qualification or no proof of enrolment"}, []string{"education", "enrolment"}},
	{"R06", Msg{"学历证书编号与学历层次/毕业年份不一致", "Diploma number does not match the level or graduation year"}, []string{"education"}},
	{"R07", Msg{"学位信息与学历不匹配 / 缺少学位证书", "Degree does not match the education, or the degree certificate is missing"}, []string{"education"}},
	{"R08", Msg{"单位名称与统一社会信用代码不符 / 使用简称", "Employer name does not match the credit code, or is abbreviated"}, []string{"work"}},
	{"R09", Msg{"缺少社保缴纳证明（在职）或居住证明（非在职）", "Missing social insurance proof (employed) or proof of residence (not employed)"}, []string{"work", "residence"}},
	{"R10", Msg{"会计工作证明缺少单位公章 / 聘任证明缺失", "Accounting work proof lacks the employer's seal, or appointment proof missing"}, []string{"work"}},
	{"R11", Msg{"属地错误，应在工作单位所在地/户籍或居住地/学籍所在地采集", "Wrong department: collect where you work, live or study"}, []string{"department"}},
	{"R12", Msg{"工作开始时间早于16周岁 / 时间逻辑错误", "Work started before age 16, or dates out of order"}, []string{"work", "education"}},
	{"R13", Msg{"采集范围选择错误（既未从事会计工作也无资格且未拟报考）", "Wrong collection scope"}, []string{"scopes"}},
	{"R14", Msg{"附件与填报信息不一致", "Attachments do not match the information entered"}, []string{"basic", "education", "work", "qualifications"}},
}

// ReasonByCode returns the reason with code, or nil.
func ReasonByCode(code string) *Reason {
	for i := range Reasons {
		if Reasons[i].Code == code {
			return &Reasons[i]
		}
	}
	return nil
}
