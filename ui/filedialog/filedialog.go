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

	"caiji/ui/filedialog/native"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
)

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
	req := native.Request{Title: t.T("files.title"), Accept: t.T("files.open"), FilterName: t.T("files.images"), Start: start, Parent: nativeHandle(o.Win)}
	go func() {
		path, err := native.Open(ctx, req)
		fyne.Do(func() {
			if errors.Is(err, native.ErrUnavailable) {
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

// StartFolder is where every dialog starts: the user's pictures folder,
// else the home folder.
func StartFolder() string {
	if d := native.UserDir(native.Pictures); isDir(d) {
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
	return slices.Contains(native.Exts, strings.ToLower(filepath.Ext(name)))
}
