package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// field is one labelled input with the line beneath it where its validation
// message appears, so every error stands beside the field it concerns.
type field struct {
	label *widget.Label
	input fyne.CanvasObject
	msg   *widget.Label
	// control is the widget inside input that holds the value, when input
	// wraps it (a check box beside its label).
	control fyne.CanvasObject
}

func newField(label string, input fyne.CanvasObject) *field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	return &field{label: widget.NewLabel(label), input: input, msg: msg}
}

// setError shows text beneath the input, or hides the line when text is "".
func (f *field) setError(text string) {
	f.msg.SetText(text)
	if text == "" {
		f.msg.Hide()
	} else {
		f.msg.Show()
	}
}

// formGrid lays fields out as label | input-with-message rows.
func formGrid(fields ...*field) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		objs = append(objs, f.label, container.NewVBox(f.input, f.msg))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// statusLabel is a wrapped label for a form's overall message.
func statusLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setStatus shows text with importance (danger for errors, success for
// confirmations).
func setStatus(l *widget.Label, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
}
