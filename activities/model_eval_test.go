package activities

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/triggereval"
)

// TestModelTriggerEval measures a model on the labelled set, as decision's TestTriggerEval
// measures the built-in analyzer: `make eval` with HANDOFF_MODEL_BASE_URL (e.g.
// https://api.openai.com/v1 or http://127.0.0.1:11434/v1), HANDOFF_MODEL_NAME and, if the
// endpoint needs one, HANDOFF_MODEL_API_KEY. HANDOFF_EVAL_CONCURRENCY (4) calls run at once;
// a failed call counts as the built-in fallback's answer and is reported.
func TestModelTriggerEval(t *testing.T) {
	base, name := os.Getenv("HANDOFF_MODEL_BASE_URL"), os.Getenv("HANDOFF_MODEL_NAME")
	if !triggereval.Enabled() || base == "" || name == "" {
		fmt.Println("model: not evaluated (set HANDOFF_MODEL_BASE_URL and HANDOFF_MODEL_NAME, and HANDOFF_MODEL_API_KEY if the endpoint needs one)")
		t.Skip("no model endpoint configured")
	}
	workers, _ := strconv.Atoi(os.Getenv("HANDOFF_EVAL_CONCURRENCY"))
	results := evalModel(t, base, name, os.Getenv(decision.DefaultModelKeyEnv), triggereval.Splits(), max(workers, 1))
	triggereval.PrintTable(os.Stdout, "model "+name, results...)
	for _, r := range results {
		triggereval.PrintMisses(os.Stdout, r)
	}
}

// The evaluation's own machinery, against the fake API on the tune split: every case is
// asked, failures are counted and fall back, and the figures follow the answers.
func TestModelEvalAgainstFakeAPI(t *testing.T) {
	var n int
	var mu sync.Mutex
	f := newFakeModelAPI(t, func(map[string]any) (int, string) {
		mu.Lock()
		defer mu.Unlock()
		n++
		if n%50 == 0 {
			return http.StatusTooManyRequests, `{"error":{"message":"slow down"}}`
		}
		// A model that finds a request for a person everywhere.
		return http.StatusOK, completion(triggersJSON(true, false, false, false, "a person", ""))
	})
	r := evalModel(t, f.URL+"/v1", "fake", "", []string{triggereval.SplitTune}, 4)[0]
	hr := r.Triggers["human_request"]
	if r.Cases < 280 || r.Failed == 0 || r.Failed > r.Cases/40 || hr.Recall() < 0.95 || hr.Precision() > 0.3 {
		t.Fatalf("cases %d failed %d human_request %+v", r.Cases, r.Failed, hr)
	}
}

func evalModel(t *testing.T, base, name, key string, splits []string, workers int) []*triggereval.Result {
	t.Helper()
	cases, err := triggereval.LoadSplits(splits)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadFile("../config/examples/real-estate.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	// A breaker that never opens: every case is asked, and each failure is counted.
	m := NewModelAnalyzer(decision.ModelSpec{BaseURL: base, Name: name}, key, 30*time.Second, cfg.Agents, DecoderBreaker{Failures: 1 << 30})
	type answer struct {
		a      decision.Analysis
		failed bool
	}
	answers := make(map[string]answer, len(cases))
	var mu sync.Mutex
	jobs := make(chan triggereval.Case)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				in := triggereval.Input(c)
				dec, err := m.Analyze(context.Background(), in)
				a := cfg.Engine.AnalyzeDecoded(in, dec, err)
				mu.Lock()
				answers[c.ID] = answer{a, err != nil}
				mu.Unlock()
			}
		}()
	}
	for _, c := range cases {
		for _, s := range splits {
			if c.Split == s {
				jobs <- c
			}
		}
	}
	close(jobs)
	wg.Wait()
	predict := triggereval.Predictor(cfg.Engine, cfg.Agents, func(in *handoff.Input) (decision.Analysis, bool) {
		ans := answers[in.ConversationID[len("eval-"):]]
		return ans.a, ans.failed
	})
	var out []*triggereval.Result
	for _, s := range splits {
		out = append(out, triggereval.Evaluate(cases, s, predict))
	}
	return out
}
