package service

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

// checkDecodeError holds for every error Decode and the validators return: a FieldError
// (the 413 error, *handoff.TooLargeError, unwraps to one) naming a field, in a message short
// enough to send back however large the request was.
func checkDecodeError(t *testing.T, err error) {
	t.Helper()
	fe, ok := handoff.AsFieldError(err)
	if !ok {
		t.Fatalf("error %T %v is not a *handoff.FieldError", err, err)
	}
	if fe.Field == "" || fe.Problem == "" {
		t.Fatalf("error %q names no field or problem", fe.Error())
	}
	if len(fe.Error()) > 1024 {
		t.Fatalf("error is %d bytes: %.200s", len(fe.Error()), fe.Error())
	}
}

// FuzzDecodeInput decodes a start body the way the API does (Decode, then Validate): it
// never panics, every error is a FieldError, and an accepted input encodes under the limit.
func FuzzDecodeInput(f *testing.F) {
	samples, _ := filepath.Glob(filepath.Join("..", "..", "samples", "*.json"))
	for _, s := range samples {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{} {}`, `{"conversation_id":"c-1","source_agent":"a","messages":[{"role":"customer","text":"<&>"}]}`,
		`{"Conversation_ID":"c"}`, `{"conversation_id":"a","conversation_id":"b"}`, `{"messages":[{"role":"agent","text":"x","at":"yesterday"}]}`,
		`{"signals":{"a":{"b":[1,{"c":null}]}}}`, `{"signals":{"a":{"a":{"a":{"b":1,"b":2}}}}}`, `{"monitoring_window":"2562047h"}`, `{"customer":{"name":"\u2028\ud800"}}`,
		`{"conversation_state":{"intent_analysis":[{"intent":"buy","confidence":1e999}]}}`, `{"messages":[{"role":"customer"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var in handoff.Input
		err := Decode(bytes.NewReader(body), &in)
		if err == nil {
			err = in.Validate()
		}
		if err != nil {
			checkDecodeError(t, err)
			return
		}
		enc, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("accepted input does not encode: %v", err)
		}
		if len(enc) > handoff.MaxInputBytes {
			t.Fatalf("accepted input encodes to %d bytes, over %d", len(enc), handoff.MaxInputBytes)
		}
	})
}

// confirmBody mirrors the API's confirm body (starter/httpapi: yes is required there, so it
// is a pointer) to decode it the same way.
type confirmBody struct {
	Yes *bool  `json:"yes"`
	By  string `json:"by,omitempty"`
}

// FuzzDecodeRequest decodes one body into each of the other types the API decodes: events
// (then validated, as SendEvent does), accept and decline answers, context acknowledgements
// and confirmations. Same invariants: no panic, FieldErrors only, accepted bodies within
// their encoded limit.
func FuzzDecodeRequest(f *testing.F) {
	for _, s := range []string{
		``, `{}`, `{"type":"customer_message","text":"hi <there> & you"}`, `{"type":"sentiment","sentiment":-0.5}`,
		`{"type":"outcome","outcome":"won","at":"2025-06-03T14:02:00Z"}`, `{"type":"turn_complete","at":"now"}`,
		`{"agent_id":"maria","reason":"busy"}`, `{"Agent_ID":"maria"}`, `{"received":["customer.name"],"missing":["signals.x","signals.x"]}`,
		`{"yes":true,"by":"maria"}`, `{"yes":"sure"}`, `{"yes":true,"yes":false}`, `{"type":"outcome","outcome":"` + strings.Repeat("x", 100) + `"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		targets := []struct {
			v     any
			check func() error
		}{
			{new(handoff.Event), nil},
			{new(handoff.AnswerInput), nil},
			{new(handoff.ContextAckInput), nil},
			{new(confirmBody), nil},
		}
		targets[0].check = targets[0].v.(*handoff.Event).Validate
		for _, target := range targets {
			err := Decode(bytes.NewReader(body), target.v)
			if err == nil && target.check != nil {
				err = target.check()
			}
			if err != nil {
				checkDecodeError(t, err)
				continue
			}
			enc, err := json.Marshal(target.v)
			if err != nil || len(enc) > handoff.MaxRequestBytes {
				t.Fatalf("accepted %T encodes to %d bytes (%v)", target.v, len(enc), err)
			}
		}
	})
}
