package httpapi_test

import (
	"slices"
	"testing"
)

// The board's routes are the operators': a person reading the whole team's load, or a bot
// listing every handoff, is refused; bad parameters are a 400 naming the parameter.
func TestBoardRoutes(t *testing.T) {
	e, f := newFake(t)
	cases := []struct {
		name, path, token string
		want              int
		field, call       string
	}{
		{"operator lists people", "/v1/agents", "operator", 200, "", "people"},
		{"a person may not list the team", "/v1/agents", "maria", 403, "", ""},
		{"a bot may not list the team", "/v1/agents", "lead_bot", 403, "", ""},
		{"no token", "/v1/agents", "", 401, "", ""},
		{"operator lists running handoffs", "/v1/handoffs", "operator", 200, "", "handoffs running 100"},
		{"operator lists closed ones", "/v1/handoffs?status=closed&limit=5", "operator", 200, "", "handoffs closed 5"},
		{"a person may not list handoffs", "/v1/handoffs", "maria", 403, "", ""},
		{"a bot may not list handoffs", "/v1/handoffs", "lead_bot", 403, "", ""},
		{"unknown status", "/v1/handoffs?status=open", "operator", 400, "status", ""},
		{"limit too big", "/v1/handoffs?limit=501", "operator", 400, "limit", ""},
		{"limit not a number", "/v1/handoffs?limit=ten", "operator", 400, "limit", ""},
		{"unknown parameter", "/v1/handoffs?phase=monitoring", "operator", 400, "phase", ""},
		{"repeated parameter", "/v1/handoffs?status=closed&status=running", "operator", 400, "status", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := len(f.Calls())
			status, body := e.Do(t, "GET", c.path, c.token, nil)
			if status != c.want {
				t.Fatalf("status %d, want %d: %s", status, c.want, body)
			}
			if c.want >= 400 {
				checkErrorBody(t, body, c.field)
			}
			calls := f.Calls()[before:]
			if (c.call == "") != (len(calls) == 0) || (c.call != "" && !slices.Contains(calls, c.call)) {
				t.Fatalf("operations %v, want %q", calls, c.call)
			}
		})
	}
}
