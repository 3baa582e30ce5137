package domain

import "fmt"

// Severity says whether a problem blocks submission or only informs the reviewer.
type Severity int

const (
	// Error blocks 提交 until it is fixed.
	Error Severity = iota
	// Warning is shown to the candidate and passed on to the reviewer.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Msg is a user-facing text in both UI languages. Rules own their messages so
// the screens and the reviewer read the same words.
type Msg struct {
	Zh string
	En string
}

// In returns the text for lang ("zh" or "en"); Chinese is the default.
func (m Msg) In(lang string) string {
	if lang == "en" && m.En != "" {
		return m.En
	}
	return m.Zh
}

// Problem is one finding of a rule: a stable code (ID6, U2, ED1 …), its
// severity, the field it concerns as a path such as "education[1].graduated",
// and what the user should do.
type Problem struct {
	Code     string
	Severity Severity
	Field    string
	Msg      Msg
}

// Error makes a Problem usable as an error from a parser; the Chinese text is
// what a log shows.
func (p Problem) Error() string { return fmt.Sprintf("%s: %s", p.Code, p.Msg.Zh) }

// At returns a copy of p concerning field; parsers do not know where their
// input came from, the pre-audit does.
func (p Problem) At(field string) Problem {
	p.Field = field
	return p
}

func problem(code string, sev Severity, zh, en string) Problem {
	return Problem{Code: code, Severity: sev, Msg: Msg{Zh: zh, En: en}}
}

func errorf(code, zh, en string) Problem   { return problem(code, Error, zh, en) }
func warningf(code, zh, en string) Problem { return problem(code, Warning, zh, en) }
