package admin

import (
	"caiji/ui/session"
	"caiji/ui/widgets"
	"slices"
	"strings"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Screen is the review station administrator's 审核人员管理: add
// reviewers, assign their departments, disable and re-enable them.
type Screen struct {
	sess *session.Session
	body *fyne.Container
	list *fyne.Container

	id, name, phone, password *widget.Entry
	add                       *widgets.Button
	status                    *widget.Label

	// The departments of the new reviewer: chosen 省 → 市 → 区县 (or 市本级)
	// and added to the list one by one.
	province, city, county string
	chooser                *fyne.Container
	pickDept               *widgets.Button
	chosen                 []string
	chosenBox              *fyne.Container
}

// New makes the reviewers screen of the admin signed in as sess.
func New(sess *session.Session) *Screen {
	t := sess.Tr
	s := &Screen{sess: sess, list: container.NewVBox()}
	s.id, s.name, s.phone = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	s.password = widget.NewPasswordEntry()
	s.status = widgets.StatusLabel()
	s.add = widgets.NewButton(t.T("admin.add"), s.create)
	s.chooser = container.NewGridWithColumns(3)
	s.chosenBox = container.NewVBox()
	s.pickDept = widgets.NewButton(t.T("admin.add_dept"), s.addDept)
	s.showChooser()
	depts := container.NewVBox(s.chooser, s.pickDept, s.chosenBox)
	form := widgets.FormGrid(widgets.NewField(t.T("account.id_number"), s.id), widgets.NewField(t.T("account.name"), s.name),
		widgets.NewField(t.T("admin.phone"), s.phone), widgets.NewField(t.T("admin.password"), s.password), widgets.NewField(t.T("admin.depts"), depts))
	s.body = container.NewVBox(widget.NewCard(t.T("admin.reviewers"), "", s.list),
		widget.NewCard(t.T("admin.new"), t.T("admin.new.subtitle"), container.NewVBox(form, s.add, s.status)))
	s.refresh()
	return s
}

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(s.body))
}

// showChooser lays out the 省/市/区县 entries for the current choice.
func (s *Screen) showChooser() {
	t, divs := s.sess.Tr, s.sess.Cat.Divisions
	s.chooser.RemoveAll()
	s.chooser.Add(widgets.DivisionEntry(t, divs, "", s.province, "", func(c string) {
		s.province, s.city, s.county = c, "", ""
		s.showChooser()
	}))
	if s.province != "" {
		s.chooser.Add(widgets.DivisionEntry(t, divs, s.province, s.city, "", func(c string) {
			s.city, s.county = c, ""
			s.showChooser()
		}))
	}
	if s.city != "" {
		s.chooser.Add(widgets.DivisionEntry(t, divs, s.city, s.county, t.T("department.city_level"), func(c string) { s.county = c }))
	}
}

// addDept adds the most specific division chosen to the new reviewer's
// list: a city (市本级) or a county, the levels a record names.
func (s *Screen) addDept() {
	code := domain.Department{Province: s.province, City: s.city, County: s.county}.Code()
	if code == "" || slices.Contains(s.chosen, code) {
		return
	}
	if err := domain.CheckDepartments([]string{code}); err != nil {
		widgets.SetStatus(s.status, s.sess.Tr.Err(err), widget.DangerImportance)
		return
	}
	widgets.SetStatus(s.status, "", widget.MediumImportance)
	s.chosen = append(s.chosen, code)
	s.showChosen()
}

func (s *Screen) showChosen() {
	s.chosenBox.RemoveAll()
	for _, code := range s.chosen {
		code := code
		rm := widgets.NewIconButton("", theme.DeleteIcon(), func() {
			s.chosen = slices.DeleteFunc(s.chosen, func(c string) bool { return c == code })
			s.showChosen()
		})
		s.chosenBox.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(s.deptLabel(code))))
	}
}

// deptLabel names a department with its code. The name is a proper name and
// stays Chinese in every language; the brackets around the code follow the
// UI language.
func (s *Screen) deptLabel(code string) string {
	return s.sess.Tr.T("admin.dept", s.sess.Cat.Divisions.Department(code), code)
}

func (s *Screen) create() {
	t := s.sess.Tr
	if len(s.chosen) == 0 {
		widgets.SetStatus(s.status, t.T("admin.no_depts"), widget.DangerImportance)
		return
	}
	r := domain.Registration{IDType: domain.IDMainland, IDNumber: s.id.Text, Name: s.name.Text, Phone: s.phone.Text, Password: s.password.Text, Confirm: s.password.Text}
	_, err := s.sess.Store.CreateReviewer(s.sess.Context(), s.sess.ID, r, s.chosen)
	if err != nil {
		widgets.SetStatus(s.status, s.sess.Tr.Err(err), widget.DangerImportance)
		return
	}
	for _, e := range []*widget.Entry{s.id, s.name, s.phone, s.password} {
		e.SetText("")
	}
	s.chosen, s.province, s.city, s.county = nil, "", "", ""
	s.showChosen()
	s.showChooser()
	widgets.SetStatus(s.status, t.T("admin.added", r.Name), widget.SuccessImportance)
	s.refresh()
}

// refresh lists the reviewers with their departments and a disable switch.
func (s *Screen) refresh() {
	t := s.sess.Tr
	s.list.RemoveAll()
	rs, err := s.sess.Store.Reviewers(s.sess.Context(), s.sess.ID)
	if err != nil {
		s.list.Add(widget.NewLabel(t.Err(err)))
		return
	}
	if len(rs) == 0 {
		s.list.Add(widget.NewLabel(t.T("admin.none")))
	}
	for _, r := range rs {
		r := r
		var names []string
		for _, d := range r.Departments {
			names = append(names, s.deptLabel(d))
		}
		label := widgets.WrapLabel(r.Name + "  " + domain.MaskIDNumber(r.IDNumber) + "\n" + strings.Join(names, s.sess.Tr.T("list.separator")))
		key := "admin.disable"
		if r.Disabled {
			key = "admin.enable"
			label.Importance = widget.LowImportance
		}
		toggle := widgets.NewButton(t.T(key), func() {
			if err := s.sess.Store.SetDisabled(s.sess.Context(), s.sess.ID, r.ID, !r.Disabled); err != nil {
				s.sess.ShowError(err)
			}
			s.refresh()
		})
		s.list.Add(container.NewBorder(nil, nil, nil, toggle, label))
	}
}
