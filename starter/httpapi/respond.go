package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// ErrorBody is every error response: {"error": {"code", "field", "message"}}.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail names what went wrong; Field is set for input mistakes.
type ErrorDetail struct {
	Code    string `json:"code"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Conditions such as "> 0.9" read better unescaped; nothing here is rendered as HTML.
	enc.SetEscapeHTML(false)
	// A write error means the caller hung up; there is no one left to tell.
	_ = enc.Encode(v)
}

// maxErrorText bounds the field and message of an error answer. Validators quote at most a
// short prefix of a bad value (handoff.Quote); this is the backstop for any message that
// still echoes one whole, so no answer grows with the request.
const maxErrorText = 512

func writeError(w http.ResponseWriter, status int, code, field, msg string) {
	writeJSON(w, status, ErrorBody{Error: ErrorDetail{Code: code, Field: clipText(field), Message: clipText(msg)}})
}

func clipText(s string) string {
	if len(s) <= maxErrorText {
		return s
	}
	cut := maxErrorText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "… (" + itoa(int64(len(s))) + " bytes)"
}

// fail answers an operation's error: client mistakes and refusals are 4xx with the reason,
// Temporal trouble is 503/504, and only the unexpected is a 500 (logged, not echoed).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", "body",
			"body: must be at most "+itoa(tooBig.Limit)+" bytes")
		return
	}
	var over *handoff.TooLargeError
	if errors.As(err, &over) {
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", over.Field, over.Error())
		return
	}
	if fe, ok := handoff.AsFieldError(err); ok {
		writeError(w, http.StatusBadRequest, "invalid_input", fe.Field, fe.Error())
		return
	}
	switch service.KindOf(err) {
	case service.KindNotFound:
		writeError(w, http.StatusNotFound, "not_found", "", err.Error())
	case service.KindConflict:
		writeError(w, http.StatusConflict, "conflict", "", err.Error())
	case service.KindUnavailable:
		s.logger.WarnContext(r.Context(), "temporal unavailable", "err", err)
		writeError(w, http.StatusServiceUnavailable, "unavailable", "", err.Error())
	case service.KindTimeout:
		// A call that timed out may mean Temporal itself is down, not the workers: say which.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 2*time.Second)
		defer cancel()
		if herr := s.ops.CheckHealth(ctx); herr != nil {
			s.logger.WarnContext(r.Context(), "temporal unavailable", "err", herr)
			writeError(w, http.StatusServiceUnavailable, "unavailable", "", herr.Error())
			return
		}
		writeError(w, http.StatusGatewayTimeout, "timeout", "", err.Error())
	default:
		s.logger.ErrorContext(r.Context(), "request failed", "route", r.Pattern, "err", err)
		writeError(w, http.StatusInternalServerError, "internal", "", "internal error; see the server log")
	}
}

func forbidden(w http.ResponseWriter, msg string) {
	writeError(w, http.StatusForbidden, "forbidden", "", msg)
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
