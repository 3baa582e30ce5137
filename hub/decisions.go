package hub

import (
	"errors"
	"net/http"
	"slices"

	"caiji/hub/store"
	"caiji/wire"
)

// postDecision takes a review station's decision on the version awaiting
// review: 201 stored, 200 the same decision again, 409 when that version no
// longer awaits review (another reviewer was first), 403 on the reviewer's
// own record, 404 outside the station's departments.
func (s *Server) postDecision(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if !c.isReview() {
		return errForbidden
	}
	id := r.PathValue("uuid")
	if !wire.ValidUUID(id) {
		return errNotFound
	}
	data, err := s.readBody(w, r, c, 64<<10)
	if err != nil {
		return err
	}
	var d wire.Decision
	if err := decodeJSON(data, &d); err != nil {
		return err
	}
	if d.Record != id || d.Station != c.station.UUID || !wire.ValidUUID(d.Reviewer.UUID) || d.Reviewer.Name == "" || d.Reviewer.IDNumber == "" {
		return invalid("审核结论缺少记录、站点或审核人员信息", "The decision lacks its record, station or reviewer")
	}
	rec, err := s.store.Record(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	if old, err := s.store.DecisionOn(r.Context(), id, d.N, c.reader()); err == nil {
		if sameDecision(old, &d) {
			writeJSON(w, http.StatusOK, old)
			return nil
		}
		return fail(http.StatusConflict, wire.CodeConflict, "该版本已有审核结论", "That version has been decided already")
	}
	to, err := checkDecision(&d, rec, c.station)
	if err != nil {
		return err
	}
	err = s.store.Decide(r.Context(), &store.Decision{Decision: &d, From: rec.Status, To: string(to), ReceivedAt: s.now()})
	if errors.Is(err, store.ErrConflict) {
		return fail(http.StatusConflict, wire.CodeConflict, "该版本已不在待审核状态（可能已被其他审核人员处理）", "That version no longer awaits review (another reviewer may have decided)")
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, d)
	return nil
}

func sameDecision(a, b *wire.Decision) bool {
	return a.Verdict == b.Verdict && a.RealName == b.RealName && a.Reviewer.UUID == b.Reviewer.UUID && a.Comment == b.Comment && slices.Equal(a.Reasons, b.Reasons)
}
