package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SearchBox is an entry with a drop-down of names (a 省/市/区县, a
// country). Its list opens as soon as the typing narrows it, and Down
// moves into it: Fyne's select entry only filters a list that the mouse
// must open. The drop-down button stays for the mouse.
type SearchBox struct {
	widget.SelectEntry
	list *suggestList
	// Shortcut handles the window's shortcuts (see BlurEntry).
	Shortcut func(fyne.Shortcut) bool
}

func newSearchBox(names []string) *SearchBox {
	e := &SearchBox{}
	e.ActionItem = newDropArrow(e.showMenu) // before SetOptions, which would add Fyne's
	e.SetOptions(names)
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.list = newSuggestList(e)
	e.list.names = names
	return e
}

// FocusGained selects the shown name, so that typing replaces it (the 区县
// box shows 市本级 until something else is chosen).
func (e *SearchBox) FocusGained() {
	e.SelectEntry.FocusGained()
	e.SelectEntry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// TypedKey opens the list on Down, as a select does.
func (e *SearchBox) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyDown && !e.Disabled() && len(e.list.names) > 0 {
		e.list.open(true)
		return
	}
	e.SelectEntry.TypedKey(ev)
}

// TypedShortcut lets the window's shortcuts work while typing here.
func (e *SearchBox) TypedShortcut(sc fyne.Shortcut) {
	if e.Shortcut != nil && e.Shortcut(sc) {
		return
	}
	e.SelectEntry.TypedShortcut(sc)
}

// showMenu shows every name that matches what is typed in a menu, for the
// mouse (a long list scrolls there).
func (e *SearchBox) showMenu() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	items := make([]*fyne.MenuItem, len(e.list.names))
	for i, name := range e.list.names {
		items[i] = fyne.NewMenuItem(name, func() { e.SetText(name) })
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).AddXY(0, e.Size().Height)
	m := widget.NewPopUpMenu(fyne.NewMenu("", items...), c)
	m.ShowAtPosition(pos)
	m.Resize(fyne.NewSize(e.Size().Width, m.MinSize().Height))
}

// offer shows names as the suggestions for what was typed: in the open
// list, or opening it when the user is typing here.
func (e *SearchBox) offer(names []string) {
	e.SetOptions(names)
	e.list.names = names
	e.list.sel = -1
	switch {
	case e.list.shown():
		e.list.Refresh()
	case len(names) > 0 && !e.Disabled():
		c := fyne.CurrentApp().Driver().CanvasForObject(e)
		if c != nil && c.Focused() == e {
			e.list.open(false)
		}
	}
}

// suggestList is a search box's list of suggestions. Like every pop-up in
// Fyne it must take the keyboard focus to see keys; it hands typing and
// editing keys on to its entry, so typing goes on while it is open. Down and
// Up move through the names, Enter chooses, Escape closes.
type suggestList struct {
	widget.BaseWidget
	entry *SearchBox
	names []string
	sel   int // the highlighted name, -1 for none
	pop   *widget.PopUp
	box   *fyne.Container // the rows, as the renderer shows them
}

// maxSuggestions is how many names the list shows; typing narrows the rest.
const maxSuggestions = 10

func newSuggestList(e *SearchBox) *suggestList {
	l := &suggestList{entry: e, sel: -1}
	l.ExtendBaseWidget(l)
	return l
}

func (l *suggestList) shown() bool { return l.pop != nil && l.pop.Visible() }

// open shows the list beneath the entry; highlight selects its first name.
func (l *suggestList) open(highlight bool) {
	c := fyne.CurrentApp().Driver().CanvasForObject(l.entry)
	if c == nil {
		return
	}
	if highlight {
		l.sel = 0
	}
	if !l.shown() {
		l.pop = widget.NewPopUp(l, c)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.entry)
		l.pop.ShowAtPosition(pos.AddXY(0, l.entry.Size().Height))
	}
	l.Refresh()
	l.pop.Resize(fyne.NewSize(l.entry.Size().Width, l.MinSize().Height))
	c.Focus(l)
}

// close hides the list; the keyboard focus is the entry's again.
func (l *suggestList) close() {
	if l.pop != nil {
		l.pop.Hide()
		l.pop = nil
	}
	l.sel = -1
}

// choose closes the list and puts name in the entry, which picks it.
func (l *suggestList) choose(name string) {
	l.close()
	l.entry.SetText(name)
}

func (l *suggestList) FocusGained() {}
func (l *suggestList) FocusLost()   {}

// TypedRune types into the entry.
func (l *suggestList) TypedRune(r rune) { l.entry.TypedRune(r) }

// TypedShortcut passes paste, undo and the window's shortcuts to the entry.
func (l *suggestList) TypedShortcut(sc fyne.Shortcut) { l.entry.TypedShortcut(sc) }

func (l *suggestList) TypedKey(ev *fyne.KeyEvent) {
	n := min(len(l.names), maxSuggestions)
	switch ev.Name {
	case fyne.KeyDown:
		if n > 0 {
			l.sel = min(l.sel+1, n-1)
			l.Refresh()
		}
	case fyne.KeyUp:
		l.sel = max(l.sel-1, -1)
		l.Refresh()
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.sel >= 0 && l.sel < n {
			l.choose(l.names[l.sel])
			return
		}
		l.close()
	case fyne.KeyEscape:
		l.close()
	case fyne.KeyTab:
		l.close()
		if c := fyne.CurrentApp().Driver().CanvasForObject(l.entry); c != nil {
			c.FocusNext()
		}
	default:
		l.entry.TypedKey(ev)
	}
}

// Tapped chooses the name under the pointer.
func (l *suggestList) Tapped(ev *fyne.PointEvent) {
	if l.box == nil {
		return
	}
	for i, o := range l.box.Objects {
		if i < len(l.names) && ev.Position.Y >= o.Position().Y && ev.Position.Y < o.Position().Y+o.Size().Height {
			l.choose(l.names[i])
			return
		}
	}
}

func (l *suggestList) CreateRenderer() fyne.WidgetRenderer {
	r := &suggestRenderer{l: l, bg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), box: container.NewVBox()}
	l.box = r.box
	r.Refresh()
	return r
}

// suggestRenderer draws the names, the highlighted one on the selection
// colour, and "…" when more match than are shown.
type suggestRenderer struct {
	l   *suggestList
	bg  *canvas.Rectangle
	box *fyne.Container
}

func (r *suggestRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.box.Resize(size)
}

func (r *suggestRenderer) MinSize() fyne.Size { return r.box.MinSize() }

func (r *suggestRenderer) Refresh() {
	l := r.l
	n := min(len(l.names), maxSuggestions)
	rows := make([]fyne.CanvasObject, 0, n+1)
	for i := 0; i < n; i++ {
		name := widget.NewLabel(l.names[i])
		if i != l.sel {
			rows = append(rows, name)
			continue
		}
		name.TextStyle.Bold = true
		rows = append(rows, container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameSelection)), name))
	}
	if len(l.names) > n {
		more := widget.NewLabel("…")
		more.Importance = widget.LowImportance
		rows = append(rows, more)
	}
	r.box.Objects = rows
	r.box.Refresh()
	r.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	r.bg.Refresh()
}

func (r *suggestRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.box} }
func (r *suggestRenderer) Destroy()                     {}

// dropArrow is the search box's arrow for the mouse. Unlike the button
// Fyne puts there it takes no keyboard focus: Down opens the list, and a
// second Tab stop per box only slowed keyboard users down.
type dropArrow struct {
	widget.DisableableWidget
	tapped func()
}

func newDropArrow(tapped func()) *dropArrow {
	d := &dropArrow{tapped: tapped}
	d.ExtendBaseWidget(d)
	return d
}

func (d *dropArrow) Tapped(*fyne.PointEvent) {
	if !d.Disabled() {
		d.tapped()
	}
}

func (d *dropArrow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewPadded(widget.NewIcon(theme.MenuDropDownIcon())))
}
