package main

import (
	"context"

	"caiji/caijipkg"
	"caiji/storage"
	"caiji/syncer"
)

// startSync starts the station's sync worker over the open store: its keys
// (made at the first start), the hub's certificate checked against the
// system's roots and the CA file shipped beside the app, and a home PC's
// hub address prefilled from what the app was shipped with. stop ends it.
func startSync(store *storage.Store, dir string) (w *syncer.Worker, stop func(), err error) {
	ctx, cancel := context.WithCancel(context.Background())
	keys, err := caijipkg.LoadOrCreateKeys(dir)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	conf, err := syncer.TLSConfig(syncer.ShippedCA())
	if err != nil {
		cancel()
		return nil, nil, err
	}
	info, err := store.StationInfo(ctx)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	if shipped := syncer.ShippedHub(); info.Hub == "" && shipped != "" && info.Kind == storage.StationCandidate {
		if err := store.SetHub(ctx, shipped); err != nil {
			cancel()
			return nil, nil, err
		}
	}
	w = syncer.NewWorker(store, dir, keys, conf)
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx)
	}()
	return w, func() { cancel(); <-done }, nil
}
