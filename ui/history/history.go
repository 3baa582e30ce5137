// Package history shows a record's timeline — created, edits, submissions,
// decisions with their reasons, reopenings and changes — as the session
// may see it; the candidate's result step and the reviewer's case share it.
package history

import (
	"strings"

	"caiji/domain"
	"caiji/storage"
	"caiji/ui/i18n"
	"caiji/ui/session"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Entry is one line of a record's history.
type Entry struct {
	At   string
	Text string
}

// Timeline turns the event log into what happened, in order: created, each
// run of edits (counted), each submission, each decision with its reasons,
// each reopening and change, each version or draft received from the hub.
func Timeline(tr *i18n.Translator, events []storage.Event, decisions []storage.Decision) []Entry {
	byVersion := map[int]storage.Decision{}
	for _, d := range decisions {
		byVersion[d.Version] = d
	}
	var out []Entry
	edits := 0
	at := func(e storage.Event) string { return e.At.In(domain.Shanghai).Format("2006-01-02 15:04") }
	flush := func(e storage.Event) {
		if edits > 0 {
			out = append(out, Entry{at(e), tr.N("history.edited", edits, edits)})
			edits = 0
		}
	}
	for i, e := range events {
		if e.Kind == "field" {
			edits++
			if i == len(events)-1 || events[i+1].Kind != "field" {
				flush(e)
			}
			continue
		}
		if i > 0 && e.Kind == events[i-1].Kind && e.Version == events[i-1].Version {
			continue // one transition writes several fields: show it once
		}
		var text string
		switch e.Kind {
		case "created":
			text = tr.T("history.created")
		case "submitted":
			text = tr.T("history.submitted", e.Version)
		case "decided":
			d := byVersion[e.Version-1]
			if d.Pass {
				text = tr.T("history.passed", d.Version)
			} else {
				text = tr.T("history.rejected", d.Version, reasonList(tr, d.Reasons))
			}
			if d.Comment != "" {
				text += tr.T("history.comment", d.Comment)
			}
		case "reopened":
			text = tr.T("history.reopened")
		case "change_opened":
			text = tr.T("history.change_opened")
		case "change_discarded":
			text = tr.T("history.change_discarded")
		case "received":
			text = tr.T("history.received", e.Version)
		case "draft_received":
			text = tr.T("history.draft_received")
		default:
			text = e.Kind
		}
		out = append(out, Entry{at(e), text})
	}
	return out
}

// reasonList joins R-codes with their messages.
func reasonList(tr *i18n.Translator, codes []string) string {
	parts := make([]string, 0, len(codes))
	for _, c := range codes {
		if r := domain.ReasonByCode(c); r != nil {
			parts = append(parts, c+" "+tr.Msg(r.Msg))
		}
	}
	return strings.Join(parts, "；")
}

// View loads and shows a record's timeline as sess may see it.
func View(sess *session.Session, recordID string) fyne.CanvasObject {
	ctx, t := sess.Context(), sess.Tr
	events, err := sess.Store.Events(ctx, sess.ID, recordID)
	if err != nil {
		return widget.NewLabel(t.Err(err))
	}
	decisions, err := sess.Store.Decisions(ctx, sess.ID, recordID)
	if err != nil {
		return widget.NewLabel(t.Err(err))
	}
	box := container.NewVBox()
	for _, e := range Timeline(t, events, decisions) {
		when := widget.NewLabel(e.At)
		when.Importance = widget.LowImportance
		what := widget.NewLabel(e.Text)
		what.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, when, nil, what))
	}
	return widget.NewCard(t.T("history.title"), "", box)
}
