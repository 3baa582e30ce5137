package candidate

import (
	"strings"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func (s *harness) input(key, path string) fyne.Focusable {
	s.t.Helper()
	s.settle()
	w := s.step(key).binder().focus[path]
	if w == nil {
		s.t.Fatalf("step %s has no input %s", key, path)
	}
	return w
}

// typeIn types text into a field and leaves it (which saves it).
func (s *harness) typeIn(key, path, text string) {
	s.t.Helper()
	switch w := s.input(key, path).(type) {
	case *widgets.BlurEntry:
		w.SetText("")
		test.Type(w, text)
		w.FocusLost()
	case *widgets.SearchBox:
		w.SetText(text) // choosing from the list sets the text
	default:
		s.t.Fatalf("%s is a %T", path, w)
	}
}

// choose picks the option whose name is name.
func (s *harness) choose(key, path, name string) {
	s.t.Helper()
	sel, ok := s.input(key, path).(*widget.Select)
	if !ok {
		s.t.Fatalf("%s is not a choice", path)
	}
	sel.SetSelected(name)
	if sel.Selected != name {
		s.t.Fatalf("%s has no option %q (%v)", path, name, sel.Options)
	}
}

func (s *harness) tick(key, path string, on bool) {
	s.t.Helper()
	s.settle()
	c := s.step(key).binder().checks[path]
	if c == nil {
		s.t.Fatalf("step %s has no check box %s", key, path)
	}
	c.SetChecked(on)
}

func (s *harness) add(key string, n int) {
	s.t.Helper()
	s.settle()
	st := s.step(key)
	adds := stepAdds(st)
	if n >= len(adds) {
		s.t.Fatalf("step %s has %d add buttons", key, len(adds))
	}
	test.Tap(adds[n])
}

func stepAdds(st step) []*widgets.Button {
	switch v := st.(type) {
	case *educationStep:
		return v.adds
	case *workStep:
		return v.adds
	case *qualificationsStep:
		return v.adds
	}
	return nil
}

// attach loads data into the picker of path and waits until it is stored.
func (s *harness) attach(path string, data []byte) {
	s.t.Helper()
	p := s.picker(path)
	before := p.Current()
	p.Load(data)
	p.Wait()
	if p.Current() == before {
		s.t.Fatalf("%s: the image was not accepted: %s", path, p.Status())
	}
}

var (
	photoJPEG = domaintest.JPEG(domaintest.Portrait(590, 826, domaintest.White, 20), 90)
)

// distinct returns a document image that differs from the others (front
// and back of an ID must not be the same file).
func distinct(n int) []byte {
	return domaintest.JPEG(domaintest.Document(900+10*n, 1200), 85)
}

// fillCommon completes the steps every candidate has: notice, real name,
// basic information and department.
func fillCommon(s *harness, scope string) {
	s.tick("notice", "notice", true)
	s.tick("notice", "scopes."+scope, true)
	s.typeIn("realname", "realname.province", "北京市")
	s.typeIn("realname", "realname.city", "北京市（市辖区）")
	s.attach("realname.front", distinct(1))
	s.attach("realname.back", distinct(2))
	s.attach("realname.handheld", distinct(3))
	s.attach("basic.photo", photoJPEG)
	s.attach("basic.id_front", distinct(4))
	s.attach("basic.id_back", distinct(5))
	s.typeIn("department", "department.province", "北京市")
	s.typeIn("department", "department.city", "北京市（市辖区）")
	s.typeIn("department", "department.county", "海淀区")
}

func fillEducation(s *harness, i int, level, degree, school string, start, end, diploma, degreeNo string) {
	p := func(n string) string { return "education[" + string(rune('0'+i)) + "]." + n }
	s.add("education", 0)
	s.choose("education", p("mode"), "全日制")
	s.typeIn("education", p("school"), school)
	s.choose("education", p("level"), level)
	s.choose("education", p("degree"), degree)
	if level != "普通高中" {
		s.typeIn("education", p("major"), "会计学")
	}
	s.typeIn("education", p("start"), start)
	s.typeIn("education", p("end"), end)
	if diploma != "" {
		s.typeIn("education", p("diploma_no"), diploma)
	}
	if degreeNo != "" {
		s.typeIn("education", p("degree_no"), degreeNo)
		s.attach(p("degree_cert"), distinct(10+i))
	}
	s.attach(p("diploma"), distinct(20+i))
}

// submitClean checks that only the commitment is missing, ticks it and submits.
func submitClean(s *harness) {
	s.t.Helper()
	s.settle()
	ed := s.ed
	if n := domain.Errors(ed.problems); n != 1 || ed.problems[0].Code != "CM1" {
		s.t.Fatalf("before the commitment: %v", ed.problems)
	}
	sub := s.step("submit").(*submitStep)
	if !sub.submit.Disabled() {
		s.t.Fatal("提交 enabled before the commitment")
	}
	sub.commit.SetChecked(true)
	if sub.submit.Disabled() {
		s.t.Fatalf("提交 disabled with %v", ed.problems)
	}
	test.Tap(sub.submit)
	if ed.rec.Status != domain.StatusSubmitted {
		s.t.Fatalf("status %s after submit", ed.rec.Status)
	}
	res := s.step("result").(*resultStep)
	_ = res
	for _, st := range s.ed.steps {
		if st.key() != "result" && st.binder() != nil {
			for _, in := range st.binder().inputs {
				if !in.Disabled() {
					s.t.Fatalf("step %s still editable after submit", st.key())
				}
			}
		}
	}
}

// fillEmployed completes every step for an employed accountant (scope B).
func fillEmployed(s *harness) {
	fillCommon(s, "B")
	fillEducation(s, 0, "大学本科", "学士", "北京工商大学", "2008-09", "2012-07", "100111201205000123", "1001142012000123")

	s.add("work", 0)
	s.typeIn("work", "work[0].start", "2012-08")
	s.tick("work", "work[0].current", true)
	s.typeIn("work", "work[0].employer", "北京海淀示例会计服务有限公司")
	s.typeIn("work", "work[0].credit_code", "91110108ma01qwer70")
	s.choose("work", "work[0].unit_type", "企业")
	s.choose("work", "work[0].industry", "租赁和商务服务业")
	s.typeIn("work", "work[0].address", "北京市海淀区中关村大街1号")
	s.typeIn("work", "work[0].phone", "010-62345678")
	s.tick("work", "work[0].has_accounting", true)
	s.attach("work[0].social_insurance", distinct(30))
	s.add("work", 0) // the posts list of job 1 (its add button comes first)
	if len(s.ed.rec.Work[0].Posts) != 1 {
		s.add("work", 1)
	}
	s.typeIn("work", "work[0].posts[0].start", "2012-08")
	s.tick("work", "work[0].posts[0].current", true)
	s.choose("work", "work[0].posts[0].post", "出纳")
	s.choose("work", "work[0].posts[0].title", "助理会计师")
	s.typeIn("work", "work[0].posts[0].appointed_at", "2015-01")
	s.attach("work[0].posts[0].appointment", distinct(31))
	s.attach("work[0].posts[0].proof", distinct(32))

}

func TestEmployedAccountantEndToEnd(t *testing.T) {
	store := openStore(t)
	s := signUp(t, store, "110101199003079913", "张三", "13800138000")
	fillEmployed(s)
	submitClean(s)

	// A new session on the same database finds every value as entered.
	id := s.ed.rec.ID
	want := *s.ed.rec
	s.sess.End()
	b := login(t, store, "13800138000")
	b.settle()
	got := b.ed.rec
	if got.ID != id || got.Work[0].CreditCode != "91110108MA01QWER70" || got.Work[0].CreditCode == "" || got.Education[0].DegreeNo != "1001142012000123" ||
		got.Department.County != "110108" || got.Work[0].Posts[0].AppointedAt != domain.NewMonth(2015, 1) || got.Basic.Photo == nil {
		t.Fatalf("reopened record differs: %+v", got)
	}
	if got.Version != want.Version || got.Status != domain.StatusSubmitted {
		t.Fatalf("version %d status %s, want %d submitted", got.Version, got.Status, want.Version)
	}
	if keys := b.c.Keys(); keys[len(keys)-1] != "result" {
		t.Fatal("no result step")
	}
}

func TestStudentAndUnemployedEndToEnd(t *testing.T) {
	for _, student := range []bool{true, false} {
		s := signUp(t, openStore(t), "140105200401019971", "李四", "13700137000")
		fillCommon(s, "C")
		fillEducation(s, 0, "普通高中", "无", "北京市第一中学", "2019-09", "2022-07", "", "")
		if student {
			s.tick("education", "student", true)
			s.attach("enrolment", distinct(40))
		} else {
			s.attach("residence", distinct(41))
		}
		submitClean(s)
	}
}

// TestSeededMistakesBlockSubmission: three mistakes are listed by the
// pre-audit, each "前往" lands on its step, and 提交 stays disabled until
// they are fixed.
func TestSeededMistakesBlockSubmission(t *testing.T) {
	s := signUp(t, openStore(t), "110101199003079913", "张三", "13800138000")
	fillCommon(s, "C")
	s.attach("residence", distinct(41))
	fillEducation(s, 0, "大学本科", "学士", "北京工商大学", "2008-09", "2012-07", "100111201205000123", "1001142012000123")
	// Mistakes: a wrong check digit, a degree number of the wrong level, a
	// start after the graduation.
	s.typeIn("education", "education[0].diploma_no", "1001112012050001")
	s.typeIn("education", "education[0].degree_no", "1001132012000123")
	s.typeIn("education", "education[0].start", "2013-09")
	s.tick("submit", "commitment", true)
	sub := s.step("submit").(*submitStep)
	want := map[string]string{"ED2": "education[0].diploma_no", "DG3": "education[0].degree_no", "EDT1": "education[0].end"}
	for code, path := range want {
		found := false
		for _, p := range s.ed.problems {
			found = found || (p.Code == code && p.Field == path)
		}
		if !found {
			t.Fatalf("pre-audit misses %s at %s: %v", code, path, s.ed.problems)
		}
		s.selected = ""
		s.JumpTo(path)
		if s.selected != "education" {
			t.Fatalf("jump to %s landed on %s", path, s.selected)
		}
		if f, ok := s.win.Canvas().Focused().(*widgets.BlurEntry); path != "education[0].end" && (!ok || f != s.input("education", path)) {
			t.Fatalf("jump to %s did not focus its field", path)
		}
	}
	if len(sub.list.Objects) < 3 || !sub.submit.Disabled() || !strings.Contains(sub.summary.Text, "3 个错误") {
		t.Fatalf("list %d, submit disabled %v, summary %q", len(sub.list.Objects), sub.submit.Disabled(), sub.summary.Text)
	}
	// The message stands beside the field too.
	if msg := s.ed.fields["education[0].degree_no"].Msg.Text; msg == "" {
		t.Fatal("no message beside the degree number")
	}
	s.typeIn("education", "education[0].diploma_no", "100111201205000123")
	s.typeIn("education", "education[0].degree_no", "1001142012000123")
	s.typeIn("education", "education[0].start", "2008-09")
	if sub.submit.Disabled() {
		t.Fatalf("提交 still disabled: %v", s.ed.problems)
	}
	test.Tap(sub.submit)
	if s.ed.rec.Status != domain.StatusSubmitted {
		t.Fatal("not submitted")
	}
}

// TestMonthEntryRefusesImpossibleMonths: 2020-13 is refused beside the field
// and not saved.
func TestMonthEntryRefusesImpossibleMonths(t *testing.T) {
	s := signUp(t, openStore(t), "110101199003079913", "张三", "13800138000")
	s.add("education", 0)
	before := s.ed.rec.Version
	s.typeIn("education", "education[0].start", "2020-13")
	if s.ed.rec.Version != before {
		t.Fatal("an impossible month was saved")
	}
	if msg := s.ed.fields["education[0].start"].Msg.Text; !strings.Contains(msg, "1–12") {
		t.Fatalf("message %q", msg)
	}
}

// TestLocalityWarningOnDepartment: an employer registered in 广东 with a
// department in 北京 is flagged on the department screen (U5, a warning).
func TestLocalityWarningOnDepartment(t *testing.T) {
	s := signUp(t, openStore(t), "110101199003079913", "张三", "13800138000")
	fillEmployed(s)
	dep := s.step("department").(*departmentStep)
	if len(dep.locality.Objects) != 0 {
		t.Fatal("a warning without cause")
	}
	s.typeIn("work", "work[0].credit_code", "12440300455608135U")
	if len(dep.locality.Objects) != 1 || !strings.Contains(dep.locality.Objects[0].(*widget.Label).Text, "不在同一省份") {
		t.Fatalf("属地 warning missing: %d", len(dep.locality.Objects))
	}
}

// TestPassportHolderBasicInformation: a passport holder enters gender and
// birth month and picks the 国籍 by name.
func TestPassportHolderBasicInformation(t *testing.T) {
	s := register(t, openStore(t), domain.Registration{IDType: domain.IDForeignPassport, IDNumber: "E1234567", Name: "john smith",
		Password: "Abcdef12!", Confirm: "Abcdef12!", Phone: "13800138000"})
	s.typeIn("basic", "basic.nationality", "美国（USA）")
	s.choose("basic", "basic.gender", "女")
	s.typeIn("basic", "basic.birth", "1988-05")
	b := s.ed.rec.Basic
	if b.Nationality != "USA" || b.Gender != domain.Female || b.Birth != domain.NewMonth(1988, 5) || b.Name != "JOHN SMITH" {
		t.Fatalf("basic %+v", b)
	}
	for _, p := range s.ed.problemsIn("basic.nationality", "basic.gender", "basic.birth") {
		t.Errorf("still a problem: %v", p)
	}
}
