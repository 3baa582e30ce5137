package export

import (
	"golang.org/x/sys/windows"
)

// systemRemovableDrives lists the drive letters Windows reports as
// removable (DRIVE_REMOVABLE: USB sticks, card readers).
func systemRemovableDrives() []string {
	mask, err := windows.GetLogicalDrives()
	if err != nil {
		return nil
	}
	var out []string
	for i := 0; i < 26; i++ {
		if mask&(1<<i) == 0 {
			continue
		}
		root := string(rune('A'+i)) + `:\`
		p, err := windows.UTF16PtrFromString(root)
		if err == nil && windows.GetDriveType(p) == windows.DRIVE_REMOVABLE {
			out = append(out, root)
		}
	}
	return out
}
