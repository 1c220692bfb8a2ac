package console_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/console"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

// clock is a test's clock for the sessions.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// tokens are the callers the test console knows.
var tokens = map[string]console.Identity{
	"tok-maria":    {Name: "maria", Role: "human", Agent: "maria"},
	"tok-james":    {Name: "james", Role: "human", Agent: "james"},
	"tok-operator": {Name: "operator", Role: "operator"},
	"tok-bot":      {Name: "lead_bot", Role: "bot", Agent: "lead_bot"},
	"tok-codec":    {Name: "codec", Role: "codec"},
}

// consoleEnv serves the console alone, with a probe route that authenticates like the API
// does and says who called; env.Secrets maps names to the test tokens.
func consoleEnv(t *testing.T) (*testenv.Env, *console.Console, *clock) {
	t.Helper()
	clk := &clock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	c, err := console.New(console.Options{
		Lookup:     func(tok string) (console.Identity, bool) { id, ok := tokens[tok]; return id, ok },
		SessionTTL: time.Hour, TemporalUI: "http://127.0.0.1:8233", Namespace: "default",
		Templates: map[string][]string{"default": {"a.b"}}, Now: clk.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	c.Mount(mux)
	mux.HandleFunc("/probe", func(w http.ResponseWriter, r *http.Request) {
		s, err := c.Authenticate(r)
		var ref *console.Refusal
		switch {
		case errors.Is(err, console.ErrNoSession):
			http.Error(w, "no session", http.StatusUnauthorized)
		case errors.As(err, &ref):
			http.Error(w, ref.Field+"|"+ref.Message, ref.Status)
		default:
			_, _ = w.Write([]byte(s.Name))
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	secrets := map[string]string{}
	for tok, id := range tokens {
		secrets[id.Name] = tok
	}
	return &testenv.Env{API: srv, Secrets: secrets}, c, clk
}

func TestSignInGivesAHardenedSessionCookie(t *testing.T) {
	e, _, _ := consoleEnv(t)
	c := e.SignIn(t, "maria")
	u, _ := url.Parse(e.API.URL)
	var session *http.Cookie
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == console.SessionCookie {
			session = ck
		}
	}
	if session == nil || len(session.Value) < 40 {
		t.Fatalf("no session cookie after sign-in: %v", c.HTTP.Jar.Cookies(u))
	}
	if c.Boot["agent"] != "maria" || c.Boot["role"] != "human" || len(c.CSRF) < 40 || c.CSRF == session.Value {
		t.Fatalf("page data %v", c.Boot)
	}
	// The jar hides the attributes: read them off the sign-in answer itself.
	jarless := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, https := range []bool{false, true} {
		resp := postLogin(t, jarless, e.API.URL, "tok-operator", map[string]string{"X-Forwarded-Proto": map[bool]string{true: "https"}[https]})
		resp.Body.Close()
		var got *http.Cookie
		for _, ck := range resp.Cookies() {
			if ck.Name == console.SessionCookie {
				got = ck
			}
		}
		if resp.StatusCode != http.StatusSeeOther || got == nil {
			t.Fatalf("sign-in (https %t): %d, cookies %v", https, resp.StatusCode, resp.Cookies())
		}
		if !got.HttpOnly || got.SameSite != http.SameSiteStrictMode || got.Path != "/" || got.Secure != https || got.MaxAge != 3600 {
			t.Errorf("session cookie over https=%t: %+v", https, got)
		}
	}
	// The page's headers: no inline script, no framing, nothing cached.
	req, _ := http.NewRequest("GET", e.API.URL+"/console/agent", nil)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") ||
		resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("page headers: %v", resp.Header)
	}
}

// postLogin fetches a fresh form and posts the token with it, without following redirects.
func postLogin(t *testing.T, cl *http.Client, base, token string, headers map[string]string) *http.Response {
	t.Helper()
	resp, err := cl.Get(base + "/console/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var loginCk *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == "handoff_console_login" {
			loginCk = ck
		}
	}
	if loginCk == nil {
		t.Fatal("no sign-in form cookie")
	}
	form := url.Values{"csrf": {loginCk.Value}, "token": {token}}
	req, _ := http.NewRequest("POST", base+"/console/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(loginCk)
	for k, v := range headers {
		if v != "" {
			req.Header.Set(k, v)
		}
	}
	resp, err = cl.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// A refused sign-in is a 4xx that names what is wrong, with the form shown again.
func TestSignInRefusalsNameTheField(t *testing.T) {
	e, _, _ := consoleEnv(t)
	cases := []struct {
		name, token string
		headers     map[string]string
		want        int
		says        string
	}{
		{"no token", "", nil, 400, "token: is required"},
		{"unknown token", "not-a-token", nil, 401, "token: not a known API token"},
		{"bot token", "lead_bot", nil, 403, "token: a bot token cannot sign in"},
		{"codec token", "codec", nil, 403, "token: a codec token cannot sign in"},
		{"from another site", "maria", map[string]string{"Origin": "https://evil.example"}, 403, "not from another site"},
		{"fetch metadata says cross-site", "maria", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, "not from another site"},
		{"no form token", "maria", map[string]string{"X-Drop-CSRF": "1"}, 403, "csrf:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, status, body := e.TrySignIn(t, c.token)
			if c.headers != nil {
				// A fresh form (the failed sign-in above shows one), posted by hand with the
				// headers, or without its token.
				cl, _, _ := e.TrySignIn(t, "")
				form := url.Values{"csrf": {formToken(t, cl)}, "token": {e.Secrets[c.token]}}
				if c.headers["X-Drop-CSRF"] != "" {
					form.Del("csrf")
				}
				status, body = cl.DoWith(t, "POST", "/console/login", form, c.headers)
			}
			if status != c.want || !strings.Contains(string(body), c.says) {
				t.Fatalf("status %d, want %d with %q:\n%s", status, c.want, c.says, body)
			}
			if c.want != 403 && !strings.Contains(string(body), `aria-invalid="true"`) {
				t.Errorf("the token field is not marked invalid")
			}
			if strings.Contains(string(body), "tok-") {
				t.Errorf("the answer echoes a token")
			}
		})
	}
	cl, _, _ := e.TrySignIn(t, "")
	status, body := cl.DoWith(t, "POST", "/console/login", url.Values{"csrf": {formToken(t, cl)}, "token": {strings.Repeat("x", 5000)}}, nil)
	if status != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), "token:") {
		t.Fatalf("a 5 KB form: %d %s", status, body)
	}
}

// formToken reads a fresh sign-in form's CSRF token as the browser's jar holds it.
func formToken(t *testing.T, cl *testenv.ConsoleClient) string {
	t.Helper()
	cl.Do(t, "GET", "/console/login", nil)
	u, _ := url.Parse(cl.URL + "/console/login")
	for _, ck := range cl.HTTP.Jar.Cookies(u) {
		if ck.Name == "handoff_console_login" {
			return ck.Value
		}
	}
	t.Fatal("no sign-in form cookie")
	return ""
}

// Requests made with the session: reads pass, changes need the CSRF token, and nothing from
// another origin passes.
func TestSessionRequestsNeedCSRFAndTheSameOrigin(t *testing.T) {
	e, _, _ := consoleEnv(t)
	c := e.SignIn(t, "maria")
	cases := []struct {
		name, method string
		headers      map[string]string
		want         int
		says         string
	}{
		{"read", "GET", nil, 200, "maria"},
		{"change with the token", "POST", nil, 200, "maria"},
		{"change without the token", "POST", map[string]string{"X-CSRF-Token": ""}, 403, "X-CSRF-Token|"},
		{"change with another token", "POST", map[string]string{"X-CSRF-Token": "forged"}, 403, "X-CSRF-Token|"},
		{"change from another origin", "POST", map[string]string{"Origin": "https://evil.example"}, 403, "own pages"},
		{"read from another site", "GET", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, "own pages"},
		{"change typed into the address bar", "DELETE", map[string]string{"Sec-Fetch-Site": "none"}, 403, "own pages"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := c.DoWith(t, tc.method, "/probe", nil, tc.headers)
			if status != tc.want || !strings.Contains(string(body), tc.says) {
				t.Fatalf("%d %s, want %d with %q", status, body, tc.want, tc.says)
			}
		})
	}
	var anon testenv.ConsoleClient
	anon.URL, anon.HTTP = e.API.URL, http.DefaultClient
	if status, body := anon.Do(t, "POST", "/probe", nil); status != 401 || !strings.Contains(string(body), "no session") {
		t.Fatalf("without a cookie: %d %s", status, body)
	}
}

// A session ends after its time: the API answers 401, pages send the person to sign in.
func TestSessionExpires(t *testing.T) {
	e, _, clk := consoleEnv(t)
	c := e.SignIn(t, "maria")
	clk.Add(59 * time.Minute)
	if status, _ := c.Do(t, "GET", "/probe", nil); status != 200 {
		t.Fatalf("a minute before expiry: %d", status)
	}
	clk.Add(time.Minute)
	if status, body := c.Do(t, "GET", "/probe", nil); status != 401 || !strings.Contains(string(body), "sign in again") {
		t.Fatalf("after expiry: %d %s", status, body)
	}
	noFollow := *c.HTTP
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noFollow.Get(e.API.URL + "/console/agent")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/console/login?expired=1" {
		t.Fatalf("page after expiry: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// Signing out takes the CSRF token, ends the session and whatever it had open.
func TestSignOut(t *testing.T) {
	e, con, _ := consoleEnv(t)
	c := e.SignIn(t, "maria")
	req := httptest.NewRequest("GET", "/probe", nil)
	for _, ck := range c.HTTP.Jar.Cookies(mustURL(t, e.API.URL)) {
		req.AddCookie(ck)
	}
	sess, err := con.Authenticate(req)
	if err != nil {
		t.Fatal(err)
	}
	stream, cancel := sess.Bind(context.Background())
	defer cancel()

	if status, body := c.Do(t, "POST", "/console/logout", url.Values{"csrf": {"forged"}}); status != 403 || !strings.Contains(string(body), "csrf:") {
		t.Fatalf("sign-out with a forged token: %d %s", status, body)
	}
	if status, _ := c.Do(t, "GET", "/probe", nil); status != 200 || stream.Err() != nil {
		t.Fatalf("a forged sign-out ended the session: %d, %v", status, stream.Err())
	}
	status, body := c.Do(t, "POST", "/console/logout", url.Values{"csrf": {c.CSRF}})
	if status != 200 || !strings.Contains(string(body), "You signed out") {
		t.Fatalf("sign-out: %d %s", status, body)
	}
	select {
	case <-stream.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("a request bound to the session still runs after sign-out")
	}
	if _, err := con.Authenticate(req); err == nil {
		t.Fatal("the old cookie still authenticates")
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Every console route but the sign-in needs a session, and each page its role.
func TestRoutesNeedASessionAndTheirRole(t *testing.T) {
	e, _, _ := consoleEnv(t)
	anon := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/console", "/console/", "/console/agent", "/console/supervisor", "/console/assets/agent.js",
		"/console/assets/vendor/chart.umd.min.js", "/console/assets/console.css"} {
		resp, err := anon.Get(e.API.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc := resp.Header.Get("Location")
		if resp.StatusCode != 401 && !(resp.StatusCode == 303 && strings.HasPrefix(loc, "/console")) || loc == path {
			t.Errorf("%s without a session: %d to %q", path, resp.StatusCode, loc)
		}
		if resp.StatusCode == 303 && loc != "/console/login" && loc != "/console/" {
			t.Errorf("%s redirects to %q", path, loc)
		}
	}
	agent, op := e.SignIn(t, "maria"), e.SignIn(t, "operator")
	for _, c := range []struct {
		who  *testenv.ConsoleClient
		path string
		want int
	}{
		{agent, "/console/agent", 200}, {agent, "/console/supervisor", 403},
		{op, "/console/supervisor", 200}, {op, "/console/agent", 403},
		{agent, "/console/assets/agent.js", 200}, {op, "/console/assets/vendor/chart.umd.min.js", 200},
		{agent, "/console/assets/nope.js", 404}, {agent, "/console/assets/../console.go", 404},
	} {
		if status, body := c.who.Do(t, "GET", c.path, nil); status != c.want {
			t.Errorf("%s as %s: %d, want %d: %.200s", c.path, c.who.Boot["name"], status, c.want, body)
		}
	}
	if _, body := op.Do(t, "GET", "/console/supervisor", nil); !strings.Contains(string(body), "chart.umd.min.js?v=") {
		t.Errorf("the supervisor page does not load the chart library")
	}
}
