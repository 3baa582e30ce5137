package ui

import (
	"slices"
	"strings"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// adminScreen is the review station administrator's 审核人员管理: add
// reviewers, assign their departments, disable and re-enable them.
type adminScreen struct {
	sess *Session
	app  *App
	body *fyne.Container
	list *fyne.Container

	id, name, phone, password *widget.Entry
	add                       *widget.Button
	status                    *widget.Label

	// The departments of the new reviewer: chosen 省 → 市 → 区县 (or 市本级)
	// and added to the list one by one.
	province, city, county string
	chooser                *fyne.Container
	pickDept               *widget.Button
	chosen                 []string
	chosenBox              *fyne.Container
}

func newAdminScreen(a *App, sess *Session) *adminScreen {
	t := a.tr
	s := &adminScreen{app: a, sess: sess, list: container.NewVBox()}
	s.id, s.name, s.phone = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	s.password = widget.NewPasswordEntry()
	s.status = statusLabel()
	s.add = widget.NewButton(t.T("admin.add"), s.create)
	s.chooser = container.NewGridWithColumns(3)
	s.chosenBox = container.NewVBox()
	s.pickDept = widget.NewButton(t.T("admin.add_dept"), s.addDept)
	s.showChooser()
	depts := container.NewVBox(s.chooser, s.pickDept, s.chosenBox)
	form := formGrid(newField(t.T("account.id_number"), s.id), newField(t.T("account.name"), s.name),
		newField(t.T("admin.phone"), s.phone), newField(t.T("admin.password"), s.password), newField(t.T("admin.depts"), depts))
	s.body = container.NewVBox(widget.NewCard(t.T("admin.reviewers"), "", s.list),
		widget.NewCard(t.T("admin.new"), t.T("admin.new.subtitle"), container.NewVBox(form, s.add, s.status)))
	s.refresh()
	return s
}

func (s *adminScreen) content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(s.body))
}

// showChooser lays out the 省/市/区县 entries for the current choice.
func (s *adminScreen) showChooser() {
	t, divs := s.app.tr, s.app.cat.Divisions
	s.chooser.RemoveAll()
	s.chooser.Add(divisionEntry(t, divs, "", s.province, "", func(c string) {
		s.province, s.city, s.county = c, "", ""
		s.showChooser()
	}))
	if s.province != "" {
		s.chooser.Add(divisionEntry(t, divs, s.province, s.city, "", func(c string) {
			s.city, s.county = c, ""
			s.showChooser()
		}))
	}
	if s.city != "" {
		s.chooser.Add(divisionEntry(t, divs, s.city, s.county, t.T("department.city_level"), func(c string) { s.county = c }))
	}
}

// addDept adds the most specific division chosen to the new reviewer's list.
func (s *adminScreen) addDept() {
	code := domain.Department{Province: s.province, City: s.city, County: s.county}.Code()
	if code == "" || slices.Contains(s.chosen, code) {
		return
	}
	s.chosen = append(s.chosen, code)
	s.showChosen()
}

func (s *adminScreen) showChosen() {
	s.chosenBox.RemoveAll()
	for _, code := range s.chosen {
		code := code
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			s.chosen = slices.DeleteFunc(s.chosen, func(c string) bool { return c == code })
			s.showChosen()
		})
		s.chosenBox.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(s.app.cat.Divisions.Department(code)+"（"+code+"）")))
	}
}

func (s *adminScreen) create() {
	t := s.app.tr
	if len(s.chosen) == 0 {
		setStatus(s.status, t.T("admin.no_depts"), widget.DangerImportance)
		return
	}
	r := domain.Registration{IDType: domain.IDMainland, IDNumber: s.id.Text, Name: s.name.Text, Phone: s.phone.Text, Password: s.password.Text, Confirm: s.password.Text}
	_, err := s.sess.Store.CreateReviewer(s.sess.Context(), s.sess.ID, r, s.chosen)
	if err != nil {
		setStatus(s.status, s.app.tr.Err(err), widget.DangerImportance)
		return
	}
	for _, e := range []*widget.Entry{s.id, s.name, s.phone, s.password} {
		e.SetText("")
	}
	s.chosen, s.province, s.city, s.county = nil, "", "", ""
	s.showChosen()
	s.showChooser()
	setStatus(s.status, t.T("admin.added", r.Name), widget.SuccessImportance)
	s.refresh()
}

// refresh lists the reviewers with their departments and a disable switch.
func (s *adminScreen) refresh() {
	t := s.app.tr
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
			names = append(names, s.app.cat.Divisions.Department(d)+"（"+d+"）")
		}
		label := wrapLabel(r.Name + "  " + domain.MaskIDNumber(r.IDNumber) + "\n" + strings.Join(names, "、"))
		key := "admin.disable"
		if r.Disabled {
			key = "admin.enable"
			label.Importance = widget.LowImportance
		}
		toggle := widget.NewButton(t.T(key), func() {
			if err := s.sess.Store.SetDisabled(s.sess.Context(), s.sess.ID, r.ID, !r.Disabled); err != nil {
				s.sess.ShowError(err)
			}
			s.refresh()
		})
		s.list.Add(container.NewBorder(nil, nil, nil, toggle, label))
	}
}
