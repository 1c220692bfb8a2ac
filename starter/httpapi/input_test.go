package httpapi_test

import (
	"strings"
	"testing"
)

// TestBadInputStartsNothing sends client mistakes to every route that takes a body: each is a
// 4xx naming the problem, and nothing reaches Temporal.
func TestBadInputStartsNothing(t *testing.T) {
	e, f := newFake(t)
	huge := `{"conversation_id":"c-1","source_agent":"lead_bot","source_result":"` + strings.Repeat("x", 2<<20) + `"}`
	cases := []struct {
		name, method, path, token, body string
		want                            int
		field                           string
	}{
		{"malformed JSON", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":`, 400, "body"},
		{"not an object", "POST", "/v1/handoffs", "lead_bot", `[1,2]`, 400, "body"},
		{"empty body", "POST", "/v1/handoffs", "lead_bot", ``, 400, "body"},
		{"two objects", "POST", "/v1/handoffs", "lead_bot", validInput + validInput, 400, "body"},
		{"unknown field", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"c-1","source_agent":"lead_bot","priority":1}`, 400, "priority"},
		{"unknown nested field", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"c-1","source_agent":"lead_bot","customer":{"ssn":"x"}}`, 400, "customer.ssn"},
		{"wrong type", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":42,"source_agent":"lead_bot"}`, 400, "conversation_id"},
		{"missing conversation_id", "POST", "/v1/handoffs", "lead_bot", `{"source_agent":"lead_bot"}`, 400, "conversation_id"},
		{"email as conversation_id", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"ana@example.com","source_agent":"lead_bot"}`, 400, "conversation_id"},
		{"unknown agent", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"c-1","source_agent":"nobody"}`, 400, "source_agent"},
		{"bad message role", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"c-1","source_agent":"lead_bot","messages":[{"role":"robot","text":"x"}]}`, 400, "messages[0].role"},
		{"bad monitoring window", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"c-1","source_agent":"lead_bot","monitoring_window":"soon"}`, 400, "monitoring_window"},
		{"key in another case", "POST", "/v1/handoffs", "lead_bot", `{"Conversation_ID":"c-1","source_agent":"lead_bot"}`, 400, "Conversation_ID"},
		{"key given twice", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"c-1","source_agent":"lead_bot","source_agent":"jorge_seller_bot"}`, 400, "source_agent"},
		{"bad timestamp", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"c-1","source_agent":"lead_bot","messages":[{"role":"customer","text":"x","at":"yesterday"}]}`, 400, "messages[0].at"},
		{"event with a bad timestamp", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"turn_complete","at":"now"}`, 400, "at"},
		{"bad wait parameter", "POST", "/v1/handoffs?wait=perhaps", "lead_bot", validInput, 400, "wait"},
		{"body too large", "POST", "/v1/handoffs", "lead_bot", huge, 413, "body"},
		{"bad conversation in path", "GET", "/v1/handoffs/a@b", "operator", ``, 400, "conversation_id"},
		{"accept with unknown field", "POST", "/v1/handoffs/c-1/accept", "maria", `{"agent":"maria"}`, 400, "agent"},
		{"accept bad conversation", "POST", "/v1/handoffs/-x/accept", "maria", ``, 400, "conversation_id"},
		{"confirm without yes", "POST", "/v1/handoffs/c-1/confirm", "maria", `{}`, 400, "yes"},
		{"confirm yes not a bool", "POST", "/v1/handoffs/c-1/confirm", "maria", `{"yes":"sure"}`, 400, "yes"},
		{"event without type", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"text":"hi"}`, 400, "type"},
		{"event unknown type", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"shout"}`, 400, "type"},
		{"sentiment out of range", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"sentiment","sentiment":3}`, 400, "sentiment"},
		{"outcome without outcome", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"outcome"}`, 400, "outcome"},
		{"first_handoff from a client", "POST", "/v1/handoffs", "lead_bot", `{"conversation_id":"c-1","source_agent":"lead_bot","first_handoff":true}`, 400, "first_handoff"},
		{"decide unknown agent", "POST", "/v1/decide", "lead_bot", `{"conversation_id":"c-1","source_agent":"nobody"}`, 400, "source_agent"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := e.Do(t, c.method, c.path, c.token, c.body)
			if status != c.want {
				t.Fatalf("status %d, want %d; body %.300s", status, c.want, body)
			}
			d := checkErrorBody(t, body, c.field)
			if !strings.Contains(d.Message, c.field) {
				t.Errorf("message %q does not name %s", d.Message, c.field)
			}
		})
	}
	if calls := f.Calls(); len(calls) != 0 {
		t.Fatalf("bad input reached Temporal: %v", calls)
	}
}
