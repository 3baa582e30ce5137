package widgets

import (
	"image"
	"sync"
)

// PreviewCache keeps the on-screen previews of stored images by SHA-256, so
// rebuilding a step does not decode them again. Loaders fill it from their
// goroutines' screen updates, hence the lock.
type PreviewCache struct {
	mu sync.Mutex
	m  map[string]image.Image
}

func (c *PreviewCache) Get(sha string) (image.Image, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	img, ok := c.m[sha]
	return img, ok
}

func (c *PreviewCache) Put(sha string, img image.Image) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]image.Image{}
	}
	c.m[sha] = img
}

// Reset forgets every preview (at sign-out: the next person sees nothing).
func (c *PreviewCache) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
}
