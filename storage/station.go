package storage

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"time"

	"caiji/domain"
)

// StationKiosk is a candidate station at a test centre, shared by
// strangers: once the hub holds a candidate's submission, their data goes.
const StationKiosk = "kiosk"

// ErrBadHubAddress: the hub's address is not an https:// URL.
var ErrBadHubAddress = errors.New("storage: the hub address must be an https:// URL")

// StationInfo is what the station knows about itself and its hub.
type StationInfo struct {
	Kind      string // StationCandidate, StationKiosk or StationReview
	UUID      string // what travels for this station; the hub's once enrolled
	Hub       string // https://… , "" until set
	Enrolled  bool   // the hub knows this station's signing key
	DraftDays int    // a kiosk deletes drafts never submitted after this many days
	LastSync  time.Time
}

// StationInfo reads the station's identity and settings.
func (s *Store) StationInfo(ctx context.Context) (StationInfo, error) {
	var st StationInfo
	var last int64
	err := s.db.QueryRowContext(ctx, "SELECT kind, uuid, hub, enrolled, draft_days, last_sync FROM station WHERE id = 1").
		Scan(&st.Kind, &st.UUID, &st.Hub, &st.Enrolled, &st.DraftDays, &last)
	if last > 0 {
		st.LastSync = time.Unix(last, 0)
	}
	return st, err
}

// SetHub stores the hub's address a home PC sends to. Only https is
// accepted: records carry ID numbers and photos.
func (s *Store) SetHub(ctx context.Context, hub string) error {
	if hub != "" {
		u, err := url.Parse(hub)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return ErrBadHubAddress
		}
	}
	_, err := s.db.ExecContext(ctx, "UPDATE station SET hub = ? WHERE id = 1", hub)
	return classify(err)
}

// SetEnrolled records that the hub at hub enrolled this station under the
// UUID it gave; from now on the station signs its requests. The kind the hub
// enrolled it as must be the kind this database is.
func (s *Store) SetEnrolled(ctx context.Context, hub, stationUUID, kind string) error {
	if err := s.SetHub(ctx, hub); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var have string
		if err := tx.QueryRowContext(ctx, "SELECT kind FROM station WHERE id = 1").Scan(&have); err != nil {
			return err
		}
		if have != kind {
			return ErrWrongStationKind
		}
		_, err := tx.ExecContext(ctx, "UPDATE station SET uuid = ?, enrolled = 1 WHERE id = 1", stationUUID)
		return err
	})
}

// ErrWrongStationKind: the hub enrolled this station as another kind than
// the database is (a kiosk code used on a review station, say).
var ErrWrongStationKind = errors.New("storage: the hub enrolled this station as another kind")

// SetDraftDays sets how long a kiosk keeps a draft never submitted; only
// the kiosk's staff (its administrator) may.
func (s *Store) SetDraftDays(ctx context.Context, staff Session, days int) error {
	if days < 1 || days > 365 {
		return ErrBadDraftDays
	}
	return s.asAdmin(ctx, staff, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE station SET draft_days = ? WHERE id = 1", days)
		return err
	})
}

// ErrBadDraftDays: the number of days a kiosk keeps drafts is 1 to 365.
var ErrBadDraftDays = errors.New("storage: drafts are kept 1 to 365 days")

// MarkSynced records when a sync last reached the hub.
func (s *Store) MarkSynced(ctx context.Context, at time.Time) error {
	_, err := s.db.ExecContext(ctx, "UPDATE station SET last_sync = ? WHERE id = 1", at.Unix())
	return classify(err)
}

// InitKiosk makes the database a kiosk and creates its staff account (an
// administrator of this station), as InitAdmin does for a review station.
// It is reachable only from the command line (`caiji kiosk init`).
func (s *Store) InitKiosk(ctx context.Context, r domain.Registration) (Account, error) {
	a, err := s.InitAdmin(ctx, r)
	if err != nil {
		return a, err
	}
	_, err = s.db.ExecContext(ctx, "UPDATE station SET kind = ? WHERE id = 1", StationKiosk)
	return a, classify(err)
}

// FeedCursor is where the feed of principal (an account's UUID, or
// "station") was read up to.
func (s *Store) FeedCursor(ctx context.Context, principal string) (int64, error) {
	var c int64
	err := s.db.QueryRowContext(ctx, "SELECT cursor FROM feed_cursors WHERE principal = ?", principal).Scan(&c)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return c, err
}

func setFeedCursor(ctx context.Context, tx *sql.Tx, principal string, cursor int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO feed_cursors (principal, cursor) VALUES (?, ?)
		ON CONFLICT (principal) DO UPDATE SET cursor = max(cursor, excluded.cursor)`, principal, cursor)
	return err
}
