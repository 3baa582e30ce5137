package candidate

import (
	"caiji/domain"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// departmentStep is 会计管理部门: province → city → district (or 市本级),
// each searchable by typing, with the department's name and the 属地 advice.
type departmentStep struct {
	baseStep
	// locality lists the 属地 warnings (U5), which follow the work rows too.
	locality *fyne.Container
}

func newDepartmentStep(ed *editor) *departmentStep {
	s := &departmentStep{baseStep: newBase(ed, "department", "department")}
	ed.onChange = append(ed.onChange, s.showLocality)
	return s
}

// showLocality shows the pre-audit's 属地 warnings on this screen as well
// as beside the credit code they come from.
func (s *departmentStep) showLocality() {
	if s.locality == nil {
		return
	}
	s.locality.RemoveAll()
	for _, p := range s.ed.problems {
		if p.Code == "U5" {
			l := widgets.WrapLabel(s.ed.sess.Tr.Msg(p.Msg))
			l.Importance = widget.WarningImportance
			s.locality.Add(l)
		}
	}
}

func (s *departmentStep) build() fyne.CanvasObject {
	b, t, rec := s.fresh(), s.ed.sess.Tr, s.ed.rec
	again := func() { s.ed.host.Rebuild(s.k) }
	province := b.division("department.province", t.T("department.province"), func(*domain.Record) string { return "" },
		func(r *domain.Record) string { return r.Department.Province },
		func(r *domain.Record, c string) { r.Department = domain.Department{Province: c} }, "", again)
	fields := []*widgets.Field{province}
	if rec.Department.Province != "" {
		fields = append(fields, b.division("department.city", t.T("department.city"), func(r *domain.Record) string { return r.Department.Province },
			func(r *domain.Record) string { return r.Department.City },
			func(r *domain.Record, c string) { r.Department.City, r.Department.County = c, "" }, "", again))
	}
	if rec.Department.City != "" {
		fields = append(fields, b.division("department.county", t.T("department.county"), func(r *domain.Record) string { return r.Department.City },
			func(r *domain.Record) string { return r.Department.County },
			func(r *domain.Record, c string) { r.Department.County = c }, t.T("department.city_level"), again))
	}
	name := widget.NewLabelWithStyle(s.ed.sess.Cat.Divisions.Department(rec.Department.Code()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	fields = append(fields, widgets.NewField(t.T("department.name"), name))
	advice := widget.NewLabel(t.T("department.advice"))
	advice.Wrapping = fyne.TextWrapWord
	msg := s.ed.register("department", widgets.NewField("", nil)).Msg
	s.locality = container.NewVBox()
	s.showLocality()
	return container.NewVBox(s.header(), widgets.FormGrid(fields...), msg, s.locality, advice)
}
