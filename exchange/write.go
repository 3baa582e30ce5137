package exchange

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"caiji/caijipkg"
)

// Progress is how far an export or import has come, for a progress bar:
// items done of the total, or while a package is verified (before its
// items are known) bytes read of the file's size.
type Progress struct {
	Done, Total int
}

// Written is one package file an export wrote.
type Written struct {
	Path        string
	Departments []string // the department codes whose versions it carries; none for decisions
	Station     string   // for decisions: the station it goes back to
	Items       int
	Size        int64
}

// fileName names a package so that staff can tell packages apart on a
// stick: what it holds, who made it and when. A name already taken gets a
// number.
func fileName(dir, what, station string, at time.Time) (string, error) {
	base := fmt.Sprintf("caiji-%s-%s-%s", what, station[:8], at.Format("20060102-150405"))
	for n := 1; n < 100; n++ {
		name := base + ".caiji"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.caiji", base, n)
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			return path, nil
		}
	}
	return "", fmt.Errorf("exchange: too many packages named %s in %s", base, dir)
}

// writePackage writes one package to path, encrypted to the one recipient
// to and signed with keys, adding the items fill gives it. It writes a
// .partial file and renames it only once the package is complete and on
// the disk, so a stick pulled out mid-export never holds a package that
// looks finished; on failure nothing is left.
func writePackage(path, to, station string, keys *caijipkg.Keys, fill func(add func(caijipkg.Item) error) error) (_ Written, err error) {
	r, err := caijipkg.ParseRecipient(to)
	if err != nil {
		return Written{}, err
	}
	partial := path + ".partial"
	f, err := os.OpenFile(partial, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return Written{}, err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(partial)
		}
	}()
	bw := bufio.NewWriterSize(f, 256<<10)
	w, err := caijipkg.NewWriter(bw, r, station, keys, caijipkg.WriteOptions{})
	if err != nil {
		return Written{}, err
	}
	items := 0
	if err = fill(func(it caijipkg.Item) error { items++; return w.Add(it) }); err != nil {
		return Written{}, err
	}
	if err = w.Close(); err != nil {
		return Written{}, err
	}
	if err = bw.Flush(); err != nil {
		return Written{}, err
	}
	if err = f.Sync(); err != nil {
		return Written{}, err
	}
	info, err := f.Stat()
	if err != nil {
		return Written{}, err
	}
	if err = f.Close(); err != nil {
		return Written{}, err
	}
	if err = os.Rename(partial, path); err != nil {
		return Written{}, err
	}
	return Written{Path: path, Items: items, Size: info.Size()}, nil
}
