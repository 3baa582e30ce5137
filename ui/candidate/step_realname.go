package candidate

import (
	"caiji/domain"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// realNameStep is 实名认证's offline path: three ID images and 所在省/市.
// The reviewer verifies them together with the record, so here the status
// stays 待核验; the name and number are the account's and cannot drift.
type realNameStep struct {
	baseStep
	// agree is the sensitive-information notice's check box, shown instead
	// of the image pickers until the candidate agrees; nil once agreed.
	agree *widgets.CheckBox
}

func newRealNameStep(ed *editor) *realNameStep {
	return &realNameStep{baseStep: newBase(ed, "realname", "realname")}
}

func (s *realNameStep) build() fyne.CanvasObject {
	b, t, rec := s.fresh(), s.ed.sess.Tr, s.ed.rec
	u := &s.ed.sess.Account
	who := widgets.FormGrid(widgets.NewField(t.T("account.name"), widget.NewLabel(u.Name)),
		widgets.NewField(t.T("account.id_number"), widget.NewLabel(t.Msg(u.IDType.Name())+"  "+u.IDNumber)),
		widgets.NewField(t.T("realname.status"), widget.NewLabel(t.T("realname.status."+string(rec.RealName.Status)))))
	province := b.division("realname.province", t.T("realname.province"), func(*domain.Record) string { return "" },
		func(r *domain.Record) string { return r.RealName.Province },
		func(r *domain.Record, c string) { r.RealName.Province, r.RealName.City = c, "" }, "", func() { s.ed.host.Rebuild(s.k) })
	city := b.division("realname.city", t.T("realname.city"), func(r *domain.Record) string { return r.RealName.Province },
		func(r *domain.Record) string { return r.RealName.City },
		func(r *domain.Record, c string) { r.RealName.City = c }, "", nil)
	if gate := s.consent(); gate != nil {
		return container.NewVBox(s.header(), who, widgets.FormGrid(province, city), gate)
	}
	front := b.image("realname.front", domain.AttIDFront, func(r *domain.Record) **domain.Attachment { return &r.RealName.Front })
	back := b.image("realname.back", domain.AttIDBack, func(r *domain.Record) **domain.Attachment { return &r.RealName.Back })
	hand := b.image("realname.handheld", domain.AttIDHandheld, func(r *domain.Record) **domain.Attachment { return &r.RealName.Handheld })
	return container.NewVBox(s.header(), who, widgets.FormGrid(province, city),
		container.NewGridWithColumns(2, fieldBox(front), fieldBox(back), fieldBox(hand)))
}

// consent is, until the candidate agrees to the current sensitive-information
// notice, the notice with its check box: ID images and the face photo are
// chosen only after a separate consent (PIPL art. 29). Ticking it records
// the consent and shows the pickers; storage refuses any image before.
func (s *realNameStep) consent() fyne.CanvasObject {
	sess := s.ed.sess
	s.agree = nil
	given, err := sess.Store.Consents(sess.Context(), sess.ID)
	n := sess.Store.Notices()[domain.NoticeSensitive]
	if err == nil && !n.Asks(given) {
		return nil
	}
	t := sess.Tr
	// msg shows only a failure to read or record the consent; empty, it
	// would leave a blank line between the check box and its hint.
	msg := widgets.StatusLabel()
	msg.Hide()
	fail := func(err error) {
		widgets.SetStatus(msg, t.Err(err), widget.DangerImportance)
		msg.Show()
	}
	if err != nil {
		fail(err)
	}
	var box fyne.CanvasObject
	s.agree, box = widgets.Notice(t.Msg(n.Title), t.Msg(n.Text), t.T("consent.agree_sensitive"), func(on bool) {
		if !on {
			return
		}
		if err := sess.Store.Agree(sess.Context(), sess.ID, n.Kind, n.Digest); err != nil {
			fail(err)
			return
		}
		s.ed.host.Rebuild(s.k)
		// The check box is gone: the focus goes on to the first image.
		if ps := s.b.pickers; len(ps) > 0 && sess.Win != nil {
			sess.Win.Canvas().Focus(ps[0].Choose())
		}
	})
	s.b.inputs = append(s.b.inputs, s.agree)
	after := widget.NewLabel(t.T("consent.images_after"))
	after.Wrapping = fyne.TextWrapWord
	after.Importance = widget.LowImportance
	return widget.NewCard("", "", container.NewVBox(box, msg, after))
}

// fieldBox stacks a field's input over its message, for fields without a label.
func fieldBox(f *widgets.Field) fyne.CanvasObject { return container.NewVBox(f.Input, f.Msg) }
