package syncer

import (
	"math/rand/v2"
	"time"
)

// Backoff spaces the attempts at an item the hub did not take: the wait
// doubles from Base up to Max, and each wait is drawn from its upper half
// ("equal jitter") so stations that lost the hub together do not all come
// back in the same second.
type Backoff struct {
	Base, Max time.Duration
}

// DefaultBackoff: 5 s, 10 s, 20 s … up to 15 minutes.
var DefaultBackoff = Backoff{Base: 5 * time.Second, Max: 15 * time.Minute}

// Wait is the delay before attempt number attempts+1.
func (b Backoff) Wait(attempts int) time.Duration {
	d := b.Max
	if attempts < 30 {
		d = min(b.Max, b.Base<<attempts)
	}
	half := d / 2
	return half + rand.N(half+1)
}
