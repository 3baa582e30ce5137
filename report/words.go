package report

import (
	"fmt"

	"caiji/assets"
	"caiji/domain"
)

// words are the translations of one language, the same the screens use, so
// a printed label reads as the field it came from.
type words struct{ assets.Words }

func loadWords(lang string) (words, error) {
	w, err := assets.LoadWords(lang)
	if err != nil {
		return words{}, fmt.Errorf("report: %w", err)
	}
	return words{w}, nil
}

// Msg is a domain message in the sheet's language.
func (w words) Msg(m domain.Msg) string { return m.In(w.Lang) }

// yesNo is 是/否.
func (w words) yesNo(b bool) string {
	if b {
		return w.T("form.yes")
	}
	return w.T("form.no")
}
