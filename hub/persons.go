package hub

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"caiji/domain"
	"caiji/hub/store"
	"caiji/wire"

	"github.com/google/uuid"
)

var (
	errWrongPassword = fail(http.StatusUnauthorized, wire.CodeUnauthorized,
		"密码不正确。此账户已在中心注册，请使用在中心设置的密码", "Wrong password. This account is registered on the hub: use that password")
	errPhoneTaken = fail(http.StatusConflict, wire.CodeAlreadyRegistered,
		"此手机号已由另一账户在中心注册", "This mobile number is registered on the hub by another account")
	errAlreadyRegistered = fail(http.StatusConflict, wire.CodeAlreadyRegistered,
		"此证件号码已在中心注册", "This ID number is already registered on the hub")
)

var msgRegistration = domain.Msg{Zh: "注册信息有误，请修改后再试", En: "The registration details are wrong: fix them and try again"}

func errLocked(p *store.Person) *apiError {
	at := p.LockedUntil.In(domain.Shanghai).Format("15:04")
	return fail(http.StatusLocked, wire.CodeLocked,
		fmt.Sprintf("密码连续错误次数过多，请于 %s 后再试", at), fmt.Sprintf("Too many wrong passwords: try again after %s (Beijing time)", at))
}

func decodeJSON(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return errBadJSON
	}
	return nil
}

// signIn signs a person in with ID number or mobile and password; the first
// sign-in registers them, after which the hub's password is the one that
// counts. Five wrong passwords lock the account for a while.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) error {
	if err := s.limitAnonymous(r); err != nil {
		return err
	}
	data, err := s.readBody(w, r, nil, 64<<10)
	if err != nil {
		return err
	}
	var in wire.SignIn
	if err := decodeJSON(data, &in); err != nil {
		return err
	}
	login := domain.NormalizeIDNumber(in.Login)
	if login == "" || in.Password == "" {
		return invalid("请输入证件号码或手机号及密码", "Enter your ID number or mobile and your password")
	}
	for range 3 { // a sign-in racing this one may have registered the person
		p, err := s.store.PersonByLogin(r.Context(), login)
		if errors.Is(err, store.ErrNotFound) {
			p, err = s.register(r, &in, login)
			if errors.Is(err, store.ErrExists) {
				if _, err := s.store.PersonByLogin(r.Context(), login); errors.Is(err, store.ErrNotFound) {
					return errPhoneTaken // the ID number is free: the phone is another person's
				}
				continue // registered a moment ago, by a sign-in racing this one
			}
			if err != nil {
				return err
			}
			return s.issueToken(w, r, p, in.Station, http.StatusCreated)
		}
		if err != nil {
			return err
		}
		if err := s.checkPassword(r, p, in.Password); err != nil {
			return err
		}
		return s.issueToken(w, r, p, in.Station, http.StatusOK)
	}
	return errUnavailable
}

// checkPassword judges one attempt and stores its outcome against the
// login state as it is when stored, always (a success too), conditionally on
// that state. Losing a race on the counter re-reads the state and stores the
// same verdict again, hashing again only if the password was reset
// meanwhile: so every wrong guess counts however many are sent at once, and
// a right one judged while another locked the account is refused.
func (s *Server) checkPassword(r *http.Request, p *store.Person, pw string) error {
	judged, ok := "", false
	for {
		now := s.now()
		if p.Disabled {
			return errDisabled
		}
		state := domain.LoginState{Failures: p.Failures, LockedUntil: p.LockedUntil}
		if state.Locked(now) {
			return errLocked(p)
		}
		if judged != p.PasswordHash {
			err := s.argon2(r, func() (err error) {
				ok, err = domain.VerifyPassword(pw, p.PasswordHash)
				return err
			})
			if err != nil {
				return err
			}
			judged = p.PasswordHash
		}
		next := domain.LoginState{}
		if !ok {
			next = state.AfterFailure(now)
		}
		err := s.store.SetLoginState(r.Context(), p.UUID, p.Failures, p.LockedUntil, next.Failures, next.LockedUntil)
		if errors.Is(err, store.ErrConflict) {
			if p, err = s.store.Person(r.Context(), p.UUID); err != nil {
				return err
			}
			continue
		}
		switch {
		case err != nil:
			return err
		case ok:
			return nil
		case next.Locked(now):
			p.LockedUntil = next.LockedUntil
			return errLocked(p)
		}
		return errWrongPassword
	}
}

// argon2 runs one password hash when one of the hashing slots is free. When
// the queue for them is full the sign-in is told to come back (503) at once
// rather than holding a place among the requests in flight: a flood of
// sign-ins must not starve the stations' requests. A wrong guess refused
// so is not judged, so it neither counts nor tells anything.
func (s *Server) argon2(r *http.Request, hash func() error) error {
	select {
	case s.hashQueue <- struct{}{}:
	default:
		return errUnavailable
	}
	defer func() { <-s.hashQueue }()
	select {
	case s.hashing <- struct{}{}:
	case <-r.Context().Done():
		return errUnavailable
	}
	defer func() { <-s.hashing }()
	return hash()
}

// register makes the person's hub account from the identity the station
// sent, checked by the same registration rules as the app's.
func (s *Server) register(r *http.Request, in *wire.SignIn, login string) (*store.Person, error) {
	reg, probs := domain.Registration{
		IDType: domain.IDType(in.Person.IDType), IDNumber: in.Person.IDNumber, Name: in.Person.Name,
		Password: in.Password, Confirm: in.Password, Phone: in.Phone,
	}.Check(s.now())
	if len(probs) > 0 {
		return nil, invalidProblems(msgRegistration.Zh, msgRegistration.En, probs)
	}
	if login != reg.IDNumber && login != reg.Phone {
		return nil, invalid("登录名须为注册的证件号码或手机号", "Sign in with the ID number or mobile you register")
	}
	var hash string
	err := s.argon2(r, func() (err error) {
		hash, err = domain.HashPassword(in.Password)
		return err
	})
	if err != nil {
		return nil, err
	}
	p := &store.Person{UUID: uuid.NewString(), IDType: string(reg.IDType), IDNumber: reg.IDNumber, Name: reg.Name,
		Phone: reg.Phone, PasswordHash: hash, CreatedAt: s.now()}
	return p, s.store.CreatePerson(r.Context(), p)
}

func (s *Server) issueToken(w http.ResponseWriter, r *http.Request, p *store.Person, station string, status int) error {
	if !wire.ValidUUID(station) {
		return invalid("站点标识无效", "The station UUID is not valid")
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return err
	}
	tok := base64.RawURLEncoding.EncodeToString(raw)
	now := s.now()
	exp := now.Add(s.cfg.TokenTTL)
	if err := s.store.AddToken(r.Context(), hashToken(tok), p.UUID, station, now, exp); err != nil {
		return err
	}
	writeJSON(w, status, wire.Token{Token: tok, Person: p.UUID, ExpiresAt: exp.UTC()})
	return nil
}

// signOut revokes the token it is called with.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if c.person == nil {
		return errForbidden
	}
	if err := s.store.RevokeToken(r.Context(), c.tokenHash, s.now()); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// kioskPerson registers on the hub a person who registered on a kiosk; the
// kiosk sends their argon2id hash, never the password. Sending the same
// person again from the same kiosk is a no-op.
func (s *Server) kioskPerson(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if !c.isKiosk() {
		return errForbidden
	}
	data, err := s.readBody(w, r, c, 64<<10)
	if err != nil {
		return err
	}
	var in wire.KioskPerson
	if err := decodeJSON(data, &in); err != nil {
		return err
	}
	t := domain.IDType(in.Person.IDType)
	id, err := domain.ParseIdentity(t, in.Person.IDNumber, s.now())
	if p, ok := err.(domain.Problem); ok {
		return invalidProblems(msgRegistration.Zh, msgRegistration.En, []domain.Problem{p.At(domain.FieldIDNumber)})
	}
	name, err := domain.ParseName(t, in.Person.Name)
	if p, ok := err.(domain.Problem); ok {
		return invalidProblems(msgRegistration.Zh, msgRegistration.En, []domain.Problem{p.At(domain.FieldName)})
	}
	if err := domain.CheckPasswordHash(in.PasswordHash); err != nil {
		return invalid("密码摘要格式无效或计算代价超出限制", "The password hash is not an argon2id hash of a cost the hub accepts")
	}
	p := &store.Person{UUID: uuid.NewString(), IDType: string(t), IDNumber: id.Number, Name: name,
		Phone: domain.NormalizeMobile(in.Phone), PasswordHash: in.PasswordHash, Kiosk: c.station.UUID, CreatedAt: s.now()}
	err = s.store.CreatePerson(r.Context(), p)
	if errors.Is(err, store.ErrExists) {
		old, err := s.store.PersonByLogin(r.Context(), id.Number)
		if err != nil || old.Kiosk != c.station.UUID || old.IDNumber != id.Number {
			return errAlreadyRegistered
		}
		writeJSON(w, http.StatusOK, map[string]string{"person": old.UUID})
		return nil
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]string{"person": p.UUID})
	return nil
}

// EnrolCodeHash is how a one-time code is kept (the administration command
// stores it; the code itself is shown once).
func EnrolCodeHash(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}

// enrol spends a one-time code and binds the station to its public key.
func (s *Server) enrol(w http.ResponseWriter, r *http.Request) error {
	if err := s.limitAnonymous(r); err != nil {
		return err
	}
	data, err := s.readBody(w, r, nil, 16<<10)
	if err != nil {
		return err
	}
	var in wire.Enrol
	if err := decodeJSON(data, &in); err != nil {
		return err
	}
	if len(in.PublicKey) != 32 {
		return invalid("公钥须为 32 字节的 ed25519 公钥", "The public key must be a 32-byte ed25519 key")
	}
	st, err := s.store.Enrol(r.Context(), EnrolCodeHash(in.Code), in.PublicKey, s.now())
	if errors.Is(err, store.ErrNotFound) {
		return fail(http.StatusUnauthorized, wire.CodeUnauthorized, "注册码无效、已使用或已过期", "The enrolment code is wrong, used or expired")
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.Station{UUID: st.UUID, Name: st.Name, Kind: st.Kind, Departments: st.Departments})
	return nil
}
