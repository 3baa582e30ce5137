package domain

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters (OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane).
// They are stored in every hash, so raising them later keeps old hashes valid.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

var b64 = base64.RawStdEncoding

// HashPassword returns a PHC-format argon2id hash with a fresh random salt.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// ErrBadHash reports a stored hash that cannot be read.
var ErrBadHash = errors.New("unreadable password hash")

// Bounds on the cost a hash may name. A hash made elsewhere (a kiosk
// registering a person on the hub sends one) carries its own parameters, and
// verifying a password runs them: unbounded, one hash could ask every later
// sign-in for gigabytes and hours. They leave room to raise the parameters
// above.
const (
	maxArgonMemory  = 64 * 1024 // KiB
	maxArgonTime    = 10
	maxArgonThreads = 4
	minArgonSalt    = 8
	maxArgonBytes   = 64 // salt and key
	minArgonKeyLen  = 16
)

type argonHash struct {
	time, memory uint32
	threads      uint8
	salt, key    []byte
}

// parseHash reads a PHC-format argon2id hash whose cost is within bounds,
// without computing anything.
func parseHash(hash string) (*argonHash, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return nil, ErrBadHash
	}
	var v int
	var h argonHash
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return nil, ErrBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &h.memory, &h.time, &h.threads); err != nil ||
		h.time == 0 || h.time > maxArgonTime || h.threads == 0 || h.threads > maxArgonThreads ||
		h.memory < 8*uint32(h.threads) || h.memory > maxArgonMemory {
		return nil, ErrBadHash
	}
	if len(parts[4]) > 2*maxArgonBytes || len(parts[5]) > 2*maxArgonBytes {
		return nil, ErrBadHash
	}
	var err1, err2 error
	h.salt, err1 = b64.DecodeString(parts[4])
	h.key, err2 = b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(h.salt) < minArgonSalt || len(h.salt) > maxArgonBytes ||
		len(h.key) < minArgonKeyLen || len(h.key) > maxArgonBytes {
		return nil, ErrBadHash
	}
	return &h, nil
}

// CheckPasswordHash says whether hash is an argon2id hash VerifyPassword can
// read at a bounded cost (ErrBadHash if not), without computing it.
func CheckPasswordHash(hash string) error {
	_, err := parseHash(hash)
	return err
}

// VerifyPassword reports whether pw matches a hash made by HashPassword,
// comparing in constant time.
func VerifyPassword(pw, hash string) (bool, error) {
	h, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(pw), h.salt, h.time, h.memory, h.threads, uint32(len(h.key)))
	return subtle.ConstantTimeCompare(got, h.key) == 1, nil
}
