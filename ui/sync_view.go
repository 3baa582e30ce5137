package ui

import (
	"context"
	"strings"

	"caiji/domain"
	"caiji/storage"
	"caiji/ui/i18n"
	"caiji/wire"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// syncView is the 同步 tab: what waits to be sent, what needs the user, and
// what the hub received with its receipt, with 立即同步. A candidate sees
// only their own record's items; staff see the station's (a line names a
// record by UUID and version, never a person).
type syncView struct {
	app     *App
	summary *widget.Label
	now     *widget.Button
	items   *fyne.Container
	content fyne.CanvasObject
}

func (s *syncUI) newView() *syncView {
	t := s.app.tr
	v := &syncView{app: s.app, summary: widget.NewLabel(""), items: container.NewVBox()}
	v.summary.Wrapping = fyne.TextWrapWord
	v.now = widget.NewButton(t.T("sync.now"), s.sendNow)
	v.now.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(t.T("tab.sync"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(title, v.summary, container.NewHBox(v.now))
	if a := s.app; a.sess != nil && a.sess.Account.Role == storage.RoleAdmin {
		top.Add(s.connectCard())
	}
	v.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(v.items))
	s.view = v
	v.refresh()
	return v
}

// refresh lists the outbox again.
func (v *syncView) refresh() {
	a, t := v.app, v.app.tr
	st := a.sync.last
	hub := st.Hub
	if hub == "" {
		hub = t.T("sync.no_hub")
	}
	last := t.T("sync.never")
	if !st.LastSync.IsZero() {
		last = st.LastSync.In(domain.Shanghai).Format("2006-01-02 15:04")
	}
	v.summary.SetText(t.T("sync.summary", hub, last, statusText(a, st)))
	setSendable(v.now, st)
	items, err := a.store.Outbox(context.Background())
	if err != nil {
		v.summary.SetText(a.tr.Err(err))
		return
	}
	mine := ""
	if a.coll != nil {
		mine = a.coll.Record().ID
	}
	v.items.RemoveAll()
	for _, it := range items {
		if a.sess == nil || a.sess.Account.Role == storage.RoleCandidate && it.Record != mine {
			continue
		}
		v.items.Add(v.row(it))
	}
	if len(v.items.Objects) == 0 {
		v.items.Add(widget.NewLabel(t.T("sync.empty")))
	}
	v.items.Refresh()
}

// row is one outbox item as a line of text.
func (v *syncView) row(it storage.OutboxItem) fyne.CanvasObject {
	t := v.app.tr
	what := t.T("sync.kind."+it.Kind, shortID(it.Record), it.Version)
	var state string
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	switch it.State {
	case storage.OutSent:
		state = t.T("sync.state.sent", it.SentAt.In(domain.Shanghai).Format("2006-01-02 15:04"))
		// The receipt is the version's: a decision on it was sent, no more.
		if rc, err := v.app.store.Receipt(context.Background(), it.Record, it.Version); err == nil && it.Kind == storage.OutVersion {
			state = t.T("sync.state.received", rc.ReceivedAt.In(domain.Shanghai).Format("2006-01-02 15:04"), rc.Code)
		}
		l.Importance = widget.SuccessImportance
	case storage.OutAttention:
		state = t.T("sync.state.attention", hubMessage(t.Lang(), it.Error))
		l.Importance = widget.DangerImportance
	default:
		state = t.T("sync.state.queued")
		if it.Attempts > 0 {
			state = t.T("sync.state.retry", it.Attempts, it.NextAt.In(domain.Shanghai).Format("15:04:05"), hubMessage(t.Lang(), it.Error))
		}
	}
	l.SetText(what + " — " + state)
	return l
}

// hubMessage is the hub's message (or the last failure) in the UI's
// language.
func hubMessage(lang string, e wire.Error) string {
	if lang == i18n.LangZh {
		return e.Zh
	}
	return e.En
}

// shortID is the first block of a UUID: enough to tell records apart on
// one screen.
func shortID(uuid string) string {
	if i := strings.IndexByte(uuid, '-'); i > 0 {
		return uuid[:i]
	}
	return uuid
}
