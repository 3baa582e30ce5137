package hub

import (
	"net/http"
	"strconv"

	"caiji/hub/store"
	"caiji/wire"
)

// feedPage is the most items one feed answer holds.
const feedPage = 200

// feed answers what changed for the caller after ?since=CURSOR, in order:
// a person's own versions and the decisions on them; a review station's
// departments' submissions and decisions. Resume with the answer's next.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if c.isKiosk() {
		return errForbidden
	}
	since := int64(0)
	if v := r.URL.Query().Get("since"); v != "" {
		if since, err = strconv.ParseInt(v, 10, 64); err != nil || since < 0 {
			return fail(http.StatusBadRequest, wire.CodeBadRequest, "since 参数无效", "The since parameter is not a cursor")
		}
	}
	f, err := s.store.Feed(r.Context(), c.reader(), since, feedPage)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, f)
	return nil
}

// refdata answers the latest signed reference-data bundle. It holds no
// personal data, so it needs no credential; stations verify the publisher's
// signature, not the hub.
func (s *Server) refdata(w http.ResponseWriter, r *http.Request) error {
	if err := s.limitAnonymous(r); err != nil {
		return err
	}
	b, err := s.store.LatestRefdata(r.Context())
	if err == store.ErrNotFound {
		return errNotFound
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, b)
	return nil
}
