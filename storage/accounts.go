package storage

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"time"

	"caiji/domain"

	"github.com/google/uuid"
)

// Role is what an account may do; the rules about roles live in domain.
type Role = domain.Role

const (
	RoleCandidate = domain.RoleCandidate
	RoleReviewer  = domain.RoleReviewer
	RoleAdmin     = domain.RoleAdmin
)

// Account is a local login, as read from the database. Storage hands it
// out for display; it never takes one back as proof of who is acting.
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
	// MustChangePassword: the password was set by someone else (the
	// admin); until the owner replaces it the account may do nothing else.
	MustChangePassword bool
}

// LoginBy says which field of the account a login string matched.
type LoginBy string

const (
	ByIDNumber LoginBy = "id_number"
	ByPhone    LoginBy = "phone"
)

// SignIn is a started session and the account it acts for.
type SignIn struct {
	Session Session
	Account Account
	By      LoginBy // which field the login matched; "" after registering
}

// InvalidError carries the problems found in a registration.
type InvalidError struct{ Problems []domain.Problem }

func (e *InvalidError) Error() string {
	return "storage: invalid registration: " + e.Problems[0].Error()
}

// Register creates a candidate account and signs it in. It refuses a
// registration whose person did not agree to the current personal-information
// notice (r.Agreed, a *domain.ConsentError) and records that consent with
// the account; it re-checks the registration with the domain rules, refuses
// a 证件号码 or 手机号 that is already registered — also as the other field
// of another account, so that every login string names one account — and
// stores only an argon2id hash of the password.
func (s *Store) Register(ctx context.Context, r domain.Registration) (SignIn, error) {
	n := s.notices[domain.NoticePersonal]
	consent := n.Agree(s.now())
	if r.Agreed != n.Digest {
		return SignIn{}, &domain.ConsentError{Notice: domain.NoticePersonal}
	}
	return s.register(ctx, r, &consent)
}

// RegisterFromHub makes the local account of a candidate the hub signed
// in, who registered and agreed on another PC: no consent is recorded here,
// so this station asks for it at sign-in, and refuses to collect anything
// until it is given.
func (s *Store) RegisterFromHub(ctx context.Context, r domain.Registration) (SignIn, error) {
	return s.register(ctx, r, nil)
}

// register makes a candidate account with its consent, if any.
func (s *Store) register(ctx context.Context, r domain.Registration, consent *domain.Consent) (SignIn, error) {
	r, probs := r.Check(s.now())
	if len(probs) > 0 {
		return SignIn{}, &InvalidError{probs}
	}
	hash, err := domain.HashPassword(r.Password)
	if err != nil {
		return SignIn{}, err
	}
	var a Account
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if a, err = s.insertAccount(ctx, tx, r, hash, RoleCandidate); err != nil || consent == nil {
			return err
		}
		return s.putConsent(ctx, tx, a.ID, *consent)
	})
	if err != nil {
		return SignIn{}, err
	}
	sess, _ := s.sessions.start(a.ID) // a new account is never being deleted
	return SignIn{Session: sess, Account: a}, nil
}

// insertAccount adds an account inside tx, refusing a login string (ID
// number or phone) that another account already answers to.
func (s *Store) insertAccount(ctx context.Context, tx *sql.Tx, r domain.Registration, hash string, role Role) (Account, error) {
	a := Account{UUID: uuid.NewString(), IDType: r.IDType, IDNumber: r.IDNumber, Name: r.Name,
		Phone: r.Phone, Role: role, CreatedAt: s.now().Truncate(time.Second)}
	for _, c := range []struct {
		column, value string
		err           error
	}{
		{"id_number", a.IDNumber, ErrIDNumberTaken},
		{"phone", a.IDNumber, ErrIDNumberIsPhone},
		{"phone", a.Phone, ErrPhoneTaken},
		{"id_number", a.Phone, ErrPhoneIsIDNumber},
	} {
		if c.value == "" {
			continue
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM accounts WHERE "+c.column+" = ?", c.value).Scan(&n); err != nil {
			return a, err
		}
		if n > 0 {
			return a, c.err
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO accounts (uuid, id_type, id_number, name, phone, password_hash, role, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.UUID, string(a.IDType), a.IDNumber, a.Name, a.Phone, hash, string(a.Role), a.CreatedAt.Unix())
	if err != nil {
		return a, err
	}
	a.ID, err = res.LastInsertId()
	return a, err
}

const accountCols = "id, uuid, id_type, id_number, name, phone, role, disabled, created_at, must_change_password"

func scanAccount(row interface{ Scan(...any) error }, extra ...any) (Account, error) {
	var a Account
	var created int64
	dest := append([]any{&a.ID, &a.UUID, &a.IDType, &a.IDNumber, &a.Name, &a.Phone, &a.Role, &a.Disabled, &created, &a.MustChangePassword}, extra...)
	err := row.Scan(dest...)
	a.CreatedAt = time.Unix(created, 0)
	return a, err
}

// decoyHash is verified for a login that matches no account, so an unknown
// login costs as long as a known one and timing tells no one which exist.
var decoyHash = sync.OnceValue(func() string {
	h, _ := domain.HashPassword("caiji decoy password")
	return h
})

// Login finds the one account whose 证件号码 or 手机号 is login (the ID
// number wins over a phone for databases from before registration refused
// such pairs) and checks the password. The password is checked before
// anything else is told: a wrong one is always ErrBadCredentials, so a
// stranger learns nothing of locked, disabled or unknown accounts. Five
// wrong passwords lock the account for 15 minutes (domain.LoginState);
// many failures on the station pause every login (domain.StationThrottle).
// The counts are committed before a failure is reported.
func (s *Store) Login(ctx context.Context, login, password string) (SignIn, error) {
	var in SignIn
	var result error
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		th, err := s.throttle(ctx, tx)
		if err != nil {
			return err
		}
		if th.Paused(now) {
			result = &LockedError{Until: th.PausedUntil, Station: true}
			return nil
		}
		var hash string
		var st domain.LoginState
		var lockedUntil int64
		a, by, err := findLogin(ctx, tx, login, &hash, &st.Failures, &lockedUntil)
		known := err == nil
		if errors.Is(err, sql.ErrNoRows) {
			hash = decoyHash()
		} else if err != nil {
			return err
		}
		st.LockedUntil = time.Unix(lockedUntil, 0)
		ok, err := domain.VerifyPassword(password, hash)
		if err != nil {
			return err
		}
		switch {
		case !ok || !known:
			result = ErrBadCredentials
			if known && !st.Locked(now) {
				st = st.AfterFailure(now)
				if err := saveLoginState(ctx, tx, a.ID, st); err != nil {
					return err
				}
			}
			return s.saveThrottle(ctx, tx, th.AfterFailure(now))
		case st.Locked(now):
			result = &LockedError{Until: st.LockedUntil}
		case a.Disabled:
			result = ErrDisabled
		default:
			in = SignIn{Account: a, By: by}
			return saveLoginState(ctx, tx, a.ID, domain.LoginState{})
		}
		return nil
	})
	if err == nil {
		err = result
	}
	if err != nil {
		return SignIn{}, err
	}
	sess, ok := s.sessions.start(in.Account.ID)
	if !ok { // the kiosk is deleting this candidate right now
		return SignIn{}, ErrBadCredentials
	}
	in.Session = sess
	return in, nil
}

// findLogin reads the account whose ID number, else whose phone, is login.
func findLogin(ctx context.Context, tx *sql.Tx, login string, extra ...any) (Account, LoginBy, error) {
	q := "SELECT " + accountCols + ", password_hash, failed_logins, locked_until FROM accounts WHERE "
	a, err := scanAccount(tx.QueryRowContext(ctx, q+"id_number = ?", domain.NormalizeIDNumber(login)), extra...)
	if !errors.Is(err, sql.ErrNoRows) {
		return a, ByIDNumber, err
	}
	a, err = scanAccount(tx.QueryRowContext(ctx, q+"phone <> '' AND phone = ?", domain.NormalizeMobile(login)), extra...)
	return a, ByPhone, err
}

func saveLoginState(ctx context.Context, tx *sql.Tx, id int64, st domain.LoginState) error {
	_, err := tx.ExecContext(ctx, "UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE id = ?", st.Failures, st.LockedUntil.Unix(), id)
	return err
}

func (s *Store) throttle(ctx context.Context, tx *sql.Tx) (domain.StationThrottle, error) {
	var th domain.StationThrottle
	var since, paused int64
	err := tx.QueryRowContext(ctx, "SELECT login_failures, failures_since, paused_until FROM station WHERE id = 1").Scan(&th.Failures, &since, &paused)
	th.Since, th.PausedUntil = time.Unix(since, 0), time.Unix(paused, 0)
	return th, err
}

func (s *Store) saveThrottle(ctx context.Context, tx *sql.Tx, th domain.StationThrottle) error {
	_, err := tx.ExecContext(ctx, "UPDATE station SET login_failures = ?, failures_since = ?, paused_until = ? WHERE id = 1",
		th.Failures, th.Since.Unix(), th.PausedUntil.Unix())
	return err
}
