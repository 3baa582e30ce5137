package native

import (
	"context"
	"os/exec"
	"strings"
)

// Open shows NSOpenPanel through AppleScript's `choose file` (osascript
// ships with every macOS), filtered to JPEG and PNG, starting in start.
// No cgo: ending ctx kills osascript, which closes the panel. Cancelling
// answers ""; any other failure falls back to Caiji's dialog.
func Open(ctx context.Context, r Request) (string, error) {
	script := `on run argv
	set f to choose file with prompt (item 1 of argv) of type {"public.jpeg", "public.png"} default location (POSIX file (item 2 of argv))
	return POSIX path of f
end run`
	out, err := exec.CommandContext(ctx, "osascript", "-e", script, r.Title, r.Start).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && strings.Contains(string(ee.Stderr), "-128") {
			return "", nil // 取消
		}
		if ctx.Err() != nil {
			return "", nil
		}
		return "", ErrUnavailable // no osascript, or it failed: Caiji's own dialog
	}
	return strings.TrimSpace(string(out)), nil
}

// UserDir is the user folder kind under its usual name.
func UserDir(kind string) string { return homeDir(kind) }
