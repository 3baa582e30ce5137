package candidate

import (
	"strings"
	"time"

	"caiji/domain"
	"caiji/ui/export"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
)

// SaveDelay is how long typing must pause before the field is saved;
// leaving the field saves at once.
const SaveDelay = 500 * time.Millisecond

// editor holds the signed-in candidate's record while the steps edit it.
// Every change goes through save, which writes it to SQLite (one version, one
// event per field), re-runs the pre-audit and puts each problem beside the
// field it names.
type editor struct {
	sess     *session.Session
	host     Host
	rec      *domain.Record
	problems []domain.Problem
	// rejected are the fields a standing rejection points at.
	rejected []string

	// fields maps a problem path to the widgets that show it.
	fields map[string]*widgets.Field
	// pending is the debounced save of the field being typed in.
	pending *time.Timer
	flushFn func()
	// saveDelay is the pause in typing after which a field saves.
	saveDelay time.Duration
	// onChange runs after every successful save (navigator, lists).
	onChange []func()
	// steps are the screens editing the record.
	steps []step
}

// load fetches (or creates) the account's record.
func (e *editor) load() error {
	rec, err := e.sess.Store.MyRecord(e.sess.Context(), e.sess.ID)
	if err != nil {
		return err
	}
	e.rec = rec
	e.audit()
	return nil
}

// pickerEnv is what the image pickers of the record's screens share.
func (e *editor) pickerEnv() widgets.PickerEnv {
	env := e.sess.PickerEnv(e.rec.ID, e.host.Later)
	env.SaveFile = func(name string, data []byte) { export.Save(e.sess, name, data) }
	return env
}

// editable reports whether the candidate may change the record now.
func (e *editor) editable() bool { return e.rec != nil && e.rec.Status.Editable() }

// save applies fn to the record in storage and refreshes what depends on it.
// A storage error (full disk, …) is shown and the screen keeps the last
// saved record, so nothing saved before is lost.
func (e *editor) save(fn func(*domain.Record)) {
	e.flush() // a field still being typed in is saved first, never dropped
	e.commit(fn)
}

func (e *editor) commit(fn func(*domain.Record)) {
	e.host.Touch()
	if !e.editable() {
		return
	}
	rec, err := e.sess.Store.UpdateRecord(e.sess.Context(), e.sess.ID, e.rec.ID, fn)
	if err != nil {
		e.sess.ShowError(err)
		return
	}
	e.rec = rec
	e.audit()
	for _, f := range e.onChange {
		f()
	}
}

// saveLater schedules fn to be saved after a pause in typing; a newer call
// replaces it, and flush saves it at once.
func (e *editor) saveLater(fn func(*domain.Record)) {
	e.host.Touch()
	e.cancelPending()
	e.flushFn = func() { e.commit(fn) }
	e.pending = time.AfterFunc(e.saveDelay, func() { fyne.Do(e.flush) })
}

// flush saves the pending edit now (leaving a field, switching steps,
// closing the window).
func (e *editor) flush() {
	if f := e.flushFn; f != nil {
		e.cancelPending()
		f()
	}
}

func (e *editor) cancelPending() {
	if e.pending != nil {
		e.pending.Stop()
	}
	e.pending, e.flushFn = nil, nil
}

// audit re-runs the pre-audit and shows each field's first problem beside it.
func (e *editor) audit() {
	e.sess.Showing("record", e.rec)
	e.problems = domain.PreAudit(e.rec, e.sess.Holder(), e.sess.Cat, e.sess.Store.Now())
	e.rejected = e.standingReasons()
	first := map[string]string{}
	for _, p := range e.problems {
		if _, ok := first[p.Field]; !ok {
			first[p.Field] = e.sess.Tr.Msg(p.Msg)
		}
	}
	for path, f := range e.fields {
		if path != "commitment" { // the submit step lists it; no red text under a checkbox
			f.SetError(first[path])
		}
	}
}

// register makes f show the problems of path, and forgets what a previous
// build of the same screen registered under it.
func (e *editor) register(path string, f *widgets.Field) *widgets.Field {
	e.fields[path] = f
	return f
}

// forget drops the fields under prefix before a screen is rebuilt.
func (e *editor) forget(prefix string) {
	for p := range e.fields {
		if p == prefix || hasPrefixPath(p, prefix) {
			delete(e.fields, p)
		}
	}
}

// problemsIn returns the problems whose field lies under one of prefixes.
func (e *editor) problemsIn(prefixes ...string) []domain.Problem {
	var out []domain.Problem
	for _, p := range e.problems {
		for _, pre := range prefixes {
			if p.Field == pre || hasPrefixPath(p.Field, pre) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// forgetStep drops what a step registered before it is rebuilt.
func (e *editor) forgetStep(s step) {
	for _, pre := range s.prefixes() {
		e.forget(pre)
	}
}

func hasPrefixPath(path, prefix string) bool {
	return strings.HasPrefix(path, prefix+".") || strings.HasPrefix(path, prefix+"[")
}
