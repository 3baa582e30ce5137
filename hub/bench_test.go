package hub_test

import (
	"testing"

	"caiji/hub"
	"caiji/hub/hubtest"
	"caiji/wire"
)

// benchEnv is a hub over SQLite for a benchmark.
func benchEnv(b *testing.B) (*env, *hubtest.Client) {
	e := sqliteEnv(b, hub.Config{Rate: 1e9, Burst: 1e9})
	return e, e.person(1)
}

// BenchmarkPutPhoto is one standard photo received: read, hashed, checked by
// domain/photo (decode and background) and stored (the same digest again,
// as a retry is).
func BenchmarkPutPhoto(b *testing.B) {
	e, alice := benchEnv(b)
	photo := hubtest.Photo(1)
	path := "/v1/blobs/" + wire.Digest(photo)
	b.SetBytes(int64(len(photo)))
	for b.Loop() {
		if a, err := alice.Do(e.ctx, "PUT", path, photo); err != nil || a.Status != 201 {
			b.Fatal(a, err)
		}
	}
}

// BenchmarkRefuseBomb is the 400-byte progressive JPEG head claiming
// 7000×7000 refused: its allocations show the hub never makes the 49
// megapixel buffer.
func BenchmarkRefuseBomb(b *testing.B) {
	e, alice := benchEnv(b)
	bomb := hubtest.BombHead()
	path := "/v1/blobs/" + wire.Digest(bomb)
	for b.Loop() {
		if a, err := alice.Do(e.ctx, "PUT", path, bomb); err != nil || a.Status != 422 {
			b.Fatal(a, err)
		}
	}
}
