package console

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Sessions: a person signs in once with their own API token and the browser keeps only a
// random session ID in an HttpOnly, SameSite=Strict cookie, so page scripts never hold the
// token and other sites cannot send the cookie. Every request that changes something must
// also carry the session's CSRF token (X-CSRF-Token, or the csrf form field) and come from
// this origin: SameSite alone is not enough where a browser or a proxy ignores it.

// Cookie names: the session, and the sign-in form's own CSRF token (set before any session
// exists, so a cross-site form cannot sign a victim in as someone else).
const (
	SessionCookie = "handoff_console"
	loginCookie   = "handoff_console_login"
	// CSRFHeader carries the session's CSRF token on the API calls the pages make.
	CSRFHeader = "X-CSRF-Token"
)

// maxSessions bounds the memory sign-ins can take; expired ones are swept first.
const maxSessions = 10000

// Identity is who a token belongs to: its name, role and the agent it acts for.
type Identity struct {
	Name, Role, Agent string
}

// Session is one signed-in browser.
type Session struct {
	Identity
	// CSRF is the token state-changing requests must echo.
	CSRF    string
	Expires time.Time
	// ctx ends when the session expires or its person signs out; Bind ties requests to it, so
	// an open event stream stops then too.
	ctx    context.Context
	cancel context.CancelFunc
}

// Bind returns ctx, cancelled also when the session ends (expiry or sign-out).
func (s *Session) Bind(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(s.ctx, cancel)
	return ctx, func() { stop(); cancel() }
}

// ErrNoSession means the request carries no console cookie at all: the caller falls back to
// other authentication (a bearer token).
var ErrNoSession = errors.New("no console session")

// Refusal is a console cookie that does not authenticate this request, with the answer to
// give: 401 for a session that is unknown or over, 403 for a request that fails the CSRF or
// same-origin check.
type Refusal struct {
	Status  int
	Code    string
	Field   string
	Message string
}

func (r *Refusal) Error() string { return r.Message }

// sessions keeps sign-ins in memory, by the SHA-256 of their ID (a dump of the map names no
// usable cookie). A restart of the API signs everyone out.
type sessions struct {
	mu  sync.Mutex
	ttl time.Duration
	now func() time.Time
	m   map[[sha256.Size]byte]*Session
}

func newSessions(ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{ttl: ttl, now: now, m: map[[sha256.Size]byte]*Session{}}
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// create signs id in and returns the cookie value.
func (st *sessions) create(id Identity) (string, *Session, error) {
	key, err := randomToken()
	if err != nil {
		return "", nil, err
	}
	csrf, err := randomToken()
	if err != nil {
		return "", nil, err
	}
	now := st.now()
	s := &Session{Identity: id, CSRF: csrf, Expires: now.Add(st.ttl)}
	// The deadline is on the wall clock the sessions use; the context's timer covers a real
	// clock, and get checks the same expiry for a clock a test moves.
	s.ctx, s.cancel = context.WithDeadline(context.Background(), time.Now().Add(st.ttl))
	st.mu.Lock()
	defer st.mu.Unlock()
	st.sweep(now)
	if len(st.m) >= maxSessions {
		s.cancel()
		return "", nil, errors.New("too many console sessions are open; try again later")
	}
	st.m[sha256.Sum256([]byte(key))] = s
	return key, s, nil
}

// sweep drops expired sessions; the caller holds mu.
func (st *sessions) sweep(now time.Time) {
	for k, s := range st.m {
		if !now.Before(s.Expires) {
			s.cancel()
			delete(st.m, k)
		}
	}
}

// get returns the live session of a cookie value.
func (st *sessions) get(key string) (*Session, bool) {
	h := sha256.Sum256([]byte(key))
	st.mu.Lock()
	defer st.mu.Unlock()
	s, ok := st.m[h]
	if !ok {
		return nil, false
	}
	if !st.now().Before(s.Expires) {
		s.cancel()
		delete(st.m, h)
		return nil, false
	}
	return s, true
}

// end signs a session out: its open requests (an event stream) are cancelled.
func (st *sessions) end(key string) {
	h := sha256.Sum256([]byte(key))
	st.mu.Lock()
	defer st.mu.Unlock()
	if s, ok := st.m[h]; ok {
		s.cancel()
		delete(st.m, h)
	}
}

// unsafe reports whether a method changes something (and so needs the CSRF token).
func unsafe(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// crossSite explains why a request does not come from this origin, or returns "". Browsers
// send Sec-Fetch-Site (all current ones) and Origin (on every POST); a request with neither
// comes from no browser, and a script elsewhere cannot make a browser leave both out.
func crossSite(r *http.Request) string {
	switch site := r.Header.Get("Sec-Fetch-Site"); site {
	case "", "same-origin":
	case "none":
		// The person typed the address or followed a bookmark: fine for a page, never for a
		// change.
		if unsafe(r.Method) {
			return "Sec-Fetch-Site: none on a " + r.Method
		}
	default:
		return "Sec-Fetch-Site: " + site
	}
	if o := r.Header.Get("Origin"); o != "" && o != origin(r) {
		return "Origin " + o + " is not " + origin(r)
	}
	return ""
}

// origin is this server's origin as the browser sees it.
func origin(r *http.Request) string {
	if isHTTPS(r) {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// isHTTPS says whether the browser reached us over TLS: directly, or through a proxy that
// says so. The session cookie is then Secure.
func isHTTPS(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// sameToken compares CSRF tokens in constant time.
func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
