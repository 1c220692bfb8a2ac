package activities

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/redact"
	"github.com/sony/gobreaker/v2"
)

// ModelAnalyzer asks a language model for the four triggers, and in the league for a roster
// agent to recommend, through any OpenAI-compatible /chat/completions API with structured
// output (response_format json_schema). It sits behind the decoder hook: DecodeIntent runs
// it as a regular activity, with its own timeout and circuit breaker, and the built-in
// analyzer answers whenever it fails.
//
// The model sees the conversation's messages and the roster, never the customer's name,
// phone or email; its quoted evidence is masked again before it reaches a reason.
type ModelAnalyzer struct {
	endpoint  string
	model     string
	key       string
	client    *http.Client
	breaker   *gobreaker.CircuitBreaker[decision.Decoded]
	roster    []modelAgent
	recommend bool
}

type modelAgent struct {
	ID           string   `json:"id"`
	Name         string   `json:"name,omitempty"`
	Kind         string   `json:"kind"`
	Capabilities []string `json:"capabilities,omitempty"`
}

const (
	// maxModelResponse bounds what is read from the model's API.
	maxModelResponse = 1 << 20
	// modelTranscript: the latest messages the model reads, each clipped; the customer's state
	// now is what matters, and it bounds the cost of a call.
	modelTranscript   = 20
	modelMessageBytes = 1000
)

// NewModelAnalyzer builds the client for routing.decoder.model; key may be empty (a local
// server). recommend is honoured only when the spec asks for it.
func NewModelAnalyzer(spec decision.ModelSpec, key string, timeout time.Duration, agents []handoff.Agent, b DecoderBreaker) *ModelAnalyzer {
	if b.Failures == 0 {
		b.Failures = DefaultDecoderBreaker.Failures
	}
	if b.OpenFor <= 0 {
		b.OpenFor = DefaultDecoderBreaker.OpenFor
	}
	m := &ModelAnalyzer{
		endpoint:  strings.TrimRight(spec.BaseURL, "/") + "/chat/completions",
		model:     spec.Name,
		key:       key,
		client:    &http.Client{Timeout: timeout},
		recommend: spec.Recommend,
		breaker: gobreaker.NewCircuitBreaker[decision.Decoded](gobreaker.Settings{
			Name:        "model",
			MaxRequests: 1,
			Timeout:     b.OpenFor,
			ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= b.Failures },
			IsExcluded:  func(err error) bool { return errors.Is(err, context.Canceled) },
		}),
	}
	for _, a := range agents {
		m.roster = append(m.roster, modelAgent{ID: a.ID, Name: a.Name, Kind: string(a.Kind), Capabilities: a.Capabilities})
	}
	return m
}

// Analyze returns the model's reading of a conversation. An open breaker answers at once
// with gobreaker.ErrOpenState.
func (m *ModelAnalyzer) Analyze(ctx context.Context, in *handoff.Input) (decision.Decoded, error) {
	if in == nil {
		return decision.Decoded{}, errors.New("model: no input")
	}
	body, err := json.Marshal(m.request(in))
	if err != nil {
		return decision.Decoded{}, fmt.Errorf("model: encode request: %w", err)
	}
	d, err := m.breaker.Execute(func() (decision.Decoded, error) { return m.call(ctx, body, in.SourceAgent) })
	if err != nil {
		return decision.Decoded{}, fmt.Errorf("model %s: %w", m.model, err)
	}
	return d, nil
}

func (m *ModelAnalyzer) call(ctx context.Context, body []byte, source string) (decision.Decoded, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.endpoint, bytes.NewReader(body))
	if err != nil {
		return decision.Decoded{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if m.key != "" {
		req.Header.Set("Authorization", "Bearer "+m.key)
	}
	resp, err := m.client.Do(req)
	if err != nil {
		return decision.Decoded{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxModelResponse))
	if err != nil {
		return decision.Decoded{}, err
	}
	if resp.StatusCode != http.StatusOK {
		// The body may echo the request; the status says enough.
		return decision.Decoded{}, fmt.Errorf("POST %s: %s", m.endpoint, resp.Status)
	}
	var cr struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
				Refusal string `json:"refusal"`
			} `json:"message"`
			FinishReason string `json:"finish_reason"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(raw, &cr); err != nil {
		return decision.Decoded{}, fmt.Errorf("answer is not a chat completion: %w", err)
	}
	if len(cr.Choices) == 0 {
		return decision.Decoded{}, errors.New("answer has no choices")
	}
	c := cr.Choices[0]
	switch {
	case c.Message.Refusal != "":
		return decision.Decoded{}, errors.New("the model refused to answer")
	case c.FinishReason == "length":
		return decision.Decoded{}, errors.New("the answer was cut off (finish_reason length)")
	}
	var ans modelAnswer
	if err := json.Unmarshal([]byte(c.Message.Content), &ans); err != nil {
		return decision.Decoded{}, fmt.Errorf("the answer's content is not the JSON asked for: %w", err)
	}
	if err := ans.check(); err != nil {
		return decision.Decoded{}, err
	}
	return m.decoded(ans, source), nil
}

// triggerAnswer is the model's reading of one trigger. Pointers tell a missing field from a
// false or zero one.
type triggerAnswer struct {
	Present  *bool    `json:"present"`
	Score    *float64 `json:"score"`
	Evidence string   `json:"evidence"`
}

type modelAnswer struct {
	HumanRequest   *triggerAnswer `json:"human_request"`
	Frustration    *triggerAnswer `json:"frustration"`
	Distress       *triggerAnswer `json:"distress"`
	Legal          *triggerAnswer `json:"legal"`
	Recommendation *struct {
		Agent      string  `json:"agent"`
		Confidence float64 `json:"confidence"`
		Reason     string  `json:"reason"`
	} `json:"recommendation"`
}

func (a *modelAnswer) check() error {
	for name, t := range map[string]*triggerAnswer{"human_request": a.HumanRequest, "frustration": a.Frustration, "distress": a.Distress, "legal": a.Legal} {
		switch {
		case t == nil || t.Present == nil || t.Score == nil:
			return fmt.Errorf("the answer lacks %s.present or %s.score", name, name)
		case *t.Score < 0 || *t.Score > 1:
			return fmt.Errorf("%s.score %v is not between 0 and 1", name, *t.Score)
		}
	}
	return nil
}

// decoded turns the model's answer into signals the rules read, each with a note quoting the
// model's evidence, masked and clipped.
func (m *ModelAnalyzer) decoded(a modelAnswer, source string) decision.Decoded {
	by := "model " + m.model
	d := decision.Decoded{Signals: map[string]any{}, Notes: map[string]string{}, Analyzer: decision.AnalyzerModel}
	set := func(flag, score string, t *triggerAnswer, what string) {
		note := fmt.Sprintf("from %s: %s %.2f", by, what, *t.Score)
		if ev := evidenceQuote(t.Evidence); ev != "" && *t.Present {
			note += fmt.Sprintf(", %q", ev)
		}
		d.Signals[flag], d.Notes[flag] = *t.Present, note
		if score != "" {
			d.Signals[score], d.Notes[score] = *t.Score, note
		}
	}
	set("human_requested", "human_request_score", a.HumanRequest, "request")
	set("frustrated", "frustration", a.Frustration, "frustration")
	set("emotional_distress", "customer_emotional_distress", a.Distress, "distress")
	set("legal_complexity", "", a.Legal, "legal")
	d.Signals["legal_complexity"] = "low"
	if *a.Legal.Present {
		d.Signals["legal_complexity"] = "high"
	}
	if r := a.Recommendation; m.recommend && r != nil && r.Agent != "" && r.Agent != noAgent && r.Agent != source {
		d.Recommendation = &decision.Recommendation{Agent: r.Agent, Confidence: r.Confidence, Reason: evidenceQuote(r.Reason), By: by}
	}
	return d
}

// evidenceQuote is the model's evidence fit for a reason: one line, contact details masked,
// at most 80 bytes.
func evidenceQuote(s string) string {
	s = redact.String(strings.Join(strings.Fields(s), " "))
	if len(s) > 80 {
		cut := 80
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
