package storage

import (
	"errors"
	"fmt"
	"time"

	"caiji/domain"

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
	// ErrIDNumberIsPhone: the ID number is another account's mobile number
	// (a passport number can be eleven digits), so a login could not tell
	// the two accounts apart.
	ErrIDNumberIsPhone = errors.New("storage: this ID number is another account's mobile number")
	// ErrPhoneIsIDNumber: the mobile number is another account's ID number.
	ErrPhoneIsIDNumber = errors.New("storage: this mobile number is another account's ID number")
	// ErrBadCredentials: unknown login or wrong password; one error for both,
	// so the message does not tell a stranger which accounts exist.
	ErrBadCredentials = errors.New("storage: wrong ID number/mobile or password")
	// ErrBusy: another connection held the database longer than the busy
	// timeout; trying again usually works.
	ErrBusy = errors.New("storage: the database is busy")
)

// Refusals of the access rules, from domain: the hub refuses with the same.
var (
	ErrDisabled  = domain.ErrDisabled
	ErrForbidden = domain.ErrForbidden
	ErrStale     = domain.ErrStale
	ErrNoReason  = domain.ErrNoReason
)

// LockedError says an account (or, with Station, the whole station) is
// waiting out the lock-out after too many wrong passwords.
type LockedError struct {
	Until   time.Time
	Station bool
}

func (e *LockedError) Error() string {
	what := "account"
	if e.Station {
		what = "station"
	}
	return fmt.Sprintf("storage: %s locked until %s", what, e.Until.Format(time.RFC3339))
}

// classify turns SQLite's full-disk and busy result codes into ErrDiskFull
// and ErrBusy so callers can say so in the user's language; other errors
// pass through.
func classify(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%w: %v", ErrDiskFull, err)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %v", ErrBusy, err)
		}
	}
	return err
}
