package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// NoticeKind names a notice a person must agree to before Caiji collects
// what it covers. PIPL asks for informed consent to personal information
// (art. 14, 17) and a separate consent, with its necessity and impact
// explained, to sensitive personal information (art. 28–30).
type NoticeKind string

const (
	// NoticePersonal is shown at registration: ID number, name, mobile
	// number and what the collection asks for afterwards.
	NoticePersonal NoticeKind = "personal"
	// NoticeSensitive is shown at 实名认证 before any image is chosen: the
	// ID document images and the face photo.
	NoticeSensitive NoticeKind = "sensitive"
)

// NoticeKinds lists the notices in the order a person meets them.
func NoticeKinds() []NoticeKind { return []NoticeKind{NoticePersonal, NoticeSensitive} }

// Notice is one notice as Caiji shows it, in both languages.
type Notice struct {
	Kind  NoticeKind
	Title Msg
	Text  Msg
	// Digest is the SHA-256 (hex) of the notice's kind and both languages'
	// title and text: what a consent names, so any change of wording, in
	// either language, asks everyone again.
	Digest string
}

// Notices are the notices shipped with the app, by kind.
type Notices map[NoticeKind]*Notice

// LoadNotices reads <kind>.zh.txt and <kind>.en.txt for every kind from
// fsys (assets/consent in the binary): the first line is the title, the
// rest the text. Line ends are read as \n and surrounding blank space is
// dropped, so a checkout that turned the files to CRLF computes the same
// digests.
func LoadNotices(fsys fs.FS) (Notices, error) {
	out := Notices{}
	for _, k := range NoticeKinds() {
		n := &Notice{Kind: k}
		for _, lang := range []string{"zh", "en"} {
			data, err := fs.ReadFile(fsys, string(k)+"."+lang+".txt")
			if err != nil {
				return nil, fmt.Errorf("notice: %w", err)
			}
			text := strings.TrimSpace(strings.ReplaceAll(string(data), "\r\n", "\n"))
			title, body, _ := strings.Cut(text, "\n")
			title, body = strings.TrimSpace(title), strings.TrimSpace(body)
			if title == "" || body == "" {
				return nil, fmt.Errorf("notice: %s.%s.txt needs a title line and a text", k, lang)
			}
			if lang == "zh" {
				n.Title.Zh, n.Text.Zh = title, body
			} else {
				n.Title.En, n.Text.En = title, body
			}
		}
		n.Digest = n.digest()
		out[k] = n
	}
	return out, nil
}

// digest hashes the kind and the four texts, each ended by a NUL so that
// no text can run into the next.
func (n *Notice) digest() string {
	h := sha256.New()
	for _, s := range []string{string(n.Kind), n.Title.Zh, n.Text.Zh, n.Title.En, n.Text.En} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Consent is a person's recorded agreement to one notice: which notice,
// the digest of the text they were shown, and when.
type Consent struct {
	Notice NoticeKind `json:"notice"`
	Digest string     `json:"digest"`
	At     time.Time  `json:"at"`
}

// Agree records agreement to n at t.
func (n *Notice) Agree(at time.Time) Consent {
	return Consent{Notice: n.Kind, Digest: n.Digest, At: at.UTC()}
}

// Asks reports whether n must be shown and agreed to before what it covers
// is collected: nothing in given agrees to this text of n — never asked,
// or agreed to a text that has changed since.
func (n *Notice) Asks(given []Consent) bool {
	for _, c := range given {
		if c.Notice == n.Kind && c.Digest == n.Digest {
			return false
		}
	}
	return true
}

// LastConsent is the latest of given to the notice of kind, or nil.
func LastConsent(given []Consent, kind NoticeKind) *Consent {
	var last *Consent
	for i, c := range given {
		if c.Notice == kind && (last == nil || c.At.After(last.At)) {
			last = &given[i]
		}
	}
	return last
}

// ConsentError is collection refused for want of consent to a notice.
type ConsentError struct{ Notice NoticeKind }

func (e *ConsentError) Error() string {
	return fmt.Sprintf("consent to the %s notice is needed first", e.Notice)
}

// Msg is the error in the user's language.
func (e *ConsentError) Msg() Msg {
	if e.Notice == NoticeSensitive {
		return Msg{"请先阅读并同意敏感个人信息处理告知，再选择证件图片或照片。", "Read and agree to the notice on sensitive personal information before choosing ID images or photos."}
	}
	return Msg{"请先阅读并同意个人信息处理告知。", "Read and agree to the notice on personal information first."}
}

// RequireConsent is nil when given agrees to the current text of n, and a
// *ConsentError otherwise: for the code that stores what n covers, so the
// check holds whatever a screen did.
func RequireConsent(n *Notice, given []Consent) error {
	if n.Asks(given) {
		return &ConsentError{n.Kind}
	}
	return nil
}
