package decision_test

import (
	"reflect"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
)

// The shipped real-estate rules as the experiments and the log's tools see them: which are
// safety rules and why, what each reads, and its numeric thresholds.
func TestRuleInfosOfTheExample(t *testing.T) {
	spec, agents := exampleSpec(t, "real-estate")
	e, err := decision.Compile(spec, agents)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]decision.RuleInfo{}
	for _, r := range e.Rules() {
		byName[r.Name] = r
	}
	safety := map[string]string{
		"customer_asked_for_person": "urgent, reads a customer asking for a person",
		"seller_to_human":           "urgent, reads distress, reads legal complexity, reads a VIP flag",
		"human_safety":              "urgent, reads distress, reads legal complexity, reads a VIP flag",
		"lead_to_buyer":             "", "luxury": "", "ready_seller": "", "ready_buyer": "",
	}
	for name, want := range safety {
		if got := byName[name].Safety(); got != want {
			t.Errorf("%s: safety %q, want %q", name, got, want)
		}
	}
	lux := byName["luxury"]
	if lux.Target != "luxury_specialist" || lux.Scenario != "luxury_consultation" ||
		!reflect.DeepEqual(lux.Signals, []string{"buyer_sophistication", "property_value", "transaction_complexity"}) {
		t.Errorf("luxury %+v", lux)
	}
	want := []decision.Threshold{{Signal: "property_value", Op: ">", Value: 1e6, Written: "1M"}, {Signal: "transaction_complexity", Op: ">", Value: 0.8, Written: "0.8"}}
	if !reflect.DeepEqual(lux.Thresholds, want) {
		t.Errorf("luxury thresholds %+v, want %+v", lux.Thresholds, want)
	}
	// A rule written in CEL is a safety rule by what its expression reads, too.
	e, err = compileYAML(t, `system: real_estate
signals: {vip_customer: bool}
rules:
  - {name: vips, precedence: 10, target: human_agent, cel: "vip_customer && true"}
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Rules()[0].Safety(); got != "reads a VIP flag" {
		t.Errorf("CEL rule reading vip_customer: safety %q", got)
	}
}

// Only numbers, flags and categories of known signals are kept for re-deciding: a string that
// could be the customer's words is not.
func TestRecordableSignals(t *testing.T) {
	spec, agents := exampleSpec(t, "real-estate")
	e, err := decision.Compile(spec, agents)
	if err != nil {
		t.Fatal(err)
	}
	kept, dropped := e.RecordableSignals(map[string]any{
		"property_value": 1.2e6, "financing_ready": true, "intent_category": "Immediate_Buyer",
		"timeline_urgency": "as soon as my divorce is final", "customer_email": "dana@example.com", "lead_score": "8.5",
	})
	wantKept := map[string]any{"property_value": 1.2e6, "financing_ready": true, "intent_category": "immediate_buyer", "lead_score": 8.5}
	if !reflect.DeepEqual(kept, wantKept) || !reflect.DeepEqual(dropped, []string{"customer_email", "timeline_urgency"}) {
		t.Errorf("kept %v dropped %v", kept, dropped)
	}
}
