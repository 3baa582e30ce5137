package exchange

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"time"

	"caiji/caijipkg"
	"caiji/storage"
)

// ExportOptions narrow an export and report its progress.
type ExportOptions struct {
	Since    time.Time      // only what was submitted (or decided) at or after; zero: everything
	Progress func(Progress) // optional; called after each item
}

// ExportResult is what an export wrote, and what it could not.
type ExportResult struct {
	Packages []Written
	// Waiting counts, by department code, the versions not exported
	// because no recipient is set for their department.
	Waiting map[string]int
}

// ErrNothingToExport: no version waits for confirmation (or no decision
// was made on a package's version) in the period asked.
var ErrNothingToExport = errors.New("exchange: nothing to export")

// Export writes packages into dir: on a review station, the decisions on
// versions that came in packages, one package per station encrypted to it;
// on any other station, every submitted version not yet confirmed, with its
// images, one package per department recipient. Versions and images are
// read from storage one at a time as they are written, never all at once.
func Export(ctx context.Context, store *storage.Store, keys *caijipkg.Keys, dir string, opt ExportOptions) (*ExportResult, error) {
	info, err := store.StationInfo(ctx)
	if err != nil {
		return nil, err
	}
	if info.Kind == storage.StationReview {
		return exportDecisions(ctx, store, keys, info.UUID, dir, opt)
	}
	return exportVersions(ctx, store, keys, info.UUID, dir, opt)
}

// ExportAs is Export for the staff screen: only the station's
// administrator, signed in now, may.
func ExportAs(ctx context.Context, store *storage.Store, staff storage.Session, keys *caijipkg.Keys, dir string, opt ExportOptions) (*ExportResult, error) {
	if err := store.StaffOnly(ctx, staff); err != nil {
		return nil, err
	}
	return Export(ctx, store, keys, dir, opt)
}

// batch is the versions of one package: those of the departments sharing
// one recipient.
type batch struct {
	to          string
	departments []string
	versions    []storage.PendingVersion
}

func exportVersions(ctx context.Context, store *storage.Store, keys *caijipkg.Keys, station, dir string, opt ExportOptions) (*ExportResult, error) {
	pending, err := store.PendingVersions(ctx, opt.Since)
	if err != nil {
		return nil, err
	}
	recipients, err := store.Recipients(ctx)
	if err != nil {
		return nil, err
	}
	to := map[string]string{}
	for _, r := range recipients {
		to[r.Department] = r.Recipient
	}
	res := &ExportResult{Waiting: map[string]int{}}
	var batches []*batch
	total := 0
	for _, p := range pending {
		r, ok := to[p.Department]
		if !ok {
			res.Waiting[p.Department]++
			continue
		}
		i := slices.IndexFunc(batches, func(b *batch) bool { return b.to == r })
		if i < 0 {
			batches = append(batches, &batch{to: r})
			i = len(batches) - 1
		}
		b := batches[i]
		if !slices.Contains(b.departments, p.Department) {
			b.departments = append(b.departments, p.Department)
		}
		b.versions = append(b.versions, p)
		total++
	}
	if total == 0 {
		return res, ErrNothingToExport
	}
	done := 0
	now := time.Now()
	for _, b := range batches {
		slices.Sort(b.departments)
		path, err := fileName(dir, strings.Join(b.departments, "+"), station, now)
		if err != nil {
			return res, err
		}
		w, err := writePackage(path, b.to, station, keys, func(add func(caijipkg.Item) error) error {
			for _, p := range b.versions {
				it, err := versionItem(ctx, store, p)
				if err != nil {
					return err
				}
				if err := add(it); err != nil {
					return err
				}
				done++
				if opt.Progress != nil {
					opt.Progress(Progress{Done: done, Total: total})
				}
			}
			return nil
		})
		if err != nil {
			return res, err
		}
		w.Departments = b.departments
		res.Packages = append(res.Packages, w)
	}
	return res, nil
}

// versionItem builds the package item of a pending version as the sync
// client builds the version it sends (storage.OutgoingVersion), with each
// image opened from storage only when the writer reaches it.
func versionItem(ctx context.Context, store *storage.Store, p storage.PendingVersion) (caijipkg.Item, error) {
	out, err := store.OutgoingVersion(ctx, storage.OutboxItem{Record: p.Record, Version: p.Version})
	if err != nil {
		return caijipkg.Item{}, err
	}
	blobs := make([]caijipkg.BlobSource, 0, len(out.Version.Blobs))
	for _, d := range out.Version.Blobs {
		size, err := store.BlobSize(ctx, d)
		if err != nil {
			return caijipkg.Item{}, err
		}
		blobs = append(blobs, caijipkg.BlobSource{SHA256: d, Size: size, Open: func() (io.ReadCloser, error) {
			data, err := store.Blob(ctx, d)
			return io.NopCloser(bytes.NewReader(data)), err
		}})
	}
	return caijipkg.VersionItem(out.Version, blobs)
}

func exportDecisions(ctx context.Context, store *storage.Store, keys *caijipkg.Keys, station, dir string, opt ExportOptions) (*ExportResult, error) {
	stations, err := store.KnownStations(ctx)
	if err != nil {
		return nil, err
	}
	res := &ExportResult{}
	now := time.Now()
	for _, st := range stations {
		decisions, err := store.DecisionsFor(ctx, st.UUID, opt.Since)
		if err != nil {
			return res, err
		}
		if len(decisions) == 0 {
			continue
		}
		path, err := fileName(dir, "decisions-for-"+st.UUID[:8], station, now)
		if err != nil {
			return res, err
		}
		w, err := writePackage(path, st.Recipient, station, keys, func(add func(caijipkg.Item) error) error {
			for i, d := range decisions {
				it, err := caijipkg.DecisionItem(d)
				if err != nil {
					return err
				}
				if err := add(it); err != nil {
					return err
				}
				if opt.Progress != nil {
					opt.Progress(Progress{Done: i + 1, Total: len(decisions)})
				}
			}
			return nil
		})
		if err != nil {
			return res, err
		}
		w.Station = st.UUID
		res.Packages = append(res.Packages, w)
	}
	if len(res.Packages) == 0 {
		return res, ErrNothingToExport
	}
	return res, nil
}
