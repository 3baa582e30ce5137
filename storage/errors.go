package storage

import (
	"errors"
	"fmt"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors a caller shows to the user; each has a translation in the UI.
var (
	// ErrInUse: another copy of Caiji has the data folder open.
	ErrInUse = errors.New("storage: the data folder is in use by another copy of Caiji")
	// ErrNewerSchema: the database was written by a newer Caiji.
	ErrNewerSchema = errors.New("storage: the database was created by a newer version of Caiji")
	// ErrDiskFull: SQLite could not write because the disk is full.
	ErrDiskFull = errors.New("storage: the disk is full")
	// ErrIDNumberTaken: 该证件号码已注册.
	ErrIDNumberTaken = errors.New("storage: this ID number is already registered")
	// ErrPhoneTaken: 该手机号已被注册.
	ErrPhoneTaken = errors.New("storage: this mobile number is already registered")
	// ErrBadCredentials: unknown login or wrong password; one error for both,
	// so the message does not tell a stranger which accounts exist.
	ErrBadCredentials = errors.New("storage: wrong ID number/mobile or password")
	// ErrDisabled: the account was disabled by an administrator.
	ErrDisabled = errors.New("storage: the account is disabled")
)

// LockedError says an account is waiting out the lock-out after too many
// wrong passwords.
type LockedError struct{ Until time.Time }

func (e *LockedError) Error() string {
	return fmt.Sprintf("storage: account locked until %s", e.Until.Format(time.RFC3339))
}

// classify turns SQLite's full-disk result codes into ErrDiskFull so callers
// can say so in the user's language; other errors pass through.
func classify(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%w: %v", ErrDiskFull, err)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %v", ErrInUse, err)
		}
	}
	return err
}
