//go:build !linux && !freebsd && !netbsd && !openbsd && !windows && !darwin

package filedialog

import (
	"context"
)

// native: no system dialog is known here; Caiji's own is shown.
func native(context.Context, request) (string, error) { return "", errNoNative }

// userDir is the user folder kind under its usual name.
func userDir(kind string) string { return homeDir(kind) }
