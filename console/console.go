// Package console is the orchestrator's web console, served by the API process at /console
// from assets embedded in the binary: the human agent's workspace (presence, live offers with
// their brief and a countdown, their own conversations) and the supervisor's view (live
// handoffs by phase, people with presence and load, statistics and the seed targets).
//
// The pages are server-rendered HTML with a little plain JavaScript and no build step: the
// data comes from the API's own JSON routes (decoded payloads, the same access rules, so an
// agent sees only what their token may) and live changes from its event stream through the
// browser's EventSource. The one library is Chart.js for the statistics, vendored from the
// npm registry at a pinned version (assets/vendor/, make console-vendor), so `go build` needs
// nothing but Go.
package console

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

//go:embed assets templates
var files embed.FS

// Options configure the console; Lookup is required.
type Options struct {
	// Lookup finds who a bearer token belongs to (the API's own token check): a person signs in
	// with the token they use for the API.
	Lookup func(token string) (Identity, bool)
	// SessionTTL is how long a sign-in lasts (api.console_session_ttl; default 8h).
	SessionTTL time.Duration
	// TemporalUI is the Temporal Web UI's origin (codec.ui_origin), for a link from each
	// handoff to its page there; empty: no links.
	TemporalUI string
	Namespace  string
	// Templates maps each context template to its required fields, for marking what a
	// received context misses.
	Templates map[string][]string
	// Signed tells the API's request log who a request is from (the token's name, never more).
	Signed func(ctx context.Context, name string)
	Logger *slog.Logger
	// Now is the sessions' clock (tests move it); default time.Now.
	Now func() time.Time
}

// Console serves /console.
type Console struct {
	o        Options
	sessions *sessions
	pages    map[string]*template.Template
	assets   map[string]asset
	css      template.CSS
}

type asset struct {
	body    []byte
	ctype   string
	version string
}

// New loads the embedded templates and assets.
func New(o Options) (*Console, error) {
	if o.Lookup == nil {
		return nil, fmt.Errorf("console: Options.Lookup is required")
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = 8 * time.Hour
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Signed == nil {
		o.Signed = func(context.Context, string) {}
	}
	c := &Console{o: o, sessions: newSessions(o.SessionTTL, o.Now), pages: map[string]*template.Template{}, assets: map[string]asset{}}
	err := fs.WalkDir(files, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "assets/")
		c.assets[name] = asset{body: b, ctype: mime.TypeByExtension(path.Ext(p)), version: hex.EncodeToString(sum[:6])}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("console assets: %w", err)
	}
	c.css = template.CSS(c.assets["console.css"].body)
	funcs := template.FuncMap{"asset": c.assetURL}
	for _, page := range []string{"login", "agent", "supervisor", "message"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/"+page+".html")
		if err != nil {
			return nil, fmt.Errorf("console template %s: %w", page, err)
		}
		c.pages[page] = t
	}
	return c, nil
}

// Mount adds the console's routes. Every one needs a session but the sign-in itself.
func (c *Console) Mount(mux *http.ServeMux) {
	mux.HandleFunc("GET /console", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/console/", http.StatusSeeOther)
	})
	mux.HandleFunc("GET /console/{$}", c.index)
	mux.HandleFunc("GET /console/login", c.loginPage)
	mux.HandleFunc("POST /console/login", c.login)
	mux.HandleFunc("POST /console/logout", c.logout)
	mux.HandleFunc("GET /console/agent", c.page("agent", config.RoleHuman))
	mux.HandleFunc("GET /console/supervisor", c.page("supervisor", config.RoleOperator))
	mux.HandleFunc("GET /console/assets/{name...}", c.serveAsset)
}

// Authenticate finds the console session of an API request: ErrNoSession without a console
// cookie, a *Refusal for a session that is over, a request from another origin, or a change
// without the session's CSRF token.
func (c *Console) Authenticate(r *http.Request) (*Session, error) {
	ck, err := r.Cookie(SessionCookie)
	if err != nil || ck.Value == "" {
		return nil, ErrNoSession
	}
	if why := crossSite(r); why != "" {
		return nil, &Refusal{Status: http.StatusForbidden, Code: "forbidden",
			Message: "a console session is accepted only from the console's own pages (" + why + ")"}
	}
	s, ok := c.sessions.get(ck.Value)
	if !ok {
		return nil, &Refusal{Status: http.StatusUnauthorized, Code: "unauthorized",
			Message: "the console session is over (it expired, or you signed out): sign in again at /console/login"}
	}
	if unsafe(r.Method) && !sameToken(r.Header.Get(CSRFHeader), s.CSRF) {
		return nil, &Refusal{Status: http.StatusForbidden, Code: "forbidden", Field: CSRFHeader,
			Message: CSRFHeader + ": must carry the console session's CSRF token (the console's pages send it on every change)"}
	}
	c.o.Signed(r.Context(), s.Name)
	return s, nil
}

// current is the page request's live session, or nil.
func (c *Console) current(r *http.Request) *Session {
	ck, err := r.Cookie(SessionCookie)
	if err != nil || ck.Value == "" || crossSite(r) != "" {
		return nil
	}
	s, ok := c.sessions.get(ck.Value)
	if !ok {
		return nil
	}
	c.o.Signed(r.Context(), s.Name)
	return s
}

// index sends a signed-in person to their page, anyone else to the sign-in.
func (c *Console) index(w http.ResponseWriter, r *http.Request) {
	s := c.current(r)
	switch {
	case s == nil:
		http.Redirect(w, r, "/console/login", http.StatusSeeOther)
	case s.Role == config.RoleOperator:
		http.Redirect(w, r, "/console/supervisor", http.StatusSeeOther)
	default:
		http.Redirect(w, r, "/console/agent", http.StatusSeeOther)
	}
}

// page serves one signed-in page to the role it is for.
func (c *Console) page(name, role string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := c.current(r)
		if s == nil {
			expired := ""
			if _, err := r.Cookie(SessionCookie); err == nil {
				expired = "?expired=1"
			}
			http.Redirect(w, r, "/console/login"+expired, http.StatusSeeOther)
			return
		}
		if s.Role != role {
			c.render(w, http.StatusForbidden, "message", c.view(r, s, "Not for this role",
				fmt.Sprintf("This page is for the %s role; you signed in as %s (role %s).", role, s.Name, s.Role)))
			return
		}
		title := map[string]string{"agent": "My work", "supervisor": "Supervisor"}[name]
		c.render(w, http.StatusOK, name, c.view(r, s, title, ""))
	}
}

// view is what every page template gets.
type view struct {
	Title, Message, Nonce string
	Error                 bool
	Field                 string
	CSS                   template.CSS
	Session               *Session
	// Boot is the page script's data, JSON in a data attribute (no inline script, so the
	// content security policy allows none).
	Boot      string
	LoginCSRF string
}

func (c *Console) view(r *http.Request, s *Session, title, message string) view {
	v := view{Title: title, Message: message, CSS: c.css, Session: s}
	if s != nil {
		boot := map[string]any{
			"name": s.Name, "role": s.Role, "agent": s.Agent, "csrf": s.CSRF, "expires": s.Expires,
			"decline_codes": handoff.DeclineCodes, "templates": c.o.Templates,
			"temporal_ui": c.o.TemporalUI, "namespace": c.o.Namespace,
		}
		b, _ := json.Marshal(boot)
		v.Boot = string(b)
	}
	return v
}

// render writes a page with the console's security headers: scripts from this origin only,
// the one inline stylesheet by its nonce, no framing, no referrer to the Web UI's links.
func (c *Console) render(w http.ResponseWriter, status int, page string, v view) {
	nonce, err := randomToken()
	if err != nil {
		http.Error(w, "no randomness for the page", http.StatusInternalServerError)
		return
	}
	v.Nonce = nonce
	var buf bytes.Buffer
	if err := c.pages[page].Execute(&buf, v); err != nil {
		c.o.Logger.Error("console page failed", "page", page, "err", err)
		http.Error(w, "the page could not be rendered; see the server log", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'nonce-"+nonce+"'; "+
		"img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the
	// pages' own form posts, which the same-origin check must refuse.
	h.Set("Referrer-Policy", "same-origin")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// assetURL names an asset with its content's hash, so a browser may cache it for long and
// still gets the new one after an upgrade.
func (c *Console) assetURL(name string) (string, error) {
	a, ok := c.assets[name]
	if !ok {
		return "", fmt.Errorf("no console asset %s", name)
	}
	return "/console/assets/" + name + "?v=" + a.version, nil
}

// serveAsset serves the pages' scripts to a signed-in browser.
func (c *Console) serveAsset(w http.ResponseWriter, r *http.Request) {
	if c.current(r) == nil {
		http.Error(w, "sign in at /console/login first", http.StatusUnauthorized)
		return
	}
	a, ok := c.assets[r.PathValue("name")]
	if !ok {
		http.Error(w, "no such console asset", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	if r.URL.Query().Get("v") == a.version {
		h.Set("Cache-Control", "private, max-age=86400, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	_, _ = w.Write(a.body)
}
