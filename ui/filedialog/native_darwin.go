package filedialog

import (
	"context"
	"os/exec"
	"strings"
)

// native shows NSOpenPanel through AppleScript's `choose file` (osascript
// ships with every macOS), filtered to JPEG and PNG, starting in start.
// No cgo: ending ctx kills osascript, which closes the panel. Cancelling
// answers ""; any other failure falls back to Caiji's dialog.
func native(ctx context.Context, r request) (string, error) {
	script := `on run argv
	set f to choose file with prompt (item 1 of argv) of type {"public.jpeg", "public.png"} default location (POSIX file (item 2 of argv))
	return POSIX path of f
end run`
	out, err := exec.CommandContext(ctx, "osascript", "-e", script, r.title, r.start).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && strings.Contains(string(ee.Stderr), "-128") {
			return "", nil // 取消
		}
		if ctx.Err() != nil {
			return "", nil
		}
		return "", errNoNative // no osascript, or it failed: Caiji's own dialog
	}
	return strings.TrimSpace(string(out)), nil
}

// userDir is the user folder kind under its usual name.
func userDir(kind string) string { return homeDir(kind) }
