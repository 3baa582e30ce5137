package syncer

import (
	"context"

	"caiji/wire"
)

// importVersion fetches the images a pulled version names and stores the
// version in the review station's queue.
func (w *Worker) importVersion(ctx context.Context, c *Client, item wire.FeedItem) error {
	images := make(map[string][]byte, len(item.Version.Blobs))
	for _, d := range item.Version.Blobs {
		data, err := w.store.Blob(ctx, d)
		if err != nil { // not here yet
			if data, err = c.GetBlob(ctx, "", d); err != nil {
				return err
			}
		}
		images[d] = data
	}
	return w.store.ImportVersion(ctx, item.Version, images, item.Cursor)
}
