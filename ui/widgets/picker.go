package widgets

import (
	"caiji/ui/i18n"
	"context"
	"image"
	"io"
	"os"
	"strings"
	"sync"

	"caiji/domain"
	"caiji/domain/photo"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// previewSide is the long side of on-screen previews.
const previewSide = 480

// ImageStore is what a picker needs of storage: to store the bytes of an
// image of kind for its record, getting back the facts storage measured,
// and to read a stored image back. A picker knows nothing of accounts,
// records or the App: one store is one record of one session.
type ImageStore interface {
	Put(kind domain.AttachmentKind, data []byte) (domain.Attachment, error)
	Get(sha string) ([]byte, error)
}

// PickerEnv is what every picker of one screen shares.
type PickerEnv struct {
	Tr    *i18n.Translator
	Win   fyne.Window
	Rules domain.PhotoRules
	Store ImageStore
	// Ctx ends with the session the picker was built for: a job finishing
	// after it drops its result, a dialog answering after it is ignored.
	Ctx      context.Context
	Previews *PreviewCache
	// Show shows a dialog so that it closes when the session ends.
	Show func(dialog.Dialog)
	// Later runs work once the screen is laid out.
	Later func(func())
	// ChooseFile asks the user for an image file of the session and gives
	// its path to chosen (not after the session ended).
	ChooseFile func(chosen func(path string))
	// SaveFile offers a finished photo to keep (named name); nil hides 另存为.
	// The screens give the session's own save, which on a kiosk offers only
	// removable drives or the printer, never the shared PC's folders.
	SaveFile func(name string, data []byte)
}

// Picker is how every image of the collection gets in: choose a file
// (or drop one on it), see each check with its figure, fix it in one step
// with a before/after view (for the standard photo, with a movable 5:7
// crop), and store the result. Image work runs off the UI goroutine and
// comes back through fyne.Do, only while the picker's session lasts.
type Picker struct {
	env  PickerEnv
	path string
	kind domain.AttachmentKind
	// Editable says whether the record may take a new image now.
	Editable func() bool
	// Stored saves the facts of a newly stored image into the record.
	Stored func(*domain.Attachment)
	// Considering runs when the picker shows an image that is not the
	// stored one (a chosen file, a fix on offer): whatever the screen says
	// of the stored image no longer stands beside it.
	Considering func()
	// current is the image the record holds (nil: none yet).
	current *domain.Attachment

	// before shows the image in question: the chosen file, or the stored
	// image under its own title; after shows the fix or crop preview and is
	// hidden when there is none, so an old image never stands beside a new one.
	before, after *canvas.Image
	beforeTitle   *widget.Label
	afterPane     *fyne.Container
	images        *fyne.Container // hidden until there is an image to show
	checks        *fyne.Container
	status        *widget.Label
	progress      *widget.ProgressBarInfinite
	choose        *Button
	fix           *Button
	use           *Button
	saveAs        *Button
	cropX, cropY  *widget.Slider
	cropZoom      *widget.Slider
	// controls are the crop sliders, shown while a fix is on offer.
	controls fyne.CanvasObject
	content  fyne.CanvasObject

	data    []byte         // the chosen file
	decoded *photo.Decoded // of data
	small   image.Image    // upright preview of data
	fixed   *photo.Result  // the fix on offer
	busy    bool
	// jobs counts image work in flight; each job's screen update happens
	// before it is done, so waiting on it sees the result.
	jobs sync.WaitGroup
}

func (p *Picker) isPhoto() bool { return p.kind == domain.AttPhoto }

// NewPicker builds a picker for an image of kind, showing current; path
// names it for drops and tests.
func NewPicker(env PickerEnv, path string, kind domain.AttachmentKind, current *domain.Attachment) *Picker {
	t := env.Tr
	p := &Picker{env: env, path: path, kind: kind, current: current, Editable: func() bool { return true }, Stored: func(*domain.Attachment) {}, Considering: func() {}}
	p.before = imageBox()
	p.after = imageBox()
	p.checks = container.NewVBox()
	p.status = StatusLabel()
	p.progress = widget.NewProgressBarInfinite()
	p.progress.Hide()
	p.choose = NewButton(t.T("picker.choose"), p.openDialog)
	p.fix = NewButton(t.T("picker.fix"), p.runFix)
	p.fix.Importance = widget.HighImportance
	p.fix.Hide()
	p.use = NewButton(t.T("picker.use"), p.useFixed)
	p.use.Hide()
	row := container.NewHBox(p.choose, p.fix, p.use)
	var controls fyne.CanvasObject = container.NewVBox()
	if p.isPhoto() {
		if env.SaveFile != nil {
			p.saveAs = NewButton(t.T("picker.save_as"), p.saveFile)
			row.Add(p.saveAs)
		}
		p.cropZoom = widget.NewSlider(50, 100)
		p.cropZoom.SetValue(100)
		p.cropX, p.cropY = widget.NewSlider(0, 100), widget.NewSlider(0, 100)
		p.cropX.SetValue(50)
		p.cropY.SetValue(50)
		for _, s := range []*widget.Slider{p.cropZoom, p.cropX, p.cropY} {
			s.OnChanged = func(float64) { p.showCrop() }
		}
		controls = FormGrid(NewField(t.T("picker.crop_size"), p.cropZoom), NewField(t.T("picker.crop_x"), p.cropX), NewField(t.T("picker.crop_y"), p.cropY))
	}
	controls.Hide()
	p.controls = controls
	title := widget.NewLabelWithStyle(t.Msg(kind.Name()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(t.T("picker.hint." + map[bool]string{true: "photo", false: "document"}[p.isPhoto()]))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	p.beforeTitle = widget.NewLabel(t.T("picker.before"))
	p.afterPane = container.NewBorder(widget.NewLabel(t.T("picker.after")), nil, nil, nil, p.after)
	p.afterPane.Hide()
	p.images = container.NewGridWithColumns(2, container.NewBorder(p.beforeTitle, nil, nil, nil, p.before), p.afterPane)
	p.images.Hide()
	p.content = container.NewVBox(title, hint, p.images, p.checks, controls, p.progress, row, p.status)
	p.showStored()
	return p
}

// Content is the picker's screen area.
func (p *Picker) Content() fyne.CanvasObject { return p.content }

// Path is the record path the picker fills.
func (p *Picker) Path() string { return p.path }

// Choose is the button that opens the file dialog; screens disable it with
// their other inputs and focus it to jump to the picker.
func (p *Picker) Choose() *Button { return p.choose }

// Wait waits until the picker's image work in flight is done and shown.
func (p *Picker) Wait() { p.jobs.Wait() }

// Showing reports whether an image (chosen, fixed or stored) is on screen.
func (p *Picker) Showing() bool { return p.before.Image != nil || p.after.Image != nil }

// live reports whether the session the picker was built for still lasts.
func (p *Picker) live() bool { return p.env.Ctx.Err() == nil }

// showImage puts img in box and reveals the image row (and, for after, its
// pane).
func (p *Picker) showImage(box *canvas.Image, img image.Image) {
	box.Image = img
	box.Refresh()
	if box == p.after {
		p.afterPane.Show()
	}
	p.images.Show()
}

// showOnly shows img alone, under title: the chosen file, or the stored image.
func (p *Picker) showOnly(title string, img image.Image) {
	p.beforeTitle.SetText(title)
	p.showImage(p.before, img)
	p.after.Image = nil
	p.afterPane.Hide()
}

func imageBox() *canvas.Image {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(180, 250))
	return img
}

// showStored shows what the record holds for this picker.
func (p *Picker) showStored() {
	att := p.current
	if p.saveAs != nil {
		if att == nil {
			p.saveAs.Disable()
		} else {
			p.saveAs.Enable()
		}
	}
	if att == nil {
		return
	}
	p.setChecks(*att, p.verdict(att))
	p.status.SetText(p.env.Tr.T("picker.stored", att.Width, att.Height, domain.SizeText(att.Bytes)))
	saved := p.env.Tr.T("picker.saved_image")
	if img, ok := p.env.Previews.Get(att.SHA256); ok {
		p.showOnly(saved, img)
		return
	}
	// Loading waits until the screen is laid out, so the image work never
	// runs beside the layout.
	sha := att.SHA256
	p.env.Later(func() {
		p.jobs.Add(1)
		go func() {
			defer p.jobs.Done()
			data, err := p.env.Store.Get(sha)
			if err != nil {
				return
			}
			if d, err := photo.Decode(data); err == nil {
				small := photo.Preview(d, previewSide)
				p.onUI(func() {
					p.env.Previews.Put(sha, small)
					p.showOnly(saved, small)
				})
			}
		}()
	})
}

// onUI runs f on the UI goroutine and waits, unless the picker's session
// ended meanwhile: a late result is dropped, never shown to the next person.
func (p *Picker) onUI(f func()) {
	fyne.DoAndWait(func() {
		if p.live() {
			f()
		}
	})
}

// openDialog lets the user choose a file. The dialog belongs to the
// session: it closes at sign-out, and an answer after that is ignored.
func (p *Picker) openDialog() {
	p.env.ChooseFile(func(path string) {
		if !p.live() {
			return
		}
		f, err := os.Open(path)
		if err != nil {
			p.Fail(err)
			return
		}
		defer f.Close()
		p.LoadFrom(f)
	})
}

// LoadFrom reads a chosen or dropped file, at most photo.MaxFileBytes.
func (p *Picker) LoadFrom(r io.Reader) {
	data, err := photo.ReadAll(r)
	if err != nil {
		p.Fail(err)
		return
	}
	p.Load(data)
}

// Fail shows err as the reason the image was not taken.
func (p *Picker) Fail(err error) {
	p.setBusy(false)
	SetStatus(p.status, p.env.Tr.Err(err), widget.DangerImportance)
}

func (p *Picker) setBusy(on bool) {
	p.busy = on
	if on {
		p.progress.Show()
		p.choose.Disable()
		p.fix.Disable()
	} else {
		p.progress.Hide()
		p.choose.Enable()
		p.fix.Enable()
	}
}

// Load checks data off the UI goroutine, decoding it once for the checks,
// the preview and a later fix. A file that passes is stored at once (a
// photo that is not 5:7 is stored, and the crop is offered); one that fails
// shows why and offers the fix, or says at once why no fix can help.
func (p *Picker) Load(data []byte) {
	if !p.live() || !p.Editable() {
		return
	}
	p.fix.Hide()
	p.use.Hide()
	p.controls.Hide()
	p.fixed = nil
	rules := p.env.Rules
	p.run(func() (func(), error) {
		d, err := photo.Decode(data)
		if err != nil {
			return nil, err
		}
		rep := d.Check(p.kind, rules)
		failing := domain.Errors(rep.Problems) > 0
		var hopeless error
		if failing {
			hopeless = p.fixable(d, rules)
		}
		small := photo.Preview(d, previewSide)
		return func() {
			p.data, p.decoded, p.small = data, d, small
			p.showOnly(p.env.Tr.T("picker.before"), small)
			p.setChecks(rep.Facts, rep.Problems)
			p.Considering()
			switch {
			case hopeless != nil:
				SetStatus(p.status, p.env.Tr.Err(hopeless), widget.DangerImportance)
			case !failing:
				if p.store(data) && p.isPhoto() && hasCode(rep.Problems, domain.CodePhotoRatio) {
					SetStatus(p.status, p.status.Text+"\n"+p.env.Tr.T("picker.crop_offer"), widget.WarningImportance)
					p.offerFix()
				}
			default:
				SetStatus(p.status, p.env.Tr.T("picker.needs_fix"), widget.WarningImportance)
				p.offerFix()
			}
		}, nil
	})
}

// fixable is why no fix can make d acceptable, found before any work: too
// few pixels (nothing is enlarged).
func (p *Picker) fixable(d *photo.Decoded, rules domain.PhotoRules) error {
	if p.isPhoto() {
		return d.PhotoFixable()
	}
	return d.DocumentFixable(p.kind, rules)
}

// offerFix shows 一键修正 and, for the photo, the crop with its preview.
func (p *Picker) offerFix() {
	p.fix.Show()
	p.controls.Show()
	p.showCrop()
}

func hasCode(ps []domain.Problem, code string) bool {
	for _, pr := range ps {
		if pr.Code == code {
			return true
		}
	}
	return false
}

// run does an image job off the UI goroutine and applies its result on it;
// an error is shown instead, and after the session ended neither. The
// picker is busy until the result is on screen, and jobs counts the job
// until then.
func (p *Picker) run(job func() (apply func(), err error)) {
	p.setBusy(true)
	p.jobs.Add(1)
	go func() {
		defer p.jobs.Done()
		apply, err := job()
		p.onUI(func() {
			if err != nil {
				p.Fail(err)
				return
			}
			apply()
			p.setBusy(false)
		})
	}()
}

// verdict is what the rules say of a stored image's facts — the same
// judgement the pre-audit makes.
func (p *Picker) verdict(att *domain.Attachment) []domain.Problem {
	if p.isPhoto() {
		return domain.PhotoProblems(att, p.env.Rules)
	}
	return domain.DocumentProblems(att, p.kind, p.env.Rules)
}

// cropRect is the 5:7 crop the sliders describe, in upright pixels.
func (p *Picker) cropRect() *image.Rectangle {
	if !p.isPhoto() || p.decoded == nil {
		return nil
	}
	w, h := p.decoded.Size()
	full := photo.CenterCrop(w, h)
	cw := int(float64(full.Dx()) * p.cropZoom.Value / 100)
	ch := cw * 7 / 5
	x := int(float64(w-cw) * p.cropX.Value / 100)
	y := int(float64(h-ch) * p.cropY.Value / 100)
	r := image.Rect(x, y, x+cw, y+ch)
	return &r
}

// showCrop previews the crop in the "after" box until a fix is made.
func (p *Picker) showCrop() {
	r := p.cropRect()
	if r == nil || p.small == nil || p.fixed != nil {
		return
	}
	w, _ := p.decoded.Size()
	s := float64(p.small.Bounds().Dx()) / float64(w)
	sub := image.Rect(int(float64(r.Min.X)*s), int(float64(r.Min.Y)*s), int(float64(r.Max.X)*s), int(float64(r.Max.Y)*s))
	if si, ok := p.small.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		p.showImage(p.after, si.SubImage(sub))
	}
}

// runFix fixes the chosen file off the UI goroutine and offers the result.
func (p *Picker) runFix() {
	if p.decoded == nil || p.busy {
		return
	}
	d, crop, rules := p.decoded, p.cropRect(), p.env.Rules
	p.run(func() (func(), error) {
		var res *photo.Result
		var err error
		if p.isPhoto() {
			res, err = d.FixPhoto(crop, rules)
		} else {
			res, err = d.FixDocument(p.kind, rules)
		}
		if err != nil {
			return nil, err
		}
		small := res.Preview(previewSide)
		return func() {
			p.fixed = res
			p.showImage(p.after, small)
			p.setChecks(res.Report.Facts, res.Report.Problems)
			p.Considering()
			SetStatus(p.status, p.env.Tr.T("picker.fixed", res.Report.Facts.Width, res.Report.Facts.Height, domain.SizeText(len(res.Data))), widget.SuccessImportance)
			p.use.Show()
		}, nil
	})
}

func (p *Picker) useFixed() {
	if p.fixed == nil {
		return
	}
	if !p.store(p.fixed.Data) {
		return
	}
	p.fixed = nil
	p.use.Hide()
	p.fix.Hide()
	p.controls.Hide()
}

// store saves the image and points the record at it, with the facts
// storage measured; false when storage refused it (the reason is shown).
func (p *Picker) store(data []byte) bool {
	facts, err := p.env.Store.Put(p.kind, data)
	if err != nil {
		p.Fail(err)
		return false
	}
	p.current = &facts
	p.Stored(&facts)
	img := p.small
	if p.fixed != nil {
		img = p.after.Image
	}
	if img != nil {
		p.env.Previews.Put(facts.SHA256, img)
		p.showOnly(p.env.Tr.T("picker.saved_image"), img)
	}
	p.setChecks(facts, p.verdict(&facts))
	SetStatus(p.status, p.env.Tr.T("picker.stored", facts.Width, facts.Height, domain.SizeText(facts.Bytes)), widget.SuccessImportance)
	if p.saveAs != nil {
		p.saveAs.Enable()
	}
	return true
}

// saveFile writes the stored photo to a file (报名照片.jpg by default), for
// the registration sites that ask for it again.
func (p *Picker) saveFile() {
	att := p.current
	if att == nil {
		return
	}
	data, err := p.env.Store.Get(att.SHA256)
	if err != nil {
		p.Fail(err)
		return
	}
	p.env.SaveFile(p.env.Tr.T("picker.default_name"), data)
}

// checkLine is one line of the check list: passed or not, with its figure.
type checkLine struct {
	ok   bool
	warn bool
	text string
}

// setChecks lists every check of the file with its figure: the failures are
// the rules' own messages, the passes say what was measured.
func (p *Picker) setChecks(f domain.Attachment, problems []domain.Problem) {
	t := p.env.Tr
	byCode := map[string]domain.Problem{}
	for _, pr := range problems {
		byCode[pr.Code] = pr
	}
	line := func(codes []string, okText string) checkLine {
		for _, c := range codes {
			if pr, bad := byCode[c]; bad {
				return checkLine{warn: pr.Severity == domain.Warning, text: t.Msg(pr.Msg)}
			}
		}
		return checkLine{ok: true, text: okText}
	}
	format := strings.ToUpper(strings.TrimPrefix(f.MIME, "image/"))
	rules, size := p.env.Rules, domain.SizeText(f.Bytes)
	var lines []checkLine
	if p.isPhoto() {
		lines = []checkLine{
			line([]string{domain.CodePhotoFormat}, t.T("check.format", format)),
			line([]string{domain.CodePhotoTooSmall, domain.CodePhotoTooLarge}, t.T("check.photo_size", size, domain.LimitText(rules.PhotoMinBytes), domain.LimitText(rules.PhotoMaxBytes))),
			line([]string{domain.CodePhotoPixels}, t.T("check.pixels", f.Width, f.Height)),
			line([]string{domain.CodePhotoRatio}, t.T("check.ratio")),
			line([]string{domain.CodePhotoBackground}, t.T("check.background")),
		}
	} else {
		lines = []checkLine{
			line([]string{domain.CodeDocFormat}, t.T("check.format", format)),
			line([]string{domain.CodeDocTooSmall, domain.CodeDocTooLarge}, t.T("check.doc_size", size, domain.LimitText(rules.DocumentMinBytes-1), domain.LimitText(rules.DocumentMaxBytes))),
			line([]string{domain.CodeDocPixels}, t.T("check.doc_pixels", f.Width, f.Height)),
		}
	}
	p.checks.RemoveAll()
	for _, l := range lines {
		mark, imp := "✓ ", widget.SuccessImportance
		switch {
		case l.warn:
			mark, imp = "! ", widget.WarningImportance
		case !l.ok:
			mark, imp = "✗ ", widget.DangerImportance
		}
		lbl := widget.NewLabel(mark + l.text)
		lbl.Importance = imp
		lbl.Wrapping = fyne.TextWrapWord
		p.checks.Add(lbl)
	}
}

// Current is the image the record holds, as stored last (nil: none).
func (p *Picker) Current() *domain.Attachment { return p.current }

// Status is the line under the picker: what was stored, or why not.
func (p *Picker) Status() string { return p.status.Text }
