package hubtest

import "testing"

// outcome records what RequirePostgres did to a test.
type outcome struct {
	testing.TB
	failed, skipped bool
}

func (o *outcome) Helper()               {}
func (o *outcome) Fatalf(string, ...any) { o.failed = true }
func (o *outcome) Skipf(string, ...any)  { o.skipped = true }

// Without PostgreSQL, CI fails loudly and a developer's machine skips.
func TestRequirePostgresWithout(t *testing.T) {
	for _, tc := range []struct {
		ci         string
		fail, skip bool
	}{{"true", true, false}, {"", false, true}} {
		t.Setenv("CI", tc.ci)
		o := &outcome{TB: t}
		if RequirePostgres(o, nil, ErrNoPostgres) != nil || o.failed != tc.fail || o.skipped != tc.skip {
			t.Errorf("CI=%q: failed %v, skipped %v", tc.ci, o.failed, o.skipped)
		}
	}
}
