package activities

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/sony/gobreaker/v2"
)

func decoderInput() *handoff.Input {
	return &handoff.Input{
		ConversationID: "conv-decoder-1",
		SourceAgent:    "lead_bot",
		Messages:       []handoff.Message{{Role: "customer", Text: "We're pre-approved and want to buy this month."}},
	}
}

func TestIntentDecoderDecodes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in handoff.Input
		if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&in) != nil || in.ConversationID != "conv-decoder-1" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		_, _ = w.Write([]byte(`{"signals": {"intent_category": "immediate_buyer", "intent_confidence": 0.94}}`))
	}))
	defer srv.Close()

	got, err := NewIntentDecoder(srv.URL, time.Second).Decode(context.Background(), decoderInput())
	if err != nil {
		t.Fatal(err)
	}
	if got["intent_category"] != "immediate_buyer" || got["intent_confidence"] != 0.94 {
		t.Fatalf("signals = %v", got)
	}
}

func TestIntentDecoderRejectsBadAnswers(t *testing.T) {
	for name, body := range map[string]string{
		"not json":   `<html>`,
		"no signals": `{"intent": "buy"}`,
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) }))
			defer srv.Close()
			if _, err := NewIntentDecoder(srv.URL, time.Second).Decode(context.Background(), decoderInput()); err == nil {
				t.Fatal("want an error")
			}
		})
	}
	var nilDecoder *IntentDecoder
	if _, err := nilDecoder.Decode(context.Background(), decoderInput()); !errors.Is(err, ErrNoDecoder) {
		t.Fatalf("nil decoder: %v", err)
	}
}

func TestIntentDecoderTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	start := time.Now()
	_, err := NewIntentDecoder(srv.URL, 100*time.Millisecond).Decode(context.Background(), decoderInput())
	if err == nil {
		t.Fatal("want a timeout error")
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Fatalf("took %v; the timeout did not bound the call", el)
	}
}

// The breaker opens after the configured failures in a row, fails fast while open, and closes
// again once a trial call succeeds against the recovered decoder. While it is open the
// built-in analyzer answers and the analysis says so.
func TestIntentDecoderBreakerOpensAndRecovers(t *testing.T) {
	var healthy atomic.Bool
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		if !healthy.Load() {
			http.Error(w, "decoder down", http.StatusInternalServerError)
			return
		}
		_, _ = w.Write([]byte(`{"signals": {"intent_category": "immediate_buyer", "intent_confidence": 0.95}}`))
	}))
	defer srv.Close()

	const openFor = 150 * time.Millisecond
	d := NewIntentDecoderWithBreaker(srv.URL, time.Second, DecoderBreaker{Failures: 3, OpenFor: openFor})
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if _, err := d.Decode(ctx, decoderInput()); err == nil {
			t.Fatalf("call %d: want an error from the failing decoder", i)
		}
	}
	if s := d.state(); s != gobreaker.StateOpen {
		t.Fatalf("after 3 failures the breaker is %v, want open", s)
	}

	before := calls.Load()
	_, err := d.Decode(ctx, decoderInput())
	if !errors.Is(err, gobreaker.ErrOpenState) {
		t.Fatalf("open breaker: err = %v, want ErrOpenState", err)
	}
	if calls.Load() != before {
		t.Fatal("an open breaker must not call the decoder")
	}

	// The workflow falls back to the built-in analyzer, and the analysis records why.
	engine, cerr := decision.Compile(decision.Spec{System: decision.SystemRealEstate}, nil)
	if cerr != nil {
		t.Fatal(cerr)
	}
	a := engine.AnalyzeWith(decoderInput(), nil, err)
	if a.Analyzer != decision.AnalyzerBuiltin || a.DecoderError == "" {
		t.Fatalf("fallback analysis = %+v, want the builtin analyzer and the decoder error", a)
	}

	healthy.Store(true)
	time.Sleep(openFor + 50*time.Millisecond)
	got, err := d.Decode(ctx, decoderInput())
	if err != nil {
		t.Fatalf("trial call after recovery: %v", err)
	}
	if s := d.state(); s != gobreaker.StateClosed {
		t.Fatalf("after a successful trial call the breaker is %v, want closed", s)
	}
	a = engine.AnalyzeWith(decoderInput(), got, nil)
	if a.Analyzer != decision.AnalyzerDecoder || a.Signals["intent_category"] != "immediate_buyer" {
		t.Fatalf("decoded analysis = %+v", a)
	}
}
