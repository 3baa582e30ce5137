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
// except that the mobile number is optional.
func (s *Store) staffCheck(r domain.Registration) (domain.Registration, error) {
	r, probs := r.Check(s.now())
	probs = slices.DeleteFunc(probs, func(p domain.Problem) bool { return p.Code == "PH0" })
	if len(probs) > 0 {
		return r, &InvalidError{probs}
	}
	return r, nil
}

// InitAdmin turns the database into a review station and creates its one
// administrator. It is reachable only from the command line (`caiji admin
// init`): no screen can create a reviewer or an admin on a candidate station.
func (s *Store) InitAdmin(ctx context.Context, r domain.Registration) (Account, error) {
	r, err := s.staffCheck(r)
	if err != nil {
		return Account{}, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM accounts WHERE role = 'admin'").Scan(&n); err != nil {
		return Account{}, err
	}
	if n > 0 {
		return Account{}, ErrAdminExists
	}
	hash, err := domain.HashPassword(r.Password)
	if err != nil {
		return Account{}, err
	}
	a, err := s.insertAccount(ctx, r, hash, RoleAdmin)
	if err != nil {
		return a, err
	}
	_, err = s.db.ExecContext(ctx, "UPDATE station SET kind = 'review' WHERE id = 1")
	return a, classify(err)
}

// CreateReviewer creates a reviewer for the given departments; only the
// admin may.
func (s *Store) CreateReviewer(ctx context.Context, admin Account, r domain.Registration, departments []string) (Account, error) {
	if admin.Role != RoleAdmin {
		return Account{}, ErrForbidden
	}
	r, err := s.staffCheck(r)
	if err != nil {
		return Account{}, err
	}
	hash, err := domain.HashPassword(r.Password)
	if err != nil {
		return Account{}, err
	}
	a, err := s.insertAccount(ctx, r, hash, RoleReviewer)
	if err != nil {
		return a, err
	}
	return a, s.SetDepartments(ctx, admin, a.ID, departments)
}

// SetDepartments replaces the departments a reviewer reviews for.
func (s *Store) SetDepartments(ctx context.Context, admin Account, reviewerID int64, departments []string) error {
	if admin.Role != RoleAdmin {
		return ErrForbidden
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var role string
		if err := tx.QueryRowContext(ctx, "SELECT role FROM accounts WHERE id = ?", reviewerID).Scan(&role); err != nil {
			return err
		}
		if role != string(RoleReviewer) {
			return ErrForbidden
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM reviewer_departments WHERE account_id = ?", reviewerID); err != nil {
			return err
		}
		for _, d := range departments {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO reviewer_departments (account_id, department) VALUES (?, ?)", reviewerID, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetDisabled disables or re-enables a reviewer; a disabled account cannot
// log in.
func (s *Store) SetDisabled(ctx context.Context, admin Account, accountID int64, disabled bool) error {
	if admin.Role != RoleAdmin {
		return ErrForbidden
	}
	res, err := s.db.ExecContext(ctx, "UPDATE accounts SET disabled = ? WHERE id = ? AND role = 'reviewer'", disabled, accountID)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Reviewer is a reviewer account with its departments.
type Reviewer struct {
	Account
	Departments []string
}

// Reviewers lists the reviewers, for the admin.
func (s *Store) Reviewers(ctx context.Context, admin Account) ([]Reviewer, error) {
	if admin.Role != RoleAdmin {
		return nil, ErrForbidden
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+accountCols+" FROM accounts WHERE role = 'reviewer' ORDER BY id")
	if err != nil {
		return nil, err
	}
	var out []Reviewer
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, Reviewer{Account: a})
	}
	rows.Close()
	for i := range out {
		if out[i].Departments, err = s.departments(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Departments are the division codes the reviewer reviews for.
func (s *Store) Departments(ctx context.Context, reviewer Account) ([]string, error) {
	if reviewer.Role != RoleReviewer {
		return nil, ErrForbidden
	}
	return s.departments(ctx, reviewer.ID)
}

func (s *Store) departments(ctx context.Context, id int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT department FROM reviewer_departments WHERE account_id = ? ORDER BY department", id)
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
