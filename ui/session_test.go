package ui

import (
	"testing"
	"time"

	"caiji/domain"
	"caiji/ui/i18n"
	"caiji/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// mainLoop stands for the real app's main goroutine: fyne.Do and
// fyne.DoAndWait queue their work for the test goroutine, which runs it
// when it says (the test driver would run it at once on the caller's
// goroutine). A job can thus finish "later", after a sign-out, and the
// race detector sees every widget touched on one goroutine.
type mainLoop struct {
	fyne.Driver
	queue chan func()
}

func (m *mainLoop) DoFromGoroutine(f func(), wait bool) {
	if !wait {
		m.queue <- f
		return
	}
	done := make(chan struct{})
	m.queue <- func() { f(); close(done) }
	<-done
}

// runUntil runs queued work on the test goroutine until done is closed.
func (m *mainLoop) runUntil(done <-chan struct{}) {
	for {
		select {
		case f := <-m.queue:
			f()
		case <-done:
			m.drain()
			return
		}
	}
}

// drain runs the work queued so far, as the main loop would between frames.
func (m *mainLoop) drain() {
	for {
		select {
		case f := <-m.queue:
			f()
		default:
			return
		}
	}
}

type loopApp struct {
	fyne.App
	loop *mainLoop
}

func (a loopApp) Driver() fyne.Driver { return a.loop }

// withMainLoop makes fyne.Do queue for the test goroutine.
func withMainLoop(t *testing.T) *mainLoop {
	prev := fyne.CurrentApp()
	m := &mainLoop{Driver: prev.Driver(), queue: make(chan func(), 1024)}
	fyne.SetCurrentApp(loopApp{App: prev, loop: m})
	t.Cleanup(func() { fyne.SetCurrentApp(prev) })
	return m
}

// pendingJobs starts what A leaves behind: a photo being checked and a file
// dialog open on the ID's front side. It returns a channel closed when the
// photo job has finished (its result waits in the main loop's queue).
func pendingJobs(t *testing.T, a *App) (finished chan struct{}) {
	t.Helper()
	a.sess.Kiosk = true // Caiji's own file dialog, on the window at once
	front := pickerAt(t, a, "basic.id_front")
	test.Tap(front.Choose())
	if len(a.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("no file dialog on screen")
	}
	photo := pickerAt(t, a, "basic.photo")
	photo.Load(photoJPEG)
	finished = make(chan struct{})
	go func() { photo.Wait(); close(finished) }()
	return finished
}

// TestSignOutDropsThePreviousSession: A signs out (by the button, the
// kiosk timer or closing the window) while a photo job and a file dialog
// are pending; the job finishes while nobody is signed in, or after B
// signed in. No panic, B's record gets nothing of A's, and no dialog of
// A's is on B's screen.
func TestSignOutDropsThePreviousSession(t *testing.T) {
	for _, how := range []string{"button", "kiosk", "close"} {
		for _, whenB := range []string{"before the job ends", "after the job ends"} {
			t.Run(how+", B signs in "+whenB, func(t *testing.T) {
				a, store := newTestApp(t, i18n.LangZh)
				now := time.Date(2026, 11, 27, 9, 0, 0, 0, domain.Shanghai)
				store.SetClock(func() time.Time { return now })
				loop := withMainLoop(t)
				signUp(t, a, "110101199003079913", "张三", "13800138000")
				aRec := a.coll.Record().ID
				finished := pendingJobs(t, a)

				switch how {
				case "button":
					test.Tap(a.account.logoutBtn)
				case "kiosk":
					a.idleLimit = 5 * time.Minute
					now = now.Add(6 * time.Minute)
					a.checkIdle()
					for _, o := range a.win.Canvas().Overlays().List() { // the kiosk's own notice
						a.win.Canvas().Overlays().Remove(o)
					}
				case "close":
					a.closeRequested(true) // a kiosk window: closing signs out, the window stays
				}
				if a.User() != nil {
					t.Fatal("still signed in")
				}
				if n := len(a.win.Canvas().Overlays().List()); n != 0 {
					t.Fatalf("%d dialogs of A still on screen", n)
				}
				if whenB == "after the job ends" {
					loop.runUntil(finished) // A's result arrives with nobody signed in
				}
				signUp(t, a, "31010119950615998X", "李四", "13900139000")
				loop.runUntil(finished)
				if n := len(a.win.Canvas().Overlays().List()); n != 0 {
					t.Fatalf("%d dialogs on B's screen", n)
				}
				if b := a.coll.Record(); b.Basic.Photo != nil || b.ID == aRec {
					t.Fatalf("B's record got A's photo: %+v", b.Basic.Photo)
				}
				for _, p := range a.coll.Pickers() {
					if p.Showing() {
						t.Fatalf("picker %s of B shows an image", p.Path())
					}
				}
				login(t, a, "13800138000", "Abcdef12!")
				if a.coll.Record().Basic.Photo != nil {
					t.Fatal("A's photo was stored after A signed out")
				}
			})
		}
	}
}

// TestSignOutClearsWhatCameFromTheSession: the clipboard loses the
// candidate's ID number at sign-out but keeps what came from elsewhere,
// and the next file dialog does not start in A's folder.
func TestSignOutClearsWhatCameFromTheSession(t *testing.T) {
	a, _ := newTestApp(t, i18n.LangZh)
	signUp(t, a, "110101199003079913", "张三", "13800138000")
	if _, err := a.store.UpdateRecord(t.Context(), a.sess.ID, a.coll.Record().ID, func(r *domain.Record) {
		r.Education = []domain.Education{{School: "北京工商大学"}}
	}); err != nil {
		t.Fatal(err)
	}
	cb := fyne.CurrentApp().Clipboard()
	prefs := fyne.CurrentApp().Preferences()
	for _, tc := range []struct{ copied, left string }{
		{"北京工商大学", ""},
		{"110101199003079913", ""},
		{"a shopping list", "a shopping list"},
	} {
		login(t, a, "13800138000", "Abcdef12!")
		cb.SetContent(tc.copied)
		prefs.SetString(session.LastFolderKey, "file:///home/kiosk/张三的照片")
		test.Tap(a.account.logoutBtn)
		if got := cb.Content(); got != tc.left {
			t.Errorf("copied %q, after sign-out the clipboard holds %q", tc.copied, got)
		}
		if prefs.String(session.LastFolderKey) != "" {
			t.Error("the file dialog still remembers A's folder")
		}
	}
}
