package widgets

import (
	"strings"

	"caiji/domain"
	"caiji/ui/i18n"
)

// DivisionEntry is an entry with a drop-down over the children of parent
// ("" for the provinces): typing filters the list (海淀, or the pinyin
// initials hd), and choosing an entry calls pick with its code. current is
// shown; cityLevel, when non-empty, is offered first with code "" (市本级).
func DivisionEntry(t *i18n.Translator, divs *domain.Divisions, parent, current, cityLevel string, pick func(code string)) *SearchBox {
	var codes, names []string
	list := divs.Provinces()
	if parent != "" {
		list = divs.Children(parent)
	}
	if cityLevel != "" {
		codes, names = append(codes, ""), append(names, cityLevel)
	}
	for _, d := range list {
		codes = append(codes, d.Code)
		names = append(names, divs.DisplayName(d.Code))
	}
	return SearchEntry(t, codes, names, current, cityLevel != "", func(code, q string) bool { return divs.Matches(code, q) }, pick)
}

// SearchEntry is an entry with a drop-down of names: typing narrows the
// list to the codes matches accepts (a code "" always stays: 市本级),
// choosing a name calls pick with its code. emptyShown says whether the
// code "" has a name to show when current is "".
func SearchEntry(t *i18n.Translator, codes, names []string, current string, emptyShown bool, matches func(code, query string) bool, pick func(code string)) *SearchBox {
	e := newSearchBox(names)
	e.SetPlaceHolder(t.T("field.type_to_search"))
	for i, c := range codes {
		if c == current && (c != "" || emptyShown) {
			e.SetText(names[i])
		}
	}
	e.OnChanged = func(s string) {
		s = strings.TrimSpace(s)
		for i, n := range names {
			if n == s {
				pick(codes[i])
				return
			}
		}
		var match []string
		for i, n := range names {
			if codes[i] == "" || matches(codes[i], s) {
				match = append(match, n)
			}
		}
		e.offer(match)
	}
	return e
}
