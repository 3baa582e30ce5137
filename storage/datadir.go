package storage

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultDir is the per-user application data folder: %AppData%\Caiji on
// Windows, ~/Library/Application Support/Caiji on macOS, and
// $XDG_DATA_HOME/caiji (~/.local/share/caiji) elsewhere.
func DefaultDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(base, "Caiji"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "caiji"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "caiji"), nil
}
