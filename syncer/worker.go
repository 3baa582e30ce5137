package syncer

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"caiji/caijipkg"
	"caiji/storage"
	"caiji/wire"
)

// Worker is the station's one sync worker. Run it on its own goroutine;
// SendNow and SignIn may be called from any goroutine.
type Worker struct {
	store   *storage.Store
	dir     string
	keys    *caijipkg.Keys
	tlsConf *tls.Config
	// Backoff spaces retries of one item; Poll is how often the feed is
	// pulled while nothing else wakes the worker.
	Backoff Backoff
	Poll    time.Duration
	now     func() time.Time

	run  sync.Mutex // one sync at a time
	kick chan struct{}

	mu       sync.Mutex
	status   Status
	onChange func(Status)
	client   *Client
	clientOf string // the hub and station the client was made for
}

// NewWorker makes the worker of the station whose data folder is dir.
func NewWorker(store *storage.Store, dir string, keys *caijipkg.Keys, tlsConf *tls.Config) *Worker {
	return &Worker{store: store, dir: dir, keys: keys, tlsConf: tlsConf, Backoff: DefaultBackoff,
		Poll: 3 * time.Minute, now: time.Now, kick: make(chan struct{}, 1)}
}

// Run syncs now, then whenever an item falls due, the store has work for
// it (a submission or a decision queued, a kiosk candidate signed out),
// SendNow is called, or Poll has passed, until ctx ends.
func (w *Worker) Run(ctx context.Context) {
	for {
		_ = w.SyncOnce(ctx) // its failures are in the status
		wait := w.Poll
		if at, ok, err := w.store.NextQueuedAt(ctx); err == nil && ok {
			wait = min(wait, max(time.Until(at), time.Second))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-w.kick:
		case <-w.store.Due():
		case <-t.C:
		}
		t.Stop()
	}
}

// SendNow (立即同步) makes every waiting item due and wakes the worker.
func (w *Worker) SendNow(ctx context.Context) error {
	if err := w.store.SendNow(ctx); err != nil {
		return err
	}
	select {
	case w.kick <- struct{}{}:
	default:
	}
	return nil
}

// hubClient returns the client of the station's hub, or nil when the
// station has none yet.
func (w *Worker) hubClient(ctx context.Context) (*Client, storage.StationInfo, error) {
	info, err := w.store.StationInfo(ctx)
	if err != nil || info.Hub == "" {
		return nil, info, err
	}
	of := fmt.Sprint(info.Hub, info.UUID, info.Enrolled)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.client == nil || w.clientOf != of {
		var key = w.keys.Signing
		if !info.Enrolled {
			key = nil
		}
		if w.client, err = NewClient(info.Hub, w.tlsConf, info.UUID, key); err != nil {
			return nil, info, err
		}
		w.clientOf = of
	}
	return w.client, info, nil
}

// errNoToken: a home PC holds a version of a person who has not signed in
// to the hub here.
var errNoToken = &HubError{Status: http.StatusUnauthorized, Body: wire.Error{Code: wire.CodeUnauthorized,
	Zh: "请在此电脑上登录（需联网）后发送", En: "Sign in on this PC (online) to send it"}}

// errNotEnrolled: a kiosk not yet connected to its hub.
var errNotEnrolled = &HubError{Status: http.StatusUnauthorized, Body: wire.Error{Code: wire.CodeUnauthorized,
	Zh: "本机尚未连接中心（caiji station connect）", En: "This station is not connected to its hub yet (caiji station connect)"}}

// SyncOnce sends every item that is due, pulls the feeds, on a kiosk
// deletes the candidates the hub has confirmed, and fetches a newer
// reference-data bundle. A failure to reach the hub
// postpones the items (with backoff) and is reported in the status.
func (w *Worker) SyncOnce(ctx context.Context) error {
	w.run.Lock()
	defer w.run.Unlock()
	c, info, err := w.hubClient(ctx)
	if err != nil {
		w.setStatus(func(s *Status) { s.LastError = err.Error() })
		return err
	}
	defer w.refreshCounts(ctx)
	if c == nil {
		w.setStatus(func(s *Status) { s.Hub = "" })
		if info.Kind == storage.StationKiosk { // stale drafts go even on a kiosk never connected
			_, err = w.store.PurgeKiosk(ctx)
		}
		return err
	}
	w.setStatus(func(s *Status) { s.Hub = info.Hub })
	reached, err := w.sendDue(ctx, c, info)
	if err == nil && info.Kind == storage.StationCandidate {
		err = w.sendDrafts(ctx, c)
	}
	if err == nil && info.Kind != storage.StationKiosk {
		var pulled bool
		pulled, err = w.pull(ctx, c, info)
		reached = reached || pulled
	}
	if err == nil && info.Kind == storage.StationKiosk {
		_, err = w.store.PurgeKiosk(ctx)
	}
	if err == nil {
		var fetched bool
		fetched, err = w.fetchRefdata(ctx, c)
		reached = reached || fetched
	}
	if err == nil && !reached { // nothing needed the hub: ask it, so the status tells idle from offline
		err = c.Healthy(ctx)
		reached = err == nil
	}
	if reached {
		now := w.now()
		if merr := w.store.MarkSynced(ctx, now); merr != nil && err == nil {
			err = merr
		}
		w.setStatus(func(s *Status) { s.LastSync = now })
	}
	w.setStatus(func(s *Status) {
		s.Online = reached
		if err != nil {
			s.LastError = err.Error()
		} else {
			s.LastError = ""
		}
	})
	return err
}

func (w *Worker) refreshCounts(ctx context.Context) {
	items, err := w.store.Outbox(ctx)
	if err != nil {
		return
	}
	var waiting, attention int
	for _, it := range items {
		switch it.State {
		case storage.OutQueued:
			waiting++
		case storage.OutAttention:
			attention++
		}
	}
	w.setStatus(func(s *Status) {
		s.Waiting, s.Attention, s.Sending, s.Of, s.Done, s.Total = waiting, attention, 0, 0, 0, 0
	})
}

// sendDue sends the due items in order. It stops at the first failure to
// reach the hub (the rest would fail the same way) and reports whether the
// hub answered at all.
func (w *Worker) sendDue(ctx context.Context, c *Client, info storage.StationInfo) (bool, error) {
	items, err := w.store.Outbox(ctx)
	if err != nil {
		return false, err
	}
	of := 0
	for _, it := range items {
		if it.State == storage.OutQueued && !it.NextAt.After(w.now()) {
			of++
		}
	}
	reached := false
	for n := 1; n <= of; n++ {
		it, err := w.store.NextDue(ctx, w.now())
		if errors.Is(err, storage.ErrNotFound) {
			break
		}
		if err != nil {
			return reached, err
		}
		w.setStatus(func(s *Status) { s.Sending, s.Of, s.Done, s.Total = n, of, 0, 0 })
		err = w.send(ctx, c, info, it)
		var he *HubError
		switch {
		case err == nil:
			reached = true
		case errors.As(err, &he) && (he == errNoToken || he == errNotEnrolled):
			// Nothing to send with until the person signs in here (or the
			// station is connected), which makes it due again at once.
			if err := w.store.Postpone(ctx, it.ID, w.now().Add(w.Backoff.Max), he.Body); err != nil {
				return reached, err
			}
		case errors.As(err, &he) && he.Retryable():
			reached = true
			return reached, w.store.Postpone(ctx, it.ID, w.now().Add(w.Backoff.Wait(it.Attempts)), he.Body)
		case errors.As(err, &he):
			reached = true
			if err := w.store.NeedsAttention(ctx, it.ID, he.Body); err != nil {
				return reached, err
			}
		case ctx.Err() != nil:
			return reached, ctx.Err()
		default: // the hub unreachable, the connection cut: try again later
			why := wire.Error{Code: wire.CodeUnavailable, Zh: "无法连接中心", En: "Cannot reach the hub: " + err.Error()}
			if perr := w.store.Postpone(ctx, it.ID, w.now().Add(w.Backoff.Wait(it.Attempts)), why); perr != nil {
				return reached, perr
			}
			return reached, err
		}
	}
	return reached, nil
}

// send delivers one item: a version's images first (skipping those the
// hub has), then the version; or a decision.
func (w *Worker) send(ctx context.Context, c *Client, info storage.StationInfo, it storage.OutboxItem) error {
	if it.Kind == storage.OutDecision {
		d, err := w.store.OutgoingDecision(ctx, it)
		if err != nil {
			return err
		}
		if err := c.PostDecision(ctx, d); err != nil {
			return err
		}
		return w.store.Sent(ctx, it.ID)
	}
	out, err := w.store.OutgoingVersion(ctx, it)
	if err != nil {
		return err
	}
	token, err := w.credential(ctx, c, info, out)
	if err != nil {
		return err
	}
	if err := w.sendImages(ctx, c, token, out.Version.Blobs); err != nil {
		return err
	}
	rc, err := c.PostVersion(ctx, token, out.Version)
	if err != nil {
		var he *HubError
		if errors.As(err, &he) && he.Status == http.StatusUnauthorized && token != "" {
			_ = w.dropToken(out.Owner.UUID) // expired or revoked: the person signs in again
		}
		return err
	}
	if rc.Record != out.Version.Record || rc.N != out.Version.N || rc.SHA256 != out.Version.SHA256 {
		return fmt.Errorf("syncer: the hub's receipt names %s v%d %s, not what was sent", rc.Record, rc.N, rc.SHA256)
	}
	return w.store.Delivered(ctx, it.ID, *rc)
}

// sendImages uploads the images the hub does not have yet, reporting each
// transfer's progress in the status.
func (w *Worker) sendImages(ctx context.Context, c *Client, token string, digests []string) error {
	for _, digest := range digests {
		has, err := c.HasBlob(ctx, token, digest)
		if err != nil || has {
			if err != nil {
				return err
			}
			continue
		}
		data, err := w.store.Blob(ctx, digest)
		if err != nil {
			return err
		}
		total := int64(len(data))
		w.setStatus(func(s *Status) { s.Done, s.Total = 0, total })
		if err := c.PutBlob(ctx, token, digest, data, func(n int64) { w.setStatus(func(s *Status) { s.Done = n }) }); err != nil {
			return err
		}
	}
	return nil
}

// credential is the token to send a person's version with, "" when the
// station signs: a kiosk first registers the person on the hub (the same
// person again is a no-op there).
func (w *Worker) credential(ctx context.Context, c *Client, info storage.StationInfo, out *storage.Outgoing) (string, error) {
	if info.Kind == storage.StationKiosk {
		if !info.Enrolled {
			return "", errNotEnrolled
		}
		return "", c.RegisterPerson(ctx, wire.KioskPerson{Person: out.Version.Person, Phone: out.Owner.Phone, PasswordHash: out.PasswordHash})
	}
	t, err := w.token(out.Owner.UUID)
	if err != nil {
		return "", err
	}
	if t == nil {
		return "", errNoToken
	}
	return t.Token, nil
}

// SignIn signs the session's person in to the hub with the password they
// just gave (on a home PC; elsewhere it does nothing), and keeps the token so their submissions go out later without
// them. The first sign-in registers them on the hub.
func (w *Worker) SignIn(ctx context.Context, sess storage.Session, login, password string) error {
	a, err := w.store.Me(ctx, sess)
	if err != nil {
		return err
	}
	c, info, err := w.hubClient(ctx)
	if err != nil || c == nil || info.Kind != storage.StationCandidate {
		return err // a kiosk or review station sends with its own key, never a person's token
	}
	t, err := c.SignIn(ctx, wire.SignIn{Login: login, Password: password, Phone: a.Phone, Station: info.UUID,
		Person: wire.Person{IDType: string(a.IDType), IDNumber: a.IDNumber, Name: a.Name}})
	if err != nil {
		return err
	}
	if err := w.saveToken(a.UUID, t); err != nil {
		return err
	}
	return w.SendNow(ctx)
}
