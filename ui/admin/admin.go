package admin

import (
	"caiji/ui/session"
	"caiji/ui/widgets"
	"strings"

	"caiji/domain"
	"caiji/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	// edit is the department chooser of the open change dialog, if any.
	edit *deptChooser

	// depts are the departments of the new reviewer.
	depts *deptChooser
}

// New makes the reviewers screen of the admin signed in as sess.
func New(sess *session.Session) *Screen {
	t := sess.Tr
	s := &Screen{sess: sess, list: container.NewVBox()}
	s.id, s.name, s.phone = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	s.password = widget.NewPasswordEntry()
	s.status = widgets.StatusLabel()
	s.add = widgets.NewButton(t.T("admin.add"), s.create)
	s.depts = newDeptChooser(sess, nil, func(msg string) { widgets.SetStatus(s.status, msg, widget.DangerImportance) })
	depts := s.depts.content
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

func (s *Screen) create() {
	t := s.sess.Tr
	if len(s.depts.chosen) == 0 {
		widgets.SetStatus(s.status, t.T("admin.no_depts"), widget.DangerImportance)
		return
	}
	r := domain.Registration{IDType: domain.IDMainland, IDNumber: s.id.Text, Name: s.name.Text, Phone: s.phone.Text, Password: s.password.Text, Confirm: s.password.Text}
	_, err := s.sess.Store.CreateReviewer(s.sess.Context(), s.sess.ID, r, s.depts.chosen)
	if err != nil {
		widgets.SetStatus(s.status, s.sess.Tr.Err(err), widget.DangerImportance)
		return
	}
	for _, e := range []*widget.Entry{s.id, s.name, s.phone, s.password} {
		e.SetText("")
	}
	s.depts.reset()
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
			names = append(names, deptLabel(s.sess, d))
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
		edit := widgets.NewButton(t.T("admin.edit_depts"), func() { s.editDepts(r) })
		s.list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, toggle), label))
	}
}

// editDepts changes the departments a reviewer reviews for, in a dialog
// that starts from the current ones; storage takes the new list whole.
func (s *Screen) editDepts(r storage.Reviewer) {
	t := s.sess.Tr
	msg := widgets.StatusLabel()
	c := newDeptChooser(s.sess, r.Departments, func(m string) { widgets.SetStatus(msg, m, widget.DangerImportance) })
	d := dialog.NewCustomConfirm(t.T("admin.edit_depts.title", r.Name), t.T("admin.save"), t.T("admin.cancel"), container.NewVBox(c.content, msg), func(save bool) {
		if !save {
			return
		}
		if len(c.chosen) == 0 {
			widgets.SetStatus(s.status, t.T("admin.no_depts"), widget.DangerImportance)
			return
		}
		if err := s.sess.Store.SetDepartments(s.sess.Context(), s.sess.ID, r.ID, c.chosen); err != nil {
			s.sess.ShowError(err)
			return
		}
		widgets.SetStatus(s.status, t.T("admin.depts_saved", r.Name), widget.SuccessImportance)
		s.refresh()
	}, s.sess.Win)
	d.Resize(fyne.NewSize(640, 420))
	s.edit = c
	s.sess.Show(d)
}
