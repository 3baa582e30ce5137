package i18n

import (
	"errors"

	"caiji/domain"

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
	{storage.ErrIDNumberIsPhone, "err.id_is_phone"},
	{storage.ErrPhoneIsIDNumber, "err.phone_is_id"},
	{storage.ErrBadCredentials, "err.bad_credentials"},
	{storage.ErrDisabled, "err.disabled"},
	{storage.ErrMustChangePassword, "err.must_change_password"},
	{storage.ErrSamePassword, "err.same_password"},
	{storage.ErrForbidden, "err.forbidden"},
	{storage.ErrNotEditable, "err.not_editable"},
	{storage.ErrHasErrors, "err.has_errors"},
	{storage.ErrNotFound, "err.not_found"},
	{storage.ErrStale, "err.stale"},
	{storage.ErrNoReason, "err.no_reason"},
	{storage.ErrAdminExists, "err.admin_exists"},
	{storage.ErrNotReviewStation, "err.not_review_station"},
	{storage.ErrBusy, "err.busy"},
	{storage.ErrSignedOut, "err.signed_out"},
	{storage.ErrUnlinkedImage, "err.unlinked_image"},
	{storage.ErrBadHubAddress, "err.bad_hub_address"},
	{storage.ErrOtherRecord, "err.other_record"},
	{storage.ErrNoticeChanged, "err.notice_changed"},
	{domain.ErrOwnRecord, "err.own_record"},
	{domain.ErrNotSubmitted, "err.not_submitted"},
	{domain.ErrNotAwaitingReview, "err.not_awaiting_review"},
	{domain.ErrUnknownReason, "err.unknown_reason"},
	{domain.ErrRealNameUndecided, "err.realname_undecided"},
	{domain.ErrPassWithoutRealName, "err.pass_without_realname"},
	{domain.ErrDepartmentTooBroad, "err.department_too_broad"},
}

func matches(err, target error) bool { return errors.Is(err, target) }

func lockedError(err error) *storage.LockedError {
	var le *storage.LockedError
	if errors.As(err, &le) {
		return le
	}
	return nil
}

// invalidProblem returns the first problem of a refused registration.
func invalidProblem(err error) *domain.Problem {
	var inv *storage.InvalidError
	if errors.As(err, &inv) && len(inv.Problems) > 0 {
		return &inv.Problems[0]
	}
	return nil
}
