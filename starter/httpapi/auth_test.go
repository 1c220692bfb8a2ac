package httpapi_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/starter/tokens"
)

// newFake serves the API over a recording fake; handoffs "run" from source lead_bot.
func newFake(t *testing.T) (*testenv.Env, *fakeOps) {
	t.Helper()
	e := testenv.NewConfig(t, "", testenv.Options{})
	f := &fakeOps{Service: service.New(nil, e.Cfg), source: "lead_bot"}
	e.Serve(t, f, httpapi.Options{})
	return e, f
}

const validInput = `{"conversation_id":"c-1","source_agent":"lead_bot","customer":{"name":"Ana Diaz","phone":"+15550100"},"messages":[{"role":"customer","text":"I want to buy"}]}`

func TestAuthAndRoles(t *testing.T) {
	e, f := newFake(t)
	cases := []struct {
		name, method, path, token string
		body                      any
		want                      int
		wantCall                  string // the operation that must have run ("" for none)
	}{
		{"start without token", "POST", "/v1/handoffs", "", validInput, 401, ""},
		{"start with unknown token", "POST", "/v1/handoffs", "not-a-token", validInput, 401, ""},
		{"operator cannot start", "POST", "/v1/handoffs", "operator", validInput, 403, ""},
		{"human cannot start", "POST", "/v1/handoffs", "maria", validInput, 403, ""},
		{"bot starts from another agent", "POST", "/v1/handoffs", "jorge_seller_bot", validInput, 403, ""},
		{"bot starts its own handoff", "POST", "/v1/handoffs", "lead_bot", validInput, 201, "start c-1"},
		{"operator reads state", "GET", "/v1/handoffs/c-1", "operator", nil, 200, "status c-1"},
		{"state needs a token", "GET", "/v1/handoffs/c-1", "", nil, 401, ""},
		{"bot cannot accept", "POST", "/v1/handoffs/c-1/accept", "lead_bot", nil, 403, ""},
		{"operator cannot accept", "POST", "/v1/handoffs/c-1/accept", "operator", nil, 403, ""},
		{"human accepts for another agent", "POST", "/v1/handoffs/c-1/accept", "maria", `{"agent_id":"james"}`, 403, ""},
		{"human accepts for self", "POST", "/v1/handoffs/c-1/accept", "maria", nil, 200, "accept c-1 maria"},
		{"human accepts naming self", "POST", "/v1/handoffs/c-1/accept", "james", `{"agent_id":"james"}`, 200, "accept c-1 james"},
		{"supervisor declines with reason", "POST", "/v1/handoffs/c-1/decline", "sam", `{"reason":"busy"}`, 200, "decline c-1 sam busy"},
		// Who may read a handoff: its parties (source, offered, owner) and operators.
		{"source reads state", "GET", "/v1/handoffs/c-1", "lead_bot", nil, 200, "status c-1"},
		{"owner reads state", "GET", "/v1/handoffs/c-1", "maria", nil, 200, "status c-1"},
		{"offered agent reads state", "GET", "/v1/handoffs/c-1", "sam", nil, 200, "status c-1"},
		{"stranger bot cannot read state", "GET", "/v1/handoffs/c-1", "jorge_seller_bot", nil, 403, ""},
		{"stranger human cannot read state", "GET", "/v1/handoffs/c-1", "james", nil, 403, ""},
		// Who may send which event (starter/httpapi/access.go).
		{"operator cannot report turn_complete", "POST", "/v1/handoffs/c-1/events", "operator", `{"type":"turn_complete"}`, 403, ""},
		{"operator reports the outcome", "POST", "/v1/handoffs/c-1/events", "operator", `{"type":"outcome","outcome":"lost"}`, 202, "event c-1 outcome"},
		{"owner sends sentiment", "POST", "/v1/handoffs/c-1/events", "maria", `{"type":"sentiment","sentiment":0.5}`, 202, "event c-1 sentiment"},
		{"owner reports the outcome", "POST", "/v1/handoffs/c-1/events", "maria", `{"type":"outcome","outcome":"success"}`, 202, "event c-1 outcome"},
		{"source relays a message", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"customer_message","text":"hi"}`, 202, "event c-1 customer_message"},
		{"source cannot give the outcome", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"outcome","outcome":"lost"}`, 403, ""},
		{"offered but declined cannot send", "POST", "/v1/handoffs/c-1/events", "sam", `{"type":"sentiment","sentiment":0.5}`, 403, ""},
		{"stranger cannot abandon it", "POST", "/v1/handoffs/c-1/events", "jorge_seller_bot", `{"type":"customer_left"}`, 403, ""},
		{"stranger cannot end monitoring", "POST", "/v1/handoffs/c-1/events", "james", `{"type":"outcome","outcome":"lost"}`, 403, ""},
		{"sender named as someone else", "POST", "/v1/handoffs/c-1/events", "maria", `{"type":"sentiment","sentiment":0.5,"from":"lead_bot"}`, 403, ""},
		// Who may confirm: the source (relaying its customer) and supervisors.
		{"source confirms", "POST", "/v1/handoffs/c-1/confirm", "lead_bot", `{"yes":true}`, 200, "confirm c-1 true lead_bot"},
		{"supervisor confirms", "POST", "/v1/handoffs/c-1/confirm", "sam", `{"yes":false}`, 200, "confirm c-1 false sam"},
		{"unrelated bot cannot reject", "POST", "/v1/handoffs/c-1/confirm", "jorge_seller_bot", `{"yes":false}`, 403, ""},
		{"unrelated person cannot approve", "POST", "/v1/handoffs/c-1/confirm", "james", `{"yes":true}`, 403, ""},
		{"confirm on behalf of someone else", "POST", "/v1/handoffs/c-1/confirm", "maria", `{"yes":true,"by":"sam"}`, 403, ""},
		{"human cannot cancel", "POST", "/v1/handoffs/c-1/cancel", "maria", nil, 403, ""},
		{"other bot cannot cancel", "POST", "/v1/handoffs/c-1/cancel", "jorge_seller_bot", nil, 403, ""},
		{"source bot cancels", "POST", "/v1/handoffs/c-1/cancel", "lead_bot", nil, 202, "cancel c-1"},
		{"operator cannot decide", "POST", "/v1/decide", "operator", validInput, 403, ""},
		{"bot decides", "POST", "/v1/decide", "lead_bot", validInput, 200, ""},
		{"bot decides for another source", "POST", "/v1/decide", "jorge_seller_bot", validInput, 403, ""},
		{"healthz is open", "GET", "/healthz", "", nil, 200, ""},
		{"readyz is open", "GET", "/readyz", "", nil, 200, ""},
		{"openapi is open", "GET", "/openapi.yaml", "", nil, 200, ""},
		{"unknown route", "GET", "/v1/nothing", "operator", nil, 404, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := len(f.Calls())
			status, body := e.Do(t, c.method, c.path, c.token, c.body)
			if status != c.want {
				t.Fatalf("status %d, want %d; body %s", status, c.want, body)
			}
			calls := f.Calls()[before:]
			// Checking who is a party reads the state first; only the operation counts.
			if len(calls) > 0 && calls[0] == "status c-1" && c.wantCall != "status c-1" {
				calls = calls[1:]
			}
			if status >= 400 {
				checkErrorBody(t, body, "")
				// A refused request must not have changed anything.
				if len(calls) != 0 {
					t.Fatalf("refused request still ran %v", calls)
				}
			}
			if c.wantCall != "" && (len(calls) == 0 || calls[0] != c.wantCall) {
				t.Fatalf("calls %v, want %q first", calls, c.wantCall)
			}
		})
	}
}

// A call that times out because Temporal itself is down is a 503 saying so, not a 504 blaming
// the workers; a timeout while Temporal answers stays a 504.
func TestTimeoutSaysWhetherTemporalOrTheWorkersAreDown(t *testing.T) {
	e, f := newFake(t)
	f.acceptErr = &service.Error{Kind: service.KindTimeout, Message: "accept for conversation c-1 did not finish in time: no worker answered"}
	status, body := e.Do(t, "POST", "/v1/handoffs/c-1/accept", "maria", nil)
	if status != 504 || !strings.Contains(string(body), "no worker answered") {
		t.Fatalf("timeout with Temporal up: %d %s", status, body)
	}
	f.healthErr = &service.Error{Kind: service.KindUnavailable, Message: "Temporal is not reachable: connection refused"}
	status, body = e.Do(t, "POST", "/v1/handoffs/c-1/accept", "maria", nil)
	if status != 503 || !strings.Contains(string(body), "Temporal is not reachable") || strings.Contains(string(body), "worker") {
		t.Fatalf("timeout with Temporal down: %d %s", status, body)
	}
}

func TestWrongSchemeIsUnauthorized(t *testing.T) {
	e, _ := newFake(t)
	req, _ := http.NewRequest("GET", e.API.URL+"/v1/handoffs/c-1", nil)
	req.Header.Set("Authorization", "Basic "+e.Secrets["operator"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
		t.Fatalf("status %d, WWW-Authenticate %q", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
}

// checkErrorBody checks the error shape and, if field is given, that it names the field.
func checkErrorBody(t *testing.T, body []byte, field string) httpapi.ErrorDetail {
	t.Helper()
	var eb httpapi.ErrorBody
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&eb); err != nil || eb.Error.Code == "" || eb.Error.Message == "" {
		t.Fatalf("error body %s is not {\"error\":{code,message}}: %v", body, err)
	}
	if field != "" && eb.Error.Field != field {
		t.Fatalf("error names field %q, want %q (%s)", eb.Error.Field, field, eb.Error.Message)
	}
	return eb.Error
}

func TestPanicIsA500AndTheServerLives(t *testing.T) {
	e, _ := newFake(t)
	status, body := e.Do(t, "GET", "/v1/handoffs/panic-1", "operator", nil)
	if status != 500 {
		t.Fatalf("status %d, body %s", status, body)
	}
	checkErrorBody(t, body, "")
	if status, _ := e.Do(t, "GET", "/healthz", "", nil); status != 200 {
		t.Fatalf("after a panic, healthz answered %d", status)
	}
}

// TestRequestLogs checks the one log line per request: route pattern, status, principal, and
// nothing from the body (customer details).
func TestRequestLogs(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	list, _, err := tokens.Load(e.Cfg)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	f := &fakeOps{Service: service.New(nil, e.Cfg), source: "lead_bot"}
	e.API = httptest.NewServer(httpapi.New(f, httpapi.NewAuth(list), logger, httpapi.Options{}).Handler())
	defer e.API.Close()
	if status, body := e.Do(t, "POST", "/v1/handoffs", "lead_bot", validInput); status != 201 {
		t.Fatalf("status %d %s", status, body)
	}
	var line map[string]any
	if err := json.Unmarshal(logs.Bytes(), &line); err != nil {
		t.Fatalf("log %q: %v", logs.String(), err)
	}
	for k, want := range map[string]any{"method": "POST", "route": "POST /v1/handoffs", "status": 201.0, "principal": "lead_bot"} {
		if line[k] != want {
			t.Errorf("log %s = %v, want %v", k, line[k], want)
		}
	}
	for _, pii := range []string{"Ana", "+1555", "buy"} {
		if strings.Contains(logs.String(), pii) {
			t.Errorf("log holds %q: %s", pii, logs.String())
		}
	}
}
