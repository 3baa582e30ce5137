package domain

import "time"

// Login lock-out policy: after MaxLoginFailures wrong passwords in a row the
// account waits LoginLockout before it may try again. Offline there is no
// captcha or SMS, so this is what stops guessing on a shared kiosk.
const (
	MaxLoginFailures = 5
	LoginLockout     = 15 * time.Minute
)

// LoginState is what an account remembers between login attempts.
type LoginState struct {
	Failures    int
	LockedUntil time.Time
}

// Locked reports whether the account may not try a password at now.
func (s LoginState) Locked(now time.Time) bool { return now.Before(s.LockedUntil) }

// AfterFailure returns the state after one more wrong password at now.
func (s LoginState) AfterFailure(now time.Time) LoginState {
	s.Failures++
	if s.Failures >= MaxLoginFailures {
		s.Failures = 0
		s.LockedUntil = now.Add(LoginLockout)
	}
	return s
}

// Station-wide throttle: a stranger at a kiosk can guess against many
// accounts (or unknown logins, which never lock) five at a time; after
// StationMaxFailures wrong logins within StationWindow the whole station
// refuses logins for StationPause.
const (
	StationMaxFailures = 30
	StationWindow      = 10 * time.Minute
	StationPause       = 5 * time.Minute
)

// StationThrottle is what a station remembers of recent failed logins.
type StationThrottle struct {
	Failures    int
	Since       time.Time // start of the window the failures are counted in
	PausedUntil time.Time
}

// Paused reports whether the station refuses logins at now.
func (t StationThrottle) Paused(now time.Time) bool { return now.Before(t.PausedUntil) }

// AfterFailure returns the throttle after one more failed login at now.
func (t StationThrottle) AfterFailure(now time.Time) StationThrottle {
	if now.Sub(t.Since) > StationWindow {
		t.Failures, t.Since = 0, now
	}
	t.Failures++
	if t.Failures >= StationMaxFailures {
		t.Failures, t.Since, t.PausedUntil = 0, now, now.Add(StationPause)
	}
	return t
}
