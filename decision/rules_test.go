package decision_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

type sig = map[string]any

// seller, buyer and lead are signal sets that satisfy rules 3, 4 and scenario 2; cases derive
// from them so each row changes one thing.
func seller() sig {
	return sig{"intent_confidence": 0.95, "intent_category": "immediate_seller", "property_value": "750K", "complexity_score": 0.3}
}

func buyer() sig {
	return sig{"intent_confidence": 0.91, "intent_category": "immediate_buyer", "financing_ready": true, "timeline_urgency": "moderate"}
}

func lead() sig {
	return sig{"lead_score": 8.0, "intent_category": "immediate_buyer", "pre_approval_confirmed": true, "property_criteria_defined": true}
}

func with(base sig, kv ...any) sig {
	out := sig{}
	for k, v := range base {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
			continue
		}
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

func TestRealEstateRules(t *testing.T) {
	e := example(t, "real-estate")
	cases := []struct {
		name       string
		source     string
		signals    sig
		target     string // "" means no handoff
		rule       string
		urgent     bool
		candidates []string
	}{
		// Rule 1: any one condition sends the conversation to a person, strictly as written.
		{"complexity above 0.8", "lead_bot", sig{"complexity_score": 0.81}, "human_agent", "human_safety", true, []string{"human_agent"}},
		{"complexity exactly 0.8", "lead_bot", sig{"complexity_score": 0.8}, "", "", false, nil},
		{"emotional distress", "lead_bot", sig{"emotional_distress": true}, "human_agent", "human_safety", true, nil},
		{"no emotional distress", "lead_bot", sig{"emotional_distress": false}, "", "", false, nil},
		{"distress score above threshold", "lead_bot", sig{"customer_emotional_distress": 0.71}, "human_agent", "human_safety", true, nil},
		{"distress score at threshold", "lead_bot", sig{"customer_emotional_distress": 0.7}, "", "", false, nil},
		{"legal complexity high", "jorge_buyer_bot", sig{"legal_complexity": "high"}, "human_agent", "human_safety", true, nil},
		{"legal complexity HIGH", "jorge_buyer_bot", sig{"legal_complexity": "HIGH"}, "human_agent", "human_safety", true, nil},
		{"legal complexity medium", "jorge_buyer_bot", sig{"legal_complexity": "medium"}, "", "", false, nil},
		{"vip", "lead_bot", sig{"vip_customer": true}, "human_agent", "human_safety", true, nil},
		{"vip false", "lead_bot", sig{"vip_customer": false}, "", "", false, nil},
		{"vip as text", "lead_bot", sig{"vip_customer": "true"}, "human_agent", "human_safety", true, nil},
		// Scenario 1: the same conditions from the seller bot use the seller protocol.
		{"seller bot distress", "jorge_seller_bot", sig{"emotional_distress": true}, "human_agent", "seller_to_human", true, nil},
		{"seller bot legal", "jorge_seller_bot", sig{"legal_complexity": "high"}, "human_agent", "seller_to_human", true, nil},

		// Rule 2: value over 1M and (sophistication high or transaction complexity over 0.8).
		{"luxury sophisticated", "lead_bot", sig{"property_value": "1.5M", "buyer_sophistication": "high"}, "luxury_specialist", "luxury", false, nil},
		{"luxury complex", "lead_bot", sig{"property_value": 1000001, "transaction_complexity": 0.81}, "luxury_specialist", "luxury", false, nil},
		{"luxury value exactly 1M", "lead_bot", sig{"property_value": "1M", "buyer_sophistication": "high"}, "", "", false, nil},
		{"luxury value 1000K", "lead_bot", sig{"property_value": 1000000.0, "buyer_sophistication": "high"}, "", "", false, nil},
		{"luxury complexity exactly 0.8", "lead_bot", sig{"property_value": "3M", "transaction_complexity": 0.8}, "", "", false, nil},
		{"luxury unsophisticated", "lead_bot", sig{"property_value": "3M", "buyer_sophistication": "medium"}, "", "", false, nil},
		{"luxury value missing", "lead_bot", sig{"buyer_sophistication": "high", "transaction_complexity": 0.9}, "", "", false, nil},

		// Rule 3: every condition, strict thresholds, K/M suffixes.
		{"seller ready", "lead_bot", seller(), "jorge_seller_bot", "ready_seller", false, nil},
		{"seller confidence exactly 0.9", "lead_bot", with(seller(), "intent_confidence", 0.9), "", "", false, nil},
		{"seller value exactly 2M", "lead_bot", with(seller(), "property_value", "2M"), "", "", false, nil},
		{"seller value just under 2M", "lead_bot", with(seller(), "property_value", 1999999), "jorge_seller_bot", "ready_seller", false, nil},
		{"seller value 1.5M", "lead_bot", with(seller(), "property_value", "1.5M"), "jorge_seller_bot", "ready_seller", false, nil},
		{"seller complexity exactly 0.7", "lead_bot", with(seller(), "complexity_score", 0.7), "", "", false, nil},
		{"seller complexity missing", "lead_bot", with(seller(), "complexity_score", nil), "", "", false, nil},
		{"seller other intent", "lead_bot", with(seller(), "intent_category", "immediate_buyer"), "", "", false, nil},
		{"seller value not a number", "lead_bot", with(seller(), "property_value", "a lot"), "", "", false, nil},

		// Rule 4: alternatives immediate|moderate, financing a bool.
		{"buyer moderate", "lead_bot", buyer(), "jorge_buyer_bot", "ready_buyer", false, nil},
		{"buyer immediate", "lead_bot", with(buyer(), "timeline_urgency", "immediate"), "jorge_buyer_bot", "ready_buyer", false, nil},
		{"buyer Immediate", "lead_bot", with(buyer(), "timeline_urgency", "Immediate"), "jorge_buyer_bot", "ready_buyer", false, nil},
		{"buyer exploring", "lead_bot", with(buyer(), "timeline_urgency", "exploring"), "", "", false, nil},
		{"buyer not financed", "lead_bot", with(buyer(), "financing_ready", false), "", "", false, nil},
		{"buyer financing as text", "lead_bot", with(buyer(), "financing_ready", "true"), "jorge_buyer_bot", "ready_buyer", false, nil},
		{"buyer financing unknown", "lead_bot", with(buyer(), "financing_ready", nil), "", "", false, nil},
		{"buyer confidence exactly 0.9", "lead_bot", with(buyer(), "intent_confidence", 0.9), "", "", false, nil},

		// Scenario 2: from the lead bot only; lead_score >= 8.0 includes 8.0.
		{"lead qualified at 8.0", "lead_bot", lead(), "jorge_buyer_bot", "lead_to_buyer", false, nil},
		{"lead score 7.99", "lead_bot", with(lead(), "lead_score", 7.99), "", "", false, nil},
		{"lead not pre-approved", "lead_bot", with(lead(), "pre_approval_confirmed", false), "", "", false, nil},
		{"lead criteria missing", "lead_bot", with(lead(), "property_criteria_defined", nil), "", "", false, nil},
		{"lead rule from another source", "jorge_seller_bot", lead(), "", "", false, nil},

		// Precedence: the highest matching rule wins, the others follow as candidates.
		{"human beats luxury", "lead_bot", sig{"vip_customer": true, "property_value": "5M", "buyer_sophistication": "high"}, "human_agent", "human_safety", true, []string{"human_agent", "luxury_specialist"}},
		{"scenario 2 beats rule 4, same target once", "lead_bot", with(lead(), "intent_confidence", 0.95, "financing_ready", true, "timeline_urgency", "immediate"), "jorge_buyer_bot", "lead_to_buyer", false, []string{"jorge_buyer_bot"}},
		{"luxury beats buyer", "lead_bot", with(buyer(), "property_value", "1.2M", "buyer_sophistication", "high"), "luxury_specialist", "luxury", false, []string{"luxury_specialist", "jorge_buyer_bot"}},
		{"human beats scenario 2", "lead_bot", with(lead(), "emotional_distress", true), "human_agent", "human_safety", true, []string{"human_agent", "jorge_buyer_bot"}},

		// No self-handoff: a rule targeting the source is skipped, lower rules still apply.
		{"buyer bot stays", "jorge_buyer_bot", buyer(), "", "", false, nil},
		{"seller bot stays", "jorge_seller_bot", seller(), "", "", false, nil},
		{"buyer bot to luxury", "jorge_buyer_bot", with(buyer(), "property_value", "1.2M", "buyer_sophistication", "high"), "luxury_specialist", "luxury", false, []string{"luxury_specialist"}},
		{"luxury specialist stays", "luxury_specialist", sig{"property_value": "3M", "buyer_sophistication": "high"}, "", "", false, nil},

		{"nothing known", "lead_bot", sig{}, "", "", false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := e.Decide(conv(tc.source, tc.signals))
			if d.Target != tc.target || d.Handoff != (tc.target != "") {
				t.Fatalf("target = %q (handoff %v), want %q\nreasons:\n%s", d.Target, d.Handoff, tc.target, reasonTexts(d))
			}
			if d.Rule != tc.rule || d.Urgent != tc.urgent {
				t.Fatalf("rule %q urgent %v, want %q urgent %v", d.Rule, d.Urgent, tc.rule, tc.urgent)
			}
			if tc.candidates != nil && !reflect.DeepEqual(candidateAgents(d), tc.candidates) {
				t.Fatalf("candidates = %v, want %v", candidateAgents(d), tc.candidates)
			}
			for _, c := range d.Candidates {
				if c.Agent == tc.source {
					t.Fatalf("the source %s is a candidate", tc.source)
				}
			}
			if d.Handoff && (d.Candidates[0].Agent != d.Target || d.Protocol.Scenario == "" || d.Scenario != d.Protocol.Scenario) {
				t.Fatalf("a handoff needs its target first among candidates and a scenario: %+v", d)
			}
			if len(d.Reasons) == 0 {
				t.Fatal("every decision explains itself")
			}
			if d.RulesVersion != e.Version() || d.FallbackAgent != "" || d.Settings != (handoff.Settings{}) {
				t.Fatalf("version %q, fallback %q, settings %+v: Route fills only its own fields", d.RulesVersion, d.FallbackAgent, d.Settings)
			}
		})
	}
}

func TestSelfHandoffIsExplained(t *testing.T) {
	d := example(t, "real-estate").Decide(conv("jorge_buyer_bot", buyer()))
	if d.Handoff {
		t.Fatalf("got a handoff to %s", d.Target)
	}
	if !strings.Contains(reasonTexts(d), "ready_buyer matched, but its target jorge_buyer_bot is the source agent itself") {
		t.Fatalf("reasons do not explain the skipped rule:\n%s", reasonTexts(d))
	}
}

func TestReasonsShowValuesAndSources(t *testing.T) {
	e := example(t, "real-estate")
	d := e.Decide(conv("lead_bot", with(buyer(), "property_value", "1.2M", "buyer_sophistication", "high")))
	got := reasonTexts(d)
	for _, want := range []string{"property_value is 1.2M > 1M", `buyer_sophistication is "high"`} {
		if !strings.Contains(got, want) {
			t.Errorf("reasons lack %q:\n%s", want, got)
		}
	}
	for _, r := range d.Reasons {
		if !r.Matched || r.Rule != "luxury" || r.Value == nil {
			t.Errorf("reason %+v: want the matched conditions of rule luxury with their values", r)
		}
	}

	// A conversation with no handoff says, per rule, which condition failed and why.
	d = e.Decide(conv("lead_bot", with(seller(), "intent_confidence", 0.9)))
	got = reasonTexts(d)
	if !strings.Contains(got, "intent_confidence is 0.9, not > 0.9") || !strings.Contains(got, "vip_customer is not known") {
		t.Fatalf("no-handoff reasons:\n%s", got)
	}
}

// The workflow carries the Analysis between activities as JSON; routing the round-tripped
// analysis must give the same decision.
func TestAnalysisSurvivesJSON(t *testing.T) {
	e := example(t, "real-estate")
	in := sample(t, "seller-distress")
	a := e.Analyze(in)
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back decision.Analysis
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	d1, d2 := e.Route(in, a), e.Route(in, back)
	j1, _ := json.Marshal(d1)
	j2, _ := json.Marshal(d2)
	if string(j1) != string(j2) {
		t.Fatalf("decision changed after a JSON round trip:\n%s\n%s", j1, j2)
	}
}

func TestSamplesRouteAsDocumented(t *testing.T) {
	cases := []struct {
		sample, config, target, rule string
		confirm, urgent              bool
	}{
		{"seller-distress", "real-estate", "human_agent", "seller_to_human", false, true},
		{"lead-qualified", "real-estate", "jorge_buyer_bot", "lead_to_buyer", false, false},
		{"investment-buyer", "real-estate", "luxury_specialist", "luxury", false, false},
		{"league-branding-social", "agent-league", "social-bot-agent", "branding-agent:social-bot-agent", true, false},
	}
	for _, tc := range cases {
		t.Run(tc.sample, func(t *testing.T) {
			d := example(t, tc.config).Decide(sample(t, tc.sample))
			if d.Target != tc.target || d.Rule != tc.rule || d.RequiresConfirmation != tc.confirm || d.Urgent != tc.urgent {
				t.Fatalf("got target %q rule %q confirm %v urgent %v\n%s", d.Target, d.Rule, d.RequiresConfirmation, d.Urgent, reasonTexts(d))
			}
		})
	}
}

// Scenario 3: the consult rule keeps the buyer bot as the primary agent and captures the
// seed's collaboration fields; the plain investment sample still goes to the luxury specialist.
func TestInvestmentConsultSampleConsults(t *testing.T) {
	d := example(t, "real-estate").Decide(sample(t, "investment-consult"))
	c := d.Consult
	if d.Handoff || d.Rule != "investment_consultation" || d.Target != "jorge_buyer_bot" || c == nil {
		t.Fatalf("handoff %v rule %q target %q consult %+v\n%s", d.Handoff, d.Rule, d.Target, c, reasonTexts(d))
	}
	if c.PrimaryAgent != "jorge_buyer_bot" || len(c.Experts) != 3 || c.Quorum != 2 || c.Deadline != "2m" ||
		c.Coordination != handoff.CoordinationBackground || c.CustomerAwareness != handoff.AwarenessTransparent {
		t.Fatalf("consult %+v", c)
	}
	if len(d.Candidates) != 0 {
		t.Fatalf("a consult decision hands nothing over, yet lists candidates %+v", d.Candidates)
	}
}
