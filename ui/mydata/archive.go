package mydata

import (
	"bytes"
	"encoding/json"
	"errors"

	"caiji/domain"
	"caiji/report"
	"caiji/ui/export"
	"caiji/ui/session"
)

// Archive reads everything held about the session's person and writes it
// as one zip (report.WriteArchive) with the 信息采集表 of their latest
// submitted version, if any; it returns the zip's file name and bytes.
// Call it off the UI goroutine.
func Archive(sess *session.Session) (string, []byte, error) {
	d, err := sess.Store.MyData(sess.Context(), sess.ID)
	if err != nil {
		return "", nil, err
	}
	now := sess.Store.Now()
	e := report.Export{Name: d.Account.Name, Made: now, Images: d.Images}
	for _, v := range d.Versions {
		e.Versions = append(e.Versions, report.Version{Record: v.Record, Version: v.Version, JSON: v.JSON})
	}
	for _, j := range []struct {
		to *json.RawMessage
		v  any
	}{{&e.Events, d.Events}, {&e.Decisions, d.Decisions}, {&e.Consents, d.Consents}} {
		if *j.to, err = json.MarshalIndent(j.v, "", "  "); err != nil {
			return "", nil, err
		}
	}
	if len(d.Versions) > 0 {
		// The person's own copy: the ID number in full.
		e.SheetName, e.Sheet, err = export.Render(sess, d.Versions[len(d.Versions)-1].Record, true)
		if errors.Is(err, domain.ErrNotSubmitted) {
			err = nil
		}
		if err != nil {
			return "", nil, err
		}
	}
	var buf bytes.Buffer
	if err := report.WriteArchive(&buf, e); err != nil {
		return "", nil, err
	}
	return report.ArchiveFileName(d.Account.Name, now), buf.Bytes(), nil
}
