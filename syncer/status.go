package syncer

import "time"

// Status is what the screens show of sync: whether the hub answered, what
// waits, what is being sent and how far, and when the last sync ran.
type Status struct {
	Hub       string    // "" when this station has no hub
	Online    bool      // the last attempt reached the hub
	Waiting   int       // items queued
	Attention int       // items the hub refused: the user must act
	Sending   int       // the item being sent, 1-based; 0 when idle
	Of        int       // items in this run
	Done      int64     // bytes of the current transfer sent
	Total     int64     // bytes of the current transfer
	LastSync  time.Time // the last run that reached the hub
	LastError string    // the last failure, for the 同步 view (English; screens translate by state)
}

// setStatus changes the status under the lock and tells the listener.
func (w *Worker) setStatus(change func(*Status)) {
	w.mu.Lock()
	change(&w.status)
	st, fn := w.status, w.onChange
	w.mu.Unlock()
	if fn != nil {
		fn(st)
	}
}

// Status returns the current status.
func (w *Worker) Status() Status {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.status
}

// OnChange sets the function told of every status change (from the
// worker's goroutine: a screen wraps it in fyne.Do).
func (w *Worker) OnChange(fn func(Status)) {
	w.mu.Lock()
	w.onChange = fn
	w.mu.Unlock()
}
