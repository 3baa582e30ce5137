package candidate

import (
	"strings"

	"caiji/domain"
	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// binder builds the inputs of one screen over the editor's record: each
// input shows the record's value, writes changes back through the editor,
// and registers its problem path so the pre-audit's message appears beside it.
type binder struct {
	ed *editor
	t  *i18n.Translator
	// inputs are disabled together when the record is read-only.
	inputs []fyne.Disableable
	// focus maps a problem path to the widget "jump to field" focuses.
	focus map[string]fyne.Focusable
	// checks maps a path to its check box (a check box cannot take focus).
	checks map[string]*widgets.CheckBox
	// pickers are the screen's image pickers, for drag and drop.
	pickers []*widgets.Picker
}

func newBinder(ed *editor) *binder {
	return &binder{ed: ed, t: ed.sess.Tr, focus: map[string]fyne.Focusable{}, checks: map[string]*widgets.CheckBox{}}
}

func (b *binder) track(path string, w fyne.Disableable) {
	b.inputs = append(b.inputs, w)
	if f, ok := w.(fyne.Focusable); ok {
		b.focus[path] = f
	}
}

// setEditable enables or disables every input of the screen.
func (b *binder) setEditable(on bool) {
	for _, w := range b.inputs {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// text binds a free-text field: saved after a pause in typing or on leaving it.
func (b *binder) text(path, label string, get func(*domain.Record) string, set func(*domain.Record, string)) *widgets.Field {
	e := widgets.NewBlurEntry()
	e.SetText(get(b.ed.rec))
	e.OnChanged = func(s string) { b.ed.saveLater(func(r *domain.Record) { set(r, s) }) }
	e.OnBlur = b.ed.flush
	e.Shortcut = b.ed.host.Shortcut
	b.track(path, e)
	return b.ed.register(path, widgets.NewField(label, e))
}

// month binds a year-month field. What cannot be read as a month (2020-13)
// is refused beside the field and not saved; an empty entry clears it.
func (b *binder) month(path, label string, get func(*domain.Record) domain.Month, set func(*domain.Record, domain.Month)) *widgets.Field {
	var f *widgets.Field
	e := widgets.NewMonthEntry(b.t, get(b.ed.rec), func(m domain.Month) {
		b.ed.saveLater(func(r *domain.Record) { set(r, m) })
	}, func(err error) {
		b.ed.cancelPending()
		f.SetError(b.t.Err(err))
	})
	f = b.ed.register(path, widgets.NewField(label, e))
	e.OnBlur = b.ed.flush
	e.Shortcut = b.ed.host.Shortcut
	b.track(path, e)
	return f
}

// choice binds a field to an option list; "" is shown as nothing chosen.
func (b *binder) choice(path, label string, opts []domain.Option, get func(*domain.Record) string, set func(*domain.Record, string)) *widgets.Field {
	names := make([]string, len(opts))
	for i, o := range opts {
		names[i] = b.t.Msg(o.Name())
	}
	s := widget.NewSelect(names, nil)
	s.PlaceHolder = b.t.T("field.choose")
	for i, o := range opts {
		if o.Code == get(b.ed.rec) {
			s.SetSelectedIndex(i)
		}
	}
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 {
			code := opts[i].Code
			b.ed.save(func(r *domain.Record) { set(r, code) })
		}
	}
	b.track(path, s)
	f := widgets.NewField(label, s)
	f.Control = s
	return b.ed.register(path, f)
}

// check binds a yes/no field.
func (b *binder) check(path, text string, get func(*domain.Record) bool, set func(*domain.Record, bool)) (*widgets.CheckBox, *widgets.Field) {
	c, box := widgets.WrappingCheck(text, nil)
	c.SetChecked(get(b.ed.rec))
	c.OnChanged = func(on bool) { b.ed.save(func(r *domain.Record) { set(r, on) }) }
	b.track(path, c)
	b.checks[path] = c
	f := widgets.NewField("", box)
	f.Control = c
	return c, b.ed.register(path, f)
}

// focusFor returns the input for path, or the nearest one above it
// ("education[0].diploma_no" falls back to "education[0]" and "education").
func (b *binder) focusFor(path string) fyne.Focusable {
	for p := path; p != ""; {
		if f, ok := b.focus[p]; ok {
			return f
		}
		i := max(strings.LastIndexByte(p, '.'), strings.LastIndexByte(p, '['))
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return nil
}

// division binds one level of the 省/市/区县 tree to the record: choosing
// an entry saves its code, then runs after (which rebuilds the levels below).
func (b *binder) division(path, label string, parent func(*domain.Record) string, get func(*domain.Record) string, set func(*domain.Record, string), cityLevel string, after func()) *widgets.Field {
	e := widgets.DivisionEntry(b.t, b.ed.sess.Cat.Divisions, parent(b.ed.rec), get(b.ed.rec), cityLevel, func(code string) {
		if code == get(b.ed.rec) {
			return
		}
		b.ed.save(func(r *domain.Record) { set(r, code) })
		if after != nil {
			after()
		}
	})
	e.Shortcut = b.ed.host.Shortcut
	b.track(path, e)
	return b.ed.register(path, widgets.NewField(label, e))
}

// image adds a picker for the image at slot of the record to the screen
// and returns its field (the problems of path appear under it).
func (b *binder) image(path string, kind domain.AttachmentKind, slot func(*domain.Record) **domain.Attachment) *widgets.Field {
	ed := b.ed
	p := widgets.NewPicker(ed.pickerEnv(), path, kind, *slot(ed.rec))
	p.Editable = ed.editable
	p.Stored = func(f *domain.Attachment) { ed.save(func(r *domain.Record) { *slot(r) = f }) }
	b.track(path, p.Choose())
	b.pickers = append(b.pickers, p)
	f := ed.register(path, widgets.NewField("", p.Content()))
	// The line under the picker speaks of the stored image; while another
	// is checked or fixed, the picker's own checks speak instead.
	p.Considering = func() { f.SetError("") }
	return f
}
