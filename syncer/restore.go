package syncer

import (
	"context"
	"encoding/json"
	"errors"

	"caiji/domain"
	"caiji/storage"
	"caiji/wire"
)

// ErrNothingOnHub: the hub knows the person but holds no submitted record
// of theirs, so there is nothing to bring to this PC.
var ErrNothingOnHub = errors.New("syncer: the hub holds no submitted record of this person")

// Restore signs a candidate in on a home PC where they have no account: the hub
// checks the password, their identity comes from the record they
// submitted elsewhere, a local account is made with the same password, the
// feed brings back the record with its decisions, and the draft they kept
// on the hub (保存草稿到服务器) becomes the working copy. The caller tried the
// local login first.
func (w *Worker) Restore(ctx context.Context, login, password string) (storage.SignIn, error) {
	c, info, err := w.hubClient(ctx)
	if err != nil {
		return storage.SignIn{}, err
	}
	if c == nil || info.Kind != storage.StationCandidate {
		return storage.SignIn{}, storage.ErrBadCredentials
	}
	t, err := c.SignIn(ctx, wire.SignIn{Login: login, Password: password, Station: info.UUID})
	if err != nil {
		return storage.SignIn{}, err
	}
	v, err := firstVersion(ctx, c, t.Token)
	if err != nil {
		return storage.SignIn{}, err
	}
	var doc domain.Record
	if err := json.Unmarshal(v.Document, &doc); err != nil {
		return storage.SignIn{}, err
	}
	in, err := w.store.RegisterFromHub(ctx, domain.Registration{IDType: domain.IDType(v.Person.IDType), IDNumber: v.Person.IDNumber,
		Name: v.Person.Name, Phone: doc.Basic.Phone, Password: password, Confirm: password})
	if err != nil {
		return in, err
	}
	if err := w.saveToken(in.Account.UUID, t); err != nil {
		return in, err
	}
	if err := w.pullFeed(ctx, c, in.Account.UUID, t.Token); err != nil {
		return in, err
	}
	return in, w.restoreDraft(ctx, c, in.Account.UUID, t.Token, v.Record)
}

// firstVersion reads the person's feed from the start to their first
// submitted version: it names who they are.
func firstVersion(ctx context.Context, c *Client, token string) (*wire.Version, error) {
	var cursor int64
	for {
		f, err := c.Feed(ctx, token, cursor)
		if err != nil {
			return nil, err
		}
		for _, item := range f.Items {
			if item.Version != nil {
				return item.Version, nil
			}
		}
		if !f.More {
			return nil, ErrNothingOnHub
		}
		cursor = f.Next
	}
}
