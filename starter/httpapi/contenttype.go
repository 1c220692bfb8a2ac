package httpapi

import (
	"mime"
	"net/http"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

// requireJSON answers 415 to a request that carries a body but does not say it is JSON.
// Without it any Content-Type was accepted, so a form post or a text/plain request from a
// browser (which needs no CORS preflight) reached the handlers as if it were JSON. A request
// without a body needs no Content-Type: accept and decline take an optional one.
func requireJSON(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength == 0 || r.Method == http.MethodGet || r.Method == http.MethodHead {
			next(w, r)
			return
		}
		ct := r.Header.Get("Content-Type")
		mt, params, err := mime.ParseMediaType(ct)
		charset, hasCharset := params["charset"]
		switch {
		case ct == "":
			writeError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "",
				"Content-Type: is required for a request with a body: application/json")
		case err != nil || mt != "application/json":
			writeError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "",
				"Content-Type: must be application/json (optionally with charset=utf-8), not "+handoff.Quote(ct))
		case hasCharset && !strings.EqualFold(charset, "utf-8"):
			writeError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "",
				"Content-Type: JSON is UTF-8, not charset "+handoff.Quote(charset))
		default:
			next(w, r)
		}
	}
}
