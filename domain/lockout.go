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
