package syncer

import (
	"testing"
	"time"
)

func TestBackoffDoublesWithJitter(t *testing.T) {
	b := Backoff{Base: 4 * time.Second, Max: time.Minute}
	for attempts, full := range map[int]time.Duration{0: 4 * time.Second, 1: 8 * time.Second, 3: 32 * time.Second, 4: time.Minute, 40: time.Minute} {
		seen := map[time.Duration]bool{}
		for range 50 {
			d := b.Wait(attempts)
			if d < full/2 || d > full {
				t.Fatalf("Wait(%d) = %v, want within [%v, %v]", attempts, d, full/2, full)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Fatalf("Wait(%d) has no jitter: %v", attempts, seen)
		}
	}
}
