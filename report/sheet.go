package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"caiji/domain"
	"caiji/wire"

	"github.com/go-pdf/fpdf"
)

// Sheet is one 信息采集表: a record version and what is known of it.
type Sheet struct {
	// Snapshot is the record version as stored (its JSON: the submitted
	// snapshot, or the version in force). The sheet prints what it holds
	// and the SHA-256 of its canonical form (wire.Canonical), the digest
	// the hub and .caiji packages know the version by, so a printout is
	// matched to the version on any machine.
	Snapshot []byte
	// Photo is the standard photo's bytes; they must hash to the record's
	// Basic.Photo digest. Nil only when the record has no photo.
	Photo []byte
	// Decision is the reviewer's decision on this version; nil while it
	// awaits review.
	Decision *Decision
	// Lang is "zh" (the default when empty) or "en".
	Lang string
	// FullID prints the ID number in full: only on the candidate's own
	// copy, when they ask for it. Otherwise it is masked (110101********9913).
	FullID bool
	// Printed is when the sheet is made (now when zero), printed in
	// Beijing time.
	Printed time.Time
	// Consents are the person's recorded consents (domain.Consent); when
	// given, the sheet shows when each notice was agreed to.
	Consents []domain.Consent
	// Creator names the program and station in the PDF's metadata
	// ("Caiji 1.2 (kiosk)"); "Caiji" when empty.
	Creator string
}

// Decision is a reviewer's verdict on the version a sheet shows.
type Decision struct {
	Pass     bool
	Reasons  []string // R-codes (domain.Reasons)
	Comment  string
	Reviewer string // the reviewer's name, when known
	At       time.Time
	// RealName is the reviewer's finding on the real-name material
	// (verified or failed); the snapshot still says pending.
	RealName domain.RealNameStatus
}

// ErrPhotoMismatch is a photo whose bytes are not the record's photo.
var ErrPhotoMismatch = errors.New("report: the photo bytes do not match the record's photo digest")

// The photo's printed size (the standard 1-inch ID photo) and its box.
const (
	photoW, photoH = 25.0, 35.0
	photoPad       = 3.0
	photoBoxW      = photoW + 2*photoPad
)

// Write renders the sheet as one A4 PDF to w: every field of the record
// with the labels of the screens, the photo at 25 × 35 mm, the status and
// decision with reasons, the record's UUID, version and snapshot digest,
// the time printed and a QR code with UUID, version and digest. Fonts are
// embedded as subsets; nothing is fetched.
//
// A sheet takes about a tenth of a second and 45 MB of short-lived memory
// (fpdf copies and parses the 4 MB CJK font for each document): call it off the UI
// goroutine. Sheets may be written concurrently.
func Write(w io.Writer, s Sheet, cat *domain.Catalog) error {
	var rec domain.Record
	if err := json.Unmarshal(s.Snapshot, &rec); err != nil {
		return fmt.Errorf("report: the snapshot is not a record: %w", err)
	}
	if rec.ID == "" || rec.Version < 1 {
		return fmt.Errorf("report: the snapshot has no record ID or version")
	}
	if s.Lang == "" {
		s.Lang = "zh"
	}
	if s.Printed.IsZero() {
		s.Printed = time.Now()
	}
	t, err := loadWords(s.Lang)
	if err != nil {
		return err
	}
	fs, err := loadFaces()
	if err != nil {
		return err
	}
	canonical, err := wire.Canonical(s.Snapshot)
	if err != nil {
		return fmt.Errorf("report: the snapshot: %w", err)
	}
	sw := &sheetWriter{s: s, t: t, cat: cat, rec: &rec,
		code: Code{ID: rec.ID, Version: rec.Version, Digest: wire.Digest(canonical)}}
	if err := sw.checkPhoto(); err != nil {
		return err
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	for _, f := range append(fs.latin[:], fs.cjk) {
		// fpdf writes into the font bytes it is given (its hmtx reader
		// appends to a slice of them): give it a copy, never the app's
		// own font, which the screens use too.
		pdf.AddUTF8FontFromBytes(f.family, "", bytes.Clone(f.ttf))
	}
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(90, 100, 115)
	sw.p = &page{pdf: pdf, m: newMetrics(fs), labelW: 30}
	if s.Lang == "en" {
		sw.p.labelW = 36
	}
	sw.metadata()
	if err := sw.render(); err != nil {
		return err
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return pdf.Output(w)
}

// sheetWriter holds one sheet while it is drawn.
type sheetWriter struct {
	s    Sheet
	t    words
	cat  *domain.Catalog
	rec  *domain.Record
	code Code
	p    *page
}

func (sw *sheetWriter) checkPhoto() error {
	ph := sw.rec.Basic.Photo
	if ph == nil {
		return nil
	}
	if wire.Digest(sw.s.Photo) != ph.SHA256 {
		return ErrPhotoMismatch
	}
	return nil
}

// metadata fills the PDF's document information: what a file manager, a
// search or a screen reader shows without opening it.
func (sw *sheetWriter) metadata() {
	pdf, t, b := sw.p.pdf, sw.t, sw.rec.Basic
	creator := sw.s.Creator
	if creator == "" {
		creator = "Caiji"
	}
	pdf.SetTitle(t.T("form.title")+" · "+b.Name, true)
	pdf.SetAuthor(b.Name, true)
	pdf.SetSubject(t.T("form.subject", b.Name, sw.rec.Version), true)
	pdf.SetKeywords(t.T("form.keywords")+", "+sw.rec.ID, true)
	pdf.SetCreator(creator, true)
	pdf.SetProducer("Caiji report (go-pdf/fpdf)", true)
	pdf.SetCreationDate(sw.s.Printed)
	pdf.SetModificationDate(sw.s.Printed)
	if sw.s.Lang == "en" {
		pdf.SetLang("en")
	} else {
		pdf.SetLang("zh-CN")
	}
}

// beijing formats a time as Beijing sees it.
func beijing(t time.Time) string { return t.In(domain.Shanghai).Format("2006-01-02 15:04") }

// status is where the version stands: the snapshot's own status, moved on
// by the decision when there is one.
func (sw *sheetWriter) status() domain.Status {
	st := sw.rec.Status
	if d := sw.s.Decision; d != nil {
		if next, err := domain.Decided(st, d.Pass); err == nil {
			return next
		}
	}
	return st
}

func (sw *sheetWriter) render() error {
	p, t := sw.p, sw.t
	p.onNewPage = sw.continuedHeader
	p.pdf.AddPage()
	p.y = margin
	if err := sw.title(); err != nil {
		return err
	}
	sw.basic()
	sw.realName()
	sw.education()
	sw.qualifications()
	sw.work()
	p.heading(t.T("step.department"))
	p.fields(t.T("department.name"), sw.cat.Divisions.Department(sw.rec.Department.Code()))
	sw.attachments()
	sw.submission()
	sw.review()
	sw.signatures()
	sw.pageNumbers()
	return nil
}

// title is the form's name and the lines that identify the copy: record
// ID, version and status, snapshot digest and time printed, with the same
// in the QR code at the top right, so page 1 alone can be checked.
func (sw *sheetWriter) title() error {
	p, t := sw.p, sw.t
	const qr, small = 25.0, 8.5
	// The title is centred on the page and kept clear of the QR code,
	// smaller when a language's title is long.
	title := t.T("form.title")
	size := min(17.0, 17.0*(contentW-2*(qr+3))/p.textWidth(title, bold, 17))
	p.text((pageW-p.textWidth(title, bold, size))/2, p.y+7, title, bold, size)
	if err := p.drawCode(sw.code, pageW-margin-qr+1.5, p.y-2.5, qr); err != nil {
		return err
	}
	y := p.y + 13
	valueW := contentW - qr - 3 - p.labelW
	for _, l := range []struct {
		label, value string
		st           style
	}{
		{t.T("form.record_id"), sw.rec.ID + "    " + t.T("form.version_n", sw.rec.Version) + "    " + t.Msg(sw.status().Name()), plain},
		{t.T("form.digest"), sw.code.Digest, mono},
		{t.T("form.receipt_code"), wire.ReceiptCode(sw.code.Digest), mono},
		{t.T("form.printed"), t.T("form.printed_at", beijing(sw.s.Printed)), plain},
		{"", t.T("form.qr"), plain},
	} {
		p.text(margin, y, l.label, plain, small)
		for _, line := range wrap(l.value, valueW, p.advance(l.st, small)) {
			p.text(margin+p.labelW, y, line, l.st, small)
			y += 4.2
		}
	}
	p.y = y - 1
	return nil
}

// continuedHeader heads every page after the first with whose form it is.
func (sw *sheetWriter) continuedHeader() {
	p := sw.p
	const size = 8.0
	tail := " · " + sw.rec.ID + " · " + sw.t.T("form.version_n", sw.rec.Version)
	head := ellipsize(sw.t.T("form.title")+" · "+sw.rec.Basic.Name, contentW-p.textWidth(tail, plain, size), p.advance(plain, size))
	p.text(margin, p.y+3, head+tail, plain, size)
	p.pdf.Line(margin, p.y+4.5, pageW-margin, p.y+4.5)
	p.y += continuedH
}

// pageNumbers writes "n / total" at the foot of every page, once the
// total is known. (fpdf's page-count alias would also replace the same
// characters typed into a field.)
func (sw *sheetWriter) pageNumbers() {
	p, n := sw.p, sw.p.pdf.PageCount()
	for i := 1; i <= n; i++ {
		p.pdf.SetPage(i)
		s := fmt.Sprintf("%d / %d", i, n)
		p.text((pageW-p.textWidth(s, plain, 8))/2, pageH-margin, s, plain, 8)
	}
}

// idNumber is the ID number as this copy prints it.
func (sw *sheetWriter) idNumber() string {
	if sw.s.FullID {
		return sw.rec.Basic.IDNumber
	}
	return domain.MaskIDNumber(sw.rec.Basic.IDNumber)
}

// basic is 基本信息 with the photo at the top right, as paper forms have it.
func (sw *sheetWriter) basic() {
	p, t, rec, b := sw.p, sw.t, sw.rec, sw.rec.Basic
	p.heading(t.T("step.basic"))
	w := contentW - photoBoxW
	scopes := ""
	for i, sc := range rec.Scopes {
		if i > 0 {
			scopes += "\n"
		}
		scopes += sw.option(sw.cat.Options.Scopes, string(sc))
	}
	nationality := t.T("form.none")
	if c := sw.cat.Country(b.Nationality); c != nil {
		nationality = t.Msg(c.Name())
	}
	rows := []row{
		p.pairs(w, t.T("account.name"), b.Name, t.T("basic.gender"), t.Msg(b.Gender.Name())),
		p.pairs(w, t.T("account.id_type"), t.Msg(b.IDType.Name()), t.T("account.id_number"), sw.idNumber()),
		p.pairs(w, t.T("basic.birth"), b.Birth.String(), t.T("account.phone"), b.Phone),
		p.pairs(w, t.T("basic.nationality"), nationality, t.T("form.student"), t.yesNo(rec.Student)),
		p.pairs(w, t.T("notice.scope"), scopes),
	}
	total := 0.0
	for i := range rows {
		total += p.layout(&rows[i])
	}
	if short := photoH + 2*photoPad - total; short > 0 {
		rows[len(rows)-1].minH = p.layout(&rows[len(rows)-1]) + short
		total += short
	}
	top, x := p.y, margin+w
	for _, r := range rows {
		p.draw(margin, r)
	}
	// The rows may have run onto a second page; the photo box belongs
	// beside them on the first.
	p.pdf.SetPage(1)
	defer p.pdf.SetPage(p.pdf.PageCount())
	p.pdf.Rect(x, top, photoBoxW, min(total, p.bottom()-top), "D")
	if b.Photo == nil {
		msg := t.T("case.missing")
		p.text(x+(photoBoxW-p.textWidth(msg, plain, textSize))/2, top+photoPad+photoH/2, msg, plain, textSize)
		p.pdf.Rect(x+photoPad, top+photoPad, photoW, photoH, "D")
		return
	}
	// The format is read from the bytes (as everywhere in Caiji), not
	// taken from the stored MIME type.
	opt := fpdf.ImageOptions{ImageType: formatName(http.DetectContentType(sw.s.Photo))}
	p.pdf.RegisterImageOptionsReader("photo", opt, bytes.NewReader(sw.s.Photo))
	p.pdf.ImageOptions("photo", x+photoPad, top+photoPad, photoW, photoH, false, opt, 0, "")
}

// realName is 实名认证: where the person is, and whether the reviewer found
// the real-name material good (the snapshot says pending until then).
func (sw *sheetWriter) realName() {
	p, t, rn := sw.p, sw.t, sw.rec.RealName
	p.heading(t.T("step.realname"))
	p.fields(t.T("realname.province"), sw.cat.Divisions.DisplayName(rn.Province), t.T("realname.city"), sw.cat.Divisions.DisplayName(rn.City))
	status := rn.Status
	if d := sw.s.Decision; d != nil && d.RealName != "" {
		status = d.RealName
	}
	if status == "" {
		status = domain.RealNamePending
	}
	p.fields(t.T("realname.status"), t.T("realname.status."+string(status)))
}

// option is the name of code in list, or the code itself when the list
// does not have it (data from a newer catalog).
func (sw *sheetWriter) option(list []domain.Option, code string) string {
	if o := domain.Lookup(list, code); o != nil {
		return sw.t.Msg(o.Name())
	}
	return code
}

// group draws a section of repeated rows (教育经历 1, 2 …): its heading,
// 无 when it has none, and each row's band and fields, kept on one page.
func (sw *sheetWriter) group(section, rowKey string, n int, fields func(i int) []row) {
	p, t := sw.p, sw.t
	items := make([][]row, n)
	for i := range n {
		items[i] = append([]row{band(fmt.Sprintf("%s %d", t.T(rowKey), i+1))}, fields(i)...)
	}
	if n > 0 {
		// The heading goes where its first band of rows goes.
		if _, h := p.chunk(items[0]); p.fitsPage(headingH + h) {
			p.ensure(headingH + h)
		}
	}
	p.heading(t.T(section))
	if n == 0 {
		p.fields(t.T(rowKey), t.T("form.none"))
	}
	for _, rows := range items {
		p.blocks(rows)
	}
}

func (sw *sheetWriter) education() {
	p, t, o := sw.p, sw.t, &sw.cat.Options
	sw.group("step.education", "education.row", len(sw.rec.Education), func(i int) []row {
		e := sw.rec.Education[i]
		return []row{
			p.pairs(contentW, t.T("education.school"), e.School, t.T("education.major"), e.Major),
			p.pairs(contentW, t.T("education.mode"), sw.option(o.StudyModes, e.Mode), t.T("education.level"), sw.option(o.LevelOptions(), e.Level), t.T("education.degree"), sw.option(o.Degrees, e.Degree)),
			p.pairs(contentW, t.T("education.start"), e.Start.String(), t.T("education.end"), e.End.String(), t.T("form.foreign"), t.yesNo(e.Foreign)),
			p.pairs(contentW, t.T("education.diploma_no"), e.DiplomaNo, t.T("education.degree_no"), e.DegreeNo),
		}
	})
}

// qualifications is shown when the record has any, or chose scope A.
func (sw *sheetWriter) qualifications() {
	p, t := sw.p, sw.t
	if len(sw.rec.Qualifications) == 0 && !sw.rec.HasScope(domain.ScopeQualified) {
		return
	}
	sw.group("step.qualifications", "qualifications.row", len(sw.rec.Qualifications), func(i int) []row {
		q := sw.rec.Qualifications[i]
		return []row{
			p.pairs(contentW, t.T("qualifications.level"), sw.option(sw.cat.Options.QualificationLevels, q.Level), t.T("qualifications.obtained"), q.Obtained.String()),
			p.pairs(contentW, t.T("qualifications.cert_no"), q.CertNo),
		}
	})
}

// until is an end month, or 至今.
func (sw *sheetWriter) until(end domain.Month, current bool) string {
	if current {
		return sw.t.T("work.current")
	}
	return end.String()
}

// work is each job and, under it, its 会计专业工作经历.
func (sw *sheetWriter) work() {
	p, t, o := sw.p, sw.t, &sw.cat.Options
	sw.group("step.work", "work.row", len(sw.rec.Work), func(i int) []row {
		w := sw.rec.Work[i]
		rows := []row{
			p.pairs(contentW, t.T("work.start"), w.Start.String(), t.T("work.end"), sw.until(w.End, w.Current)),
			p.pairs(contentW, t.T("work.employer"), w.Employer),
			p.pairs(contentW, t.T("work.credit_code"), w.CreditCode, t.T("work.unit_type"), sw.option(o.UnitTypeOptions(), w.UnitType)),
			p.pairs(contentW, t.T("work.industry"), sw.option(o.Industries, w.Industry), t.T("work.phone"), w.Phone),
			p.pairs(contentW, t.T("work.address"), w.Address, t.T("work.has_accounting"), t.yesNo(w.HasAccounting)),
		}
		for j, a := range w.Posts {
			rows = append(rows, band(fmt.Sprintf("%s %d.%d", t.T("work.post_row"), i+1, j+1)),
				p.pairs(contentW, t.T("work.start"), a.Start.String(), t.T("work.end"), sw.until(a.End, a.Current), t.T("work.appointed_at"), a.AppointedAt.String()),
				p.pairs(contentW, t.T("work.post"), sw.option(o.AccountingPosts, a.Post), t.T("work.title"), sw.option(o.Titles, a.Title)))
		}
		return rows
	})
}

// attachments lists every image of the record with its facts and digest,
// so each file handed in on paper can be matched to the record.
func (sw *sheetWriter) attachments() {
	p, t := sw.p, sw.t
	p.heading(t.T("form.attachments"))
	widths := []float64{36, 15, 20, 17, contentW - 88}
	head := row{}
	for i, k := range []string{"form.att_kind", "form.att_format", "form.att_pixels", "form.att_bytes", "form.att_digest"} {
		head.cells = append(head.cells, cell{text: t.T(k), w: widths[i], label: true})
	}
	p.draw(margin, head)
	atts := sw.rec.Attachments()
	if len(atts) == 0 {
		p.draw(margin, row{cells: []cell{{text: t.T("form.none"), w: contentW}}})
	}
	for _, a := range atts {
		vals := []string{t.Msg(a.Kind.Name()), formatName(a.MIME), fmt.Sprintf("%d×%d", a.Width, a.Height),
			fmt.Sprintf("%.1f KB", float64(a.Bytes)/1024), a.SHA256}
		r := row{}
		for i, v := range vals {
			c := cell{text: v, w: widths[i]}
			if i == len(vals)-1 {
				c.st, c.size = mono, digestSize
			}
			r.cells = append(r.cells, c)
		}
		p.draw(margin, r)
	}
}

// digestSize sets a 64-digit SHA-256 on one line of the attachments table.
const digestSize = 6.5

// formatName is an image MIME type as people say it.
func formatName(mime string) string {
	switch mime {
	case "image/jpeg":
		return "JPG"
	case "image/png":
		return "PNG"
	}
	return mime
}

// submission is the notice read, the commitment, when the version was
// submitted, and the consents when the caller has them.
func (sw *sheetWriter) submission() {
	p, t, rec := sw.p, sw.t, sw.rec
	p.heading(t.T("form.commitment"))
	submitted := t.T("form.not_submitted")
	if !rec.SubmittedAt.IsZero() {
		submitted = t.T("form.printed_at", beijing(rec.SubmittedAt))
	}
	p.fields(t.T("notice.read"), t.yesNo(rec.NoticeRead), t.T("submit.commitment"), t.yesNo(rec.Committed))
	p.fields(t.T("result.submitted_at"), submitted)
	if len(sw.s.Consents) > 0 {
		p.fields(t.T("form.consent_personal"), sw.consented(domain.NoticePersonal), t.T("form.consent_sensitive"), sw.consented(domain.NoticeSensitive))
	}
}

// consented says when the person last agreed to a notice, and to which
// text (the start of its digest).
func (sw *sheetWriter) consented(k domain.NoticeKind) string {
	last := domain.LastConsent(sw.s.Consents, k)
	if last == nil {
		return sw.t.T("form.no_consent")
	}
	return sw.t.T("form.consented", beijing(last.At), last.Digest[:min(12, len(last.Digest))])
}

// signatures leaves room for the person's signature and the department's
// seal, as a paper form filed with a decision has.
func (sw *sheetWriter) signatures() {
	p, t := sw.p, sw.t
	r := p.pairs(contentW, t.T("form.sign_person"), "", t.T("form.sign_department"), "")
	r.minH = 15
	p.y += 2
	p.draw(margin, r)
}

// review is the status and, once decided, the decision with its reasons.
func (sw *sheetWriter) review() {
	p, t, d := sw.p, sw.t, sw.s.Decision
	p.heading(t.T("step.result"))
	p.fields(t.T("result.status"), t.Msg(sw.status().Name()))
	if d == nil {
		if sw.status().AwaitingReview() {
			p.fields(t.T("result.decision"), t.T("form.awaiting"))
		}
		return
	}
	reviewer := d.Reviewer
	if reviewer == "" {
		reviewer = "—"
	}
	p.fields(t.T("form.decided_at"), t.T("form.printed_at", beijing(d.At)), t.T("form.reviewer"), reviewer)
	if !d.Pass {
		reasons := ""
		for i, code := range d.Reasons {
			if i > 0 {
				reasons += "\n"
			}
			reasons += code
			if r := domain.ReasonByCode(code); r != nil {
				reasons += "  " + t.Msg(r.Msg)
			}
		}
		p.fields(t.T("form.reasons"), reasons)
	}
	if d.Comment != "" {
		p.fields(t.T("form.comment"), d.Comment)
	}
}
