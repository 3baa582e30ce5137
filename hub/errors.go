package hub

import (
	"encoding/json"
	"errors"
	"net/http"

	"caiji/domain"
	"caiji/wire"
)

// apiError is a refusal: the HTTP status and the body.
type apiError struct {
	status int
	body   wire.Error
}

func (e *apiError) Error() string { return e.body.Error() }

func fail(status int, code, zh, en string) *apiError {
	return &apiError{status, wire.Error{Code: code, Zh: zh, En: en}}
}

// The refusals every route shares.
var (
	errUnauthorized = fail(http.StatusUnauthorized, wire.CodeUnauthorized, "未登录或凭据无效、已过期、已被吊销", "Not signed in, or the credential is invalid, expired or revoked")
	errForbidden    = fail(http.StatusForbidden, wire.CodeForbidden, "无权进行此操作", "You may not do this")
	errNotFound     = fail(http.StatusNotFound, wire.CodeNotFound, "未找到", "Not found")
	errBadJSON      = fail(http.StatusBadRequest, wire.CodeBadRequest, "请求内容不是有效的 JSON", "The request body is not valid JSON")
	errTooLarge     = fail(http.StatusRequestEntityTooLarge, wire.CodeTooLarge, "请求内容过大", "The request body is too large")
	errTimeout      = fail(http.StatusRequestTimeout, wire.CodeTimeout, "请求内容接收超时或不完整，请重试", "The request body came too slowly or incomplete: try again")
	errRateLimited  = fail(http.StatusTooManyRequests, wire.CodeRateLimited, "请求过于频繁，请稍后再试", "Too many requests: try again shortly")
	errUnavailable  = fail(http.StatusServiceUnavailable, wire.CodeUnavailable, "中心暂时无法处理，请稍后再试", "The hub cannot answer now: try again later")
	errInternal     = fail(http.StatusInternalServerError, wire.CodeInternal, "中心内部错误，请稍后再试", "Internal error of the hub: try again later")
)

func invalid(zh, en string) *apiError {
	return fail(http.StatusUnprocessableEntity, wire.CodeInvalid, zh, en)
}

// invalidProblems is a 422 listing the rules' findings.
func invalidProblems(zh, en string, ps []domain.Problem) *apiError {
	e := invalid(zh, en)
	for _, p := range ps {
		e.body.Problems = append(e.body.Problems, wire.Problem{Code: p.Code, Severity: p.Severity.String(), Field: p.Field, Zh: p.Msg.Zh, En: p.Msg.En})
	}
	return e
}

// problemError is a 422 for one finding (an image the photo code refused).
func problemError(code string, err error) *apiError {
	var p domain.Problem
	if errors.As(err, &p) {
		e := fail(http.StatusUnprocessableEntity, code, p.Msg.Zh, p.Msg.En)
		e.body.Problems = []wire.Problem{{Code: p.Code, Severity: p.Severity.String(), Zh: p.Msg.Zh, En: p.Msg.En}}
		return e
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers err: an *apiError as itself, anything else as a 500
// logged without the request's content.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var e *apiError
	if !errors.As(err, &e) {
		if r.Context().Err() != nil {
			e = errUnavailable
		} else {
			s.log.ErrorContext(r.Context(), "request failed", "route", r.Pattern, "err", err)
			e = errInternal
		}
	}
	writeJSON(w, e.status, e.body)
}
