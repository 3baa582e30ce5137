package review

import (
	"caiji/ui/session"
	"fmt"

	"caiji/domain"
	"caiji/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Queue is the reviewer's 审核队列: submitted records of their
// departments, oldest first, with each one's working-day deadline; filters
// by status and department, and search by name, ID number or phone.
type Queue struct {
	sess *session.Session
	// Content is the screen.
	Content fyne.CanvasObject

	status *widget.Select
	dept   *widget.Select
	search *widget.Entry
	list   *widget.List
	count  *widget.Label

	depts []string
	items []storage.QueueItem
	// open shows a record in the review screen.
	open func(id string)
}

// statusFilters are the queue's status choices; the first is the default.
var statusFilters = [][]domain.Status{
	{domain.StatusSubmitted, domain.StatusChangeSubmitted},
	{domain.StatusApproved},
	{domain.StatusRejected, domain.StatusChangeRejected},
}

// NewQueue makes the queue of sess; open shows a record in the review screen.
func NewQueue(sess *session.Session, open func(string)) *Queue {
	t := sess.Tr
	q := &Queue{sess: sess, open: open}
	q.depts, _ = sess.Store.Departments(sess.Context(), sess.ID) // on error the queue below says why
	names := []string{t.T("queue.all_departments")}
	for _, d := range q.depts {
		names = append(names, sess.Cat.Divisions.Department(d))
	}
	q.status = widget.NewSelect([]string{t.T("queue.awaiting"), t.T("queue.approved"), t.T("queue.rejected")}, nil)
	q.status.SetSelectedIndex(0)
	q.dept = widget.NewSelect(names, nil)
	q.dept.SetSelectedIndex(0)
	q.search = widget.NewEntry()
	q.search.SetPlaceHolder(t.T("queue.search"))
	q.count = widget.NewLabel("")
	q.list = widget.NewList(func() int { return len(q.items) }, q.newRow, q.updateRow)
	q.list.OnSelected = func(i widget.ListItemID) {
		q.list.UnselectAll()
		if i < len(q.items) {
			q.open(q.items[i].RecordID)
		}
	}
	q.status.OnChanged = func(string) { q.Refresh() }
	q.dept.OnChanged = func(string) { q.Refresh() }
	q.search.OnChanged = func(string) { q.Refresh() }
	filters := container.NewGridWithColumns(3, q.status, q.dept, q.search)
	q.Content = container.NewBorder(container.NewVBox(widget.NewLabelWithStyle(t.T("queue.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), filters, q.count), nil, nil, nil, q.list)
	q.Refresh()
	return q
}

func (q *Queue) newRow() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	due := widget.NewLabel("")
	return container.NewBorder(nil, nil, nil, due, l)
}

func (q *Queue) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	it := q.items[i]
	t, cat := q.sess.Tr, q.sess.Cat
	row := o.(*fyne.Container)
	main, due := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Label)
	main.SetText(fmt.Sprintf("%s  %s  %s  %s  %s", it.Name, domain.MaskIDNumber(it.IDNumber), it.Phone,
		cat.Divisions.Department(it.Department), t.Msg(it.Status.Name())))
	if it.Status.AwaitingReview() {
		w := cat.Calendar.ReviewDue(it.SubmittedAt)
		due.SetText(t.T("queue.due", it.SubmittedAt.In(domain.Shanghai).Format("01-02 15:04"), w.Latest.Format("01-02")))
		due.Importance = widget.MediumImportance
		if w.Overdue(q.sess.Store.Now()) {
			due.SetText(due.Text + "  " + t.T("queue.overdue"))
			due.Importance = widget.DangerImportance
		}
	} else {
		due.SetText("")
	}
	due.Refresh()
}

// Refresh runs the query for the current filters.
func (q *Queue) Refresh() {
	f := storage.QueueFilter{Statuses: statusFilters[max(0, q.status.SelectedIndex())], Search: q.search.Text}
	if i := q.dept.SelectedIndex(); i > 0 {
		f.Department = q.depts[i-1]
	}
	items, err := q.sess.Store.Queue(q.sess.Context(), q.sess.ID, f)
	if err != nil {
		q.count.SetText(q.sess.Tr.Err(err))
		return
	}
	q.items = items
	q.count.SetText(q.sess.Tr.N("queue.count", len(items), len(items)))
	q.list.Refresh()
}
