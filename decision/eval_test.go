package decision_test

import (
	"os"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/triggereval"
)

// TestTriggerEval measures the built-in analyzer on the labelled sets (testdata/triggers). By
// default it scores the first set (tune and the retired holdout) and fails when a figure
// falls below the targets, listing the misses: a regression guard that never touches
// the blind set. `make eval` (HANDOFF_EVAL=1) prints the table for every split, the blind
// set included, and the development misses; `make eval-dev` (HANDOFF_EVAL_SPLIT=dev) scores
// the development sets (the fresh and training sets too) and leaves the blind one unloaded.
func TestTriggerEval(t *testing.T) {
	splits := []string{triggereval.SplitTune, triggereval.SplitHoldout}
	if triggereval.Enabled() {
		splits = triggereval.Splits()
	}
	cases, err := triggereval.LoadSplits(splits)
	if err != nil {
		t.Fatal(err)
	}
	e := example(t, "real-estate")
	_, agents := exampleSpec(t, "real-estate")
	predict := triggereval.Predictor(e, agents, func(in *handoff.Input) (decision.Analysis, bool) { return e.Analyze(in), false })
	var results []*triggereval.Result
	for _, s := range splits {
		results = append(results, triggereval.Evaluate(cases, s, predict))
	}
	if triggereval.Enabled() {
		triggereval.PrintTable(os.Stdout, "built-in", results...)
		for _, r := range results {
			triggereval.PrintMisses(os.Stdout, r)
		}
		return
	}
	for _, r := range results {
		if below := r.Below(); len(below) > 0 {
			var b strings.Builder
			triggereval.PrintMisses(&b, r)
			t.Errorf("%s split below target: %s%s", r.Split, strings.Join(below, "; "), b.String())
		}
		if acc := r.Routing.Accuracy(); acc < 0.95 {
			t.Errorf("%s routing accuracy %.3f < 0.95", r.Split, acc)
		}
	}
}
