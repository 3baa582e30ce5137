package ui

import (
	"context"
	"strings"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// adminScreen is the review station administrator's 审核人员管理: add
// reviewers, assign their departments, disable and re-enable them.
type adminScreen struct {
	app  *App
	body *fyne.Container
	list *fyne.Container

	id, name, phone, password *widget.Entry
	depts                     *widget.Entry // division codes, comma-separated, checked on save
	add                       *widget.Button
	status                    *widget.Label
}

func newAdminScreen(a *App) *adminScreen {
	t := a.tr
	s := &adminScreen{app: a, list: container.NewVBox()}
	s.id, s.name, s.phone = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	s.password = widget.NewPasswordEntry()
	s.depts = widget.NewEntry()
	s.depts.SetPlaceHolder(t.T("admin.depts.hint"))
	s.status = statusLabel()
	s.add = widget.NewButton(t.T("admin.add"), s.create)
	form := formGrid(newField(t.T("account.id_number"), s.id), newField(t.T("account.name"), s.name),
		newField(t.T("admin.phone"), s.phone), newField(t.T("admin.password"), s.password), newField(t.T("admin.depts"), s.depts))
	s.body = container.NewVBox(widget.NewCard(t.T("admin.reviewers"), "", s.list),
		widget.NewCard(t.T("admin.new"), t.T("admin.new.subtitle"), container.NewVBox(form, s.add, s.status)))
	s.refresh()
	return s
}

func (s *adminScreen) content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(s.body))
}

// departments reads the codes typed in, refusing any the division data lacks.
func (s *adminScreen) departments() ([]string, []string) {
	var ok, bad []string
	for _, c := range strings.FieldsFunc(s.depts.Text, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		if s.app.cat.Divisions.Get(c) == nil {
			bad = append(bad, c)
		} else {
			ok = append(ok, c)
		}
	}
	return ok, bad
}

func (s *adminScreen) create() {
	t := s.app.tr
	depts, bad := s.departments()
	if len(bad) > 0 || len(depts) == 0 {
		setStatus(s.status, t.T("admin.bad_depts", strings.Join(bad, ", ")), widget.DangerImportance)
		return
	}
	r := domain.Registration{IDType: domain.IDMainland, IDNumber: s.id.Text, Name: s.name.Text, Phone: s.phone.Text, Password: s.password.Text, Confirm: s.password.Text}
	_, err := s.app.store.CreateReviewer(context.Background(), *s.app.user, r, depts)
	if err != nil {
		setStatus(s.status, s.app.tr.Err(err), widget.DangerImportance)
		return
	}
	for _, e := range []*widget.Entry{s.id, s.name, s.phone, s.password, s.depts} {
		e.SetText("")
	}
	setStatus(s.status, t.T("admin.added", r.Name), widget.SuccessImportance)
	s.refresh()
}

// refresh lists the reviewers with their departments and a disable switch.
func (s *adminScreen) refresh() {
	t := s.app.tr
	s.list.RemoveAll()
	rs, err := s.app.store.Reviewers(context.Background(), *s.app.user)
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
			if err := s.app.store.SetDisabled(context.Background(), *s.app.user, r.ID, !r.Disabled); err != nil {
				s.app.showError(err)
			}
			s.refresh()
		})
		s.list.Add(container.NewBorder(nil, nil, nil, toggle, label))
	}
}
