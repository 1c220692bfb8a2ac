package httpapi_test

import (
	"strings"
	"testing"
)

// TestEncodedSizeIsBounded sends bodies under the API's 1 MiB that encode to far more (JSON
// escapes '<', '>' and '&' as six bytes each): each is a 413 naming the field that is too
// large, never a 500 from Temporal or gRPC, and nothing reaches Temporal. Errors quote at most
// a short prefix of a bad value.
func TestEncodedSizeIsBounded(t *testing.T) {
	e, f := newFake(t)
	start := func(field string) string {
		return `{"conversation_id":"c-1","source_agent":"lead_bot",` + field + `}`
	}
	lt := func(n int) string { return strings.Repeat("<", n) }
	cases := []struct {
		name, method, path, token, body string
		want                            int
		field                           string
	}{
		{"start, 400 KB of < in a message", "POST", "/v1/handoffs", "lead_bot",
			start(`"messages":[{"role":"customer","text":"hi"},{"role":"customer","text":"` + lt(400_000) + `"}]`), 413, "messages[1].text"},
		{"start, 1 MB of < in source_result", "POST", "/v1/handoffs", "lead_bot", start(`"source_result":"` + lt(1_000_000) + `"`), 413, "source_result"},
		{"start, one message over its limit", "POST", "/v1/handoffs", "lead_bot", start(`"messages":[{"role":"agent","text":"` + lt(20_000) + `"}]`), 413, "messages[0].text"},
		{"start, a message without text", "POST", "/v1/handoffs", "lead_bot", start(`"messages":[{"role":"customer"}]`), 400, "messages[0].text"},
		{"decide, 1 MB of & in a signal", "POST", "/v1/decide", "lead_bot", start(`"signals":{"notes":"` + strings.Repeat("&", 1_000_000) + `"}`), 413, "signals.notes"},
		{"event, 900 KB of text", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"customer_message","text":"` + strings.Repeat("a", 900_000) + `"}`, 413, "text"},
		{"event, 3 KB of < is 18 KB encoded", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"customer_message","text":"` + lt(3_000) + `"}`, 413, "text"},
		{"event, outcome label too long", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"outcome","outcome":"` + strings.Repeat("won", 40) + `"}`, 413, "outcome"},
		{"decline, 900 KB reason", "POST", "/v1/handoffs/c-1/decline", "maria", `{"reason":"` + lt(900_000) + `"}`, 413, "reason"},
		{"context_ack, 20,000 paths", "POST", "/v1/handoffs/c-1/context_ack", "maria", `{"missing":["` + strings.Repeat(`customer.name","`, 20_000) + `x"]}`, 413, "missing"},
		{"presence, 900 KB reason", "POST", "/v1/agents/maria/presence", "maria", `{"presence":"away","reason":"` + lt(900_000) + `"}`, 413, "reason"},
		{"release, 900 KB reason", "POST", "/v1/agents/maria/release", "maria", `{"conversation_id":"c-1","reason":"` + lt(900_000) + `"}`, 413, "reason"},
		{"start, long bad role is quoted briefly", "POST", "/v1/handoffs", "lead_bot", start(`"messages":[{"role":"` + strings.Repeat("r", 500_000) + `","text":"x"}]`), 400, "messages[0].role"},
		{"event, long bad type is quoted briefly", "POST", "/v1/handoffs/c-1/events", "lead_bot", `{"type":"` + strings.Repeat("t", 60_000) + `"}`, 400, "type"},
		{"presence, long bad value is clipped", "POST", "/v1/agents/maria/presence", "maria", `{"presence":"` + strings.Repeat("p", 60_000) + `"}`, 400, "presence"},
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
			if len(body) > 1200 {
				t.Errorf("error answer is %d bytes: %.300s", len(body), body)
			}
		})
	}
	if calls := f.Calls(); len(calls) != 0 {
		t.Fatalf("oversized input reached Temporal: %v", calls)
	}
}
