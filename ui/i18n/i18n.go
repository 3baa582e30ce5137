package i18n

import (
	"errors"
	"strings"

	"caiji/assets"
	"caiji/domain"
)

// Languages the UI speaks; Chinese is the default.
const (
	LangZh = "zh"
	LangEn = "en"
)

// Translator looks up the UI's strings in one language. Fyne's lang package
// follows only the OS locale (no setter on Windows and macOS), and Caiji's
// -lang flag must win, so the app keeps its own flat maps, embedded as
// assets/i18n/{zh,en}.json.
type Translator struct {
	assets.Words
}

// NewTranslator loads the strings for lang ("zh" or "en").
func NewTranslator(lang string) (*Translator, error) {
	w, err := assets.LoadWords(lang)
	if err != nil {
		return nil, err
	}
	return &Translator{w}, nil
}

// Lang is the language code.
func (t *Translator) Lang() string { return t.Words.Lang }

// Msg picks a domain message's text in the UI language.
func (t *Translator) Msg(m domain.Msg) string { return m.In(t.Words.Lang) }

// Err is the user-facing text of err: a domain Problem's own message, a
// known storage error's translation, or a generic sentence with the detail.
func (t *Translator) Err(err error) string {
	if err == nil {
		return ""
	}
	if p, ok := err.(domain.Problem); ok {
		return t.Msg(p.Msg)
	}
	if p := invalidProblem(err); p != nil {
		return t.Msg(p.Msg)
	}
	var ce *domain.ConsentError
	if errors.As(err, &ce) {
		return t.Msg(ce.Msg())
	}
	for _, k := range storageErrors {
		if matches(err, k.err) {
			return t.T(k.key)
		}
	}
	if le := lockedError(err); le != nil {
		key := "err.locked"
		if le.Station {
			key = "err.station_locked"
		}
		return t.T(key, le.Until.In(domain.Shanghai).Format("15:04"))
	}
	var lf *domain.LockedFieldError
	if errors.As(err, &lf) {
		return t.T("err.locked_field", lf.Field)
	}
	return t.T("err.unexpected", strings.TrimPrefix(err.Error(), "storage: "))
}

// Consents says, for each notice, when the person last agreed to it and to
// which text (the start of its digest), or that no consent is recorded.
func (t *Translator) Consents(given []domain.Consent) string {
	label := map[domain.NoticeKind]string{domain.NoticePersonal: t.T("form.consent_personal"), domain.NoticeSensitive: t.T("form.consent_sensitive")}
	var parts []string
	for _, k := range domain.NoticeKinds() {
		when := t.T("form.no_consent")
		if last := domain.LastConsent(given, k); last != nil {
			when = t.T("form.consented", last.At.In(domain.Shanghai).Format("2006-01-02 15:04"), last.Digest[:min(12, len(last.Digest))])
		}
		parts = append(parts, label[k]+"  "+when)
	}
	return strings.Join(parts, "\n")
}
