package syncer

import (
	"context"
	"crypto/tls"

	"caiji/caijipkg"
	"caiji/storage"
	"caiji/wire"
)

// Connect enrols a kiosk or review station with the one-time code the
// hub's administrator gave (`caiji-hub station add`): the hub learns the
// station's signing key, and the station takes the UUID and kind the hub
// gave it. A code made for another kind of station is refused here (the hub
// has spent it: the administrator makes another).
func Connect(ctx context.Context, store *storage.Store, keys *caijipkg.Keys, tlsConf *tls.Config, hub, code string) (*wire.Station, error) {
	info, err := store.StationInfo(ctx)
	if err != nil {
		return nil, err
	}
	if info.Kind == storage.StationCandidate {
		return nil, storage.ErrWrongStationKind
	}
	c, err := NewClient(hub, tlsConf, info.UUID, nil)
	if err != nil {
		return nil, err
	}
	st, err := c.Enrol(ctx, code, keys.Public())
	if err != nil {
		return nil, err
	}
	return st, store.SetEnrolled(ctx, hub, st.UUID, st.Kind)
}

// Connect enrols this worker's station (the staff screen's 连接中心).
func (w *Worker) Connect(ctx context.Context, hub, code string) (*wire.Station, error) {
	st, err := Connect(ctx, w.store, w.keys, w.tlsConf, hub, code)
	if err == nil {
		err = w.SendNow(ctx)
	}
	return st, err
}
