package activities

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/sony/gobreaker/v2"
)

// ErrNoDecoder is returned by a nil IntentDecoder: no decoder is configured.
var ErrNoDecoder = errors.New("no intent decoder is configured")

// maxDecoderResponse bounds what is read from the decoder; signals are a few scalars.
const maxDecoderResponse = 1 << 20

// DecoderBreaker tunes the intent decoder's circuit breaker.
type DecoderBreaker struct {
	// Failures in a row that open the breaker.
	Failures uint32
	// OpenFor is how long calls fail fast before one trial call is let through.
	OpenFor time.Duration
}

// DefaultDecoderBreaker: five failures in a row stop the decoder from costing every handoff a
// full timeout for 30 s; the built-in analyzer answers meanwhile.
var DefaultDecoderBreaker = DecoderBreaker{Failures: 5, OpenFor: 30 * time.Second}

// IntentDecoder asks an external intent decoder for signals: POST url with the handoff.Input
// as JSON, answered by {"signals": {...}}. It is optional: when it fails or its breaker is
// open, the caller passes the error to decision.Engine.AnalyzeWith and the built-in analyzer
// answers alone.
type IntentDecoder struct {
	url     string
	client  *http.Client
	breaker *gobreaker.CircuitBreaker[map[string]any]
}

// NewIntentDecoder builds a decoder client with the default breaker; timeout bounds each call.
func NewIntentDecoder(url string, timeout time.Duration) *IntentDecoder {
	return NewIntentDecoderWithBreaker(url, timeout, DefaultDecoderBreaker)
}

// NewIntentDecoderWithBreaker is NewIntentDecoder with a tuned breaker.
func NewIntentDecoderWithBreaker(url string, timeout time.Duration, b DecoderBreaker) *IntentDecoder {
	if timeout <= 0 {
		timeout = 2 * time.Second
	}
	if b.Failures == 0 {
		b.Failures = DefaultDecoderBreaker.Failures
	}
	if b.OpenFor <= 0 {
		b.OpenFor = DefaultDecoderBreaker.OpenFor
	}
	return &IntentDecoder{
		url:    url,
		client: &http.Client{Timeout: timeout},
		breaker: gobreaker.NewCircuitBreaker[map[string]any](gobreaker.Settings{
			Name:        "intent-decoder",
			MaxRequests: 1,
			Timeout:     b.OpenFor,
			ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= b.Failures },
			// The handoff giving up (cancelled, its own deadline) says nothing about the decoder.
			IsExcluded: func(err error) bool { return errors.Is(err, context.Canceled) },
		}),
	}
}

// Decode returns the decoder's signals for a conversation. An open breaker answers at once
// with gobreaker.ErrOpenState (or ErrTooManyRequests while a trial call is in flight).
func (d *IntentDecoder) Decode(ctx context.Context, in *handoff.Input) (map[string]any, error) {
	if d == nil || d.url == "" {
		return nil, ErrNoDecoder
	}
	if in == nil {
		return nil, errors.New("intent decoder: no input")
	}
	body, err := json.Marshal(in)
	if err != nil {
		return nil, fmt.Errorf("intent decoder: encode input: %w", err)
	}
	signals, err := d.breaker.Execute(func() (map[string]any, error) { return d.call(ctx, body) })
	if err != nil {
		return nil, fmt.Errorf("intent decoder: %w", err)
	}
	return signals, nil
}

func (d *IntentDecoder) call(ctx context.Context, body []byte) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := d.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDecoderResponse))
		return nil, fmt.Errorf("POST %s: %s", d.url, resp.Status)
	}
	var out struct {
		Signals map[string]any `json:"signals"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxDecoderResponse)).Decode(&out); err != nil {
		return nil, fmt.Errorf("POST %s: answer is not {\"signals\": {...}}: %w", d.url, err)
	}
	if out.Signals == nil {
		return nil, fmt.Errorf("POST %s: answer has no \"signals\" object", d.url)
	}
	return out.Signals, nil
}

// state is the breaker's state, for tests and logs.
func (d *IntentDecoder) state() gobreaker.State { return d.breaker.State() }
