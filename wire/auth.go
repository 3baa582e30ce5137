package wire

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Headers of a station-signed request. A station signs every request with
// the ed25519 key it made at first start; the hub knows the public key from
// enrolment.
const (
	HeaderStation   = "Caiji-Station"        // the station's UUID
	HeaderTime      = "Caiji-Time"           // Unix seconds when signed
	HeaderBodySHA   = "Caiji-Content-SHA256" // Digest of the body ("" body: Digest(nil))
	HeaderSignature = "Caiji-Signature"      // base64 (std, padded) ed25519 signature
)

// SignatureSkew is how far a signed request's time may be from the hub's.
const SignatureSkew = 5 * time.Minute

// SigningString is what a station signs: method, path with its query, time
// and body digest, one per line. The body is covered by its digest so a hub
// checks it while streaming, not by buffering.
func SigningString(method, pathQuery, unixTime, bodySHA string) []byte {
	return []byte(strings.Join([]string{"caiji-v1", method, pathQuery, unixTime, bodySHA}, "\n"))
}

// Sign adds the station headers to r for a body whose digest is bodySHA.
func Sign(r *http.Request, station string, key ed25519.PrivateKey, bodySHA string, now time.Time) {
	t := strconv.FormatInt(now.Unix(), 10)
	sig := ed25519.Sign(key, SigningString(r.Method, r.URL.RequestURI(), t, bodySHA))
	r.Header.Set(HeaderStation, station)
	r.Header.Set(HeaderTime, t)
	r.Header.Set(HeaderBodySHA, bodySHA)
	r.Header.Set(HeaderSignature, base64.StdEncoding.EncodeToString(sig))
}

// Verification errors of VerifySignature.
var (
	ErrBadSignature = errors.New("wire: bad request signature")
	ErrClockSkew    = errors.New("wire: signed time too far from now")
)

// VerifySignature checks the station headers of r against pub at now. It
// does not read the body: the caller compares the body's digest with the
// HeaderBodySHA value while reading it.
func VerifySignature(r *http.Request, pub ed25519.PublicKey, now time.Time) error {
	t := r.Header.Get(HeaderTime)
	sec, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		return ErrBadSignature
	}
	if d := now.Sub(time.Unix(sec, 0)); d > SignatureSkew || d < -SignatureSkew {
		return ErrClockSkew
	}
	sig, err := base64.StdEncoding.DecodeString(r.Header.Get(HeaderSignature))
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return ErrBadSignature
	}
	if !ed25519.Verify(pub, SigningString(r.Method, r.URL.RequestURI(), t, r.Header.Get(HeaderBodySHA)), sig) {
		return ErrBadSignature
	}
	return nil
}

// SignIn is a person's sign-in from a home PC: ID number or mobile phone,
// and password. The first sign-in registers the person on the hub, so it
// carries the identity too (ignored afterwards).
type SignIn struct {
	Login    string `json:"login"` // ID number or mobile
	Password string `json:"password"`
	Person   Person `json:"person"`
	Phone    string `json:"phone,omitempty"`
	Station  string `json:"station"` // the PC's station UUID, kept with the token
}

// Token is a revocable credential scoped to one person's uploads, draft and
// feed; the station stores it 0600 and sends it as "Authorization: Bearer".
type Token struct {
	Token     string    `json:"token"`
	Person    string    `json:"person"` // the person's UUID on the hub
	ExpiresAt time.Time `json:"expires_at"`
}

// KioskPerson registers a person on the hub from a kiosk they registered on:
// the kiosk sends the argon2id hash, never the password.
type KioskPerson struct {
	Person       Person `json:"person"`
	Phone        string `json:"phone,omitempty"`
	PasswordHash string `json:"password_hash"`
}

// Enrol is a station's first call: the administrator's one-time code and the
// public key it will sign with.
type Enrol struct {
	Code      string `json:"code"`
	PublicKey []byte `json:"public_key"` // ed25519, 32 bytes
}

// Station is what the hub answers to an enrolment.
type Station struct {
	UUID        string   `json:"uuid"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"` // "kiosk" or "review"
	Departments []string `json:"departments,omitempty"`
}
