// Package native shows the operating system's own Open dialog for an
// image file, without cgo: Windows' common dialog through
// golang.org/x/sys/windows, macOS's NSOpenPanel through osascript, and on
// Linux and the BSDs the XDG desktop portal's file chooser over D-Bus
// (github.com/rymdport/portal). It knows nothing of Fyne, so each system's
// code type-checks from any machine (GOOS=windows/darwin go vet).
package native

import (
	"errors"
	"os"
	"path/filepath"
)

// ErrUnavailable: the system has no dialog to show (no portal, no
// osascript); the caller shows its own.
var ErrUnavailable = errors.New("native: no file dialog on this system")

// Exts are the file name extensions offered: the formats the rules accept.
var Exts = []string{".jpg", ".jpeg", ".png"}

// Request is what a dialog is asked to show.
type Request struct {
	Title, Accept, FilterName string
	Start                     string  // the folder it opens in
	Parent                    uintptr // the window's native handle (an X11 window, an HWND; 0: none)
}

// The user folders, by their XDG names.
const (
	Pictures  = "PICTURES"
	Desktop   = "DESKTOP"
	Downloads = "DOWNLOAD"
)

// englishDirs are the user folders' usual names under home.
var englishDirs = map[string]string{Pictures: "Pictures", Desktop: "Desktop", Downloads: "Downloads"}

// homeDir is the user folder kind under its usual name in home.
func homeDir(kind string) string {
	home, _ := os.UserHomeDir()
	return filepath.Join(home, englishDirs[kind])
}
