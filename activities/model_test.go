package activities

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/sony/gobreaker/v2"
)

// fakeModelAPI behaves like an OpenAI-compatible /v1/chat/completions endpoint: it checks the
// request's shape, records it, and answers with whatever answer returns.
type fakeModelAPI struct {
	*httptest.Server
	mu     sync.Mutex
	bodies []string
	auth   []string
	calls  atomic.Int32
	answer func(req map[string]any) (status int, body string)
}

func newFakeModelAPI(t *testing.T, answer func(req map[string]any) (int, string)) *fakeModelAPI {
	f := &fakeModelAPI{answer: answer}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.calls.Add(1)
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
			http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
			return
		}
		b, _ := io.ReadAll(r.Body)
		var req map[string]any
		if err := json.Unmarshal(b, &req); err != nil {
			http.Error(w, `{"error":{"message":"bad json"}}`, http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.bodies = append(f.bodies, string(b))
		f.auth = append(f.auth, r.Header.Get("Authorization"))
		f.mu.Unlock()
		status, body := f.answer(req)
		if status == 0 {
			<-r.Context().Done() // hang until the client gives up
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(f.Close)
	return f
}

// completion wraps content the way the API does.
func completion(content string) string {
	b, _ := json.Marshal(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "model": "test-model",
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": content}}},
	})
	return string(b)
}

func triggersJSON(human, frus, distress, legal bool, evidence string, rec string) string {
	t := func(on bool) map[string]any {
		if !on {
			return map[string]any{"present": false, "score": 0.05, "evidence": ""}
		}
		return map[string]any{"present": true, "score": 0.93, "evidence": evidence}
	}
	ans := map[string]any{"human_request": t(human), "frustration": t(frus), "distress": t(distress), "legal": t(legal)}
	if rec != "" {
		ans["recommendation"] = map[string]any{"agent": rec, "confidence": 97, "reason": "They want paid reach for the launch."}
	}
	b, _ := json.Marshal(ans)
	return string(b)
}

func leagueConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.LoadFile("../config/examples/agent-league.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func modelInput(source string, msgs ...string) *handoff.Input {
	in := &handoff.Input{ConversationID: "conv-model-1", SourceAgent: source,
		Customer: handoff.Customer{Name: "Dana Whitfield", Email: "dana.w@example.com", Phone: "+1-512-555-0199"}}
	for _, m := range msgs {
		in.Messages = append(in.Messages, handoff.Message{Role: "customer", Text: m})
	}
	in.Messages = append(in.Messages, handoff.Message{Role: "tool", Text: "crm_lookup: internal notes"})
	return in
}

func newTestModel(f *fakeModelAPI, cfg *config.Config, recommend bool, b DecoderBreaker) *ModelAnalyzer {
	spec := decision.ModelSpec{BaseURL: f.URL + "/v1/", Name: "test-model", Recommend: recommend}
	return NewModelAnalyzer(spec, "sk-test", 500*time.Millisecond, cfg.Agents, b)
}

// The request is a structured-output chat completion carrying the conversation and the
// roster, never the customer's details; the answer becomes signals with the model's quoted
// evidence, and the league's rule sends the customer to a person.
func TestModelAnalyzerAsksAndRoutes(t *testing.T) {
	cfg := leagueConfig(t)
	f := newFakeModelAPI(t, func(map[string]any) (int, string) {
		return http.StatusOK, completion(triggersJSON(true, false, false, false, "can I get a real human", ""))
	})
	m := newTestModel(f, cfg, true, DecoderBreaker{})
	in := modelInput("branding-agent", "The logo is fine. can I get a real human on this? dana.w@example.com")
	dec, err := m.Analyze(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}

	var req chatRequest
	if err := json.Unmarshal([]byte(f.bodies[0]), &req); err != nil {
		t.Fatal(err)
	}
	rf := req.ResponseFormat
	schema, _ := rf["json_schema"].(map[string]any)
	if req.Model != "test-model" || req.Temperature != 0 || rf["type"] != "json_schema" || schema["strict"] != true || f.auth[0] != "Bearer sk-test" {
		t.Fatalf("request %+v auth %q", req, f.auth[0])
	}
	enum := schema["schema"].(map[string]any)["properties"].(map[string]any)["recommendation"].(map[string]any)["properties"].(map[string]any)["agent"].(map[string]any)["enum"]
	if got, _ := json.Marshal(enum); strings.Contains(string(got), `"branding-agent"`) || !strings.Contains(string(got), `"dana"`) || !strings.Contains(string(got), `"none"`) {
		t.Fatalf("agent enum %s: the roster without the source, and none", got)
	}
	user := req.Messages[1].Content
	for _, secret := range []string{"Dana Whitfield", "555-0199", "internal notes"} {
		if strings.Contains(user, secret) {
			t.Errorf("the request carries %q", secret)
		}
	}
	if !strings.Contains(user, "can I get a real human") {
		t.Fatalf("the conversation is missing from the request: %s", user)
	}

	e := cfg.Engine
	a := e.AnalyzeDecoded(in, dec, nil)
	if a.Analyzer != decision.AnalyzerModel || a.Signals["human_requested"] != true || a.Signals["legal_complexity"] != "low" {
		t.Fatalf("analysis %+v", a)
	}
	d := e.Route(in, a)
	reasons := ""
	for _, r := range d.Reasons {
		reasons += r.Text + "\n"
	}
	if d.Target != "league_success" || d.Rule != "customer_asked_for_person" || !strings.Contains(reasons, `from model test-model: request 0.93, "can I get a real human"`) {
		t.Fatalf("target %q rule %q\n%s", d.Target, d.Rule, reasons)
	}
}

// When no path matches, the model's recommendation stands, with confirmation; a recommended
// agent outside the roster (a server that ignores the schema's enum) is ignored and the
// capability scores answer instead; "none" recommends nobody.
func TestModelRecommendation(t *testing.T) {
	cfg := leagueConfig(t)
	var rec atomic.Value
	f := newFakeModelAPI(t, func(map[string]any) (int, string) {
		return http.StatusOK, completion(triggersJSON(false, false, false, false, "", rec.Load().(string)))
	})
	m := newTestModel(f, cfg, true, DecoderBreaker{})
	in := modelInput("branding-agent", "What should we do next for the launch?")
	route := func(agent string) handoff.Decision {
		rec.Store(agent)
		dec, err := m.Analyze(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		return cfg.Engine.Route(in, cfg.Engine.AnalyzeDecoded(in, dec, nil))
	}
	if d := route("ads-agent"); d.Target != "ads-agent" || !d.RequiresConfirmation || d.Rule != "recommendation" {
		t.Fatalf("got %q confirm %v rule %q", d.Target, d.RequiresConfirmation, d.Rule)
	}
	d := route("growth-hacker-agent")
	if d.Target == "growth-hacker-agent" || !strings.Contains(reasonsOf(d), `recommended "growth-hacker-agent", not an agent in the roster: ignored`) {
		t.Fatalf("got %q\n%s", d.Target, reasonsOf(d))
	}
	rec.Store("none")
	if dec, err := m.Analyze(context.Background(), in); err != nil || dec.Recommendation != nil {
		t.Fatalf("none must recommend nobody: %+v %v", dec.Recommendation, err)
	}
}

func reasonsOf(d handoff.Decision) string {
	var b strings.Builder
	for _, r := range d.Reasons {
		b.WriteString(r.Text + "\n")
	}
	return b.String()
}

// Every failure is an error the caller hands to AnalyzeDecoded: the built-in analyzer answers
// alone, the analysis records why, and the customer still reaches a person.
func TestModelFailuresFallBackToBuiltin(t *testing.T) {
	cfg := leagueConfig(t)
	good := triggersJSON(false, false, false, false, "", "")
	cases := map[string]struct {
		status int
		body   string
		want   string
	}{
		"rate limited":                {http.StatusTooManyRequests, `{"error":{"message":"Rate limit reached"}}`, "429"},
		"server error":                {http.StatusInternalServerError, `{"error":{"message":"boom"}}`, "500"},
		"timeout":                     {0, "", "Timeout"},
		"not json":                    {http.StatusOK, `<html>gateway</html>`, "not a chat completion"},
		"no choices":                  {http.StatusOK, `{"choices":[]}`, "no choices"},
		"content not json":            {http.StatusOK, completion("Sure! The customer seems upset."), "not the JSON asked for"},
		"a trigger missing":           {http.StatusOK, completion(`{"human_request":{"present":true,"score":0.9,"evidence":""}}`), "lacks"},
		"score out of range":          {http.StatusOK, completion(strings.Replace(good, `"score":0.05`, `"score":7`, 1)), "not between 0 and 1"},
		"refused":                     {http.StatusOK, `{"choices":[{"message":{"role":"assistant","content":null,"refusal":"I can't help"},"finish_reason":"stop"}]}`, "refused"},
		"cut off":                     {http.StatusOK, strings.Replace(completion(good), `"stop"`, `"length"`, 1), "cut off"},
		"wrong path (no /v1 in base)": {http.StatusNotFound, "", "404"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFakeModelAPI(t, func(map[string]any) (int, string) { return tc.status, tc.body })
			m := newTestModel(f, cfg, false, DecoderBreaker{})
			if name == "wrong path (no /v1 in base)" {
				m.endpoint = f.URL + "/chat/completions"
			}
			in := modelInput("branding-agent", "Can I speak to a human please?")
			start := time.Now()
			dec, err := m.Analyze(context.Background(), in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
			if el := time.Since(start); el > 3*time.Second {
				t.Fatalf("took %v; the timeout did not bound the call", el)
			}
			a := cfg.Engine.AnalyzeDecoded(in, dec, err)
			if a.Analyzer != decision.AnalyzerBuiltin || a.DecoderError == "" || a.Signals["human_requested"] != true {
				t.Fatalf("fallback analysis %+v", a)
			}
			if d := cfg.Engine.Route(in, a); d.Target != "league_success" {
				t.Fatalf("fallback routes to %q", d.Target)
			}
		})
	}
}

// The breaker opens after the failures in a row, fails fast without calling the API, and
// closes once a trial call succeeds against the recovered API.
func TestModelBreaker(t *testing.T) {
	cfg := leagueConfig(t)
	var healthy atomic.Bool
	f := newFakeModelAPI(t, func(map[string]any) (int, string) {
		if !healthy.Load() {
			return http.StatusInternalServerError, `{"error":{"message":"down"}}`
		}
		return http.StatusOK, completion(triggersJSON(false, true, false, false, "WHERE IS MY CONTRACT", ""))
	})
	m := newTestModel(f, cfg, false, DecoderBreaker{Failures: 2, OpenFor: 100 * time.Millisecond})
	in := modelInput("branding-agent", "WHERE IS MY CONTRACT")
	for i := 0; i < 2; i++ {
		if _, err := m.Analyze(context.Background(), in); err == nil {
			t.Fatalf("call %d: want an error", i)
		}
	}
	before := f.calls.Load()
	if _, err := m.Analyze(context.Background(), in); !errors.Is(err, gobreaker.ErrOpenState) || f.calls.Load() != before {
		t.Fatalf("open breaker: err %v, calls %d -> %d", err, before, f.calls.Load())
	}
	healthy.Store(true)
	deadline := time.Now().Add(5 * time.Second)
	for {
		dec, err := m.Analyze(context.Background(), in)
		if err == nil {
			if dec.Signals["frustrated"] != true || m.breaker.State() != gobreaker.StateClosed {
				t.Fatalf("after recovery: %+v, breaker %v", dec.Signals, m.breaker.State())
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the breaker never let a trial call through: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// The model's evidence reaches reasons masked and clipped.
func TestModelEvidenceIsMasked(t *testing.T) {
	cfg := leagueConfig(t)
	ev := "call me at 512-555-0199 or dana.w@example.com, I want a person right now, " + strings.Repeat("please ", 20)
	f := newFakeModelAPI(t, func(map[string]any) (int, string) {
		return http.StatusOK, completion(triggersJSON(true, false, false, false, ev, ""))
	})
	dec, err := newTestModel(f, cfg, false, DecoderBreaker{}).Analyze(context.Background(), modelInput("branding-agent", "x"))
	if err != nil {
		t.Fatal(err)
	}
	note := dec.Notes["human_requested"]
	if strings.Contains(note, "555-0199") || strings.Contains(note, "example.com") || len(note) > 160 {
		t.Fatalf("note %q", note)
	}
}

// With routing.decoder.model configured the workflow's decoder step asks the model; when the
// model fails the step still answers, with the built-in analysis and the reason.
func TestDecodeIntentUsesModel(t *testing.T) {
	var up atomic.Bool
	up.Store(true)
	f := newFakeModelAPI(t, func(map[string]any) (int, string) {
		if !up.Load() {
			return http.StatusServiceUnavailable, `{"error":{"message":"overloaded"}}`
		}
		return http.StatusOK, completion(triggersJSON(false, false, true, false, "we lost the house we loved", ""))
	})
	src, err := os.ReadFile("../config/examples/real-estate.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// routing's own rules: key, at the start of a line (handoff.monitoring has one too, deeper).
	yaml := strings.Replace(string(src), "\n  rules:\n", "\n  decoder:\n    model: {base_url: "+f.URL+"/v1, name: test-model}\n  rules:\n", 1)
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	acts := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	in := *modelInput("lead_bot", "Honestly we're just looking around for now.")
	res, err := acts.AnalyzeTrigger(context.Background(), in)
	if err != nil || !res.UseDecoder {
		t.Fatalf("AnalyzeTrigger: %+v, %v: the workflow must be told to ask the model", res, err)
	}
	res, err = acts.DecodeIntent(context.Background(), in)
	if err != nil || res.Analysis.Analyzer != decision.AnalyzerModel || res.Analysis.Signals["emotional_distress"] != true {
		t.Fatalf("DecodeIntent: %+v, %v", res.Analysis, err)
	}
	up.Store(false)
	res, err = acts.DecodeIntent(context.Background(), in)
	if err != nil || res.Analysis.Analyzer != decision.AnalyzerBuiltin || !strings.Contains(res.Analysis.DecoderError, "503") ||
		res.Analysis.Signals["emotional_distress"] != false {
		t.Fatalf("DecodeIntent with the model down: %+v, %v", res.Analysis, err)
	}
}
