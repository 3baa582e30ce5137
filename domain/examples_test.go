package domain_test

import (
	"errors"
	"testing"
	"time"

	. "caiji/domain"
	"caiji/domain/domaintest"
)

// TestMessageExamplesPassTheirRules: a rule's message that shows an example
// ("如 010-62345678") shows one the rule accepts, in both languages.
func TestMessageExamplesPassTheirRules(t *testing.T) {
	today := time.Date(2026, 11, 27, 10, 0, 0, 0, Shanghai)
	for _, tt := range []struct {
		rule, bad string
		parse     func(string) error
	}{
		{"TEL1", "12345", func(s string) error { _, err := ParseWorkPhone(s); return err }},
		{"MON1", "2020-13", func(s string) error { _, err := ParseMonth(s); return err }},
		{"ID2", "X1", func(s string) error { _, err := ParseIdentity(IDHKMacaoPermit, s, today); return err }},
	} {
		var p Problem
		if err := tt.parse(tt.bad); !errors.As(err, &p) || p.Code != tt.rule {
			t.Fatalf("%s: %q gives %v", tt.rule, tt.bad, err)
		}
		for _, text := range []string{p.Msg.Zh, p.Msg.En} {
			examples := domaintest.Examples(text)
			if len(examples) == 0 {
				t.Errorf("%s: no example found in %q", tt.rule, text)
			}
			for _, ex := range examples {
				if err := tt.parse(ex); err != nil {
					t.Errorf("%s: its own example %q is refused: %v", tt.rule, ex, err)
				}
			}
		}
	}
}
