package syncer

import (
	"context"
	"errors"
	"net/http"

	"caiji/storage"
	"caiji/wire"
)

// stationPrincipal names a review station's own feed cursor.
const stationPrincipal = "station"

// pull reads the feeds this station may read: each signed-in person's on a
// home PC, the station's own on an enrolled review station. It reports
// whether the hub answered.
func (w *Worker) pull(ctx context.Context, c *Client, info storage.StationInfo) (bool, error) {
	if info.Kind == storage.StationReview {
		if !info.Enrolled {
			return false, nil
		}
		return true, w.pullFeed(ctx, c, stationPrincipal, "")
	}
	accounts, err := w.signedIn()
	if err != nil {
		return false, err
	}
	reached := false
	for _, account := range accounts {
		t, err := w.token(account)
		if err != nil || t == nil {
			continue
		}
		err = w.pullFeed(ctx, c, account, t.Token)
		var he *HubError
		switch {
		case errors.As(err, &he) && he.Status == http.StatusUnauthorized:
			reached = true
			if err := w.dropToken(account); err != nil {
				return reached, err
			}
		case errors.As(err, &he):
			reached = true
		case err != nil:
			return reached, err
		default:
			reached = true
		}
	}
	return reached, nil
}

// pullFeed reads one feed from its stored cursor to its end, applying each
// item in order; the cursor moves with each item applied.
func (w *Worker) pullFeed(ctx context.Context, c *Client, principal, token string) error {
	cursor, err := w.store.FeedCursor(ctx, principal)
	if err != nil {
		return err
	}
	for {
		f, err := c.Feed(ctx, token, cursor)
		if err != nil {
			return err
		}
		for _, item := range f.Items {
			if err := w.apply(ctx, c, principal, token, item); err != nil {
				return err
			}
		}
		cursor = f.Next
		if !f.More {
			return nil
		}
	}
}

// apply takes one feed item: a decision becomes events on the local record;
// a version the station does not hold yet joins a review station's queue,
// or brings a candidate's record back to a PC they did not submit it from;
// a version already here changes nothing.
func (w *Worker) apply(ctx context.Context, c *Client, principal, token string, item wire.FeedItem) error {
	switch {
	case item.Decision != nil:
		err := w.store.ApplyDecision(ctx, item.Decision, principal, item.Cursor)
		if errors.Is(err, storage.ErrStale) { // the local record moved on: keep the history, skip the item
			return w.store.SetFeedCursor(ctx, principal, item.Cursor)
		}
		return err
	case item.Version != nil:
		has, err := w.store.HasVersion(ctx, item.Version.Record, item.Version.N)
		if err != nil || has {
			if err != nil {
				return err
			}
			break
		}
		images, err := w.fetchImages(ctx, c, token, item.Version)
		if err != nil {
			return err
		}
		if principal == stationPrincipal {
			return w.store.ImportVersion(ctx, item.Version, images, item.Cursor)
		}
		return w.store.RestoreVersion(ctx, principal, item.Version, images, item.Cursor)
	}
	return w.store.SetFeedCursor(ctx, principal, item.Cursor)
}
