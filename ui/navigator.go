package ui

import (
	"slices"

	"caiji/storage"
	"caiji/ui/admin"
	"caiji/ui/candidate"
	"caiji/ui/mydata"
	"caiji/ui/review"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Relayout rebuilds the navigator for who is signed in: 账户, then a
// candidate's steps (each with its status icon), a reviewer's queue and
// review, or the admin's reviewers; signed out, the candidate's steps are
// locked and show only what they are for. The tab shown stays shown.
func (a *App) Relayout() {
	selected := a.selectedKey()
	keys := []string{"account"}
	items := []*container.TabItem{container.NewTabItem(a.tr.T("step.account"), a.account.content)}
	a.password = nil
	add := func(key, title string, content fyne.CanvasObject) {
		keys = append(keys, key)
		items = append(items, container.NewTabItem(title, content))
	}
	switch {
	case a.sess == nil:
		for _, k := range candidate.StepKeys {
			if k != "qualifications" {
				add(k, a.tr.T("step."+k), a.stepIntro(k))
			}
		}
	case a.sess.Account.MustChangePassword:
		a.password = newPasswordChange(a)
		items[0].Content = a.password.content
	case a.sess.Account.Role == storage.RoleReviewer:
		a.reviewerTabs(add)
	case a.sess.Account.Role == storage.RoleAdmin:
		// A kiosk's staff is an administrator too, but reviewers work only
		// on a review station (storage refuses them elsewhere).
		if a.reviewStation() {
			a.admin = admin.New(a.sess)
			add("reviewers", a.tr.T("tab.reviewers"), a.admin.Content())
		}
		a.packagesTab(add)
	default:
		steps := a.coll.Keys()
		for _, k := range steps {
			add(k, a.tr.T("step."+k), a.withFooter(a.coll.Build(k), false, k == steps[len(steps)-1]))
		}
		a.mydata = mydata.New(a.sess, a)
		add("mydata", a.tr.T("tab.mydata"), a.mydata.Content())
	}
	if a.sync != nil && a.sess != nil {
		add("sync", a.tr.T("tab.sync"), a.sync.newView().content)
	}
	a.keys = keys
	a.tabs.Items = items
	for i := 1; i < len(items) && a.sess == nil; i++ {
		a.tabs.DisableIndex(i)
	}
	a.tabs.Refresh()
	if a.sess == nil || a.index(selected) < 0 {
		selected = "account"
	}
	a.Select(selected)
	a.Changed()
	a.startQueued()
}

// index is the position of the tab key, or -1.
func (a *App) index(key string) int { return slices.Index(a.keys, key) }

// selectedKey is the key of the tab shown ("" before the first layout).
func (a *App) selectedKey() string {
	if i := a.tabs.SelectedIndex(); i >= 0 && i < len(a.keys) {
		return a.keys[i]
	}
	return ""
}

// Select shows the tab key.
func (a *App) Select(key string) {
	if i := a.index(key); i >= 0 {
		a.tabs.SelectIndex(i)
	}
}

// Later queues f to start once the screen being built is laid out.
func (a *App) Later(f func()) { a.afterLayout = append(a.afterLayout, f) }

// startQueued starts the work builds queued for after the layout.
func (a *App) startQueued() {
	queued := a.afterLayout
	a.afterLayout = nil
	for _, f := range queued {
		f()
	}
}

// Rebuild rebuilds one step's screen (after a row is added or removed);
// the notice step's scope decides which steps exist, so it relays all.
func (a *App) Rebuild(key string) {
	if a.coll != nil {
		c := a.win.Canvas()
		counterpart := a.coll.Refocus(key, c.Focused())
		defer func() {
			if f := counterpart(); f != nil {
				c.Focus(f)
			}
		}()
	}
	if key == "notice" || a.coll == nil {
		a.Relayout()
		return
	}
	if i := a.index(key); i >= 0 {
		keys := a.coll.Keys()
		a.tabs.Items[i].Content = a.withFooter(a.coll.Build(key), false, key == keys[len(keys)-1])
	}
	a.tabs.Refresh()
	a.Changed()
	a.startQueued()
}

// Changed updates each step's status icon.
func (a *App) Changed() {
	for i, it := range a.tabs.Items {
		it.Icon = nil
		if a.coll != nil && i > 0 {
			it.Icon = a.coll.Icon(a.keys[i])
		}
	}
	a.tabs.Refresh()
}

// stepIntro is a locked step's page: its title and what it collects.
func (a *App) stepIntro(key string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(a.tr.T("step."+key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(a.tr.T("step." + key + ".intro"))
	body.Wrapping = fyne.TextWrapWord
	return container.NewVBox(title, body)
}

// JumpTo shows the step responsible for path, scrolls its input into view
// and focuses it.
func (a *App) JumpTo(path string) {
	if a.coll == nil {
		return
	}
	a.Select(a.coll.StepOf(path))
	if f := a.coll.Focus(path); f != nil {
		if obj, ok := f.(fyne.CanvasObject); ok {
			a.scrollIntoView(obj)
		}
		a.win.Canvas().Focus(f)
	}
}

// reviewerTabs are a reviewer's 审核队列 and 审核 screens; opening a record
// in the queue shows it in the second, and a decision returns to the first.
func (a *App) reviewerTabs(add func(key, title string, content fyne.CanvasObject)) {
	sess := a.sess
	a.review = review.NewCase(sess)
	a.queue = review.NewQueue(sess, func(id string) {
		if err := a.review.Open(id); err != nil {
			sess.ShowError(err)
			return
		}
		a.Select("review")
		a.review.StartLoading()
	})
	a.review.OnDone = func() {
		a.queue.Refresh()
		a.Select("queue")
	}
	add("queue", a.tr.T("tab.queue"), a.queue.Content)
	add("review", a.tr.T("tab.review"), a.review.Content())
}

// reviewStation reports whether the database is a review station.
func (a *App) reviewStation() bool {
	kind, err := a.store.Station(a.sess.Context())
	return err == nil && kind == storage.StationReview
}
