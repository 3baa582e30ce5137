// Package caijipkg reads and writes .caiji export packages: the files that
// carry submitted record versions (and, the way back, decisions) between a
// station that never goes online and a department's review station.
//
// A package is one line of plain text followed by an age file (X25519, one
// recipient: the department, or on the way back the station). Inside is a tar
// stream: a header, then each item — its manifest entry, its document and its
// blobs — and at the end a trailer signed with the making station's ed25519
// key. docs/package-format.md is the specification.
//
// Both directions run in memory that does not grow with the number of items:
// the Writer streams blobs from their sources, and the reader verifies a
// package in one pass (Verify) before handing out anything, then hands it out
// in a second pass (Verified.Walk) that checks every byte again, so a caller
// stores everything in one transaction only after all of it verified.
//
// The format carries items generically (a kind, an ID, string metadata, the
// document bytes and blobs by SHA-256); VersionItem, DecisionItem,
// Entry.Version and Entry.Decision map them to and from the wire types. It
// imports no Fyne and no SQL.
package caijipkg
