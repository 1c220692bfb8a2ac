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
		{`{"Conversation_ID":"c-1","nope":1}`, "nope", "not a known field"},
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
			t.Errorf("%s: got %q, want field %q with %q", c.in, fe.Error(), c.field, c.problem)
		}
	}
}

func TestDecodeAcceptsCaseInsensitiveKnownFields(t *testing.T) {
	var in handoff.Input
	if err := Decode(strings.NewReader(`{"Conversation_ID":"c-1","SOURCE_AGENT":"lead_bot"}`), &in); err != nil {
		t.Fatal(err)
	}
	if in.ConversationID != "c-1" || in.SourceAgent != "lead_bot" {
		t.Fatalf("%+v", in)
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
