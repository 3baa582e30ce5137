package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Field is one labelled input with the line beneath it where its validation
// message appears, so every error stands beside the field it concerns.
type Field struct {
	Label *widget.Label
	Input fyne.CanvasObject
	Msg   *widget.Label
	// Control is the widget inside Input that holds the value, when Input
	// wraps it (a check box beside its label).
	Control fyne.CanvasObject
}

func NewField(label string, input fyne.CanvasObject) *Field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	return &Field{Label: widget.NewLabel(label), Input: input, Msg: msg}
}

// SetError shows text beneath the input ("" for none). The line keeps its
// height when empty, so a message appearing or going while the user types
// never moves the form under the mouse.
func (f *Field) SetError(text string) {
	f.Msg.SetText(text)
	if text != "" {
		f.Msg.Show()
	}
}

// FormGrid lays fields out as label | input-with-message rows. A row that
// only shows a value (its input is a label) has no empty message line:
// nothing is typed there, and the blank lines spread a read-only summary
// (who is signed in, 审核状态, a record under review) over twice its height.
func FormGrid(fields ...*Field) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		if _, shown := f.Input.(*widget.Label); shown && f.Msg.Text == "" {
			f.Msg.Hide()
		}
		objs = append(objs, f.Label, container.NewVBox(f.Input, f.Msg))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// StatusLabel is a wrapped label for a form's overall message.
func StatusLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// SetStatus shows text with importance (danger for errors, success for
// confirmations).
func SetStatus(l *widget.Label, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
}

// WrapLabel is a label whose text wraps at the width it is given.
func WrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
