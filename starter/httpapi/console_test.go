package httpapi_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// A person signed in to the console calls the API with the session cookie, under the same
// rules as their token: their own agent only, their role's routes only, and every change with
// the session's CSRF token.
func TestConsoleSessionCallsTheAPIAsItsPerson(t *testing.T) {
	e, f := newFake(t)
	maria, op := e.SignIn(t, "maria"), e.SignIn(t, "operator")
	cases := []struct {
		name    string
		who     string
		method  string
		path    string
		body    any
		headers map[string]string
		want    int
		field   string
		call    string
	}{
		{"reads own offers", "maria", "GET", "/v1/agents/maria/offers", nil, nil, 200, "", "offers maria"},
		{"reads own state", "maria", "GET", "/v1/agents/maria", nil, nil, 200, "", "agent maria"},
		{"not another's offers", "maria", "GET", "/v1/agents/james/offers", nil, nil, 403, "", ""},
		{"sets own presence", "maria", "POST", "/v1/agents/maria/presence", map[string]string{"presence": "online"}, nil, 200, "", "presence maria online"},
		{"no change without the CSRF token", "maria", "POST", "/v1/agents/maria/presence", map[string]string{"presence": "away"},
			map[string]string{"X-CSRF-Token": ""}, 403, "X-CSRF-Token", ""},
		{"no change from another origin", "maria", "POST", "/v1/handoffs/c-1/accept", nil,
			map[string]string{"Origin": "https://evil.example"}, 403, "", ""},
		{"accepts for itself", "maria", "POST", "/v1/handoffs/c-1/accept", nil, nil, 200, "", "accept c-1 maria"},
		{"declines with a code", "maria", "POST", "/v1/handoffs/c-1/decline", map[string]string{"reason": "busy"}, nil, 200, "", "decline c-1 maria busy"},
		{"bad presence names the field", "maria", "POST", "/v1/agents/maria/presence", map[string]string{"presence": "asleep"}, nil, 400, "presence", ""},
		{"a person may not start handoffs", "maria", "POST", "/v1/handoffs", validInput, nil, 403, "", ""},
		{"a person may not see the board", "maria", "GET", "/v1/agents", nil, nil, 403, "", ""},
		{"an operator sees the board", "operator", "GET", "/v1/agents", nil, nil, 200, "", "people"},
		{"an operator lists handoffs", "operator", "GET", "/v1/handoffs?status=closed", nil, nil, 200, "", "handoffs closed 100"},
		{"an operator may not accept", "operator", "POST", "/v1/handoffs/c-1/accept", nil, nil, 403, "", ""},
		{"a bad bearer token is not rescued by the cookie", "maria", "GET", "/v1/agents/maria", nil,
			map[string]string{"Authorization": "Bearer nope"}, 401, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			who := maria
			if c.who == "operator" {
				who = op
			}
			before := len(f.Calls())
			status, body := who.DoWith(t, c.method, c.path, c.body, c.headers)
			if status != c.want {
				t.Fatalf("status %d, want %d: %s", status, c.want, body)
			}
			if status >= 400 {
				checkErrorBody(t, body, c.field)
			}
			calls := f.Calls()[before:]
			if (c.call == "") != (len(calls) == 0) || (c.call != "" && !slices.Contains(calls, c.call)) {
				t.Fatalf("operations %v, want %q", calls, c.call)
			}
		})
	}

	// Signed out, the cookie is worth nothing: 401 saying to sign in again.
	if status, _ := maria.Do(t, "POST", "/console/logout", map[string]string{}); status != 403 {
		t.Fatalf("sign-out posted as JSON (no form token): %d", status)
	}
	status, body := maria.Do(t, "POST", "/console/logout", formCSRF(maria.CSRF))
	if status != 200 {
		t.Fatalf("sign-out: %d %s", status, body)
	}
	// The jar dropped the cleared cookie; a copy kept by someone would get this:
	status, body = e.SignIn(t, "maria").DoWith(t, "GET", "/v1/agents/maria", nil, map[string]string{"Cookie": "handoff_console=stolen-or-stale"})
	if status != 401 || !strings.Contains(string(body), "sign in again") {
		t.Fatalf("an unknown session: %d %s", status, body)
	}
}

func formCSRF(token string) url.Values { return url.Values{"csrf": {token}} }
