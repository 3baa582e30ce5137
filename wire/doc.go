// Package wire is the contract that travels between Caiji's stations and the
// hub, and inside .caiji export packages: the submitted record version, the
// reviewer's decision, the error body every hub answer carries, and the
// canonical JSON and SHA-256 helpers that make a version's bytes mean the same
// thing on every machine.
//
// It imports neither Fyne nor database/sql, and nothing of the project but
// the standard library, so the app's sync client, the package writer and the
// hub all depend on it without depending on each other. Local integer keys
// never appear here: accounts, reviewers and stations travel as UUIDs with
// display names.
package wire
