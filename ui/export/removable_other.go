//go:build !linux && !windows

package export

import (
	"os"
	"path/filepath"
)

// systemRemovableDrives lists the volumes under /Volumes (macOS) that are
// not the start-up disk, which appears there as a link to /.
func systemRemovableDrives() []string {
	entries, err := os.ReadDir("/Volumes")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		dir := filepath.Join("/Volumes", e.Name())
		if real, err := filepath.EvalSymlinks(dir); err == nil && real != "/" {
			out = append(out, dir)
		}
	}
	return out
}
