//go:build !linux && !freebsd && !netbsd && !openbsd && !windows && !darwin

package native

import (
	"context"
)

// Open: no system dialog is known here; Caiji's own is shown.
func Open(context.Context, Request) (string, error) { return "", ErrUnavailable }

// UserDir is the user folder kind under its usual name.
func UserDir(kind string) string { return homeDir(kind) }
