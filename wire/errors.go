package wire

import "fmt"

// Stable error codes of the hub's answers. Clients act on the code; the
// messages are for people.
const (
	CodeBadRequest        = "bad_request"        // 400: malformed JSON or parameters
	CodeUnauthorized      = "unauthorized"       // 401: no credential, a bad signature, an expired token
	CodeForbidden         = "forbidden"          // 403: a credential that may not do this
	CodeNotFound          = "not_found"          // 404
	CodeConflict          = "conflict"           // 409: another content at that version, or not awaiting review
	CodeStaleBase         = "stale_base"         // 409: base is not the hub's latest version
	CodeTooLarge          = "too_large"          // 413
	CodeInvalid           = "invalid"            // 422: the version or image breaks the rules; do not retry
	CodeMissingBlob       = "missing_blob"       // 422: the version names a blob the hub does not have
	CodeDigestMismatch    = "digest_mismatch"    // 422: a blob's body does not hash to its name
	CodeLocked            = "locked"             // 423: too many wrong passwords
	CodeAlreadyRegistered = "already_registered" // 409: the person is registered on the hub: use that password
	CodeRateLimited       = "rate_limited"       // 429
	CodeTimeout           = "timeout"            // 408: the body came too slowly
	CodeInternal          = "internal"           // 500
	CodeUnavailable       = "unavailable"        // 503: the hub is stopping or its database is down
)

// Error is the body of every answer that is not a success: a stable code and
// the message in both UI languages. Problems lists the pre-audit's findings
// when a version was refused for them.
type Error struct {
	Code     string    `json:"code"`
	Zh       string    `json:"zh"`
	En       string    `json:"en"`
	Problems []Problem `json:"problems,omitempty"`
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.En) }

// Problem is one pre-audit finding as it travels (domain.Problem without
// its Go types).
type Problem struct {
	Code     string `json:"code"`
	Severity string `json:"severity"` // "error" or "warning"
	Field    string `json:"field"`
	Zh       string `json:"zh"`
	En       string `json:"en"`
}

// Retryable reports whether a client should send the same request again
// later: only a timeout, a rate limit, or a hub-side failure. Any other
// refusal goes to the user with its message.
func Retryable(status int) bool {
	return status == 408 || status == 429 || status >= 500
}
