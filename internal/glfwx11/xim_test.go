//go:build linux && cgo

package glfwx11

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/go-gl/glfw/v3.4/glfw"
)

// pinyinSession is what fcitx5 (pinyin, over XIM) made of typing
// `zhangsan`, Space, `lisi`, BackSpace, Left, Return, Tab into Caiji's
// 真实姓名 field, recorded in GLFW's processEvent: each X key event in the
// order it arrived and whether XFilterEvent consumed it. A keysym of "" is
// keycode 0, the event through which XIM hands over a commit (张三 after
// Space, "lis" after Return). The input method consumes every key while it
// composes and sends each back unconsumed only when it does not want it (the
// releases, and Tab once nothing is being composed).
var pinyinSession = parseRecording(`
press z 1; release z 1; release z 0; press h 1; release h 1; release h 0
press a 1; release a 1; release a 0; press n 1; release n 1; release n 0
press g 1; release g 1; release g 0; press s 1; release s 1; release s 0
press a 1; release a 1; release a 0; press n 1; release n 1; release n 0
press space 1; release space 1; press "" 0; release space 0
press l 1; release l 1; release l 0; press i 1; release i 1; release i 0
press s 1; release s 1; release s 0; press i 1; release i 1; release i 0
press BackSpace 1; release BackSpace 1; press Left 1; release Left 1
release BackSpace 0; press Return 1; release Return 1; release Left 0
press "" 0; release Return 0
press Tab 1; release Tab 1; press Tab 0; release Tab 0`)

// TestConsumedKeysDoNotReachTheApp replays the recorded session through the
// patched GLFW and checks that of all those keys only Tab — the one the
// input method gave back — reaches the key callback, which is where Fyne's
// entries get BackSpace, Left and Enter from. Unpatched GLFW reports every
// consumed press too: BackSpace deleted 三, Enter submitted the form.
func TestConsumedKeysDoNotReachTheApp(t *testing.T) {
	win := openWindow(t)
	var pressed []glfw.Key
	win.SetKeyCallback(func(_ *glfw.Window, key glfw.Key, _ int, action glfw.Action, _ glfw.ModifierKey) {
		if action != glfw.Release {
			pressed = append(pressed, key)
		}
	})
	var typed []rune
	win.SetCharCallback(func(_ *glfw.Window, r rune) { typed = append(typed, r) })

	im := Attach(unsafe.Pointer(glfw.GetX11Display()), uint64(win.GetX11Window()))
	defer im.Detach()
	for _, k := range pinyinSession {
		if k.Sym == "" {
			// A commit carries its text in the XIM input context, which
			// only a real input method server creates; left out here.
			continue
		}
		im.Queue(k)
		glfw.PollEvents()
	}
	if want := []glfw.Key{glfw.KeyTab}; !slices.Equal(pressed, want) {
		t.Errorf("keys the app received: %v, want only %v (Tab, given back by the input method)", pressed, want)
	}
	if len(typed) != 0 {
		t.Errorf("characters the app received from raw keys: %q, want none", string(typed))
	}
}

// TestKeysWithoutInputMethodStillArrive guards against the other failure: a
// patch that drops keys no input method consumed.
func TestKeysWithoutInputMethodStillArrive(t *testing.T) {
	win := openWindow(t)
	var pressed []glfw.Key
	win.SetKeyCallback(func(_ *glfw.Window, key glfw.Key, _ int, action glfw.Action, _ glfw.ModifierKey) {
		if action == glfw.Press {
			pressed = append(pressed, key)
		}
	})
	var typed []rune
	win.SetCharCallback(func(_ *glfw.Window, r rune) { typed = append(typed, r) })

	im := Attach(unsafe.Pointer(glfw.GetX11Display()), uint64(win.GetX11Window()))
	defer im.Detach()
	for _, sym := range []string{"a", "b", "BackSpace", "Return"} {
		im.Queue(Key{Sym: sym, Press: true})
		glfw.PollEvents()
		im.Queue(Key{Sym: sym})
		glfw.PollEvents()
	}
	if want := []glfw.Key{glfw.KeyA, glfw.KeyB, glfw.KeyBackspace, glfw.KeyEnter}; !slices.Equal(pressed, want) {
		t.Errorf("keys: %v, want %v", pressed, want)
	}
	if string(typed) != "ab" {
		t.Errorf("characters: %q, want \"ab\"", string(typed))
	}
}

// openWindow initialises GLFW on X11 on this goroutine's locked thread and
// opens a hidden window without a GL context.
func openWindow(t *testing.T) *glfw.Window {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no X server: neither DISPLAY nor Xvfb")
	}
	runtime.LockOSThread()
	t.Cleanup(runtime.UnlockOSThread)
	glfw.InitHint(glfw.PlatformHint, int(glfw.PlatformX11))
	if err := glfw.Init(); err != nil {
		t.Fatalf("GLFW on X11: %v", err)
	}
	t.Cleanup(glfw.Terminate)
	glfw.WindowHint(glfw.ClientAPI, glfw.NoAPI)
	glfw.WindowHint(glfw.Visible, glfw.False)
	win, err := glfw.CreateWindow(200, 100, "glfwx11 test", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(win.Destroy)
	return win
}

// TestMain gives the tests an X server: the session's, or an Xvfb of their
// own on a free display. Without either the tests skip. The stand-in input
// method must be the only one, so XMODIFIERS is cleared.
func TestMain(m *testing.M) {
	os.Setenv("XMODIFIERS", "@im=none")
	var xvfb *exec.Cmd
	if os.Getenv("DISPLAY") == "" {
		xvfb = startXvfb()
	}
	code := m.Run()
	if xvfb != nil {
		xvfb.Process.Kill()
		xvfb.Wait()
	}
	os.Exit(code)
}

// startXvfb starts Xvfb on the first free display and sets DISPLAY, or
// returns nil when Xvfb is not installed or does not start.
func startXvfb() *exec.Cmd {
	if _, err := exec.LookPath("Xvfb"); err != nil {
		return nil
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "640x480x24", "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	err = cmd.Start()
	w.Close()
	if err != nil {
		return nil
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return nil
	}
	os.Setenv("DISPLAY", ":"+strings.TrimSpace(line))
	return cmd
}

// parseRecording reads "press|release keysym 0|1" events separated by
// semicolons or newlines; 1 means the input method consumed the event.
func parseRecording(s string) []Key {
	var keys []Key
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		var action, sym string
		var consumed int
		if _, err := fmt.Sscanf(strings.TrimSpace(f), "%s %q %d", &action, &sym, &consumed); err != nil {
			if _, err := fmt.Sscanf(strings.TrimSpace(f), "%s %s %d", &action, &sym, &consumed); err != nil {
				panic(fmt.Sprintf("recording %q: %v", f, err))
			}
		}
		keys = append(keys, Key{Sym: sym, Press: action == "press", Consumed: consumed == 1})
	}
	return keys
}
