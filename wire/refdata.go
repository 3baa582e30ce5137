package wire

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"time"
)

// Refdata is the reference data a hub hands to stations: holidays, deadlines
// and option lists as the app's assets/data files hold them, keyed by file
// name ("holidays.json" …), with a version that only grows.
type Refdata struct {
	Version   int                        `json:"version"`
	Published time.Time                  `json:"published"`
	Files     map[string]json.RawMessage `json:"files"`
}

// SignedRefdata is a Refdata bundle as served: the canonical JSON payload and
// the publisher's ed25519 signature over it. The publisher signs offline; the
// hub only stores and serves it, so a hub taken over cannot forge one.
type SignedRefdata struct {
	Payload   []byte `json:"payload"`
	Signature []byte `json:"signature"`
}

// ErrRefdataSignature is a bundle not signed by the expected publisher.
var ErrRefdataSignature = errors.New("wire: reference data not signed by the publisher")

// SignRefdata encodes r and signs the bytes; the signature covers exactly
// the payload served, so no canonical form is needed (and option lists may
// hold fractions).
func SignRefdata(r *Refdata, key ed25519.PrivateKey) (*SignedRefdata, error) {
	payload, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return &SignedRefdata{Payload: payload, Signature: ed25519.Sign(key, payload)}, nil
}

// Verify checks the signature with the publisher's public key and returns
// the bundle.
func (s *SignedRefdata) Verify(pub ed25519.PublicKey) (*Refdata, error) {
	if len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, s.Payload, s.Signature) {
		return nil, ErrRefdataSignature
	}
	var r Refdata
	if err := json.Unmarshal(s.Payload, &r); err != nil {
		return nil, err
	}
	return &r, nil
}
