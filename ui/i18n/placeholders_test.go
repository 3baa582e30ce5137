package i18n

import (
	"strings"

	"caiji/assets"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
)

// TestPlaceholderExamplesPassTheirRules: every example a placeholder shows
// ("如 010-62345678", "e.g. 2020-09"), in both languages, passes the rule of
// its field; a new placeholder with an example must name its rule here.
func TestPlaceholderExamplesPassTheirRules(t *testing.T) {
	rules := map[string]func(string) error{
		"field.month.hint": func(s string) error { _, err := domain.ParseMonth(s); return err },
		"work.phone.hint":  func(s string) error { _, err := domain.ParseWorkPhone(s); return err },
	}
	for _, lang := range []string{LangZh, LangEn} {
		msgs, err := assets.Messages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for key, text := range msgs {
			examples := domaintest.Examples(text)
			if !strings.HasSuffix(key, ".hint") || len(examples) == 0 {
				continue
			}
			parse := rules[key]
			if parse == nil {
				t.Errorf("%s (%s) shows %v but names no rule to check them", key, lang, examples)
				continue
			}
			for _, ex := range examples {
				if err := parse(ex); err != nil {
					t.Errorf("%s (%s): its example %q is refused: %v", key, lang, ex, err)
				}
			}
		}
	}
}
