package candidate

import (
	"caiji/ui/widgets"
	"fmt"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// step is one screen of the navigator after 账户.
type step interface {
	// key names the step's title ("step.<key>") and introduction.
	key() string
	// build makes the screen from the editor's record.
	build() fyne.CanvasObject
	// prefixes are the problem paths the step is responsible for.
	prefixes() []string
	// binder is the screen's inputs, for read-only mode and jumps.
	binder() *binder
}

// baseStep carries what every step has: its key, the problem paths it owns
// and the binder of its inputs.
type baseStep struct {
	ed   *editor
	b    *binder
	k    string
	pres []string
	// adds are the "add a row" buttons of the current build, in order.
	adds []*widgets.Button
	// rowEnds holds, by section title, the last button of each row's head
	// in the current build; a row just added gets the focus on what follows.
	rowEnds map[string][]*widgets.Button
}

func newBase(ed *editor, key string, prefixes ...string) baseStep {
	return baseStep{ed: ed, b: newBinder(ed), k: key, pres: prefixes}
}

func (s *baseStep) key() string        { return s.k }
func (s *baseStep) prefixes() []string { return s.pres }
func (s *baseStep) binder() *binder    { return s.b }

// fresh starts a new build: a new binder, so inputs of the previous build
// are forgotten.
func (s *baseStep) fresh() *binder {
	s.b = newBinder(s.ed)
	s.adds = nil
	s.rowEnds = map[string][]*widgets.Button{}
	return s.b
}

// header is a step's title and the line that says what it is for.
func (s *baseStep) header() fyne.CanvasObject {
	t := s.ed.sess.Tr
	title := widget.NewLabelWithStyle(t.T("step."+s.k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(t.T("step." + s.k + ".intro"))
	intro.Wrapping = fyne.TextWrapWord
	return container.NewVBox(title, intro)
}

// rowList lays out the rows of a repeatable section with add, delete and
// move buttons; every structural change rebuilds the step.
func rowList[T any](s *baseStep, title string, rows func(*domain.Record) *[]T, row func(i int) fyne.CanvasObject) fyne.CanvasObject {
	t := s.ed.sess.Tr
	ed := s.ed
	n := len(*rows(ed.rec))
	box := container.NewVBox()
	for i := 0; i < n; i++ {
		i := i
		up := widgets.NewIconButton("", theme.MoveUpIcon(), func() {
			ed.save(func(r *domain.Record) { moveRow(*rows(r), i, i-1) })
			ed.host.Rebuild(s.k)
		})
		down := widgets.NewIconButton("", theme.MoveDownIcon(), func() {
			ed.save(func(r *domain.Record) { moveRow(*rows(r), i, i+1) })
			ed.host.Rebuild(s.k)
		})
		del := widgets.NewIconButton(t.T("row.delete"), theme.DeleteIcon(), func() {
			ed.save(func(r *domain.Record) { removeRow(rows(r), i) })
			ed.host.Rebuild(s.k)
		})
		if i == 0 {
			up.Disable()
		}
		if i == n-1 {
			down.Disable()
		}
		for _, btn := range []*widgets.Button{up, down, del} {
			s.b.inputs = append(s.b.inputs, btn)
		}
		head := container.NewBorder(nil, nil, widget.NewLabelWithStyle(fmt.Sprintf("%s %d", title, i+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(up, down, del))
		box.Add(widget.NewCard("", "", container.NewVBox(head, row(i))))
		s.rowEnds[title] = append(s.rowEnds[title], del)
	}
	add := widgets.NewIconButton(t.T("row.add", title), theme.ContentAddIcon(), func() {
		ed.save(func(r *domain.Record) {
			var zero T
			*rows(r) = append(*rows(r), zero)
		})
		ed.host.Rebuild(s.k)
		if ends := s.rowEnds[title]; n < len(ends) {
			c := ed.sess.Win.Canvas()
			c.Focus(ends[n])
			c.FocusNext() // the new row's first field
		}
	})
	s.b.inputs = append(s.b.inputs, add)
	s.adds = append(s.adds, add)
	box.Add(add)
	return box
}

func moveRow[T any](rows []T, i, j int) {
	if i >= 0 && j >= 0 && i < len(rows) && j < len(rows) {
		rows[i], rows[j] = rows[j], rows[i]
	}
}

func removeRow[T any](rows *[]T, i int) {
	if i >= 0 && i < len(*rows) {
		*rows = append((*rows)[:i], (*rows)[i+1:]...)
	}
}

// at returns &rows[i], or a throw-away value when the row is gone, so a
// late save of a deleted row cannot panic.
func at[T any](rows []T, i int) *T {
	if i >= 0 && i < len(rows) {
		return &rows[i]
	}
	return new(T)
}

// rebuildOnChange makes a check box or a choice rebuild the step after its
// change is saved, for inputs that show or hide others.
func (s *baseStep) rebuildOnChange(f *widgets.Field) *widgets.Field {
	again := func() { s.ed.host.Rebuild(s.k) }
	switch w := f.Control.(type) {
	case *widgets.CheckBox:
		w.OnChanged = chain(w.OnChanged, func(bool) { again() })
	case *widget.Select:
		w.OnChanged = chain(w.OnChanged, func(string) { again() })
	}
	return f
}
