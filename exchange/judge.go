package exchange

import (
	"encoding/json"
	"errors"
	"slices"
	"time"

	"caiji/caijipkg"
	"caiji/domain"
	"caiji/domain/photo"
	"caiji/wire"
)

// judge checks a version from a package as the hub checks one it
// receives, with the same domain code: the document is a submitted record,
// each image it names is in the package, reads with the photo code and has
// the facts the record states, and the pre-audit (at the time of import,
// as the hub runs it at its receipt time) finds no error. A review station
// trusts no station, whoever signed the package.
type judge struct {
	cat   *domain.Catalog
	now   time.Time
	facts map[string]domain.Attachment // by kind and digest: an image shared by versions is read once
}

func newJudge(cat *domain.Catalog, now time.Time) *judge {
	return &judge{cat: cat, now: now, facts: map[string]domain.Attachment{}}
}

func invalid(zh, en string) *wire.Error { return &wire.Error{Code: wire.CodeInvalid, Zh: zh, En: en} }

// version returns the version's images by digest, or why it is refused.
func (j *judge) version(v *wire.Version, blobs []caijipkg.Blob) (map[string][]byte, *wire.Error) {
	var rec domain.Record
	if err := json.Unmarshal(v.Document, &rec); err != nil {
		return nil, invalid("记录内容无法解读", "The record document cannot be read")
	}
	if rec.ID != v.Record || rec.Version != v.N {
		return nil, invalid("记录内容的标识或版本号与清单不符", "The document's UUID or version differs from the manifest's")
	}
	if rec.Status != domain.StatusSubmitted && rec.Status != domain.StatusChangeSubmitted {
		return nil, invalid("这不是已提交的记录版本", "This is not a submitted version of the record")
	}
	images := make(map[string][]byte, len(blobs))
	for _, b := range blobs {
		images[b.SHA256] = b.Data
	}
	atts := rec.Attachments()
	var named []string
	for _, a := range atts {
		named = append(named, a.SHA256)
	}
	slices.Sort(named)
	if !slices.Equal(slices.Compact(named), v.Blobs) {
		return nil, invalid("版本所列附件与记录中的附件不一致", "The version's blob list differs from the attachments in the record")
	}
	for _, a := range atts {
		f, werr := j.imageFacts(a.Kind, a.SHA256, images[a.SHA256])
		if werr != nil {
			return nil, werr
		}
		if a.Kind != domain.AttPhoto {
			f.Warnings = nil
		}
		if a.MIME != f.MIME || a.Bytes != f.Bytes || a.Width != f.Width || a.Height != f.Height || !slices.Equal(a.Warnings, f.Warnings) {
			return nil, invalid("附件“"+a.Kind.Name().Zh+"”的信息与图片本身不符", "The facts of the "+a.Kind.Name().En+" differ from the image itself")
		}
	}
	holder := domain.Holder{IDType: domain.IDType(v.Person.IDType), IDNumber: v.Person.IDNumber, Name: v.Person.Name}
	if probs := domain.PreAudit(&rec, holder, j.cat, j.now); domain.Errors(probs) > 0 {
		e := invalid("记录未通过预审", "The record fails the pre-audit")
		for _, p := range probs {
			e.Problems = append(e.Problems, wire.Problem{Code: p.Code, Severity: p.Severity.String(), Field: p.Field, Zh: p.Msg.Zh, En: p.Msg.En})
		}
		return nil, e
	}
	return images, nil
}

// imageFacts reads an image with the photo code, as storage does when a
// candidate uploads it and as the hub does when it receives it.
func (j *judge) imageFacts(kind domain.AttachmentKind, digest string, data []byte) (domain.Attachment, *wire.Error) {
	key := string(kind) + "/" + digest
	if f, ok := j.facts[key]; ok {
		return f, nil
	}
	var rep *photo.Report
	var err error
	if kind == domain.AttPhoto {
		rep, err = photo.CheckPhoto(data, j.cat.Photo)
	} else {
		rep, err = photo.CheckDocument(data, kind, j.cat.Photo)
	}
	var p domain.Problem
	if errors.As(err, &p) {
		e := invalid(p.Msg.Zh, p.Msg.En)
		e.Problems = []wire.Problem{{Code: p.Code, Severity: p.Severity.String(), Zh: p.Msg.Zh, En: p.Msg.En}}
		return domain.Attachment{}, e
	}
	if err != nil {
		return domain.Attachment{}, invalid("附件“"+kind.Name().Zh+"”无法读取", "The "+kind.Name().En+" cannot be read")
	}
	j.facts[key] = rep.Facts
	return rep.Facts, nil
}
