package syncer

import (
	"context"

	"caiji/wire"
)

// fetchImages gets every image a pulled version names: from this station
// when it has it, else from the hub (which answers only a caller that may
// read the version; GetBlob checks each against its digest).
func (w *Worker) fetchImages(ctx context.Context, c *Client, token string, v *wire.Version) (map[string][]byte, error) {
	images := make(map[string][]byte, len(v.Blobs))
	for _, d := range v.Blobs {
		data, err := w.store.Blob(ctx, d)
		if err != nil {
			if data, err = c.GetBlob(ctx, token, d); err != nil {
				return nil, err
			}
		}
		images[d] = data
	}
	return images, nil
}
