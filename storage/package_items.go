package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"caiji/domain"
	"caiji/wire"
)

// PendingVersion is a submitted version no receipt confirms yet: what a
// station that never goes online carries to its department in a package.
type PendingVersion struct {
	Record      string
	Version     int
	Department  string // the accounting management department code of the snapshot
	SubmittedAt time.Time
}

// PendingVersions lists, oldest first, every submitted version (snapshot)
// that neither the hub nor a decision package has confirmed, submitted at
// or after since. Only the keys are held; the export builds each version
// with OutgoingVersion when its turn comes.
func (s *Store) PendingVersions(ctx context.Context, since time.Time) ([]PendingVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.uuid, s.version, coalesce(json_extract(s.data, '$.department'), 'null'), s.created_at
		FROM snapshots s JOIN records r ON r.id = s.record_id
		WHERE s.created_at >= ? AND NOT EXISTS (SELECT 1 FROM receipts rc WHERE rc.record_uuid = r.uuid AND rc.version = s.version)
		ORDER BY s.created_at, r.id, s.version`, since.Unix())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PendingVersion
	for rows.Next() {
		var p PendingVersion
		var dept string
		var at int64
		if err := rows.Scan(&p.Record, &p.Version, &dept, &at); err != nil {
			return nil, err
		}
		var d domain.Department
		if err := json.Unmarshal([]byte(dept), &d); err != nil {
			return nil, err
		}
		p.Department, p.SubmittedAt = d.Code(), time.Unix(at, 0)
		out = append(out, p)
	}
	return out, rows.Err()
}

// BlobSize is the size of a stored image, which a package states before
// streaming its bytes.
func (s *Store) BlobSize(ctx context.Context, sha256 string) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, "SELECT length(data) FROM attachments WHERE sha256 = ?", sha256).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return n, err
}

// DecisionsFor lists, on a review station, the decisions made on versions
// that came from station in packages (decided at or after since), as they
// travel back. The reviewer's ID number stays here: the station the
// decision goes to needs their UUID and name only.
func (s *Store) DecisionsFor(ctx context.Context, station string, since time.Time) ([]*wire.Decision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT pv.record_uuid, pv.version FROM package_versions pv
		JOIN records r ON r.uuid = pv.record_uuid JOIN decisions d ON d.record_id = r.id AND d.version = pv.version
		WHERE pv.station = ? AND d.at >= ? ORDER BY d.at, d.id`, station, since.Unix())
	if err != nil {
		return nil, err
	}
	var items []OutboxItem
	for rows.Next() {
		var it OutboxItem
		if err := rows.Scan(&it.Record, &it.Version); err != nil {
			rows.Close()
			return nil, err
		}
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]*wire.Decision, 0, len(items))
	for _, it := range items {
		d, err := s.OutgoingDecision(ctx, it)
		if err != nil {
			return nil, err
		}
		d.Reviewer.IDNumber = ""
		out = append(out, d)
	}
	return out, nil
}

// Outcome is what storing one item of a package did.
type Outcome int

const (
	Stored  Outcome = iota // new here
	Present                // here already: the same package (or item) again
	Older                  // a version older than the one here, replayed: ignored
)

// PackageTx stores the items of one package, all in the one transaction
// StorePackage runs: a package is stored whole or not at all. An item
// refused (a *wire.Error) leaves no trace and the others go on.
type PackageTx struct {
	s    *Store
	ctx  context.Context
	tx   *sql.Tx
	from PackageStation
}

// StorePackage runs fn in one transaction, which first records from as an
// accepted station (the caller checked its key, or the administrator
// accepted it) with the recipient its answer goes to. Nothing is kept
// unless fn returns nil.
func (s *Store) StorePackage(ctx context.Context, from PackageStation, fn func(*PackageTx) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO package_stations (uuid, signing_key, recipient, accepted_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (uuid) DO UPDATE SET signing_key = excluded.signing_key, recipient = excluded.recipient,
			accepted_at = CASE WHEN signing_key = excluded.signing_key THEN accepted_at ELSE excluded.accepted_at END`,
			from.UUID, from.SigningKey, from.Recipient, s.now().Unix()); err != nil {
			return err
		}
		return fn(&PackageTx{s: s, ctx: ctx, tx: tx, from: from})
	})
}

// item runs one item's writes under a savepoint, undone if it is refused.
func (p *PackageTx) item(fn func() (Outcome, error)) (Outcome, error) {
	if _, err := p.tx.ExecContext(p.ctx, "SAVEPOINT package_item"); err != nil {
		return 0, err
	}
	o, err := fn()
	if err != nil {
		if _, rerr := p.tx.ExecContext(p.ctx, "ROLLBACK TO package_item"); rerr != nil {
			return o, errors.Join(err, rerr)
		}
	}
	if _, rerr := p.tx.ExecContext(p.ctx, "RELEASE package_item"); rerr != nil {
		return o, errors.Join(err, rerr)
	}
	return o, err
}

func refusal(code, zh, en string) *wire.Error { return &wire.Error{Code: code, Zh: zh, En: en} }

// Version stores a submitted version from the package on a review station
// exactly as one pulled from the hub (receiveVersion), received now: the
// same version again is Present, another content at a version here is
// refused, a version older than the record's here is Older and ignored,
// and a newer one is stored beside the old. The caller has run the
// pre-audit and photo checks.
func (p *PackageTx) Version(v *wire.Version, images map[string][]byte) (Outcome, error) {
	return p.item(func() (Outcome, error) {
		var sha string
		err := p.tx.QueryRowContext(p.ctx, "SELECT sha256 FROM receipts WHERE record_uuid = ? AND version = ?", v.Record, v.N).Scan(&sha)
		switch {
		case err == nil && sha == v.SHA256:
			return Present, nil
		case err == nil:
			return 0, refusal(wire.CodeConflict, "此版本号已有不同的内容", "Another content is already stored at this version")
		case !errors.Is(err, sql.ErrNoRows):
			return 0, err
		}
		var have int
		err = p.tx.QueryRowContext(p.ctx, "SELECT version FROM records WHERE uuid = ?", v.Record).Scan(&have)
		if err == nil && have >= v.N {
			return Older, nil
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
		var other string
		err = p.tx.QueryRowContext(p.ctx, `SELECT r.uuid FROM records r JOIN accounts a ON a.id = r.owner_id
			WHERE a.id_number = ? AND r.uuid <> ?`, domain.NormalizeIDNumber(v.Person.IDNumber), v.Record).Scan(&other)
		if err == nil {
			return 0, refusal(wire.CodeConflict, "此人在本站已有另一份记录（可能在另一考点也提交过）", "This person already has another record here (submitted at another kiosk too?)")
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
		received := *v
		received.ReceivedAt = p.s.now().Truncate(time.Second).UTC()
		rec, err := versionRecord(&received)
		if err != nil {
			return 0, err
		}
		if err := p.s.receiveVersion(p.ctx, p.tx, &received, rec, images); errors.Is(err, ErrForbidden) {
			return 0, refusal(wire.CodeForbidden, "此记录属于本站工作人员或另一人，不能在此审核", "The record belongs to this station's staff or to someone else: it cannot be reviewed here")
		} else if err != nil {
			return 0, err
		}
		_, err = p.tx.ExecContext(p.ctx, "INSERT INTO package_versions (record_uuid, version, station, imported_at) VALUES (?, ?, ?, ?)",
			v.Record, v.N, p.from.UUID, received.ReceivedAt.Unix())
		return Stored, err
	})
}

// Decision applies a decision from the package on the station the version
// came from, exactly as one pulled from the hub (applyDecision), and keeps
// a receipt for the version judged: the department has it, so a kiosk may
// forget the candidate. The package must come from the review station of
// the record's department: its recipient is the one this station encrypts
// that department's submissions to. The code is the receipt code the
// candidate was shown at submission, so staff can tell them the verdict.
func (p *PackageTx) Decision(d *wire.Decision) (Outcome, string, error) {
	var code string
	o, err := p.item(func() (Outcome, error) {
		var kind string
		if err := p.tx.QueryRowContext(p.ctx, "SELECT kind FROM station WHERE id = 1").Scan(&kind); err != nil {
			return 0, err
		}
		if kind == StationReview {
			return 0, ErrReviewStation
		}
		var snap string
		err := p.tx.QueryRowContext(p.ctx, "SELECT s.data FROM snapshots s JOIN records r ON r.id = s.record_id WHERE r.uuid = ? AND s.version = ?", d.Record, d.N).Scan(&snap)
		if errors.Is(err, sql.ErrNoRows) {
			err := p.tx.QueryRowContext(p.ctx, "SELECT code FROM receipts WHERE record_uuid = ? AND version = ?", d.Record, d.N).Scan(&code)
			if err == nil {
				return Present, nil // applied before, and the kiosk has forgotten the candidate since
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return 0, err
			}
			return 0, refusal(wire.CodeNotFound, "本站没有此审核决定所针对的提交", "This station holds no submission this decision judges")
		}
		if err != nil {
			return 0, err
		}
		var rec domain.Record
		if err := json.Unmarshal([]byte(snap), &rec); err != nil {
			return 0, err
		}
		var to string
		err = p.tx.QueryRowContext(p.ctx, "SELECT recipient FROM package_recipients WHERE department = ?", rec.Department.Code()).Scan(&to)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
		if to != p.from.Recipient {
			return 0, refusal(wire.CodeForbidden, "审核决定不是来自该记录所属会计管理部门的审核站", "The decision does not come from the review station of the record's department")
		}
		changed, err := p.s.applyDecision(p.ctx, p.tx, d)
		if errors.Is(err, ErrStale) {
			return 0, refusal(wire.CodeConflict, "记录在本站已有变化，此审核决定不再适用", "The record has changed here since: the decision no longer applies")
		}
		if err != nil {
			return 0, err
		}
		doc, err := wire.Canonical([]byte(snap))
		if err != nil {
			return 0, err
		}
		if err := putReceipt(p.ctx, p.tx, wire.Receipt{Record: d.Record, N: d.N, SHA256: wire.Digest(doc), ReceivedAt: d.At}); err != nil {
			return 0, err
		}
		code = wire.ReceiptCode(wire.Digest(doc))
		if !changed {
			return Present, nil
		}
		return Stored, nil
	})
	return o, code, err
}
