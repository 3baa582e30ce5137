package report

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"caiji/domain"
	"caiji/wire"
)

// Export is everything a station holds about one person, as its store
// reads it: what 我的数据 hands over (PIPL art. 45).
type Export struct {
	Name     string    // the person's name, for the README
	Made     time.Time // when the export is made
	Versions []Version
	// Events and Decisions are the records' audit log and reviewers'
	// decisions, as JSON.
	Events    json.RawMessage
	Decisions json.RawMessage
	// Consents are the person's recorded consents, as JSON (may be nil).
	Consents json.RawMessage
	// Images are the bytes of every image the versions name, by SHA-256.
	Images map[string][]byte
	// Sheet is the 信息采集表 PDF of the version in force or under review
	// (may be nil); SheetName its file name.
	Sheet     []byte
	SheetName string
}

// Version is one stored version of a record: its JSON exactly as stored.
type Version struct {
	Record  string // UUID
	Version int
	JSON    []byte
}

// WriteArchive streams e to w as one zip: README.txt (Chinese and
// English), records/<uuid>/v<n>.json, events.json, decisions.json,
// consents.json, images/<sha256>.jpg|png, the PDF, and SHA256SUMS over
// every other file (sha256sum -c reads it). Versions and images go in byte
// for byte; an image whose bytes do not hash to its name is refused, so an
// export never carries a corrupted copy unnoticed.
func WriteArchive(w io.Writer, e Export) error {
	files, err := e.files()
	if err != nil {
		return err
	}
	z := zip.NewWriter(w)
	var sums strings.Builder
	for _, f := range files {
		if err := addFile(z, f.name, f.data, f.compress, e.Made); err != nil {
			return err
		}
		if f.name != "README.txt" {
			fmt.Fprintf(&sums, "%s  %s\n", wire.Digest(f.data), f.name)
		}
	}
	if err := addFile(z, "SHA256SUMS", []byte(sums.String()), true, e.Made); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("report: archive: %w", err)
	}
	return nil
}

type archiveFile struct {
	name     string
	data     []byte
	compress bool // JSON and text deflate; JPEG, PNG and PDF are compressed already
}

// files lays out the archive, README first, checking what goes in.
func (e Export) files() ([]archiveFile, error) {
	var out []archiveFile
	seen := map[string]bool{}
	for _, v := range e.Versions {
		name := fmt.Sprintf("records/%s/v%03d.json", v.Record, v.Version)
		if seen[name] || !wire.ValidUUID(v.Record) || !json.Valid(v.JSON) {
			return nil, fmt.Errorf("report: archive: version %d of record %q: repeated, not a UUID or not JSON", v.Version, v.Record)
		}
		seen[name] = true
		out = append(out, archiveFile{name, v.JSON, true})
	}
	for _, j := range []struct {
		name string
		data json.RawMessage
	}{{"events.json", e.Events}, {"decisions.json", e.Decisions}, {"consents.json", e.Consents}} {
		if j.data == nil {
			continue
		}
		if !json.Valid(j.data) {
			return nil, fmt.Errorf("report: archive: %s is not JSON", j.name)
		}
		out = append(out, archiveFile{j.name, j.data, true})
	}
	shas := make([]string, 0, len(e.Images))
	for sha := range e.Images {
		shas = append(shas, sha)
	}
	slices.Sort(shas)
	for _, sha := range shas {
		data := e.Images[sha]
		if wire.Digest(data) != sha {
			return nil, fmt.Errorf("report: archive: image %s: its bytes do not match its digest", sha)
		}
		out = append(out, archiveFile{"images/" + sha + imageExt(data), data, false})
	}
	if e.Sheet != nil {
		name := e.SheetName
		if name == "" || strings.ContainsAny(name, "/\\") {
			name = "信息采集表.pdf"
		}
		out = append(out, archiveFile{name, e.Sheet, false})
	}
	return append([]archiveFile{{"README.txt", e.readme(out), true}}, out...), nil
}

// imageExt names an image by what its bytes are, not what it was called.
func imageExt(data []byte) string {
	switch http.DetectContentType(data) {
	case "image/jpeg":
		return ".jpg"
	case "image/png":
		return ".png"
	}
	return ".bin"
}

func addFile(z *zip.Writer, name string, data []byte, compress bool, at time.Time) error {
	// Zip keeps local times: Beijing's, for the people who open it.
	h := &zip.FileHeader{Name: name, Method: zip.Store, Modified: at.In(domain.Shanghai)}
	if compress {
		h.Method = zip.Deflate
	}
	f, err := z.CreateHeader(h)
	if err == nil {
		_, err = io.Copy(f, bytes.NewReader(data))
	}
	if err != nil {
		return fmt.Errorf("report: archive: %s: %w", name, err)
	}
	return nil
}

// readme says, in both languages, what the archive holds and how to check it.
func (e Export) readme(files []archiveFile) []byte {
	made := e.Made.In(domain.Shanghai).Format("2006-01-02 15:04")
	records := map[string]bool{}
	for _, v := range e.Versions {
		records[v.Record] = true
	}
	has := func(name string) bool {
		return slices.ContainsFunc(files, func(f archiveFile) bool { return f.name == name })
	}
	parts := []struct {
		show   bool
		zh, en string
	}{
		{true, fmt.Sprintf("records/<记录编号>/v<版本>.json  采集记录的每个版本，与本机保存的内容逐字节相同（记录 %d 条，版本 %d 个）", len(records), len(e.Versions)),
			fmt.Sprintf("records/<record ID>/v<version>.json  every version of the collection record, byte for byte as stored on this computer (records: %d, versions: %d)", len(records), len(e.Versions))},
		{has("events.json"), "events.json  记录的修改历史：谁、何时、改了什么", "events.json  the records' history: who changed what, and when"},
		{has("decisions.json"), "decisions.json  审核结论及原因", "decisions.json  reviewers' decisions and their reasons"},
		{has("consents.json"), "consents.json  您同意的告知及同意时间", "consents.json  the notices you agreed to, and when"},
		{true, fmt.Sprintf("images/<SHA-256>.jpg|png  您上传的全部图片，与上传时逐字节相同（%d 张），文件名是其 SHA-256", len(e.Images)),
			fmt.Sprintf("images/<SHA-256>.jpg|png  every image you uploaded, byte for byte (images: %d), named by its SHA-256", len(e.Images))},
		{e.Sheet != nil, "*.pdf  可打印的信息采集表", "*.pdf  the printable information collection form"},
		{true, "SHA256SUMS  以上每个文件的 SHA-256，可用 sha256sum -c SHA256SUMS 核对", "SHA256SUMS  the SHA-256 of every file above; check them with sha256sum -c SHA256SUMS"},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "采集 Caiji · 我的数据\n\n%s 的个人信息副本，导出于 %s（北京时间）。\n\n", e.Name, made)
	for _, p := range parts {
		if p.show {
			b.WriteString(p.zh + "\n")
		}
	}
	b.WriteString("\n这些文件含有您的证件号码和证件图片等敏感个人信息，请妥善保管。\n\n---\n\n")
	fmt.Fprintf(&b, "Caiji · My data\n\nA copy of the personal information held about %s, exported %s (Beijing time).\n\n", e.Name, made)
	for _, p := range parts {
		if p.show {
			b.WriteString(p.en + "\n")
		}
	}
	b.WriteString("\nThese files hold sensitive personal information such as your ID number and ID images: keep them safe.\n\nFiles:\n")
	for _, f := range files {
		fmt.Fprintf(&b, "  %s  (%d bytes)\n", f.name, len(f.data))
	}
	return []byte(b.String())
}
