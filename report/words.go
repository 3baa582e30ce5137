package report

import (
	"fmt"

	"caiji/assets"
	"caiji/domain"
)

// words are the translations of one language, the same the screens use, so
// a printed label reads as the field it came from.
type words struct {
	lang string
	msgs map[string]string
}

func loadWords(lang string) (words, error) {
	msgs, err := assets.Messages(lang)
	if err != nil {
		return words{}, fmt.Errorf("report: %w", err)
	}
	return words{lang, msgs}, nil
}

// T is the text of key, formatted with args when given; a key neither
// language has shows as itself (the tests keep that from shipping).
func (w words) T(key string, args ...any) string {
	s, ok := w.msgs[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Msg is a domain message in the sheet's language.
func (w words) Msg(m domain.Msg) string { return m.In(w.lang) }

// yesNo is 是/否.
func (w words) yesNo(b bool) string {
	if b {
		return w.T("form.yes")
	}
	return w.T("form.no")
}
