package storage

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"caiji/domain"
	"caiji/domain/photo"
)

// PutAttachment stores an image for the session's editable record, once
// its person agreed to the current sensitive-information notice (ID images
// and the face photo are sensitive personal information), and returns its facts, all of them storage's own: the bytes are cleaned first
// (turned upright, EXIF and other metadata dropped: photo.Clean), then
// hashed, sniffed and measured by domain/photo, whatever the caller thinks
// the file is. It is stored once per content (the SHA-256 names it) and
// linked to the record; the record refers to it by that digest, and a save
// that names a digest not linked to it is refused. A blob stored but never
// referenced is harmless.
func (s *Store) PutAttachment(ctx context.Context, sess Session, recordUUID string, kind domain.AttachmentKind, data []byte, rules domain.PhotoRules) (domain.Attachment, error) {
	clean, err := photo.Clean(data)
	if err != nil {
		return domain.Attachment{}, err
	}
	var rep *photo.Report
	if kind == domain.AttPhoto {
		rep, err = photo.CheckPhoto(clean, rules)
	} else {
		rep, err = photo.CheckDocument(clean, kind, rules)
	}
	if err != nil {
		return domain.Attachment{}, err
	}
	f := rep.Facts // its SHA-256 is of the cleaned bytes, computed here
	f.Kind = kind
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		act, id, _, err := s.editableRecord(ctx, tx, sess, recordUUID)
		if err != nil {
			return err
		}
		if err := s.requireConsent(ctx, tx, act.ID, domain.NoticeSensitive); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO attachments (sha256, kind, mime, bytes, width, height, warnings, data, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
			f.SHA256, string(f.Kind), f.MIME, f.Bytes, f.Width, f.Height, strings.Join(f.Warnings, ","), clean, s.now().Unix()); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO record_attachments (record_id, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING", id, f.SHA256)
		return err
	})
	if err != nil {
		return domain.Attachment{}, err
	}
	return f, nil
}

// imageFacts replaces the facts of every image rec names with those stored
// for it, and refuses a digest that is not stored and linked to the record
// (row recordID): what the pre-audit judges is what storage measured.
func imageFacts(ctx context.Context, tx *sql.Tx, recordID int64, rec *domain.Record) error {
	for _, att := range rec.Attachments() {
		var warnings sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT a.mime, a.bytes, a.width, a.height, a.warnings FROM attachments a
			JOIN record_attachments ra ON ra.sha256 = a.sha256 AND ra.record_id = ?
			WHERE a.sha256 = ?`, recordID, att.SHA256).Scan(&att.MIME, &att.Bytes, &att.Width, &att.Height, &warnings)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrUnlinkedImage
		}
		if err != nil {
			return err
		}
		if warnings.Valid { // measured by storage; older rows keep the record's copy
			att.Warnings = nil
			if warnings.String != "" {
				att.Warnings = strings.Split(warnings.String, ",")
			}
		}
	}
	return nil
}

// Attachment returns an image's bytes if the session may read a record
// that refers to it: the candidate's own, or for a reviewer a record they
// may open whose submitted versions name it (never an image only a draft
// uses).
func (s *Store) Attachment(ctx context.Context, sess Session, sha256 string) ([]byte, error) {
	var data []byte
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		act, err := s.actor(ctx, tx, sess)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT r.uuid, r.owner_id FROM record_attachments ra JOIN records r ON r.id = ra.record_id WHERE ra.sha256 = ?`, sha256)
		if err != nil {
			return err
		}
		type link struct {
			uuid  string
			owner int64
		}
		var links []link
		for rows.Next() {
			var l link
			if err := rows.Scan(&l.uuid, &l.owner); err != nil {
				rows.Close()
				return err
			}
			links = append(links, l)
		}
		rows.Close()
		for _, l := range links {
			if s.mayReadImage(ctx, tx, act, sess, l.uuid, l.owner, sha256) {
				return tx.QueryRowContext(ctx, "SELECT data FROM attachments WHERE sha256 = ?", sha256).Scan(&data)
			}
		}
		return ErrNotFound
	})
	return data, err
}

// mayReadImage reports whether act may read the image sha of record uuid.
func (s *Store) mayReadImage(ctx context.Context, tx *sql.Tx, act acting, sess Session, uuid string, owner int64, sha string) bool {
	if act.Role != RoleReviewer {
		return domain.MayUseOwnRecord(act.actor, owner == act.ID) == nil
	}
	_, id, _, _, err := s.reviewable(ctx, tx, sess, uuid)
	if err != nil {
		return false
	}
	var n int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM snapshots s, json_tree(s.data) j
		WHERE s.record_id = ? AND j.key = 'sha256' AND j.atom = ?`, id, sha).Scan(&n)
	return err == nil && n > 0
}
