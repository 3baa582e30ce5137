package ui

import (
	"errors"

	"caiji/storage"
)

// storageErrors maps the storage errors a user can meet to their messages.
var storageErrors = []struct {
	err error
	key string
}{
	{storage.ErrInUse, "err.in_use"},
	{storage.ErrNewerSchema, "err.newer_schema"},
	{storage.ErrDiskFull, "err.disk_full"},
	{storage.ErrIDNumberTaken, "err.id_taken"},
	{storage.ErrPhoneTaken, "err.phone_taken"},
	{storage.ErrBadCredentials, "err.bad_credentials"},
	{storage.ErrDisabled, "err.disabled"},
}

func matches(err, target error) bool { return errors.Is(err, target) }

func lockedError(err error) *storage.LockedError {
	var le *storage.LockedError
	if errors.As(err, &le) {
		return le
	}
	return nil
}
