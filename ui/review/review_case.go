package review

import (
	"caiji/ui/export"
	"caiji/ui/history"
	"caiji/ui/session"
	"caiji/ui/widgets"
	"fmt"
	"image"
	"strings"
	"sync"

	"caiji/domain"
	"caiji/domain/photo"
	"caiji/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Case is the reviewer's view of one submitted record: every field and
// image beside the pre-audit's warnings, the real-name material against the
// account, and the decision.
type Case struct {
	sess *session.Session
	body *fyne.Container
	c    *storage.ReviewCase
	id   string

	realName *widget.RadioGroup
	verdict  *widget.RadioGroup
	reasons  map[string]*widgets.CheckBox
	comment  *widget.Entry
	decide   *widgets.Button
	status   *widget.Label
	consents *widget.Label
	// sheet makes the 信息采集表 of the version under review.
	sheet *export.Sheet
	// done runs after a decision is saved (back to the queue).
	// OnDone runs after a decision is saved (back to the queue).
	OnDone func()
	// pending are the image loads of the last build, started once it is
	// on screen; jobs counts those still running.
	pending []func()
	jobs    sync.WaitGroup
}

// NewCase makes the review screen of sess, empty until a record is opened.
func NewCase(sess *session.Session) *Case {
	s := &Case{sess: sess, body: container.NewVBox()}
	s.body.Add(widget.NewLabel(sess.Tr.T("case.none")))
	return s
}

// Content is the screen.
func (s *Case) Content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(s.body))
}

// Open loads a record for review; what it shows is the submitted snapshot.
func (s *Case) Open(id string) error {
	c, err := s.sess.Store.OpenForReview(s.sess.Context(), s.sess.ID, id)
	if err != nil {
		return err
	}
	s.c, s.id = c, id
	s.sess.Showing("case", c)
	s.pending = nil
	s.build()
	return nil
}

func (s *Case) build() {
	t, rec := s.sess.Tr, s.c.Record
	s.body.RemoveAll()
	o := s.c.Owner
	head := widget.NewLabelWithStyle(fmt.Sprintf("%s  %s  %s", o.Name, o.IDNumber, o.Phone), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	status := widget.NewLabel(t.T("case.status", t.Msg(rec.Status.Name()), rec.Version))
	// When the candidate agreed to each notice, as the version carries it.
	s.consents = widget.NewLabel(t.Consents(rec.Consents))
	s.consents.Wrapping = fyne.TextWrapWord
	s.body.Add(head)
	s.body.Add(status)
	s.body.Add(s.consents)
	if s.c.InForce != nil {
		s.body.Add(widget.NewLabel(t.T("case.change", s.approvedVersion())))
	}
	if s.c.InForce != nil {
		s.body.Add(s.changesCard())
	}
	// Pre-audit findings the reviewer should weigh.
	probs := domain.PreAudit(rec, domain.Holder{IDType: o.IDType, IDNumber: o.IDNumber, Name: o.Name}, s.sess.Cat, rec.SubmittedAt)
	warn := container.NewVBox()
	for _, p := range probs {
		l := widget.NewLabel(fmt.Sprintf("%s  %s  (%s → %s)", p.Code, t.Msg(p.Msg), p.Field, domain.RuleReasons[p.Code]))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		warn.Add(l)
	}
	if len(probs) == 0 {
		warn.Add(widget.NewLabel(t.T("case.no_warnings")))
	}
	s.body.Add(widget.NewCard(t.T("case.warnings"), "", warn))
	s.body.Add(s.realNameCard())
	s.body.Add(widget.NewCard(t.T("case.fields"), "", s.summary()))
	s.sheet = export.NewSheet(s.sess, s.id, false)
	s.body.Add(widget.NewCard(t.T("sheet.title"), t.T("sheet.subtitle_review"), s.sheet.Content()))
	s.body.Add(s.decisionCard())
	s.body.Add(history.View(s.sess, s.id))
}

// realNameCard shows the three ID images against the account's identity.
func (s *Case) realNameCard() fyne.CanvasObject {
	t, rn := s.sess.Tr, s.c.Record.RealName
	who := widget.NewLabel(t.T("case.realname_who", s.c.Owner.Name, s.c.Owner.IDNumber, s.sess.Cat.Divisions.DisplayName(rn.City)))
	imgs := container.NewGridWithColumns(3, s.thumb(domain.AttIDFront, rn.Front), s.thumb(domain.AttIDBack, rn.Back), s.thumb(domain.AttIDHandheld, rn.Handheld))
	s.realName = widget.NewRadioGroup([]string{t.T("case.realname_ok"), t.T("case.realname_bad")}, nil)
	s.realName.Horizontal = true // nothing pre-selected: the reviewer checks and says
	s.realName.OnChanged = s.answered
	return widget.NewCard(t.T("case.realname"), "", container.NewVBox(who, imgs, s.realName))
}

// thumb is an image button that opens the image zoomable. The image is
// read and decoded off the UI goroutine once the screen is built.
func (s *Case) thumb(kind domain.AttachmentKind, att *domain.Attachment) fyne.CanvasObject {
	name := s.sess.Tr.Msg(kind.Name())
	if att == nil {
		return widget.NewLabel(name + "：" + s.sess.Tr.T("case.missing"))
	}
	small := canvas.NewImageFromImage(nil)
	small.FillMode = canvas.ImageFillContain
	small.SetMinSize(fyne.NewSize(150, 150))
	var decoded *photo.Decoded
	btn := widgets.NewButton(fmt.Sprintf("%s  %d×%d  %.0f KB", name, att.Width, att.Height, float64(att.Bytes)/1024), func() {
		if decoded != nil {
			s.zoom(name, decoded)
		}
	})
	sha := att.SHA256
	s.pending = append(s.pending, func() {
		s.jobs.Add(1)
		go s.load(sha, func(d *photo.Decoded, preview image.Image, err error) {
			if err != nil {
				btn.SetText(name + "：" + s.sess.Tr.Err(err))
				return
			}
			decoded = d
			small.Image = preview
			small.Refresh()
		})
	})
	return container.NewBorder(nil, btn, nil, nil, small)
}

// load reads and decodes one image for the screen; show runs on the UI
// goroutine with the result.
func (s *Case) load(sha string, show func(*photo.Decoded, image.Image, error)) {
	defer s.jobs.Done()
	data, err := s.sess.Store.Attachment(s.sess.Context(), s.sess.ID, sha)
	var d *photo.Decoded
	if err == nil {
		d, err = photo.Decode(data)
	}
	var preview image.Image
	if err == nil {
		preview = photo.Preview(d, 240)
	}
	s.sess.Do(func() { show(d, preview, err) }) // dropped after sign-out
}

// StartLoading loads the images of the screen, once it is laid out.
func (s *Case) StartLoading() {
	pending := s.pending
	s.pending = nil
	for _, f := range pending {
		f()
	}
}

// zoom shows an image large, with a zoom slider, in a dialog.
func (s *Case) zoom(title string, d *photo.Decoded) {
	full := photo.Preview(d, 2400)
	img := canvas.NewImageFromImage(full)
	img.FillMode = canvas.ImageFillContain
	w, h := d.Size()
	base := fyne.NewSize(float32(min(w, 900)), float32(min(w, 900))*float32(h)/float32(w))
	img.SetMinSize(base)
	zoom := widget.NewSlider(50, 300)
	zoom.SetValue(100)
	zoom.OnChanged = func(v float64) {
		img.SetMinSize(fyne.NewSize(base.Width*float32(v/100), base.Height*float32(v/100)))
		img.Refresh()
	}
	dlg := dialog.NewCustom(title, s.sess.Tr.T("dialog.close"), container.NewBorder(zoom, nil, nil, nil, container.NewScroll(img)), s.sess.Win)
	dlg.Resize(fyne.NewSize(1000, 700))
	s.sess.Show(dlg) // closes at sign-out
}

// summary lists every field of the record.
func (s *Case) summary() fyne.CanvasObject {
	t, rec, cat := s.sess.Tr, s.c.Record, s.sess.Cat
	opts := &cat.Options
	name := func(list []domain.Option, code string) string {
		if o := domain.Lookup(list, code); o != nil {
			return t.Msg(o.Name())
		}
		return code
	}
	var rows []*widgets.Field
	add := func(label, value string) { rows = append(rows, widgets.NewField(label, widgets.WrapLabel(value))) }
	var scopes []string
	for _, sc := range rec.Scopes {
		scopes = append(scopes, name(opts.Scopes, string(sc)))
	}
	add(t.T("notice.scope"), strings.Join(scopes, "\n"))
	b := rec.Basic
	add(t.T("basic.gender"), t.Msg(b.Gender.Name())+"  "+b.Birth.String())
	for i, e := range rec.Education {
		lv := ""
		if l := opts.Level(e.Level); l != nil {
			lv = t.Msg(l.Name())
		}
		add(fmt.Sprintf("%s %d", t.T("education.row"), i+1), fmt.Sprintf("%s  %s  %s  %s  %s–%s\n%s  %s", e.School, lv, name(opts.Degrees, e.Degree), e.Major, e.Start, e.End, e.DiplomaNo, e.DegreeNo))
	}
	for i, q := range rec.Qualifications {
		add(fmt.Sprintf("%s %d", t.T("qualifications.row"), i+1), fmt.Sprintf("%s  %s  %s", name(opts.QualificationLevels, q.Level), q.Obtained, q.CertNo))
	}
	for i, w := range rec.Work {
		end := w.End.String()
		if w.Current {
			end = t.T("work.current")
		}
		ut := ""
		if u := opts.UnitType(w.UnitType); u != nil {
			ut = t.Msg(u.Name())
		}
		text := fmt.Sprintf("%s–%s  %s  %s\n%s  %s  %s  %s", w.Start, end, w.Employer, w.CreditCode, ut, name(opts.Industries, w.Industry), w.Address, w.Phone)
		for _, p := range w.Posts {
			text += fmt.Sprintf("\n· %s–%s  %s  %s  %s", p.Start, p.End, name(opts.AccountingPosts, p.Post), name(opts.Titles, p.Title), p.AppointedAt)
		}
		add(fmt.Sprintf("%s %d", t.T("work.row"), i+1), text)
	}
	add(t.T("department.name"), cat.Divisions.Department(rec.Department.Code()))
	imgs := container.NewGridWithColumns(3)
	for _, at := range recordAttachments(rec) {
		if at.att != nil {
			imgs.Add(s.thumb(at.kind, at.att))
		}
	}
	return container.NewVBox(widgets.FormGrid(rows...), imgs)
}

type kindAttachment struct {
	kind domain.AttachmentKind
	att  *domain.Attachment
}

// recordAttachments lists the images of a record other than the real-name ones.
func recordAttachments(r *domain.Record) []kindAttachment {
	out := []kindAttachment{{domain.AttPhoto, r.Basic.Photo}, {domain.AttIDFront, r.Basic.IDFront}, {domain.AttIDBack, r.Basic.IDBack},
		{domain.AttEnrolment, r.Enrolment}, {domain.AttResidence, r.Residence}}
	for _, e := range r.Education {
		out = append(out, kindAttachment{domain.AttDiploma, e.Diploma}, kindAttachment{domain.AttDegree, e.DegreeCert})
	}
	for _, q := range r.Qualifications {
		out = append(out, kindAttachment{domain.AttQualification, q.Cert})
	}
	for _, w := range r.Work {
		out = append(out, kindAttachment{domain.AttSocialInsurance, w.SocialInsurance})
		for _, p := range w.Posts {
			out = append(out, kindAttachment{domain.AttAppointment, p.Appointment}, kindAttachment{domain.AttAccountingProof, p.Proof})
		}
	}
	return out
}

// decisionCard is 通过 / 不通过 with reasons and a comment.
func (s *Case) decisionCard() fyne.CanvasObject {
	t := s.sess.Tr
	s.verdict = widget.NewRadioGroup([]string{t.T("case.pass"), t.T("case.reject")}, nil)
	s.verdict.Horizontal = true
	s.verdict.OnChanged = s.answered
	s.reasons = map[string]*widgets.CheckBox{}
	grid := container.NewVBox()
	for _, r := range domain.Reasons {
		c, box := widgets.WrappingCheck(r.Code+" "+t.Msg(r.Msg), nil)
		s.reasons[r.Code] = c
		grid.Add(box)
	}
	s.comment = widget.NewMultiLineEntry()
	s.comment.SetPlaceHolder(t.T("case.comment"))
	s.status = widgets.StatusLabel()
	s.decide = widgets.NewButton(t.T("case.decide"), s.submit)
	s.decide.Importance = widget.HighImportance
	if !s.c.Record.Status.AwaitingReview() {
		s.decide.Disable()
		s.verdict.Disable()
	}
	return widget.NewCard(t.T("case.decision"), "", container.NewVBox(s.verdict, grid, s.comment, s.decide, s.status))
}

// answered clears a prompt to choose once the reviewer has chosen.
func (s *Case) answered(string) { widgets.SetStatus(s.status, "", widget.MediumImportance) }

// approvedVersion is the submitted version whose approval is in force: the
// version its decision judged, as the history names it.
func (s *Case) approvedVersion() int {
	ds, _ := s.sess.Store.Decisions(s.sess.Context(), s.sess.ID, s.id)
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].Pass {
			return ds[i].Version
		}
	}
	return 0
}

// submit reads the decision for the version that was opened, asks the
// reviewer to confirm it (a decision is final), and saves it.
func (s *Case) submit() {
	t := s.sess.Tr
	d := storage.Decision{Comment: strings.TrimSpace(s.comment.Text)}
	switch s.verdict.Selected {
	case t.T("case.pass"):
		d.Pass = true
	case t.T("case.reject"):
	default:
		widgets.SetStatus(s.status, t.T("case.choose_verdict"), widget.DangerImportance)
		return
	}
	switch s.realName.Selected {
	case t.T("case.realname_ok"):
		d.RealName = domain.RealNameVerified
	case t.T("case.realname_bad"):
		d.RealName = domain.RealNameFailed
		if d.Pass {
			widgets.SetStatus(s.status, t.T("case.realname_blocks"), widget.DangerImportance)
			return
		}
	default:
		widgets.SetStatus(s.status, t.T("case.choose_realname"), widget.DangerImportance)
		return
	}
	if !d.Pass {
		for _, r := range domain.Reasons {
			if s.reasons[r.Code].Checked {
				d.Reasons = append(d.Reasons, r.Code)
			}
		}
	}
	version := s.c.Record.Version
	question := t.T("case.confirm_pass", version)
	if !d.Pass {
		question = t.T("case.confirm_reject", version, strings.Join(d.Reasons, "、"))
	}
	s.sess.Show(widgets.Confirm(t, t.T("case.confirm_title"), question, t.T("case.confirm_yes"), t.T("case.confirm_no"), func(yes bool) {
		if yes && s.sess.Live() {
			s.save(version, d)
		}
	}, s.sess.Win))
}

// save stores the confirmed decision and goes back to the queue.
func (s *Case) save(version int, d storage.Decision) {
	if err := s.sess.Store.Decide(s.sess.Context(), s.sess.ID, s.id, version, d); err != nil {
		widgets.SetStatus(s.status, s.sess.Tr.Err(err), widget.DangerImportance)
		return
	}
	widgets.SetStatus(s.status, "", widget.MediumImportance)
	if s.OnDone != nil {
		s.OnDone()
	}
}
