package testenv

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// ConsoleClient is an HTTP client signed in to the web console the way a browser is: it keeps
// the cookies, sends the page's CSRF token on changes and the same Origin as the pages.
type ConsoleClient struct {
	URL  string
	HTTP *http.Client
	// CSRF is the session's token and Boot the page data it came in.
	CSRF string
	Boot map[string]any
}

var (
	loginCSRF = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	bootData  = regexp.MustCompile(`data-boot="([^"]+)"`)
)

// SignIn signs in to the console at base with a token (a name of Secrets, or a raw token)
// and reads the page it lands on. It fails the test unless the sign-in succeeds.
func (e *Env) SignIn(t testing.TB, token string) *ConsoleClient {
	t.Helper()
	c, status, body := e.TrySignIn(t, token)
	if status != http.StatusOK {
		t.Fatalf("console sign-in with %s: %d %s", token, status, body)
	}
	return c
}

// TrySignIn posts the sign-in form and follows the redirect to the person's page; it returns
// the final status and body.
func (e *Env) TrySignIn(t testing.TB, token string) (*ConsoleClient, int, []byte) {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &ConsoleClient{URL: e.API.URL, HTTP: &http.Client{Jar: jar}}
	status, page := c.Do(t, "GET", "/console/login", nil)
	m := loginCSRF.FindSubmatch(page)
	if status != http.StatusOK || m == nil {
		t.Fatalf("console sign-in page: %d %s", status, page)
	}
	if secret, ok := e.Secrets[token]; ok {
		token = secret
	}
	form := url.Values{"csrf": {string(m[1])}, "token": {token}}
	status, page = c.Do(t, "POST", "/console/login", form)
	if b := bootData.FindSubmatch(page); b != nil {
		if err := json.Unmarshal([]byte(html.UnescapeString(string(b[1]))), &c.Boot); err != nil {
			t.Fatalf("console page data: %v", err)
		}
		c.CSRF, _ = c.Boot["csrf"].(string)
	}
	return c, status, page
}

// Do sends a request as the signed-in browser: url.Values go as a form, other bodies as JSON
// with the CSRF token.
func (c *ConsoleClient) Do(t testing.TB, method, path string, body any) (int, []byte) {
	return c.DoWith(t, method, path, body, nil)
}

// DoWith is Do with extra headers; a header set to "" is left out (e.g. no CSRF token).
func (c *ConsoleClient) DoWith(t testing.TB, method, path string, body any, headers map[string]string) (int, []byte) {
	t.Helper()
	var r io.Reader
	ctype := ""
	switch b := body.(type) {
	case nil:
	case url.Values:
		r, ctype = strings.NewReader(b.Encode()), "application/x-www-form-urlencoded"
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r, ctype = bytes.NewReader(raw), "application/json"
	}
	req, err := http.NewRequest(method, c.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if method != http.MethodGet {
		req.Header.Set("Origin", c.URL)
		if c.CSRF != "" {
			req.Header.Set("X-CSRF-Token", c.CSRF)
		}
	}
	for k, v := range headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}
