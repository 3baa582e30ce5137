package hub

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"slices"
	"strconv"

	"caiji/domain"
	"caiji/domain/photo"
	"caiji/hub/store"
	"caiji/wire"
)

var (
	errOtherContent = fail(http.StatusConflict, wire.CodeConflict, "该版本号已有不同的内容", "Another content is already stored at this version")
	errStaleBase    = fail(http.StatusConflict, wire.CodeStaleBase, "此记录在中心已有更新的版本或正在审核（可能在另一台电脑上提交过），请先同步", "The hub has a newer version of this record or it awaits review (submitted from another PC?): sync first")
	errNotYours     = fail(http.StatusForbidden, wire.CodeForbidden, "这不是您的记录", "This record is not yours")
)

// pathVersion reads {uuid} and {n} of a route.
func pathVersion(r *http.Request) (string, int, error) {
	id := r.PathValue("uuid")
	n, err := strconv.Atoi(r.PathValue("n"))
	if !wire.ValidUUID(id) || err != nil || n < 1 {
		return "", 0, errNotFound
	}
	return id, n, nil
}

// postVersion receives a submitted version: 201 stored, 200 the same bytes
// again, 409 another content or a stale base, 422 when the hub's own
// pre-audit or image facts refuse it, 403 when it is not the caller's.
func (s *Server) postVersion(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if c.person == nil && !c.isKiosk() {
		return errForbidden
	}
	id, n, err := pathVersion(r)
	if err != nil {
		return err
	}
	data, err := s.readBody(w, r, c, s.cfg.MaxBody)
	if err != nil {
		return err
	}
	var v wire.Version
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	if v.Record != id || v.N != n {
		return invalid("请求路径与记录版本不符", "The path does not match the version's record and number")
	}
	if err := v.Check(); err != nil {
		return &apiError{http.StatusUnprocessableEntity, *err.(*wire.Error)}
	}
	owner, err := s.owner(r, c, &v)
	if err != nil {
		return err
	}
	// A retry is answered before the rules: the record has moved on since.
	if done, err := s.answerRepeat(w, r, &v, owner); done || err != nil {
		return err
	}
	rc, err := s.submit(r, &v, owner)
	if errors.Is(err, errStaleBase) {
		// The same version may have been stored by a concurrent retry (on
		// this hub or another) since the first look.
		if done, err := s.answerRepeat(w, r, &v, owner); done || err != nil {
			return err
		}
	}
	if err != nil {
		return err
	}
	s.metrics.versions.WithLabelValues("stored").Inc()
	writeJSON(w, http.StatusCreated, s.withWindow(rc))
	return nil
}

// withWindow adds the review window the receipt time starts.
func (s *Server) withWindow(rc *wire.Receipt) *wire.Receipt {
	if w := s.cat.Calendar.ReviewDue(rc.ReceivedAt); w.Complete {
		rc.ReviewFrom, rc.ReviewBy = w.Earliest.UTC(), w.Latest.UTC()
	}
	return rc
}

// answerRepeat answers 200 with the receipt when the version is stored with
// the same bytes, 409 when with other bytes, and nothing when it is not.
func (s *Server) answerRepeat(w http.ResponseWriter, r *http.Request, v *wire.Version, owner *store.Person) (bool, error) {
	old, err := s.store.Version(r.Context(), v.Record, v.N, store.Reader{Person: owner.UUID})
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if old.SHA256 != v.SHA256 {
		return false, errOtherContent
	}
	s.metrics.versions.WithLabelValues("repeat").Inc()
	writeJSON(w, http.StatusOK, s.withWindow(&wire.Receipt{Record: v.Record, N: v.N, SHA256: old.SHA256, ReceivedAt: old.ReceivedAt}))
	return true, nil
}

// submit judges a version and stores it; the store's refusals become the
// API's.
func (s *Server) submit(r *http.Request, v *wire.Version, owner *store.Person) (*wire.Receipt, error) {
	sub, err := s.judge(r, v, owner)
	if err != nil {
		return nil, err
	}
	rc, repeat, err := s.store.SubmitVersion(r.Context(), sub)
	switch {
	case errors.Is(err, store.ErrConflict):
		return nil, errOtherContent
	case errors.Is(err, store.ErrStale), err == nil && repeat:
		return nil, errStaleBase // a repeat is answered by answerRepeat
	case errors.Is(err, store.ErrForbidden):
		return nil, errNotYours
	}
	return rc, err
}

// owner is the person a version belongs to, who must be the caller: the
// signed-in person themselves, or a person registered on the calling kiosk.
func (s *Server) owner(r *http.Request, c *caller, v *wire.Version) (*store.Person, error) {
	p := c.person
	if c.isKiosk() {
		if v.Station != c.station.UUID {
			return nil, errForbidden
		}
		var err error
		p, err = s.store.PersonByLogin(r.Context(), domain.NormalizeIDNumber(v.Person.IDNumber))
		if errors.Is(err, store.ErrNotFound) || err == nil && p.Kiosk != c.station.UUID {
			return nil, errNotYours
		}
		if err != nil {
			return nil, err
		}
		if p.Disabled {
			return nil, errDisabled
		}
	}
	if v.Person.IDType != p.IDType || domain.NormalizeIDNumber(v.Person.IDNumber) != p.IDNumber || v.Person.Name != p.Name {
		return nil, errNotYours
	}
	return p, nil
}

// judge re-checks a version as the app did before letting it be submitted:
// the document is the record it names, at the status the hub's state
// allows, every image it names is here with the facts the hub found in it,
// and the pre-audit (at the hub's receipt time) finds no error.
func (s *Server) judge(r *http.Request, v *wire.Version, owner *store.Person) (*store.Submission, error) {
	var rec domain.Record
	if err := json.Unmarshal(v.Document, &rec); err != nil {
		return nil, invalid("记录内容无法解读", "The record document cannot be read")
	}
	if rec.ID != v.Record || rec.Version != v.N {
		return nil, invalid("记录内容的标识或版本号与请求不符", "The document's UUID or version differs from the request's")
	}
	state, err := s.store.Record(r.Context(), v.Record)
	from := ""
	switch {
	case errors.Is(err, store.ErrNotFound):
		if v.Base != 0 {
			return nil, errStaleBase
		}
	case err != nil:
		return nil, err
	case state.Person != owner.UUID:
		return nil, errNotYours
	default:
		from = state.Status
		if v.Base != state.Latest || state.Awaiting != 0 {
			return nil, errStaleBase
		}
	}
	want, ok := submissionStatus(domain.Status(from))
	if !ok {
		return nil, errStaleBase
	}
	if rec.Status != want {
		return nil, invalid("记录状态不是中心此时可接收的提交", "The record's status is not a submission the hub can take now")
	}
	dept := rec.Department.Code()
	if ok, err := s.serves(r, dept); err != nil || !ok {
		return nil, errors.Join(err, invalid("本中心不受理该会计管理部门的记录", "This hub does not serve the record's accounting management department"))
	}
	if err := s.checkAttachments(r, &rec, v.Blobs); err != nil {
		return nil, err
	}
	received := s.now()
	holder := domain.Holder{IDType: domain.IDType(owner.IDType), IDNumber: owner.IDNumber, Name: owner.Name}
	if probs := domain.PreAudit(&rec, holder, s.cat, received); domain.Errors(probs) > 0 {
		return nil, invalidProblems("记录未通过预审，请修改后再提交", "The record fails the pre-audit: fix it and submit again", probs)
	}
	return &store.Submission{Version: v, Person: owner.UUID, Department: dept, From: from, To: string(want), ReceivedAt: received}, nil
}

func (s *Server) serves(r *http.Request, dept string) (bool, error) {
	ds, err := s.store.Departments(r.Context())
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(ds, func(d store.Department) bool { return d.Code == dept }), nil
}

// checkAttachments holds every attachment of the record against the blob
// the hub stored under its digest: the version must list exactly the
// record's blobs, each must be here, and the facts the pre-audit will read
// (format, bytes, pixels, the photo's background verdict) must be the ones
// the hub's photo check found, not the client's word.
func (s *Server) checkAttachments(r *http.Request, rec *domain.Record, blobs []string) error {
	atts := attachments(rec)
	var named []string
	for _, a := range atts {
		named = append(named, a.SHA256)
	}
	slices.Sort(named)
	if !slices.Equal(slices.Compact(named), blobs) {
		return invalid("版本所列附件与记录中的附件不一致", "The version's blob list differs from the attachments in the record")
	}
	for _, a := range atts {
		facts, err := s.blobFacts(r, a)
		if errors.Is(err, store.ErrNotFound) {
			return fail(http.StatusUnprocessableEntity, wire.CodeMissingBlob, "中心缺少附件“"+a.Kind.Name().Zh+"”，请先上传图片", "The hub lacks the "+a.Kind.Name().En+" image: upload it first")
		}
		if err != nil {
			return err
		}
		if a.MIME != facts.MIME || a.Bytes != facts.Bytes || a.Width != facts.Width || a.Height != facts.Height || !slices.Equal(a.Warnings, facts.Warnings) {
			return invalid("附件“"+a.Kind.Name().Zh+"”的信息与图片本身不符", "The facts of the "+a.Kind.Name().En+" differ from the image itself")
		}
	}
	return nil
}

// blobFacts are the facts of the blob an attachment names, as the hub finds
// them: those stored at upload, and for the standard photo the photo
// checker's own findings (its background), run again on the small file.
func (s *Server) blobFacts(r *http.Request, a *domain.Attachment) (*domain.Attachment, error) {
	if a.Kind != domain.AttPhoto {
		b, err := s.store.BlobFacts(r.Context(), a.SHA256)
		if err != nil {
			return nil, err
		}
		return &domain.Attachment{MIME: b.MIME, Bytes: b.Bytes, Width: b.Width, Height: b.Height}, nil
	}
	b, err := s.store.Blob(r.Context(), a.SHA256)
	if err != nil {
		return nil, err
	}
	rep, err := s.decodeLimited(r, func() (*photo.Report, error) { return photo.CheckPhoto(b.Data, s.cat.Photo) })
	if err != nil {
		return nil, err
	}
	return &rep.Facts, nil
}

// attachments finds every attachment of a record, wherever the record's
// type puts one, so a field added later is checked without a change here.
func attachments(rec *domain.Record) []*domain.Attachment {
	var out []*domain.Attachment
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if a, ok := v.Interface().(*domain.Attachment); ok {
				out = append(out, a)
				return
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(rec))
	return out
}

// getVersion answers a stored version to its owner or a review station of
// its department; 404 to anyone else.
func (s *Server) getVersion(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	id, n, err := pathVersion(r)
	if err != nil {
		return err
	}
	v, err := s.store.Version(r.Context(), id, n, c.reader())
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}
