package hub

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"caiji/hub/store"
	"caiji/wire"
)

// putDraft keeps the owner's unsubmitted record so they can go on at
// another PC. The body is the record document (any JSON; kept canonical).
// It is not pre-audited and never shown to a review station.
func (s *Server) putDraft(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if c.person == nil {
		return errForbidden
	}
	id := r.PathValue("uuid")
	if !wire.ValidUUID(id) {
		return errNotFound
	}
	data, err := s.readBody(w, r, c, s.cfg.MaxBody)
	if err != nil {
		return err
	}
	doc, err := wire.Canonical(data)
	if err != nil {
		return errBadJSON
	}
	d := &store.Draft{Record: id, Document: doc, SHA256: wire.Digest(doc), UpdatedAt: s.now()}
	if err := s.store.PutDraft(r.Context(), c.person.UUID, d); errors.Is(err, store.ErrForbidden) {
		return errNotYours
	} else if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, draftInfo{Record: id, SHA256: d.SHA256, UpdatedAt: d.UpdatedAt.UTC()})
	return nil
}

// listDrafts answers the caller's drafts (record, digest, time), newest
// first, so a second PC learns which records to fetch.
func (s *Server) listDrafts(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if c.person == nil {
		return errForbidden
	}
	ds, err := s.store.Drafts(r.Context(), c.person.UUID)
	if err != nil {
		return err
	}
	out := []draftInfo{}
	for _, d := range ds {
		out = append(out, draftInfo{Record: d.Record, SHA256: d.SHA256, UpdatedAt: d.UpdatedAt})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// draftInfo is one draft in the list (and the answer to a PUT).
type draftInfo struct {
	Record    string    `json:"record"`
	SHA256    string    `json:"sha256"`
	UpdatedAt time.Time `json:"updated_at"`
}

// getDraft answers the owner's draft document, with its digest as ETag.
func (s *Server) getDraft(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if c.person == nil {
		return errForbidden
	}
	d, err := s.store.Draft(r.Context(), c.person.UUID, r.PathValue("uuid"))
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("ETag", `"`+d.SHA256+`"`)
	w.Header().Set("Last-Modified", d.UpdatedAt.Format(http.TimeFormat))
	if strings.Contains(r.Header.Get("If-None-Match"), d.SHA256) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	_, _ = w.Write(d.Document)
	return nil
}
