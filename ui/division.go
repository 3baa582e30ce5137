package ui

import (
	"strings"

	"caiji/domain"

	"fyne.io/fyne/v2/widget"
)

// division binds one level of the 省/市/区县 tree as an entry with a
// drop-down: typing filters the list (海淀, or the pinyin initials hd),
// choosing an entry saves its code. parent returns the code whose children are offered ("" for the
// provinces); cityLevel, when non-empty, is offered first with code "" (市本级).
func (b *binder) division(path, label string, parent func(*domain.Record) string, get func(*domain.Record) string, set func(*domain.Record, string), cityLevel string, after func()) *field {
	divs := b.ed.app.cat.Divisions
	var codes, names []string
	p := parent(b.ed.rec)
	list := divs.Provinces()
	if p != "" {
		list = divs.Children(p)
	}
	if cityLevel != "" {
		codes, names = append(codes, ""), append(names, cityLevel)
	}
	for _, d := range list {
		codes = append(codes, d.Code)
		names = append(names, divs.DisplayName(d.Code))
	}
	e := widget.NewSelectEntry(names)
	e.SetPlaceHolder(b.t.T("field.type_to_search"))
	cur := get(b.ed.rec)
	for i, c := range codes {
		if c == cur && (c != "" || b.ed.rec.Department.City != "") {
			e.SetText(names[i])
		}
	}
	e.OnChanged = func(s string) {
		s = strings.TrimSpace(s)
		for i, n := range names {
			if n == s {
				code := codes[i]
				if code != get(b.ed.rec) {
					b.ed.save(func(r *domain.Record) { set(r, code) })
					if after != nil {
						after()
					}
				}
				return
			}
		}
		var match []string
		for i, n := range names {
			if codes[i] == "" || divs.Matches(codes[i], s) {
				match = append(match, n)
			}
		}
		e.SetOptions(match)
	}
	b.track(path, e)
	if p == "" && parent(b.ed.rec) == "" && len(list) == 0 {
		e.Disable()
	}
	return b.ed.register(path, newField(label, e))
}
