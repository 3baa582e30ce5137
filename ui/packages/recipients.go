package packages

import (
	"io"
	"strings"

	"caiji/caijipkg"
	"caiji/exchange"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// recipientCard shows a review station's department recipient — the line
// kiosks encrypt to — with the fingerprint of its signing key, a copy
// button and a button that saves the file to hand out.
func (s *Screen) recipientCard() fyne.CanvasObject {
	t := s.sess.Tr
	line := widget.NewLabelWithStyle(s.keys.Recipient(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	line.Wrapping = fyne.TextWrapBreak
	fp := widget.NewLabel(t.T("pkg.fingerprint", exchange.Fingerprint(s.keys.Public())))
	copied := widget.NewLabel("")
	s.copy = widget.NewButton(t.T("pkg.copy"), func() {
		fyne.CurrentApp().Clipboard().SetContent(s.keys.Recipient())
		copied.SetText(t.T("pkg.copied"))
	})
	save := widget.NewButton(t.T("pkg.recipient.save"), func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			_, werr := io.WriteString(w, exchange.RecipientFile(s.info.UUID, s.keys))
			if cerr := w.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				s.fail(werr)
				return
			}
			copied.SetText(t.T("pkg.recipient.saved", w.URI().Path()))
		}, s.sess.Win)
		d.SetFileName("caiji-recipient.txt")
		s.sess.Show(d)
	})
	return widget.NewCard(t.T("pkg.recipient.title"), t.T("pkg.recipient.subtitle"),
		container.NewVBox(line, fp, container.NewHBox(s.copy, save), copied))
}

// recipientsCard is a kiosk's list of departments and their recipients,
// with a form to add one: the department codes and the recipient, pasted
// or read from the file the department handed out.
func (s *Screen) recipientsCard() fyne.CanvasObject {
	t := s.sess.Tr
	s.recipients = container.NewVBox()
	s.depts = widget.NewEntry()
	s.depts.SetPlaceHolder("440305, 440300")
	s.recipient = widget.NewMultiLineEntry()
	s.recipient.SetPlaceHolder("age1…")
	s.recipient.SetMinRowsVisible(3)
	s.recipient.Wrapping = fyne.TextWrapBreak
	fromFile := widget.NewButton(t.T("pkg.recipient.from_file"), s.readRecipientFile)
	s.add = widget.NewButton(t.T("pkg.recipient.add"), s.addRecipient)
	s.add.Importance = widget.HighImportance
	form := widgets.FormGrid(widgets.NewField(t.T("pkg.recipient.departments"), s.depts),
		widgets.NewField(t.T("pkg.recipient.line"), container.NewVBox(s.recipient, container.NewHBox(fromFile))))
	s.listRecipients()
	return widget.NewCard(t.T("pkg.recipients.title"), t.T("pkg.recipients.subtitle"),
		container.NewVBox(s.recipients, widget.NewSeparator(), form, container.NewHBox(s.add)))
}

// listRecipients shows the departments' recipients as stored.
func (s *Screen) listRecipients() {
	t := s.sess.Tr
	s.recipients.RemoveAll()
	list, err := s.sess.Store.Recipients(s.sess.Context())
	if err != nil {
		s.recipients.Add(widgets.WrapLabel(s.errText(err)))
		return
	}
	if len(list) == 0 {
		s.recipients.Add(widget.NewLabel(t.T("pkg.recipients.none")))
	}
	for _, r := range list {
		dept := r.Department
		if name := s.sess.Cat.Divisions.Department(dept); name != "" {
			dept += " " + name
		}
		remove := widget.NewButton(t.T("pkg.recipient.remove"), func() {
			if err := s.sess.Store.RemoveRecipientAs(s.sess.Context(), s.sess.ID, r.Department); err != nil {
				s.fail(err)
			}
			s.listRecipients()
		})
		line := widget.NewLabelWithStyle(r.Recipient, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		line.Truncation = fyne.TextTruncateEllipsis
		s.recipients.Add(container.NewBorder(nil, nil, widget.NewLabel(dept), remove, line))
	}
	s.recipients.Refresh()
}

// readRecipientFile puts the text of a chosen recipient file in the entry.
func (s *Screen) readRecipientFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 64<<10))
		if err != nil {
			s.fail(err)
			return
		}
		s.recipient.SetText(string(b))
	}, s.sess.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".age", ".pub"}))
	s.sess.Show(d)
}

// addRecipient stores the recipient for the department codes typed.
func (s *Screen) addRecipient() {
	t := s.sess.Tr
	codes := strings.FieldsFunc(s.depts.Text, func(r rune) bool { return r == ',' || r == '，' || r == ' ' || r == '、' })
	r, err := caijipkg.ParseRecipient(s.recipient.Text)
	if err != nil {
		s.fail(err)
		return
	}
	if err := s.sess.Store.SetRecipientAs(s.sess.Context(), s.sess.ID, r.String(), codes); err != nil {
		s.fail(err)
		return
	}
	s.depts.SetText("")
	s.recipient.SetText("")
	s.say(t.T("pkg.recipient.added", strings.Join(codes, "、")), widget.SuccessImportance)
	s.listRecipients()
}
