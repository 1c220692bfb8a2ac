package learning

import (
	"fmt"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/decision"
)

var exampleRules = []decision.RuleInfo{
	{Name: "human_safety", Target: "human_agent", Thresholds: []decision.Threshold{{Signal: "complexity_score", Op: ">", Value: 0.8, Written: "0.8"}}},
	{Name: "luxury", Target: "luxury_specialist", Thresholds: []decision.Threshold{{Signal: "property_value", Op: ">", Value: 1e6, Written: "1M"},
		{Signal: "transaction_complexity", Op: ">", Value: 0.8, Written: "0.8"}}},
	{Name: "ready_buyer", Target: "jorge_buyer_bot"},
}

func rows(rule, source string, n, k int, signals map[string]any) []analytics.Handoff {
	out := handoffs(source, "t", "s", n, k)
	for i := range out {
		out[i].Rule, out[i].Signals, out[i].HandoffID = rule, signals, fmt.Sprintf("%s-%s-%v-%d", rule, source, signals, i)
	}
	return out
}

// The luxury rule's handoffs between 1M and 1.2M did worst: the suggestion raises its
// threshold to 1.2M, with the evidence; human_safety from the lead bot did worst: the
// suggestion leaves that source out; ready_buyer does well and is not listed.
func TestSuggest(t *testing.T) {
	hs := cat(
		rows("luxury", "lead_bot", 100, 40, map[string]any{"property_value": 1.2e6, "transaction_complexity": 0.9}),
		rows("luxury", "lead_bot", 100, 92, map[string]any{"property_value": 1.8e6, "transaction_complexity": 0.9}),
		rows("human_safety", "jorge_seller_bot", 100, 93, map[string]any{"complexity_score": 0.9}),
		rows("human_safety", "lead_bot", 60, 30, map[string]any{"complexity_score": 0.9}),
		rows("ready_buyer", "lead_bot", 300, 285, map[string]any{}),
	)
	r := Suggest(exampleRules, hs, analytics.Success{}, 30)
	if r.Handoffs != 660 || len(r.Findings) != 2 {
		t.Fatalf("handoffs %d, findings %+v", r.Handoffs, r.Findings)
	}
	lux, hum := r.Findings[0], r.Findings[1]
	if lux.Rule != "luxury" || len(lux.Suggestions) != 1 || lux.Suggestions[0].Edit != `property_value: "> 1M" -> "> 1.2M"` ||
		lux.Suggestions[0].Left.N != 100 || lux.Suggestions[0].Left.K != 40 || lux.Suggestions[0].Kept.K != 92 {
		t.Errorf("luxury %+v", lux)
	}
	if hum.Rule != "human_safety" || len(hum.Suggestions) != 1 || hum.Suggestions[0].Edit != "from: any source -> [jorge_seller_bot]" ||
		hum.Suggestions[0].Left.N != 60 {
		t.Errorf("human_safety %+v", hum)
	}
	var text strings.Builder
	if err := WriteSuggestions(&text, r, "30d"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"luxury (to luxury_specialist): 66.0 % success", `candidate edit (threshold): property_value: "> 1M" -> "> 1.2M"`,
		"evidence: its 100 handoffs with property_value up to 1.2M succeeded 40.0 %", "starter whatif --rules candidate.yaml"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
	// Under the minimum sample nothing is judged.
	if r := Suggest(exampleRules, hs, analytics.Success{}, 1000); len(r.Findings) != 0 {
		t.Errorf("min sample 1000: %+v", r.Findings)
	}
}

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{1.5e6: "1.5M", 750e3: "750K", 0.85: "0.85", 1234567: "1234567", 1250000: "1.25M", 12: "12"} {
		if got := Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}
