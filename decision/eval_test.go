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
// default it scores the tune split only and fails when a figure falls below the issue's
// targets, listing the misses: a regression guard that never touches the fresh set. `make
// eval` (HANDOFF_EVAL=1) prints the table for every split and the development misses;
// HANDOFF_EVAL_SPLIT=dev (make eval-dev) leaves the fresh set unloaded while tuning.
func TestTriggerEval(t *testing.T) {
	splits := []string{triggereval.SplitTune}
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
	tune := results[0]
	if triggereval.Enabled() {
		triggereval.PrintTable(os.Stdout, "built-in", results...)
		for _, r := range results {
			triggereval.PrintMisses(os.Stdout, r)
		}
		return
	}
	if below := tune.Below(); len(below) > 0 {
		var b strings.Builder
		triggereval.PrintMisses(&b, tune)
		t.Errorf("tune split below target: %s%s", strings.Join(below, "; "), b.String())
	}
	if acc := tune.Routing.Accuracy(); acc < 0.95 {
		t.Errorf("tune routing accuracy %.3f < 0.95", acc)
	}
}
