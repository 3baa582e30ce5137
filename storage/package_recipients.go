package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caiji/domain"
)

// Recipient is the department a kiosk's submissions for one accounting
// management department code are encrypted to: the age recipient (age1…)
// its review station showed.
type Recipient struct {
	Department string
	Recipient  string
	AddedAt    time.Time
}

// ErrReviewStation: a review station receives packages of versions; it does
// not export them, so it keeps no department recipients.
var ErrReviewStation = errors.New("storage: a review station exports decisions, not versions")

// SetRecipient makes recipient (already checked by the caller: one age1…
// line) the one the given department codes' submissions are encrypted to,
// replacing the one a code had. It is the station operator's (`caiji kiosk
// recipient add`); SetRecipientAs is the staff screen's.
func (s *Store) SetRecipient(ctx context.Context, recipient string, departments []string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.putRecipient(ctx, tx, recipient, departments) })
}

// SetRecipientAs is SetRecipient for the station's staff (its
// administrator) signed in on the staff screen.
func (s *Store) SetRecipientAs(ctx context.Context, staff Session, recipient string, departments []string) error {
	return s.asAdmin(ctx, staff, func(tx *sql.Tx) error { return s.putRecipient(ctx, tx, recipient, departments) })
}

func (s *Store) putRecipient(ctx context.Context, tx *sql.Tx, recipient string, departments []string) error {
	if len(departments) == 0 {
		return domain.ErrDepartmentTooBroad
	}
	if err := domain.CheckDepartments(departments); err != nil {
		return err
	}
	var kind string
	if err := tx.QueryRowContext(ctx, "SELECT kind FROM station WHERE id = 1").Scan(&kind); err != nil {
		return err
	}
	if kind == StationReview {
		return ErrReviewStation
	}
	for _, d := range departments {
		if _, err := tx.ExecContext(ctx, `INSERT INTO package_recipients (department, recipient, added_at) VALUES (?, ?, ?)
			ON CONFLICT (department) DO UPDATE SET recipient = excluded.recipient, added_at = excluded.added_at`, d, recipient, s.now().Unix()); err != nil {
			return err
		}
	}
	return nil
}

// RemoveRecipientAs forgets the recipient of one department code (staff
// screen); its submissions wait until another is set.
func (s *Store) RemoveRecipientAs(ctx context.Context, staff Session, department string) error {
	return s.asAdmin(ctx, staff, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM package_recipients WHERE department = ?", department)
		return err
	})
}

// Recipients lists the department recipients by department code.
func (s *Store) Recipients(ctx context.Context) ([]Recipient, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT department, recipient, added_at FROM package_recipients ORDER BY department")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Recipient
	for rows.Next() {
		var r Recipient
		var at int64
		if err := rows.Scan(&r.Department, &r.Recipient, &at); err != nil {
			return nil, err
		}
		r.AddedAt = time.Unix(at, 0)
		out = append(out, r)
	}
	return out, rows.Err()
}

// PackageStation is a station whose packages this station accepts: its
// UUID, the signing key (base64) its packages must carry, and the
// recipient the answer goes to.
type PackageStation struct {
	UUID       string
	SigningKey string
	Recipient  string
	AcceptedAt time.Time
}

// KnownStation returns the accepted station with this UUID, or ErrNotFound.
func (s *Store) KnownStation(ctx context.Context, uuid string) (PackageStation, error) {
	ps, err := scanPackageStation(s.db.QueryRowContext(ctx, "SELECT "+packageStationCols+" FROM package_stations WHERE uuid = ?", uuid))
	if errors.Is(err, sql.ErrNoRows) {
		return ps, ErrNotFound
	}
	return ps, err
}

// KnownStations lists the accepted stations, the most recently accepted
// first.
func (s *Store) KnownStations(ctx context.Context) ([]PackageStation, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+packageStationCols+" FROM package_stations ORDER BY accepted_at DESC, uuid")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PackageStation
	for rows.Next() {
		ps, err := scanPackageStation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, ps)
	}
	return out, rows.Err()
}

const packageStationCols = "uuid, signing_key, recipient, accepted_at"

func scanPackageStation(row interface{ Scan(...any) error }) (PackageStation, error) {
	var ps PackageStation
	var at int64
	err := row.Scan(&ps.UUID, &ps.SigningKey, &ps.Recipient, &at)
	ps.AcceptedAt = time.Unix(at, 0)
	return ps, err
}

// StaffOnly refuses a session that is not, at this moment, an active
// administrator of the station: packages carry every candidate's record,
// so only staff export and import them from the screens.
func (s *Store) StaffOnly(ctx context.Context, sess Session) error {
	return s.asAdmin(ctx, sess, func(*sql.Tx) error { return nil })
}
