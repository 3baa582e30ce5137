package caijipkg

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"time"
)

// FormatVersion is the package format this code writes and the only one it
// reads. It is on the file's first line (read before decrypting) and again in
// the signed header (so the first line cannot be swapped unseen).
const FormatVersion = 1

// preamble is the first line of a package file: magic, format version, and
// the SHA-256 of the age header that follows, so that damage to the header is
// told apart from a package encrypted to someone else.
const preambleMagic = "caiji-package"

// Names of the tar entries. They are compared byte for byte with what the
// reader expects next and never used as file names.
const (
	nameHeader    = "caiji/header.json"
	nameTrailer   = "caiji/trailer.json"
	nameSignature = "caiji/signature"
)

func nameEntry(i int) string            { return fmt.Sprintf("items/%06d/manifest.json", i) }
func nameDocument(i int) string         { return fmt.Sprintf("items/%06d/document", i) }
func nameBlob(i int, sum string) string { return fmt.Sprintf("items/%06d/blobs/%s", i, sum) }

// signatureContext is prefixed to the trailer before signing, so a signature
// made for a package can never be mistaken for one made for anything else the
// station signs (its hub requests, for instance).
const signatureContext = "caiji-package/1 trailer\n"

// header is the package's first entry: who made it, when, and how to answer.
type header struct {
	Format           int       `json:"format"`
	Station          string    `json:"station"`
	StationRecipient string    `json:"station_recipient"`
	SigningKey       []byte    `json:"signing_key"`
	Created          time.Time `json:"created"`
}

// digest is a SHA-256 and a size: how every document and blob is named.
type digest struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// manifestEntry describes one item; it is written just before the item's
// document and blobs, in the order the reader will meet them.
type manifestEntry struct {
	Kind     string            `json:"kind"`
	ID       string            `json:"id"`
	Meta     map[string]string `json:"meta,omitempty"`
	Document digest            `json:"document"`
	Blobs    []digest          `json:"blobs,omitempty"`
}

// trailer closes the package; its signature covers every manifest byte
// through ManifestSHA256, and through the manifest every document and blob.
type trailer struct {
	Items          int    `json:"items"`
	Bytes          int64  `json:"bytes"`
	ManifestSHA256 string `json:"manifest_sha256"`
}

// manifestHash chains the header and every manifest entry, each prefixed by
// its length, into the digest the trailer carries. Writer and reader compute
// it while streaming, so neither holds the manifest.
type manifestHash struct{ h hash.Hash }

func newManifestHash() manifestHash { return manifestHash{sha256.New()} }

func (m manifestHash) add(b []byte) {
	m.h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(b))))
	m.h.Write(b)
}

func (m manifestHash) sum() string { return hex.EncodeToString(m.h.Sum(nil)) }
