// Package filedialog lets a candidate choose an image file. At home it is
// the operating system's own Open dialog — the one people know, with their
// folders, typing a path and the system's language: Windows' common Open
// dialog, macOS's NSOpenPanel, the XDG desktop portal's chooser on Linux.
// Where there is none (no portal on a bare X session), and on a kiosk
// shared by strangers, it is Caiji's own dialog: sized to the window, in
// the UI language, with a box to type or paste a path, no recent files,
// and starting, like every dialog here, in the user's 图片/Pictures folder
// (else home) — never in a folder an earlier dialog showed.
package filedialog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"caiji/ui/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
)

// Exts are the file name extensions offered, lower case: the formats the
// rules accept.
var Exts = []string{".jpg", ".jpeg", ".png"}

// errNoNative: the system has no dialog Caiji can show (no portal).
var errNoNative = errors.New("filedialog: no native file dialog")

// Options are what a dialog is shown for.
type Options struct {
	Tr  *i18n.Translator
	Win fyne.Window
	// Kiosk: a shared station. Caiji's own dialog is used, as the system's
	// show recent files and reopen the folder the last user chose.
	Kiosk bool
	// Show shows a dialog so that it closes when the session ends.
	Show func(dialog.Dialog)
}

// request is what a native dialog is asked to show.
type request struct {
	title, accept, filterName, start string
	parent                           uintptr // the window's native handle (0: none)
}

// Open asks for one image file; chosen gets its path on the UI goroutine.
// Nothing chosen, or ctx (the session) ended before the answer, calls
// nothing; ending ctx also closes the dialog. Call Open on the UI
// goroutine.
func Open(ctx context.Context, o Options, chosen func(path string)) {
	answer := func(path string) {
		if path != "" && ctx.Err() == nil {
			chosen(path)
		}
	}
	start := StartFolder()
	if o.Kiosk {
		showBrowser(ctx, o, start, answer)
		return
	}
	t := o.Tr
	req := request{title: t.T("files.title"), accept: t.T("files.open"), filterName: t.T("files.images"), start: start, parent: nativeHandle(o.Win)}
	go func() {
		path, err := native(ctx, req)
		fyne.Do(func() {
			if errors.Is(err, errNoNative) {
				if ctx.Err() == nil {
					showBrowser(ctx, o, start, answer)
				}
				return
			}
			answer(path)
		})
	}()
}

// nativeHandle is the window's handle for a native dialog's parent.
func nativeHandle(win fyne.Window) uintptr {
	var h uintptr
	if nw, ok := win.(driver.NativeWindow); ok {
		nw.RunNative(func(c any) {
			switch c := c.(type) {
			case driver.X11WindowContext:
				h = c.WindowHandle
			case driver.WindowsWindowContext:
				h = c.HWND
			}
		})
	}
	return h
}

// The user folders offered, by their XDG names.
const (
	pictures  = "PICTURES"
	desktop   = "DESKTOP"
	downloads = "DOWNLOAD"
)

// englishDirs are the user folders' usual names under home.
var englishDirs = map[string]string{pictures: "Pictures", desktop: "Desktop", downloads: "Downloads"}

// homeDir is the user folder kind as its usual name under home.
func homeDir(kind string) string {
	home, _ := os.UserHomeDir()
	return filepath.Join(home, englishDirs[kind])
}

// StartFolder is where every dialog starts: the user's pictures folder,
// else the home folder.
func StartFolder() string {
	if d := userDir(pictures); isDir(d) {
		return d
	}
	home, _ := os.UserHomeDir()
	return home
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return path != "" && err == nil && fi.IsDir()
}

// IsImage reports whether name has an extension the dialog offers.
func IsImage(name string) bool {
	return slices.Contains(Exts, strings.ToLower(filepath.Ext(name)))
}
