package httpapi_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
)

// These tests run the API against the real Temporal dev server. Without a worker, started
// handoffs stay running untouched: enough for input, identity and routing-to-Temporal checks.

// buyerInput routes lead_bot -> jorge_buyer_bot (scenario 2 of the example, a bot target).
func buyerInput(conv string) handoff.Input {
	return handoff.Input{
		ConversationID: conv,
		SourceAgent:    "lead_bot",
		Customer:       handoff.Customer{Name: "Ana Diaz", Phone: "+1 555 0100"},
		Messages:       []handoff.Message{{Role: "customer", Text: "We are pre-approved and want to see homes in Austin"}},
		Signals: map[string]any{"lead_score": 9.0, "intent_category": "immediate_buyer",
			"pre_approval_confirmed": true, "property_criteria_defined": true},
	}
}

// sellerInput routes jorge_seller_bot -> human_agent (maria, then james): scenario 1.
func sellerInput(conv string) handoff.Input {
	return handoff.Input{
		ConversationID: conv,
		SourceAgent:    "jorge_seller_bot",
		Customer:       handoff.Customer{Name: "Dana Reyes", Email: "dana@example.com"},
		Messages:       []handoff.Message{{Role: "customer", Text: "My divorce is final next month and I need to sell the house"}},
		Signals:        map[string]any{"emotional_distress": true},
	}
}

func decodeJSON[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return v
}

func TestIntegrationBadInputStartsNothing(t *testing.T) {
	e := testenv.Start(t, testenv.Options{NoWorker: true})
	cases := []struct {
		name, token, body, conv, field string
		want                           int
	}{
		{"malformed JSON", "lead_bot", `{"conversation_id":"c-bad-1",`, "c-bad-1", "body", 400},
		{"unknown field", "lead_bot", `{"conversation_id":"c-bad-2","source_agent":"lead_bot","urgent":true}`, "c-bad-2", "urgent", 400},
		{"missing conversation_id", "lead_bot", `{"source_agent":"lead_bot"}`, "", "conversation_id", 400},
		{"unknown agent", "lead_bot", `{"conversation_id":"c-bad-3","source_agent":"ghost_bot"}`, "c-bad-3", "source_agent", 400},
		{"another bot's handoff", "jorge_buyer_bot", `{"conversation_id":"c-bad-4","source_agent":"lead_bot"}`, "c-bad-4", "", 403},
		{"operator", "operator", `{"conversation_id":"c-bad-5","source_agent":"lead_bot"}`, "c-bad-5", "", 403},
		{"no token", "", `{"conversation_id":"c-bad-6","source_agent":"lead_bot"}`, "c-bad-6", "", 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := e.Do(t, "POST", "/v1/handoffs", c.token, c.body)
			if status != c.want {
				t.Fatalf("status %d, want %d: %s", status, c.want, body)
			}
			checkErrorBody(t, body, c.field)
			if c.conv != "" && e.Exists(t, c.conv) {
				t.Fatalf("a workflow exists for %s after a refused start", c.conv)
			}
		})
	}
	for _, path := range []string{"/v1/handoffs/c-none/accept", "/v1/handoffs/c-none/decline"} {
		if status, body := e.Do(t, "POST", path, "maria", nil); status != 404 {
			t.Fatalf("%s on no handoff: %d %s", path, status, body)
		}
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-none/events", "lead_bot", `{"type":"turn_complete"}`); status != 404 {
		t.Fatalf("event to no handoff: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-none/cancel", "lead_bot", nil); status != 404 {
		t.Fatalf("cancel of no handoff: %d %s", status, body)
	}
	status, body := e.Do(t, "GET", "/v1/handoffs/c-none", "operator", nil)
	if status != 404 || !strings.Contains(string(body), "c-none") {
		t.Fatalf("state of no handoff: %d %s", status, body)
	}
	if status, body := e.Do(t, "GET", "/readyz", "", nil); status != 200 {
		t.Fatalf("readyz: %d %s", status, body)
	}
}

// TestIntegrationStartReturnsTheRunningHandoff: a second start while one runs answers the
// running one with existing true, whether or not the client has the start-report interceptor.
func TestIntegrationStartReturnsTheRunningHandoff(t *testing.T) {
	e := testenv.Start(t, testenv.Options{NoWorker: true})
	status, body := e.Do(t, "POST", "/v1/handoffs", "lead_bot", buyerInput("c-twice"))
	first := decodeJSON[service.StartResult](t, body)
	if status != 201 || first.Existing || first.WorkflowID != "handoff-c-twice" || first.RunID == "" {
		t.Fatalf("first start: %d %s", status, body)
	}
	status, body = e.Do(t, "POST", "/v1/handoffs", "lead_bot", buyerInput("c-twice"))
	second := decodeJSON[service.StartResult](t, body)
	if status != 200 || !second.Existing || second.RunID != first.RunID {
		t.Fatalf("second start: %d %s (first run %s)", status, body, first.RunID)
	}
	// The dev server's own client has no interceptor: the describe-before-start fallback.
	plain := service.New(e.Temporal.Client, e.Cfg)
	res, err := plain.Start(context.Background(), buyerInput("c-twice"))
	if err != nil || !res.Existing || res.RunID != first.RunID {
		t.Fatalf("start without the interceptor: %+v, %v", res, err)
	}
	d, err := e.Client.DescribeWorkflow(context.Background(), "handoff-c-twice", "")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := d.GetStaticSummary(); got != "lead_bot handoff for conversation c-twice" {
		t.Fatalf("summary %q", got)
	}
	// Only the source bot may cancel.
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-twice/cancel", "jorge_buyer_bot", nil); status != 403 {
		t.Fatalf("cancel by another bot: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-twice/cancel", "lead_bot", nil); status != 202 {
		t.Fatalf("cancel by the source: %d %s", status, body)
	}
}

// TestIntegrationNoWorkerIsATimeoutNotA500: with nobody polling the task queue an Update can
// not finish; the caller gets 504 naming the likely cause.
func TestIntegrationNoWorkerIsATimeoutNotA500(t *testing.T) {
	e := testenv.Start(t, testenv.Options{NoWorker: true, API: httpapi.Options{OpTimeout: 700 * time.Millisecond}})
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-idle")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	status, body := e.Do(t, "POST", "/v1/handoffs/c-idle/accept", "maria", nil)
	if status != 504 || !strings.Contains(string(body), "worker") {
		t.Fatalf("accept without a worker: %d %s", status, body)
	}
}

// TestIntegrationFirstHandoffIsToldToTheGuard: the API tells a conversation's first handoff
// that Temporal holds no earlier run (the ping-pong guard then reads nothing), and a later one
// of the same conversation that it may have had earlier handoffs.
func TestIntegrationFirstHandoffIsToldToTheGuard(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"monitoring_window": "1s"}})
	firstHandoff := func() bool {
		t.Helper()
		v, err := e.Client.QueryWorkflow(context.Background(), "handoff-c-again", "", handoff.QueryInput)
		if err != nil {
			t.Fatal(err)
		}
		var in handoff.Input
		if err := v.Get(&in); err != nil {
			t.Fatal(err)
		}
		return in.FirstHandoff
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs?wait=true", "lead_bot", buyerInput("c-again")); status != 201 {
		t.Fatalf("first handoff: %d %s", status, body)
	}
	if !firstHandoff() {
		t.Fatal("the conversation's first handoff was not told it is the first")
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs", "lead_bot", buyerInput("c-again")); status != 201 {
		t.Fatalf("second handoff: %d %s", status, body)
	}
	if firstHandoff() {
		t.Fatal("the conversation's second handoff was told it is the first")
	}
}
