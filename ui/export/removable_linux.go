package export

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// systemRemovableDrives reads /proc/self/mounts: a drive is removable when
// the kernel says its disk is (/sys/block/<disk>/removable), or when the
// desktop mounted it where it mounts removable media (/media, /run/media).
func systemRemovableDrives() []string {
	f, err := os.Open("/proc/self/mounts")
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		dev, dir := fields[0], unescapeMount(fields[1])
		if strings.HasPrefix(dir, "/media/") || strings.HasPrefix(dir, "/run/media/") || removableDisk(dev) {
			out = append(out, dir)
		}
	}
	return out
}

// removableDisk reports whether the block device dev (/dev/sdb1) is on a
// disk the kernel marks removable.
func removableDisk(dev string) bool {
	name, ok := strings.CutPrefix(dev, "/dev/")
	if !ok {
		return false
	}
	// /sys/class/block/<partition> links into the disk's folder; its
	// parent holds the disk's removable flag.
	real, err := filepath.EvalSymlinks(filepath.Join("/sys/class/block", name))
	if err != nil {
		return false
	}
	for _, dir := range []string{real, filepath.Dir(real)} {
		if b, err := os.ReadFile(filepath.Join(dir, "removable")); err == nil {
			return strings.TrimSpace(string(b)) == "1"
		}
	}
	return false
}

// unescapeMount undoes the octal escapes of /proc/mounts (\040 for a space).
func unescapeMount(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]) {
			b.WriteByte((s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0'))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }
