package httpapi

import (
	"context"
	"net/http"
	"time"
)

// logRequests writes one line per request once it is answered: method, route pattern (never
// the raw path, which holds conversation IDs), status, duration and the caller's name; never
// bodies, so no customer details. It also turns a panic into a 500, so no input can take the
// process down.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &logInfo{}
		r = r.WithContext(context.WithValue(r.Context(), logKey{}, info))
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logger.ErrorContext(r.Context(), "panic in handler", "route", r.Pattern, "panic", v)
				if sw.status == 0 {
					writeError(sw, http.StatusInternalServerError, "internal", "", "internal error; see the server log")
				}
			}
			route := r.Pattern
			if route == "" || route == "/" {
				route = "unmatched"
			}
			setRouteInfo(r.Context(), route, sw.status)
			s.logger.InfoContext(r.Context(), "request",
				"method", r.Method, "route", route, "status", sw.status,
				"duration_ms", time.Since(start).Milliseconds(), "principal", info.principal)
		}()
		next.ServeHTTP(sw, r)
	})
}

// logInfo carries what the auth layer learns (the caller's name) out to the request log line.
type logInfo struct{ principal string }

type logKey struct{}

func setLogPrincipal(ctx context.Context, name string) {
	if li, ok := ctx.Value(logKey{}).(*logInfo); ok {
		li.principal = name
	}
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (flush, deadlines).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
