package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caiji/domain"

	"github.com/google/uuid"
)

// Role is what an account may do.
type Role string

const (
	RoleCandidate Role = "candidate"
	RoleReviewer  Role = "reviewer"
	RoleAdmin     Role = "admin"
)

// Account is a local login.
type Account struct {
	ID        int64
	UUID      string
	IDType    domain.IDType
	IDNumber  string
	Name      string
	Phone     string
	Role      Role
	Disabled  bool
	CreatedAt time.Time
}

// InvalidError carries the problems found in a registration.
type InvalidError struct{ Problems []domain.Problem }

func (e *InvalidError) Error() string {
	return "storage: invalid registration: " + e.Problems[0].Error()
}

// Register creates a candidate account. It re-checks the registration with
// the domain rules, refuses a 证件号码 or 手机号 that is already registered,
// and stores only an argon2id hash of the password.
func (s *Store) Register(ctx context.Context, r domain.Registration) (Account, error) {
	r, probs := r.Check(s.now())
	if len(probs) > 0 {
		return Account{}, &InvalidError{probs}
	}
	hash, err := domain.HashPassword(r.Password)
	if err != nil {
		return Account{}, err
	}
	return s.insertAccount(ctx, r, hash, RoleCandidate)
}

func (s *Store) insertAccount(ctx context.Context, r domain.Registration, hash string, role Role) (Account, error) {
	a := Account{UUID: uuid.NewString(), IDType: r.IDType, IDNumber: r.IDNumber, Name: r.Name,
		Phone: r.Phone, Role: role, CreatedAt: s.now().Truncate(time.Second)}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM accounts WHERE id_number = ?", a.IDNumber).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrIDNumberTaken
		}
		if a.Phone != "" {
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM accounts WHERE phone = ?", a.Phone).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return ErrPhoneTaken
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO accounts (uuid, id_type, id_number, name, phone, password_hash, role, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.UUID, string(a.IDType), a.IDNumber, a.Name, a.Phone, hash, string(a.Role), a.CreatedAt.Unix())
		if err != nil {
			return err
		}
		a.ID, err = res.LastInsertId()
		return err
	})
	return a, err
}

const accountCols = "id, uuid, id_type, id_number, name, phone, role, disabled, created_at"

func scanAccount(row interface{ Scan(...any) error }, extra ...any) (Account, error) {
	var a Account
	var created int64
	dest := append([]any{&a.ID, &a.UUID, &a.IDType, &a.IDNumber, &a.Name, &a.Phone, &a.Role, &a.Disabled, &created}, extra...)
	err := row.Scan(dest...)
	a.CreatedAt = time.Unix(created, 0)
	return a, err
}

// Login finds the account by 证件号码 or 手机号 and checks the password. Five
// wrong passwords in a row lock the account for 15 minutes (domain.LoginState);
// while locked, even the right password is refused with *LockedError. The
// failure count is committed before a wrong password is reported.
func (s *Store) Login(ctx context.Context, login, password string) (Account, error) {
	var a Account
	var st domain.LoginState
	var ok bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var hash string
		var lockedUntil int64
		row := tx.QueryRowContext(ctx, "SELECT "+accountCols+", password_hash, failed_logins, locked_until FROM accounts WHERE id_number = ? OR (phone <> '' AND phone = ?)",
			domain.NormalizeIDNumber(login), domain.NormalizeMobile(login))
		var err error
		a, err = scanAccount(row, &hash, &st.Failures, &lockedUntil)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrBadCredentials
		}
		if err != nil {
			return err
		}
		st.LockedUntil = time.Unix(lockedUntil, 0)
		now := s.now()
		if st.Locked(now) {
			return &LockedError{Until: st.LockedUntil}
		}
		if a.Disabled {
			return ErrDisabled
		}
		if ok, err = domain.VerifyPassword(password, hash); err != nil {
			return err
		}
		if ok {
			st = domain.LoginState{}
		} else {
			st = st.AfterFailure(now)
		}
		_, err = tx.ExecContext(ctx, "UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE id = ?", st.Failures, st.LockedUntil.Unix(), a.ID)
		return err
	})
	switch {
	case err != nil:
		return Account{}, err
	case ok:
		return a, nil
	case st.Locked(s.now()):
		return Account{}, &LockedError{Until: st.LockedUntil}
	}
	return Account{}, ErrBadCredentials
}

// AccountByID returns one account.
func (s *Store) AccountByID(ctx context.Context, id int64) (Account, error) {
	return scanAccount(s.db.QueryRowContext(ctx, "SELECT "+accountCols+" FROM accounts WHERE id = ?", id))
}
