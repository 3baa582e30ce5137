package candidate

import (
	"slices"
	"time"

	"caiji/domain"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// StepKeys are the candidate's steps after 账户, in the seed's order; each
// names its title ("step.<key>") and introduction. "qualifications" exists
// only for scope A.
var StepKeys = []string{"realname", "notice", "basic", "education", "qualifications", "work", "department", "submit", "result"}

// Host is what the window does for the candidate's screens.
type Host interface {
	// Relayout rebuilds the navigator: which steps exist, and whether
	// they are editable, may have changed (scope, workflow status).
	Relayout()
	// Rebuild rebuilds the screen of one step.
	Rebuild(key string)
	// Select shows the step key.
	Select(key string)
	// JumpTo shows the step responsible for path and focuses its input.
	JumpTo(path string)
	// Touch records activity (the kiosk's idle timer).
	Touch()
	// Later runs f once the screen being built is laid out.
	Later(f func())
	// Changed runs after every save (the navigator's status icons).
	Changed()
	// Shortcut acts on the window's own shortcuts (moving between steps)
	// typed in a text field, which Fyne gives the field instead of the
	// window; it reports whether sc was one.
	Shortcut(sc fyne.Shortcut) bool
}

// Collection is the candidate's record with the screens of its steps,
// built for one session: a screen of a signed-out session is never shown
// again, and what it still does is refused.
type Collection struct{ ed *editor }

// New loads (or creates) the session's record and builds its steps.
func New(sess *session.Session, host Host, saveDelay time.Duration) (*Collection, error) {
	ed := &editor{sess: sess, host: host, saveDelay: saveDelay, fields: map[string]*widgets.Field{}}
	if err := ed.load(); err != nil {
		return nil, err
	}
	ed.steps = []step{newRealNameStep(ed), newNoticeStep(ed), newBasicStep(ed), newEducationStep(ed),
		newQualificationsStep(ed), newWorkStep(ed), newDepartmentStep(ed), newSubmitStep(ed), newResultStep(ed)}
	ed.onChange = append(ed.onChange, host.Changed)
	return &Collection{ed}, nil
}

// Record is the record as last saved.
func (c *Collection) Record() *domain.Record { return c.ed.rec }

// Keys are the steps that exist now: the qualification step only for
// scope A.
func (c *Collection) Keys() []string {
	var out []string
	for _, s := range c.ed.steps {
		if s.key() != "qualifications" || c.ed.rec.HasScope(domain.ScopeQualified) {
			out = append(out, s.key())
		}
	}
	return out
}

func (c *Collection) step(key string) step {
	for _, s := range c.ed.steps {
		if s.key() == key {
			return s
		}
	}
	return nil
}

// Build builds a step's screen in a scroll container, read-only when the
// record is submitted.
func (c *Collection) Build(key string) fyne.CanvasObject {
	s := c.step(key)
	if s == nil {
		return container.NewStack()
	}
	c.ed.forgetStep(s)
	content := s.build()
	s.binder().setEditable(c.ed.editable())
	c.ed.audit()
	return container.NewVScroll(container.NewPadded(content))
}

// Icon says whether a step is complete, incomplete or has errors.
func (c *Collection) Icon(key string) fyne.Resource {
	s := c.step(key)
	if s == nil {
		return nil
	}
	if key == "result" {
		return resultIcon(c.ed.rec.Status)
	}
	probs := c.ed.problemsIn(s.prefixes()...)
	switch {
	case c.ed.rejectedStep(s):
		return theme.ErrorIcon()
	case domain.Errors(probs) == 0:
		return theme.ConfirmIcon()
	case slices.ContainsFunc(probs, func(p domain.Problem) bool { return p.Severity == domain.Error && !domain.IsMissing(p.Code) }):
		return theme.ErrorIcon()
	}
	return theme.RadioButtonIcon()
}

// StepOf names the step a problem path belongs to.
func (c *Collection) StepOf(path string) string { return c.ed.stepOf(path) }

// Focus returns the input of path (or the nearest above it) on the screen
// of its step as last built, or nil.
func (c *Collection) Focus(path string) fyne.Focusable {
	if s := c.step(c.ed.stepOf(path)); s != nil {
		return s.binder().focusFor(path)
	}
	return nil
}

// Flush saves the field being typed in now.
func (c *Collection) Flush() { c.ed.flush() }

// SensitiveConsent is 实名认证's check box for the sensitive-information
// notice as last built, or nil when the candidate has agreed.
func (c *Collection) SensitiveConsent() *widgets.CheckBox {
	for _, s := range c.ed.steps {
		if r, ok := s.(*realNameStep); ok {
			return r.agree
		}
	}
	return nil
}

// Pickers are the image pickers of the steps as last built.
func (c *Collection) Pickers() []*widgets.Picker {
	var out []*widgets.Picker
	for _, s := range c.ed.steps {
		out = append(out, s.binder().pickers...)
	}
	return out
}

// stepOf names the step a problem path belongs to ("submit" for none).
func (e *editor) stepOf(path string) string {
	for _, s := range e.steps {
		for _, pre := range s.prefixes() {
			if path == pre || hasPrefixPath(path, pre) {
				return s.key()
			}
		}
	}
	return "submit"
}

// Refocus notes which input of step key has the keyboard focus (focused)
// before the step is rebuilt — a choice that shows other fields, a 省 that
// fills the 市 list, a row added — and returns what finds its counterpart
// in the new build: the input for the same problem path, else the one at
// the same place among the step's inputs (nil when there is none). Without
// it the focus vanished with the old widgets and Tab started again at the
// top of the window.
func (c *Collection) Refocus(key string, focused fyne.Focusable) func() fyne.Focusable {
	none := func() fyne.Focusable { return nil }
	s := c.step(key)
	if s == nil || focused == nil {
		return none
	}
	old := s.binder()
	path, at := "", -1
	for p, w := range old.focus {
		if w == focused {
			path = p
		}
	}
	for i, w := range old.inputs {
		if f, ok := w.(fyne.Focusable); ok && f == focused {
			at = i
		}
	}
	if path == "" && at < 0 {
		return none
	}
	return func() fyne.Focusable {
		b := s.binder()
		if f := b.focus[path]; path != "" && f != nil {
			return f
		}
		for i := min(at, len(b.inputs)-1); i >= 0; i-- {
			if f, ok := b.inputs[i].(fyne.Focusable); ok && !b.inputs[i].Disabled() {
				return f
			}
		}
		return nil
	}
}
