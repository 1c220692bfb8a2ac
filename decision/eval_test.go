package decision_test

import (
	"os"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/triggereval"
)

// TestTriggerEval measures the built-in analyzer on the labelled set
// (testdata/triggers/labelled.jsonl). By default it scores the tune split only and fails when
// a tune figure falls below the targets, listing the tune misses: a regression guard
// that never looks at the holdout. `make eval` (HANDOFF_EVAL=1) prints the table for both
// splits and the tune misses; HANDOFF_EVAL_SPLIT=tune keeps the holdout unscored while tuning.
func TestTriggerEval(t *testing.T) {
	cases, err := triggereval.Load(triggereval.DefaultPath())
	if err != nil {
		t.Fatal(err)
	}
	e := example(t, "real-estate")
	_, agents := exampleSpec(t, "real-estate")
	predict := triggereval.Predictor(e, agents, func(in *handoff.Input) (decision.Analysis, bool) { return e.Analyze(in), false })
	splits := []string{triggereval.SplitTune}
	if triggereval.Enabled() {
		splits = triggereval.Splits()
	}
	var results []*triggereval.Result
	for _, s := range splits {
		results = append(results, triggereval.Evaluate(cases, s, predict))
	}
	tune := results[0]
	if triggereval.Enabled() {
		triggereval.PrintTable(os.Stdout, "built-in", results...)
		triggereval.PrintMisses(os.Stdout, tune)
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
