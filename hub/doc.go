// Package hub is the HTTP API of caiji-hub (docs sync.md): blobs by digest,
// submitted record versions, drafts, decisions, the feed, person sign-in,
// station enrolment and the signed reference data. It trusts no client:
// every version is pre-audited with package domain and every image checked
// with domain/photo, exactly as the app does before it lets a candidate
// submit. It keeps no state that matters between requests (rate limits are
// per process), so several hub processes can serve one PostgreSQL.
package hub
