package hub

import (
	"errors"
	"net/http"
	"strconv"

	"caiji/domain"
	"caiji/domain/photo"
	"caiji/hub/store"
	"caiji/wire"
)

// putBlob stores an image under its SHA-256 after the photo code has read
// it: the body must hash to its name, be a real JPEG or PNG within the
// document rules' largest size, and decode. The answer is the same whether
// the hub had it already or not, so an upload says nothing about others.
func (s *Server) putBlob(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if c.isReview() {
		return errForbidden
	}
	digest := r.PathValue("digest")
	if !wire.ValidDigest(digest) {
		return errNotFound
	}
	limit := int64(max(s.cat.Photo.DocumentMaxBytes, s.cat.Photo.PhotoMaxBytes))
	data, err := s.readBody(w, r, c, limit+1)
	if err != nil {
		return err
	}
	if int64(len(data)) > limit {
		return errTooLarge
	}
	if wire.Digest(data) != digest {
		return fail(http.StatusUnprocessableEntity, wire.CodeDigestMismatch, "上传内容与其摘要不符（传输不完整？），请重新上传", "The body does not hash to its name (incomplete transfer?): upload it again")
	}
	b, err := s.checkImage(r, data)
	if err != nil {
		return err
	}
	if err := s.store.PutBlob(r.Context(), b, c.id(), s.now()); err != nil {
		return err
	}
	s.metrics.blobs.Inc()
	s.metrics.blobSize.Add(float64(len(data)))
	writeJSON(w, http.StatusCreated, map[string]string{"sha256": digest})
	return nil
}

// checkImage reads an upload as the app's photo code reads a document
// scan (the kind is not known until a version names it): the real format
// from the magic bytes, the decoding cost from the header (a 400-byte file
// declaring 7000×7000 is refused before any pixel buffer exists), then a
// full decode, one per core at a time. The standard photo's own checks run
// when a version names it.
func (s *Server) checkImage(r *http.Request, data []byte) (*store.Blob, error) {
	rep, err := s.decodeLimited(r, func() (*photo.Report, error) {
		return photo.CheckDocument(data, domain.AttIDFront, s.cat.Photo)
	})
	if err != nil {
		return nil, err
	}
	f := rep.Facts
	return &store.Blob{Digest: f.SHA256, MIME: f.MIME, Bytes: f.Bytes, Width: f.Width, Height: f.Height, Data: data}, nil
}

// decodeLimited runs one image check when a decoding slot is free.
func (s *Server) decodeLimited(r *http.Request, check func() (*photo.Report, error)) (*photo.Report, error) {
	select {
	case s.images <- struct{}{}:
	case <-r.Context().Done():
		return nil, errUnavailable
	}
	rep, err := check()
	<-s.images
	if err != nil {
		if e := problemError(wire.CodeInvalid, err); e != nil {
			return nil, e
		}
	}
	return rep, err
}

// getBlob answers GET and HEAD for a caller who uploaded the blob or may
// read a version naming it; anyone else gets 404 whether it exists or not.
func (s *Server) getBlob(w http.ResponseWriter, r *http.Request) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	digest := r.PathValue("digest")
	if !wire.ValidDigest(digest) {
		return errNotFound
	}
	ok, err := s.store.BlobReadable(r.Context(), digest, c.reader())
	if err != nil {
		return err
	}
	if !ok {
		return errNotFound
	}
	b, err := s.store.Blob(r.Context(), digest)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", b.MIME)
	// The photo check reads the image, not what follows its end: a valid
	// JPEG may carry HTML after it, so nothing opening it may guess again.
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(b.Data)))
	w.Header().Set("ETag", `"`+digest+`"`)
	w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b.Data)
	}
	return nil
}
