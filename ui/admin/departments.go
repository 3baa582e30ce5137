package admin

import (
	"slices"

	"caiji/domain"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// deptChooser picks the departments a reviewer reviews for: 省 → 市 →
// 区县 (or 市本级) chosen and added to a list one by one, each removable.
// The new-reviewer form and the change of a reviewer's departments share it.
type deptChooser struct {
	sess                   *session.Session
	province, city, county string
	chosen                 []string
	grid, chosenBox        *fyne.Container
	pick                   *widgets.Button
	// refused shows why a department was not added ("" clears it).
	refused func(string)
	content fyne.CanvasObject
}

func newDeptChooser(sess *session.Session, chosen []string, refused func(string)) *deptChooser {
	c := &deptChooser{sess: sess, chosen: slices.Clone(chosen), grid: container.NewGridWithColumns(3), chosenBox: container.NewVBox(), refused: refused}
	c.pick = widgets.NewButton(sess.Tr.T("admin.add_dept"), c.add)
	c.content = container.NewVBox(c.grid, c.pick, c.chosenBox)
	c.showChooser()
	c.showChosen()
	return c
}

// showChooser lays out the 省/市/区县 entries for the current choice. The
// entries have no labels of their own, so each names its level as its
// placeholder: with the generic "type to search" an administrator typed a
// district into the province box, and in English it did not fit a third
// of the form.
func (c *deptChooser) showChooser() {
	t, divs := c.sess.Tr, c.sess.Cat.Divisions
	c.grid.RemoveAll()
	level := func(e *widgets.SearchBox, key string) *widgets.SearchBox {
		e.SetPlaceHolder(t.T(key))
		return e
	}
	c.grid.Add(level(widgets.DivisionEntry(t, divs, "", c.province, "", func(code string) {
		c.province, c.city, c.county = code, "", ""
		c.showChooser()
	}), "department.province"))
	if c.province != "" {
		c.grid.Add(level(widgets.DivisionEntry(t, divs, c.province, c.city, "", func(code string) {
			c.city, c.county = code, ""
			c.showChooser()
		}), "department.city"))
	}
	if c.city != "" {
		c.grid.Add(level(widgets.DivisionEntry(t, divs, c.city, c.county, t.T("department.city_level"), func(code string) { c.county = code }),
			"department.county"))
	}
}

// add adds the most specific division chosen to the list: a city (市本级)
// or a county, the levels a record names.
func (c *deptChooser) add() {
	code := domain.Department{Province: c.province, City: c.city, County: c.county}.Code()
	if code == "" || slices.Contains(c.chosen, code) {
		return
	}
	if err := domain.CheckDepartments([]string{code}); err != nil {
		c.refused(c.sess.Tr.Err(err))
		return
	}
	c.refused("")
	c.chosen = append(c.chosen, code)
	c.showChosen()
}

func (c *deptChooser) showChosen() {
	c.chosenBox.RemoveAll()
	for _, code := range c.chosen {
		rm := widgets.NewIconButton("", theme.DeleteIcon(), func() {
			c.chosen = slices.DeleteFunc(c.chosen, func(x string) bool { return x == code })
			c.showChosen()
		})
		c.chosenBox.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(deptLabel(c.sess, code))))
	}
}

// reset empties the choice and the list.
func (c *deptChooser) reset() {
	c.chosen, c.province, c.city, c.county = nil, "", "", ""
	c.showChosen()
	c.showChooser()
}

// deptLabel names a department with its code. The name is a proper name and
// stays Chinese in every language; the brackets around the code follow the
// UI language.
func deptLabel(sess *session.Session, code string) string {
	return sess.Tr.T("admin.dept", sess.Cat.Divisions.Department(code), code)
}
