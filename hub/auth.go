package hub

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"

	"caiji/hub/store"
	"caiji/wire"
)

// caller is who sent a request: a person by their token, or a station by
// its signature.
type caller struct {
	person    *store.Person
	tokenHash string
	station   *store.Station
}

func (c *caller) id() string {
	if c.person != nil {
		return "person:" + c.person.UUID
	}
	return "station:" + c.station.UUID
}

func (c *caller) reader() store.Reader {
	if c.person != nil {
		return store.Reader{Person: c.person.UUID}
	}
	r := store.Reader{Station: c.station.UUID}
	if c.station.Kind == store.Review {
		r.Departments = c.station.Departments
	}
	return r
}

func (c *caller) isKiosk() bool  { return c.station != nil && c.station.Kind == store.Kiosk }
func (c *caller) isReview() bool { return c.station != nil && c.station.Kind == store.Review }

var errDisabled = fail(http.StatusForbidden, wire.CodeForbidden, "此站点或账户已被停用", "This station or account has been disabled")

type callKey struct{}

// callInfo carries the caller's pseudonymous id to the log line.
type callInfo struct{ id string }

func callerID(r *http.Request) string {
	if ci, ok := r.Context().Value(callKey{}).(*callInfo); ok {
		return ci.id
	}
	return ""
}

func withCallInfo(ctx context.Context) context.Context {
	return context.WithValue(ctx, callKey{}, &callInfo{})
}

// hashToken is how a token is kept: its SHA-256, so a copy of the database
// holds no usable credential.
func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

// authenticate finds the caller and spends one unit of their rate.
func (s *Server) authenticate(r *http.Request) (*caller, error) {
	c, err := s.identify(r)
	if err != nil {
		return nil, err
	}
	if ci, ok := r.Context().Value(callKey{}).(*callInfo); ok {
		ci.id = c.id()
	}
	if !s.limiter.allow(c.id()) {
		return nil, errRateLimited
	}
	return c, nil
}

func (s *Server) identify(r *http.Request) (*caller, error) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		tok, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok || tok == "" {
			return nil, errUnauthorized
		}
		h := hashToken(tok)
		p, err := s.store.TokenPerson(r.Context(), h, s.now())
		if errors.Is(err, store.ErrNotFound) {
			return nil, errUnauthorized
		}
		if err != nil {
			return nil, err
		}
		return &caller{person: p, tokenHash: h}, nil
	}
	id := r.Header.Get(wire.HeaderStation)
	if !wire.ValidUUID(id) {
		return nil, errUnauthorized
	}
	st, err := s.store.Station(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) || err == nil && st.PublicKey == nil {
		return nil, errUnauthorized
	}
	if err != nil {
		return nil, err
	}
	if err := wire.VerifySignature(r, st.PublicKey, s.now()); err != nil {
		return nil, errUnauthorized
	}
	if st.Disabled {
		return nil, errDisabled
	}
	return &caller{station: st}, nil
}

// limitAnonymous spends one unit of the rate of an unauthenticated caller's
// address (sign-in, enrolment).
func (s *Server) limitAnonymous(r *http.Request) error {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !s.limiter.allow("addr:" + host) {
		return errRateLimited
	}
	return nil
}

// readBody reads at most limit bytes of the body. A station's body must hash
// to the digest it signed.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, c *caller, limit int64) ([]byte, error) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, errTooLarge
	case err != nil:
		return nil, errTimeout
	}
	if c != nil && c.station != nil && wire.Digest(data) != r.Header.Get(wire.HeaderBodySHA) {
		return nil, errUnauthorized
	}
	return data, nil
}
