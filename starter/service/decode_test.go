package service

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

func TestDecodeNamesTheField(t *testing.T) {
	cases := []struct{ in, field, problem string }{
		{``, "body", "is required"},
		{`   `, "body", "is required"},
		{`{"conversation_id":`, "body", "malformed JSON"},
		{`{"conversation_id" "x"}`, "body", "malformed JSON at byte"},
		{`[]`, "body", "must be an object"},
		{`{} {}`, "body", "single JSON object"},
		{`{"nope":1}`, "nope", "not a known field"},
		{`{"conversation_id":"c-1","nope":1}`, "nope", "not a known field"},
		{`{"Conversation_ID":"c-1"}`, "Conversation_ID", `did you mean "conversation_id"? Names are case-sensitive`},
		{`{"customer":{"Name":"x"}}`, "customer.Name", `did you mean "customer.name"?`},
		{`{"messages":[{"role":"customer","TEXT":"x"}]}`, "messages[0].TEXT", `did you mean "messages[0].text"?`},
		{`{"conversation_id":"a","conversation_id":"b"}`, "conversation_id", "given twice"},
		{`{"customer":{"name":"a","phone":"1","name":"b"}}`, "customer.name", "given twice"},
		{`{"signals":{"x":1,"x":2}}`, "signals.x", "given twice"},
		{`{"conversation_state":{"preference_profile":{"a":{"b":1,"b":1}}}}`, "conversation_state.preference_profile.a.b", "given twice"},
		{`{"messages":[{"role":"customer","text":"x","at":"yesterday"}]}`, "messages[0].at", `"yesterday" is not a date-time in RFC 3339 format`},
		{`{"messages":[{"role":"customer","text":"x","at":"2025-06-03 14:02:00"}]}`, "messages[0].at", "RFC 3339"},
		{`{"messages":[{"role":"customer","text":"x","at":1717423320}]}`, "messages[0].at", "must be a date-time string"},
		{`{"conversation_state":{"intent_analysis":[{"intent":"buy","confidence":1},{"intent":"buy","confidence":1,"at":"soon"}]}}`, "conversation_state.intent_analysis[1].at", "RFC 3339"},
		{`{"messages":[{"role":"customer","text":"x","at":"` + strings.Repeat("9", 900<<10) + `"}]}`, "messages[0].at", "(921600 bytes) is not a date-time"},
		{`{"conversation_id":` + strings.Repeat("1", 900<<10) + `}`, "conversation_id", "must be a string, not number"},
		{`{"customer":{"name":"x","ssn":"1"}}`, "customer.ssn", "not a known field"},
		{`{"messages":[{"role":"customer","text":"x"},{"role":"agent","txt":"y"}]}`, "messages[1].txt", "not a known field"},
		{`{"conversation_state":{"intent_analysis":[{"intent":"buy","score":1}]}}`, "conversation_state.intent_analysis[0].score", "not a known field"},
		{`{"conversation_id":42}`, "conversation_id", "must be a string, not number"},
		{`{"messages":{"role":"customer"}}`, "messages", "must be an array, not object"},
		{`{"business_context":{"opportunity_value":"lots"}}`, "business_context.opportunity_value", "must be a number, not string"},
	}
	for _, c := range cases {
		var in handoff.Input
		err := Decode(strings.NewReader(c.in), &in)
		fe, ok := handoff.AsFieldError(err)
		if !ok {
			t.Errorf("%s: %v is not a FieldError", c.in, err)
			continue
		}
		if fe.Field != c.field || !strings.Contains(fe.Problem, c.problem) {
			t.Errorf("%.100s: got %.300q, want field %q with %q", c.in, fe.Error(), c.field, c.problem)
		}
		if len(fe.Error()) > 300 {
			t.Errorf("%.100s: error is %d bytes long", c.in, len(fe.Error()))
		}
	}
}

// What the strict checks must still let through: exact names, the same key in different
// objects, RFC 3339 timestamps with offsets and fractions, null timestamps, any keys in maps.
func TestDecodeAcceptsExactDocuments(t *testing.T) {
	var in handoff.Input
	doc := `{"conversation_id":"c-1","source_agent":"lead_bot","customer":{"name":"A"},
		"messages":[{"role":"customer","text":"x","at":"2025-06-03T14:02:00.123+02:00"},{"role":"agent","text":"y","at":null}],
		"signals":{"Name":"x","name":"y"},"conversation_state":{"preference_profile":{"name":{"name":1}}}}`
	if err := Decode(strings.NewReader(doc), &in); err != nil {
		t.Fatal(err)
	}
	if in.ConversationID != "c-1" || len(in.Messages) != 2 || in.Messages[0].At.IsZero() || in.Signals["Name"] != "x" {
		t.Fatalf("%+v", in)
	}
	var ev handoff.Event
	if err := Decode(strings.NewReader(`{"type":"outcome","outcome":"won","at":"2025-06-03T14:02:00Z"}`), &ev); err != nil {
		t.Fatal(err)
	}
}

// A key problem thousands of levels deep is named by a shortened path, not one of the
// document's own size.
func TestDecodeShortensDeepPaths(t *testing.T) {
	body := `{"signals":` + strings.Repeat(`{"a":`, 5000) + `{"b":1,"b":2}` + strings.Repeat(`}`, 5000) + `}`
	var in handoff.Input
	fe, ok := handoff.AsFieldError(Decode(strings.NewReader(body), &in))
	if !ok || !strings.HasPrefix(fe.Field, "signals.a.a.") || !strings.HasSuffix(fe.Field, ".a.b") ||
		!strings.Contains(fe.Field, "…") || len(fe.Field) > 210 || !strings.Contains(fe.Problem, "given twice") {
		t.Fatalf("got %.300v", fe)
	}
}

func TestDecodeLeavesTooLargeToHTTP(t *testing.T) {
	rec := httptest.NewRecorder()
	body := http.MaxBytesReader(rec, nopCloser{strings.NewReader(`{"conversation_id":"` + strings.Repeat("x", 100) + `"}`)}, 10)
	var in handoff.Input
	err := Decode(body, &in)
	var tooBig *http.MaxBytesError
	if !errors.As(err, &tooBig) {
		t.Fatalf("got %v, want a *http.MaxBytesError", err)
	}
}

type nopCloser struct{ *strings.Reader }

func (nopCloser) Close() error { return nil }
