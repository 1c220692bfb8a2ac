package httpapi

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"html"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"go.temporal.io/sdk/converter"
)

// CodecOptions configure the codec endpoint: Temporal's remote codec protocol (POST
// {Path}/encode and {Path}/decode with {"payloads": [...]}), through which operators read
// encrypted payloads in the Web UI and the temporal CLI. A nil Codec serves no endpoint.
type CodecOptions struct {
	Codec converter.PayloadCodec
	// Path is where the endpoint is mounted, e.g. /codec.
	Path string
	// UIOrigin is the one browser origin allowed to call the endpoint (CORS), e.g.
	// http://127.0.0.1:8233; empty allows no browser (CLI only).
	UIOrigin string
	// SessionTTL bounds a browser sign-in (default 8h).
	SessionTTL time.Duration
	// UIToken, when set, serves decoding at {Path}/ui/{UIToken}/decode with no sign-in, for a
	// development Web UI (config codec.ui_token_file).
	UIToken string
}

// CodecFromConfig is the codec endpoint the config asks for: none without encryption keys.
func CodecFromConfig(cfg *config.Config) CodecOptions {
	return CodecOptions{Codec: cfg.PayloadCodec(), Path: cfg.Codec.Endpoint, UIOrigin: cfg.Codec.UIOrigin, UIToken: cfg.UIToken()}
}

// codecMaxBody bounds one encode or decode request: the Web UI sends one event's payloads,
// and Temporal itself refuses payloads over 2 MiB.
const codecMaxBody = 8 << 20

// sessionCookie carries a browser sign-in; it never holds the operator token itself.
const sessionCookie = "handoff_codec_session"

// codecEndpoint authenticates callers (an operator bearer token, or a browser session made
// by signing in with one) and hands the payloads to the SDK's codec HTTP handler.
//
// Why a session: the Web UI calls the codec from the browser and can send an Authorization
// header only with its own OIDC access token, over https. It can, however, send cookies
// ("Include cross-origin credentials" in its codec settings). So an operator signs in once at
// {Path}/login with the operator token and the browser keeps an HttpOnly, SameSite=Strict
// cookie scoped to {Path}, accepted only from UIOrigin with a JSON body (which forces a CORS
// preflight that other origins fail).
type codecEndpoint struct {
	s        *Server
	opts     CodecOptions
	handler  http.Handler
	sessions *sessionStore
}

// mountCodec adds the codec routes to mux when a codec is configured.
func (s *Server) mountCodec(mux *http.ServeMux) {
	o := s.opts.Codec
	if o.Codec == nil {
		return
	}
	if o.Path == "" {
		o.Path = "/codec"
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = 8 * time.Hour
	}
	c := &codecEndpoint{s: s, opts: o, handler: converter.NewPayloadCodecHTTPHandler(o.Codec),
		sessions: &sessionStore{ttl: o.SessionTTL, m: map[[sha256.Size]byte]session{}}}
	for _, op := range []string{"/encode", "/decode"} {
		mux.HandleFunc("POST "+o.Path+op, c.serve)
		mux.HandleFunc("OPTIONS "+o.Path+op, c.preflight)
	}
	if o.UIToken != "" {
		mux.HandleFunc("POST "+o.Path+"/ui/{token}/decode", c.serveUI)
		mux.HandleFunc("OPTIONS "+o.Path+"/ui/{token}/decode", c.preflight)
	}
	mux.HandleFunc("GET "+o.Path+"/login", c.loginPage)
	mux.HandleFunc("POST "+o.Path+"/login", c.login)
	mux.HandleFunc("POST "+o.Path+"/logout", c.logout)
}

func (c *codecEndpoint) serve(w http.ResponseWriter, r *http.Request) {
	c.cors(w, r)
	p, ok := c.authenticate(w, r)
	if !ok {
		return
	}
	// Reading payloads is an operator's job; encrypting them with the service's key would let
	// a caller make payloads the workers trust, so only codec tokens (clients in other
	// languages that start or signal handoffs through Temporal) may encode.
	encode := strings.HasSuffix(r.URL.Path, "/encode")
	switch {
	case encode && p.Role != config.RoleCodec:
		writeError(w, http.StatusForbidden, "forbidden", "", "role "+p.Role+" of token "+p.Name+" may not encode payloads (needs codec)")
		return
	case !encode && p.Role != config.RoleOperator && p.Role != config.RoleCodec:
		writeError(w, http.StatusForbidden, "forbidden", "", "role "+p.Role+" of token "+p.Name+" may not read payloads (needs operator or codec)")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, codecMaxBody)
	w.Header().Set("Cache-Control", "no-store")
	c.handler.ServeHTTP(w, r)
}

// serveUI decodes for the development Web UI whose codec endpoint holds the UI token. The token
// is the credential (compared in constant time; a wrong one is a plain 404); request logs name
// the route pattern, never the path that holds it.
func (c *codecEndpoint) serveUI(w http.ResponseWriter, r *http.Request) {
	c.cors(w, r)
	if subtle.ConstantTimeCompare([]byte(r.PathValue("token")), []byte(c.opts.UIToken)) != 1 {
		writeError(w, http.StatusNotFound, "not_found", "", "no route "+r.Method+" "+c.opts.Path+"/ui/…/decode")
		return
	}
	setLogPrincipal(r.Context(), "web-ui")
	r.Body = http.MaxBytesReader(w, r.Body, codecMaxBody)
	w.Header().Set("Cache-Control", "no-store")
	c.handler.ServeHTTP(w, r)
}

// authenticate finds the caller from a bearer token or a browser session, answering 401 or
// 403 itself when there is none.
func (c *codecEndpoint) authenticate(w http.ResponseWriter, r *http.Request) (Principal, bool) {
	if token, ok := bearer(r); ok {
		p, ok := c.s.auth.lookup(token)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="handoff", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", "", "unknown bearer token")
			return Principal{}, false
		}
		setLogPrincipal(r.Context(), p.Name)
		return p, true
	}
	if ck, err := r.Cookie(sessionCookie); err == nil {
		if c.opts.UIOrigin == "" || r.Header.Get("Origin") != c.opts.UIOrigin || !isJSON(r) {
			writeError(w, http.StatusForbidden, "forbidden", "", "a codec session is accepted only from the Web UI origin with a JSON body")
			return Principal{}, false
		}
		if p, ok := c.sessions.get(ck.Value); ok {
			setLogPrincipal(r.Context(), p.Name)
			return p, true
		}
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="handoff"`)
	writeError(w, http.StatusUnauthorized, "unauthorized", "",
		"an operator or codec bearer token is required (Authorization: Bearer <token>), or an operator signs in at "+c.opts.Path+"/login")
	return Principal{}, false
}

// cors allows the configured Web UI origin, and only it, to read responses. Credentials are
// allowed for the session cookie; that is why the origin is never a wildcard.
func (c *codecEndpoint) cors(w http.ResponseWriter, r *http.Request) bool {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if c.opts.UIOrigin == "" || origin != c.opts.UIOrigin {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Set("Access-Control-Allow-Credentials", "true")
	return true
}

// preflight answers the browser's CORS check without authentication (browsers never send
// credentials on it), for the configured origin only.
func (c *codecEndpoint) preflight(w http.ResponseWriter, r *http.Request) {
	if !c.cors(w, r) {
		writeError(w, http.StatusForbidden, "forbidden", "", "origin not allowed to use the codec endpoint")
		return
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", "POST")
	h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Namespace")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

func isJSON(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "application/json"
}

// loginPage is a bare form; the token goes in a POST body, never in a URL or a log.
func (c *codecEndpoint) loginPage(w http.ResponseWriter, r *http.Request) {
	c.page(w, http.StatusOK, `<p>Sign in with an <b>operator</b> API token to read encrypted payloads in the Temporal Web UI.</p>
<form method="post"><input type="password" name="token" autocomplete="off" size="50" autofocus> <button>Sign in</button></form>`)
}

func (c *codecEndpoint) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	p, ok := c.s.auth.lookup(strings.TrimSpace(r.PostFormValue("token")))
	if !ok || p.Role != config.RoleOperator {
		c.page(w, http.StatusForbidden, `<p>Not an operator token.</p><p><a href="login">Try again</a></p>`)
		return
	}
	setLogPrincipal(r.Context(), p.Name)
	id, err := c.sessions.create(p)
	if err != nil {
		c.page(w, http.StatusInternalServerError, "<p>Could not create a session.</p>")
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: id, Path: c.opts.Path, MaxAge: int(c.opts.SessionTTL.Seconds()),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r),
	})
	scheme := "http"
	if isHTTPS(r) {
		scheme = "https"
	}
	endpoint := scheme + "://" + r.Host + c.opts.Path
	c.page(w, http.StatusOK, `<p>Signed in as <b>`+html.EscapeString(p.Name)+`</b> for `+c.opts.SessionTTL.String()+`.</p>
<p>Open the Temporal Web UI at exactly `+html.EscapeString(c.opts.UIOrigin)+`; in its codec server settings choose
your browser's setting, set the endpoint to <code>`+html.EscapeString(endpoint)+`</code> and turn on
<i>Include cross-origin credentials</i>.</p>`)
}

func (c *codecEndpoint) logout(w http.ResponseWriter, r *http.Request) {
	if ck, err := r.Cookie(sessionCookie); err == nil {
		c.sessions.delete(ck.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: c.opts.Path, MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	c.page(w, http.StatusOK, "<p>Signed out.</p>")
}

func (c *codecEndpoint) page(w http.ResponseWriter, status int, body string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	// No scripts, no framing (clickjacking), forms post back here only.
	h.Set("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write([]byte("<!doctype html><title>Handoff codec</title>\n" + body + "\n"))
}

func isHTTPS(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// sessionStore keeps browser sign-ins in memory: a restart signs everyone out, which is
// fine for an operator's occasional look at payloads. Only hashes of session IDs are kept.
type sessionStore struct {
	mu  sync.Mutex
	ttl time.Duration
	m   map[[sha256.Size]byte]session
}

type session struct {
	p       Principal
	expires time.Time
}

func (st *sessionStore) create(p Principal) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	id := base64.RawURLEncoding.EncodeToString(b)
	now := time.Now()
	st.mu.Lock()
	defer st.mu.Unlock()
	for k, s := range st.m {
		if now.After(s.expires) {
			delete(st.m, k)
		}
	}
	st.m[sha256.Sum256([]byte(id))] = session{p: p, expires: now.Add(st.ttl)}
	return id, nil
}

func (st *sessionStore) get(id string) (Principal, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	s, ok := st.m[sha256.Sum256([]byte(id))]
	if !ok || time.Now().After(s.expires) {
		return Principal{}, false
	}
	return s.p, true
}

func (st *sessionStore) delete(id string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	delete(st.m, sha256.Sum256([]byte(id)))
}
