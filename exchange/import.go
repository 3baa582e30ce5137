package exchange

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"time"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/storage"
	"caiji/wire"
)

// Trust is what this station knows of the station that made a package.
type Trust int

const (
	Known      Trust = iota // accepted before, with this signing key
	Unknown                 // never seen: the administrator accepts it (compare the fingerprint) or not
	KeyChanged              // accepted before with another key: a reinstalled station, or a forgery
)

// Incoming is a package that verified: every byte decrypted and checked,
// the signature valid for the key it names. Nothing is stored until Import.
type Incoming struct {
	Station     string // UUID of the station that made it
	Recipient   string // that station's recipient, for the answer
	Fingerprint string // of the key that signed it
	Trust       Trust
	Created     time.Time // by the making station's clock
	Items       int
	Bytes       int64
	Digest      string // the package's content: the same package has the same digest

	file   *os.File
	v      *caijipkg.Verified
	signer ed25519.PublicKey
}

// Open reads the package at path once, in full, with this station's
// identity (caijipkg.Verify), and says whether its maker is known. A
// refusal is a *caijipkg.Error naming the damaged part; nothing is stored
// either way. Close the Incoming when done.
func Open(ctx context.Context, store *storage.Store, keys *caijipkg.Keys, path string, progress func(Progress)) (*Incoming, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &caijipkg.Error{Kind: caijipkg.ErrUnreadable, Part: domain.Msg{Zh: "文件", En: "the file"}, Err: err}
	}
	opt := caijipkg.ReadOptions{}
	if progress != nil {
		opt.Progress = func(p caijipkg.Progress) { progress(Progress{Done: int(p.Bytes), Total: int(p.Total)}) }
	}
	v, err := caijipkg.Verify(f, keys.Identity, opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	in := &Incoming{Station: v.Station, Recipient: v.StationRecipient, Fingerprint: Fingerprint(v.Signer), Created: v.Created,
		Items: v.Items, Bytes: v.Bytes, Digest: v.Digest, file: f, v: v, signer: v.Signer}
	known, err := store.KnownStation(ctx, v.Station)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		in.Trust = Unknown
	case err != nil:
		f.Close()
		return nil, err
	case known.SigningKey != encodeKey(v.Signer):
		in.Trust = KeyChanged
	}
	return in, nil
}

// Close closes the package file.
func (in *Incoming) Close() error { return in.file.Close() }

// ErrNotAccepted: the package's station is not known with its key, and
// the administrator has not accepted it.
var ErrNotAccepted = errors.New("exchange: the station that made the package is not accepted")

// Import stores the package, in one transaction: on a review station its
// versions join the queue as versions from the hub do, each first checked
// with the same pre-audit and photo code the hub runs; on any other station
// its decisions are applied as the hub's are, and a kiosk then forgets the
// candidates whose submission the department now holds. accept is the
// administrator's word that a station not Known is theirs. The package is
// read a second time as it is stored; if that read fails, or storing does,
// nothing is kept.
func (in *Incoming) Import(ctx context.Context, store *storage.Store, cat *domain.Catalog, accept bool, progress func(Progress)) (*Summary, error) {
	if in.Trust != Known && !accept {
		return nil, ErrNotAccepted
	}
	info, err := store.StationInfo(ctx)
	if err != nil {
		return nil, err
	}
	sum := &Summary{Station: in.Station, Items: in.Items}
	from := storage.PackageStation{UUID: in.Station, SigningKey: encodeKey(in.signer), Recipient: in.Recipient}
	j := newJudge(cat, time.Now())
	err = store.StorePackage(ctx, from, func(tx *storage.PackageTx) error {
		return in.v.Walk(func(e *caijipkg.Entry) error {
			defer func() {
				if progress != nil {
					progress(Progress{Done: e.Index, Total: in.Items})
				}
			}()
			if info.Kind == storage.StationReview {
				return sum.version(tx, j, e)
			}
			return sum.decision(tx, e)
		})
	})
	if err != nil {
		return nil, err
	}
	if info.Kind == storage.StationKiosk && sum.New > 0 {
		if sum.Purged, err = store.PurgeKiosk(ctx); err != nil {
			return sum, fmt.Errorf("exchange: the decisions are stored, but forgetting the candidates failed: %w", err)
		}
	}
	return sum, nil
}

// ImportAs is Import for the staff screen: only the station's
// administrator, signed in now, may store a package or accept a station.
func (in *Incoming) ImportAs(ctx context.Context, store *storage.Store, staff storage.Session, cat *domain.Catalog, accept bool, progress func(Progress)) (*Summary, error) {
	if err := store.StaffOnly(ctx, staff); err != nil {
		return nil, err
	}
	return in.Import(ctx, store, cat, accept, progress)
}

// version stores one item on a review station.
func (s *Summary) version(tx *storage.PackageTx, j *judge, e *caijipkg.Entry) error {
	if e.Kind != caijipkg.KindVersion {
		s.refuse(e, wrongKind)
		return nil
	}
	v, err := e.Version()
	if err != nil {
		return s.refuseWire(e, err)
	}
	images, werr := j.version(v, e.Blobs)
	if werr != nil {
		s.refuse(e, werr)
		return nil
	}
	o, err := tx.Version(v, images)
	if err != nil {
		return s.refuseWire(e, err)
	}
	s.count(o)
	return nil
}

// decision applies one item on the station the versions came from.
func (s *Summary) decision(tx *storage.PackageTx, e *caijipkg.Entry) error {
	if e.Kind != caijipkg.KindDecision {
		s.refuse(e, wrongKind)
		return nil
	}
	d, err := e.Decision()
	if err != nil {
		return s.refuseWire(e, err)
	}
	o, code, err := tx.Decision(d)
	if err != nil {
		return s.refuseWire(e, err)
	}
	s.count(o)
	s.Decisions = append(s.Decisions, Applied{Receipt: code, Record: d.Record, Version: d.N, Verdict: d.Verdict, Reasons: d.Reasons, At: d.At})
	return nil
}

// wrongKind refuses an item this kind of station does not take.
var wrongKind = &wire.Error{Code: wire.CodeInvalid,
	Zh: "审核站只接收提交的记录，考生端只接收审核决定", En: "A review station takes submitted records, and other stations take decisions"}
