//go:build linux && cgo

package glfwx11

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <X11/Xlib.h>

// libX11 exports these for its input-method clients (XIM registers the same
// kind of filter for every input context); they are not in a public header.
typedef Bool (*filterProc)(Display*, Window, XEvent*, XPointer);
extern void _XRegisterFilterByType(Display*, Window, int, int, filterProc, XPointer);
extern void _XUnregisterFilter(Display*, Window, filterProc, XPointer);

// consume is what the input method decides for the next key event.
static Bool consume;

static Bool imFilter(Display* d, Window w, XEvent* e, XPointer data) {
	return consume;
}

static void registerIM(Display* d, Window w) {
	_XRegisterFilterByType(d, w, KeyPress, KeyRelease, imFilter, NULL);
}

static void unregisterIM(Display* d, Window w) {
	_XUnregisterFilter(d, w, imFilter, NULL);
}

// queueKey puts a key event at the head of the display's event queue, where
// GLFW's next glfwPollEvents reads it as if the server had sent it.
static void queueKey(Display* d, Window w, int type, KeySym sym, Time t, Bool consumed) {
	XEvent e = {0};
	e.xkey.type = type;
	e.xkey.display = d;
	e.xkey.window = w;
	e.xkey.root = DefaultRootWindow(d);
	e.xkey.time = t;
	e.xkey.keycode = XKeysymToKeycode(d, sym);
	e.xkey.same_screen = True;
	consume = consumed;
	XPutBackEvent(d, &e);
}
*/
import "C"

import "unsafe"

// Key is one recorded key event: its X keysym name (as xev prints it),
// whether it is a press, and whether the input method consumed it.
type Key struct {
	Sym      string
	Press    bool
	Consumed bool
}

// IM is a stand-in input method attached to one X window.
type IM struct {
	display *C.Display
	window  C.Window
	time    C.Time
}

// Attach registers the input method's filter on window, which belongs to
// display (both as GLFW returns them).
func Attach(display unsafe.Pointer, window uint64) *IM {
	im := &IM{display: (*C.Display)(display), window: C.Window(window), time: 1000}
	C.registerIM(im.display, im.window)
	return im
}

// Detach removes the filter.
func (im *IM) Detach() { C.unregisterIM(im.display, im.window) }

// Queue puts k in the event queue, to be read by the next poll.
func (im *IM) Queue(k Key) {
	sym := C.CString(k.Sym)
	defer C.free(unsafe.Pointer(sym))
	typ := C.KeyRelease
	if k.Press {
		typ = C.KeyPress
	}
	im.time += 40
	C.queueKey(im.display, im.window, C.int(typ), C.XStringToKeysym(sym), im.time, cbool(k.Consumed))
}

func cbool(b bool) C.Bool {
	if b {
		return C.True
	}
	return C.False
}
