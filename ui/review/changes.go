package review

import (
	"regexp"
	"strconv"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// rowIndex finds the row numbers in a field path ("work[1].posts[0].post").
var rowIndex = regexp.MustCompile(`\[(\d+)\]`)

// changesCard lists, at the top of a 信息变更's review, each field the
// change alters, old → new, from the approved snapshot and the change's
// snapshot; an image changed stands beside the approved one.
func (s *Case) changesCard() fyne.CanvasObject {
	t := s.sess.Tr
	box := container.NewVBox()
	changes := domain.Changes(s.c.InForce, s.c.Record)
	for _, c := range changes {
		label := widget.NewLabelWithStyle(s.fieldName(c), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if c.Image() {
			kind := domain.AttPhoto
			for _, a := range []*domain.Attachment{c.NewImage, c.OldImage} {
				if a != nil {
					kind = a.Kind
				}
			}
			box.Add(label)
			box.Add(container.NewGridWithColumns(2, s.side(t.T("case.change_before"), kind, c.OldImage), s.side(t.T("case.change_after"), kind, c.NewImage)))
			continue
		}
		value := widget.NewLabel(t.T("case.change_value", orNone(t.T("case.change_empty"), c.Old), orNone(t.T("case.change_empty"), c.New)))
		value.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, label, nil, value))
	}
	if len(changes) == 0 {
		box.Add(widget.NewLabel(t.T("case.change_none")))
	}
	return widget.NewCard(t.T("case.changes", len(changes)), "", box)
}

// side is one image of a changed pair under its title, or that there is none.
func (s *Case) side(title string, kind domain.AttachmentKind, att *domain.Attachment) fyne.CanvasObject {
	return container.NewBorder(widget.NewLabel(title), nil, nil, nil, s.thumb(kind, att))
}

// fieldName is a field path as the candidate's screens name it, with the
// row numbers ("工作单位（第 2 条）").
func (s *Case) fieldName(c domain.Change) string {
	t := s.sess.Tr
	key := rowIndex.ReplaceAllString(c.Path, "")
	name := t.T(key)
	if name == key && c.Image() {
		for _, a := range []*domain.Attachment{c.NewImage, c.OldImage} {
			if a != nil {
				name = t.Msg(a.Kind.Name())
			}
		}
	}
	for _, m := range rowIndex.FindAllStringSubmatch(c.Path, -1) {
		n, _ := strconv.Atoi(m[1])
		name += t.T("case.change_row", n+1)
	}
	return name
}

func orNone(none, v string) string {
	if v == "" {
		return none
	}
	return v
}
