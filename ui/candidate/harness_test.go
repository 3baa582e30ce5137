package candidate

import (
	"testing"
	"time"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/storage"
	"caiji/storage/storagetest"
	"caiji/ui/i18n"
	"caiji/ui/session"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// harness is the window around a Collection in tests: a store in a temp
// dir, a headless window, and a Host that builds the steps as the App's
// navigator does. Its methods drive the steps as a candidate would: find
// inputs by the problem path they edit, type, tap and choose.
type harness struct {
	t     *testing.T
	store *storage.Store
	win   fyne.Window
	sess  *session.Session
	c     *Collection
	ed    *editor
	// selected is the step the navigator shows, in the window.
	selected string
	screens  map[string]fyne.CanvasObject
	later    []func()
}

// openStore opens a store in a temp dir, with a headless app and theme.
func openStore(t *testing.T) *storage.Store {
	t.Helper()
	test.NewTempApp(t)
	store, err := storage.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

func registration(id, name, phone string) domain.Registration {
	return domain.Registration{IDType: domain.IDMainland, IDNumber: id, Name: name, Password: "Abcdef12!", Confirm: "Abcdef12!", Phone: phone}
}

// signUp registers a candidate and opens their collection.
func signUp(t *testing.T, store *storage.Store, id, name, phone string) *harness {
	t.Helper()
	return register(t, store, registration(id, name, phone))
}

func register(t *testing.T, store *storage.Store, r domain.Registration) *harness {
	t.Helper()
	r.Agreed = store.Notices()[domain.NoticePersonal].Digest
	in, err := store.Register(t.Context(), r)
	if err != nil {
		t.Fatal(err)
	}
	storagetest.AgreeSensitive(t, store, in.Session)
	return open(t, store, in, i18n.LangZh)
}

// login signs in and opens the collection.
func login(t *testing.T, store *storage.Store, id string) *harness {
	t.Helper()
	in, err := store.Login(t.Context(), id, "Abcdef12!")
	if err != nil {
		t.Fatal(err)
	}
	return open(t, store, in, i18n.LangZh)
}

func open(t *testing.T, store *storage.Store, in storage.SignIn, lang string) *harness {
	t.Helper()
	tr, err := i18n.NewTranslator(lang)
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	win.Resize(fyne.NewSize(1000, 690)) // ui.StartSize: the window on a 1024×768 screen
	h := &harness{t: t, store: store, win: win}
	h.sess = session.New(store, domaintest.Catalog(t), tr, win, in)
	t.Cleanup(h.sess.End)
	c, err := New(h.sess, h, time.Hour) // tests save by leaving fields, never by a timer
	if err != nil {
		t.Fatal(err)
	}
	h.c, h.ed = c, c.ed
	h.Relayout()
	return h
}

// Host, as the navigator does it.
func (h *harness) Relayout() {
	h.screens = map[string]fyne.CanvasObject{}
	for _, k := range h.c.Keys() {
		h.screens[k] = h.c.Build(k)
	}
	h.run()
}
func (h *harness) Rebuild(key string) { h.screens[key] = h.c.Build(key); h.run() }
func (h *harness) Select(key string) {
	h.selected = key
	h.win.SetContent(h.screens[key])
}
func (h *harness) JumpTo(path string) {
	h.Select(h.c.StepOf(path))
	if f := h.c.Focus(path); f != nil {
		h.win.Canvas().Focus(f)
	}
}
func (h *harness) Touch()         {}
func (h *harness) Later(f func()) { h.later = append(h.later, f) }
func (h *harness) Changed()       {}

// Shortcut: the harness has no navigator.
func (h *harness) Shortcut(fyne.Shortcut) bool { return false }

func (h *harness) run() {
	later := h.later
	h.later = nil
	for _, f := range later {
		f()
	}
}

// settle waits until every picker has finished its image work.
func (h *harness) settle() {
	for _, p := range h.c.Pickers() {
		p.Wait()
	}
}

func (h *harness) step(key string) step {
	if st := h.c.step(key); st != nil {
		return st
	}
	h.t.Fatalf("no step %s", key)
	return nil
}

func (h *harness) picker(path string) *widgets.Picker {
	h.t.Helper()
	h.settle()
	for _, p := range h.c.Pickers() {
		if p.Path() == path {
			return p
		}
	}
	h.t.Fatalf("no picker %s", path)
	return nil
}
