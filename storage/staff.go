package storage

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"caiji/domain"
)

// Station kinds.
const (
	StationCandidate = "candidate"
	StationReview    = "review"
)

// ErrAdminExists: `caiji admin init` was already run on this database.
var ErrAdminExists = errors.New("storage: this review station already has an administrator")

// Station says what kind of station the database is.
func (s *Store) Station(ctx context.Context) (string, error) {
	var kind string
	err := s.db.QueryRowContext(ctx, "SELECT kind FROM station WHERE id = 1").Scan(&kind)
	return kind, err
}

// staffCheck validates a staff account: like a candidate's registration,
// except that the mobile number is optional. It hashes the password, so the
// slow part runs before any transaction.
func (s *Store) staffCheck(r domain.Registration) (domain.Registration, string, error) {
	r, probs := r.Check(s.now())
	probs = slices.DeleteFunc(probs, func(p domain.Problem) bool { return p.Code == "PH0" })
	if len(probs) > 0 {
		return r, "", &InvalidError{probs}
	}
	hash, err := domain.HashPassword(r.Password)
	return r, hash, err
}

// InitAdmin turns the database into a review station and creates its one
// administrator, in one transaction. It is reachable only from the command
// line (`caiji admin init`): no screen can create a reviewer or an admin on
// a candidate station.
func (s *Store) InitAdmin(ctx context.Context, r domain.Registration) (Account, error) {
	r, hash, err := s.staffCheck(r)
	if err != nil {
		return Account{}, err
	}
	var a Account
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM accounts WHERE role = 'admin'").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrAdminExists
		}
		if a, err = s.insertAccount(ctx, tx, r, hash, RoleAdmin); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE station SET kind = 'review' WHERE id = 1")
		return err
	})
	return a, err
}

// asAdmin runs fn in one transaction if the session's account is, at this
// moment, an active administrator.
func (s *Store) asAdmin(ctx context.Context, sess Session, fn func(*sql.Tx) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		act, err := s.actor(ctx, tx, sess)
		if err != nil {
			return err
		}
		if err := domain.MayAdminister(act.actor); err != nil {
			return err
		}
		return fn(tx)
	})
}

// ErrNotReviewStation: reviewers exist only on a review station. A kiosk's
// staff account is an administrator too, but a reviewer there could open
// the records of the strangers who use it.
var ErrNotReviewStation = errors.New("storage: reviewers exist only on a review station")

// CreateReviewer creates a reviewer for the given departments (cities or
// counties), in one transaction; only the admin of a review station may.
func (s *Store) CreateReviewer(ctx context.Context, admin Session, r domain.Registration, departments []string) (Account, error) {
	if err := domain.CheckDepartments(departments); err != nil {
		return Account{}, err
	}
	r, hash, err := s.staffCheck(r)
	if err != nil {
		return Account{}, err
	}
	var a Account
	err = s.asAdmin(ctx, admin, func(tx *sql.Tx) error {
		var kind string
		if err := tx.QueryRowContext(ctx, "SELECT kind FROM station WHERE id = 1").Scan(&kind); err != nil {
			return err
		}
		if kind != StationReview {
			return ErrNotReviewStation
		}
		if a, err = s.insertAccount(ctx, tx, r, hash, RoleReviewer); err != nil {
			return err
		}
		// The admin chose this password: the reviewer must replace it.
		if _, err := tx.ExecContext(ctx, "UPDATE accounts SET must_change_password = 1 WHERE id = ?", a.ID); err != nil {
			return err
		}
		a.MustChangePassword = true
		return setDepartments(ctx, tx, a.ID, departments)
	})
	return a, err
}

// SetDepartments replaces the departments a reviewer reviews for.
func (s *Store) SetDepartments(ctx context.Context, admin Session, reviewerID int64, departments []string) error {
	if err := domain.CheckDepartments(departments); err != nil {
		return err
	}
	return s.asAdmin(ctx, admin, func(tx *sql.Tx) error {
		var role string
		if err := tx.QueryRowContext(ctx, "SELECT role FROM accounts WHERE id = ?", reviewerID).Scan(&role); err != nil {
			return err
		}
		if role != string(RoleReviewer) {
			return ErrForbidden
		}
		return setDepartments(ctx, tx, reviewerID, departments)
	})
}

func setDepartments(ctx context.Context, tx *sql.Tx, reviewerID int64, departments []string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM reviewer_departments WHERE account_id = ?", reviewerID); err != nil {
		return err
	}
	for _, d := range departments {
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO reviewer_departments (account_id, department) VALUES (?, ?)", reviewerID, d); err != nil {
			return err
		}
	}
	return nil
}

// SetDisabled disables or re-enables a reviewer. A disabled reviewer is
// refused by every call from that moment, signed in or not.
func (s *Store) SetDisabled(ctx context.Context, admin Session, accountID int64, disabled bool) error {
	return s.asAdmin(ctx, admin, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE accounts SET disabled = ? WHERE id = ? AND role = 'reviewer'", disabled, accountID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// Reviewer is a reviewer account with its departments.
type Reviewer struct {
	Account
	Departments []string
}

// Reviewers lists the reviewers, for the admin.
func (s *Store) Reviewers(ctx context.Context, admin Session) ([]Reviewer, error) {
	var out []Reviewer
	err := s.asAdmin(ctx, admin, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+accountCols+" FROM accounts WHERE role = 'reviewer' ORDER BY id")
		if err != nil {
			return err
		}
		for rows.Next() {
			a, err := scanAccount(rows)
			if err != nil {
				rows.Close()
				return err
			}
			out = append(out, Reviewer{Account: a})
		}
		rows.Close()
		for i := range out {
			if out[i].Departments, err = departments(ctx, tx, out[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// Departments are the division codes the session's reviewer reviews for.
func (s *Store) Departments(ctx context.Context, reviewer Session) ([]string, error) {
	act, err := s.actor(ctx, s.db, reviewer)
	if err != nil {
		return nil, err
	}
	if act.Role != RoleReviewer {
		return nil, ErrForbidden
	}
	return act.actor.Departments, nil
}

func departments(ctx context.Context, q querier, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT department FROM reviewer_departments WHERE account_id = ? ORDER BY department", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
