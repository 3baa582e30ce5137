//go:build !windows

package storage

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFile takes an exclusive, non-blocking advisory lock on f. The kernel
// drops it when the process ends, so a crash never leaves a stale lock.
func lockFile(f *os.File) error {
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		if err == unix.EWOULDBLOCK {
			return ErrInUse
		}
		return err
	}
	return nil
}
