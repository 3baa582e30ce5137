package ui

import (
	"strings"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// blurEntry is an Entry that reports when it loses focus, so a field is
// saved the moment the user leaves it.
type blurEntry struct {
	widget.Entry
	onBlur func()
}

func newBlurEntry() *blurEntry {
	e := &blurEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost saves the field before the focus moves on.
func (e *blurEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// binder builds the inputs of one screen over the editor's record: each
// input shows the record's value, writes changes back through the editor,
// and registers its problem path so the pre-audit's message appears beside it.
type binder struct {
	ed *editor
	t  *Translator
	// inputs are disabled together when the record is read-only.
	inputs []fyne.Disableable
	// focus maps a problem path to the widget "jump to field" focuses.
	focus map[string]fyne.Focusable
	// checks maps a path to its check box (a check box cannot take focus).
	checks map[string]*widget.Check
	// pickers are the screen's image pickers, for drag and drop.
	pickers []*imagePicker
}

func newBinder(ed *editor) *binder {
	return &binder{ed: ed, t: ed.app.tr, focus: map[string]fyne.Focusable{}, checks: map[string]*widget.Check{}}
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
func (b *binder) text(path, label string, get func(*domain.Record) string, set func(*domain.Record, string)) *field {
	e := newBlurEntry()
	e.SetText(get(b.ed.rec))
	e.OnChanged = func(s string) { b.ed.saveLater(func(r *domain.Record) { set(r, s) }) }
	e.onBlur = b.ed.flush
	b.track(path, e)
	return b.ed.register(path, newField(label, e))
}

// month binds a year-month field. What cannot be read as a month (2020-13)
// is refused beside the field and not saved; an empty entry clears it.
func (b *binder) month(path, label string, get func(*domain.Record) domain.Month, set func(*domain.Record, domain.Month)) *field {
	e := newBlurEntry()
	e.SetPlaceHolder(b.t.T("field.month.hint"))
	e.SetText(get(b.ed.rec).String())
	f := b.ed.register(path, newField(label, e))
	e.OnChanged = func(s string) {
		m, err := domain.ParseMonth(s)
		if err != nil {
			b.ed.cancelPending()
			f.setError(b.t.Err(err))
			return
		}
		b.ed.saveLater(func(r *domain.Record) { set(r, m) })
	}
	e.onBlur = b.ed.flush
	b.track(path, e)
	return f
}

// choice binds a field to an option list; "" is shown as nothing chosen.
func (b *binder) choice(path, label string, opts []domain.Option, get func(*domain.Record) string, set func(*domain.Record, string)) *field {
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
	f := newField(label, s)
	f.control = s
	return b.ed.register(path, f)
}

// check binds a yes/no field.
func (b *binder) check(path, text string, get func(*domain.Record) bool, set func(*domain.Record, bool)) (*widget.Check, *field) {
	c, box := wrappingCheck(text, nil)
	c.SetChecked(get(b.ed.rec))
	c.OnChanged = func(on bool) { b.ed.save(func(r *domain.Record) { set(r, on) }) }
	b.track(path, c)
	b.checks[path] = c
	f := newField("", box)
	f.control = c
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
