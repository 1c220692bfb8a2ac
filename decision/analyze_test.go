package decision_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

// The seed's scenario 1 with no signals at all: the analyzer must see the distress and the
// legal situation in the messages and send the seller to a person.
func TestAnalyzerSellerDistressSample(t *testing.T) {
	e := example(t, "real-estate")
	in := sample(t, "seller-distress")
	if len(in.Signals) != 0 {
		t.Fatal("the sample must send no signals")
	}
	a := e.Analyze(in)
	if a.Analyzer != decision.AnalyzerBuiltin || !a.Urgent {
		t.Fatalf("analyzer %q urgent %v", a.Analyzer, a.Urgent)
	}
	if d, _ := a.Signals["customer_emotional_distress"].(float64); d <= 0.7 {
		t.Errorf("distress %v, want above 0.7", a.Signals["customer_emotional_distress"])
	}
	if a.Signals["emotional_distress"] != true || a.Signals["legal_complexity"] != "high" {
		t.Errorf("signals %v", a.Signals)
	}
	for _, s := range []string{"customer_emotional_distress", "emotional_distress", "complexity_score", "legal_complexity", "intent_category"} {
		if a.Derived[s] == "" {
			t.Errorf("%s is not recorded as derived", s)
		}
	}
	d := e.Route(in, a)
	if d.Target != "human_agent" || d.Rule != "seller_to_human" || !d.Urgent || d.Analyzer != decision.AnalyzerBuiltin {
		t.Fatalf("got %q rule %q urgent %v", d.Target, d.Rule, d.Urgent)
	}
	got := reasonTexts(d)
	for _, want := range []string{"emotional_distress is true (derived from messages: distress", `legal_complexity is "high" (derived from messages: cues `, `lien ("lien")`} {
		if !strings.Contains(got, want) {
			t.Errorf("reasons lack %q:\n%s", want, got)
		}
	}
}

func analyze(t *testing.T, msgs ...string) decision.Analysis {
	t.Helper()
	return example(t, "real-estate").Analyze(conv("lead_bot", nil, msgs...))
}

func TestAnalyzerDistress(t *testing.T) {
	cases := []struct {
		name       string
		msgs       []string
		distressed bool
	}{
		{"calm", []string{"Hi, is the house on Elm still available?", "Great, can we see it Saturday?"}, false},
		{"happy", []string{"We love it! Thanks so much, this is perfect."}, false},
		{"mildly unhappy", []string{"The price is a bit high for us."}, false},
		{"distressed", []string{"I'm terrified we'll lose the house. I can't cope with this anymore."}, true},
		{"distressed in capitals", []string{"THIS IS A NIGHTMARE. I am so stressed and nobody helps me!!!"}, true},
		{"negated cue", []string{"I'm not stressed and not worried at all, just curious about prices."}, false},
		{"distress long ago, calm now", []string{"I'm devastated and desperate, I can't handle this.", "ok", "sounds good", "yes that works", "thanks, see you then", "perfect", "great"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := analyze(t, tc.msgs...)
			if a.Signals["emotional_distress"] != tc.distressed || a.Urgent != tc.distressed {
				t.Fatalf("emotional_distress %v (%s), want %v", a.Signals["emotional_distress"], a.Derived["customer_emotional_distress"], tc.distressed)
			}
		})
	}
}

func TestAnalyzerLegalComplexity(t *testing.T) {
	cases := []struct {
		msg   string
		legal string
		above float64 // complexity_score must be above this
	}{
		// A divorce is a routine legal matter for an agent; its settlement, decree or court
		// order is what needs a person.
		{"We're going through a divorce and need to sell.", "medium", 0.2},
		{"Our divorce decree says the house must be sold by June.", "high", 0.5},
		{"My mother passed away and the house is in probate.", "high", 0.5},
		{"The bank started foreclosure and there's a tax lien.", "high", 0.8},
		{"I filed for bankruptcy last year.", "high", 0.5},
		{"We inherited the house from my aunt's estate.", "high", 0.5},
		{"There is no lien on the house.", "low", -1},
		{"I've worked in real estate for years.", "low", -1},
		{"The unit has tenants on a lease until March.", "medium", 0.2},
		{"Looking for a 3 bedroom near good schools.", "low", -1},
	}
	for _, tc := range cases {
		a := analyze(t, tc.msg)
		if a.Signals["legal_complexity"] != tc.legal {
			t.Errorf("%q: legal_complexity %v (%s), want %s", tc.msg, a.Signals["legal_complexity"], a.Derived["legal_complexity"], tc.legal)
		}
		if score := a.Signals["complexity_score"].(float64); score <= tc.above || (tc.above < 0 && score != 0) {
			t.Errorf("%q: complexity_score %v, want above %v", tc.msg, score, tc.above)
		}
	}
}

func TestAnalyzerKeepsBotSignals(t *testing.T) {
	e := example(t, "real-estate")
	in := sample(t, "seller-distress")
	in.Signals = map[string]any{"emotional_distress": false, "legal_complexity": "low", "complexity_score": 0.2, "intent_category": "immediate_seller"}
	a := e.Analyze(in)
	for k, v := range in.Signals {
		if a.Signals[k] != v {
			t.Errorf("%s = %v, want the bot's %v", k, a.Signals[k], v)
		}
		if _, derived := a.Derived[k]; derived {
			t.Errorf("%s is marked derived", k)
		}
	}
	if a.Urgent {
		t.Error("the bot said no distress; the analysis must not be urgent")
	}
}

func TestAnalyzerNothingToDerive(t *testing.T) {
	a := example(t, "real-estate").Analyze(conv("lead_bot", sig{"lead_score": 9}))
	if a.Analyzer != decision.AnalyzerBot || len(a.Derived) != 0 {
		t.Fatalf("analyzer %q derived %v: nothing could be derived without messages", a.Analyzer, a.Derived)
	}
	// A league of keyword paths alone reads no signals, so nothing is derived for it; the
	// example league has rules, so its trigger signals are.
	spec, agents := exampleSpec(t, "agent-league")
	spec.Rules = nil
	paths, err := decision.Compile(spec, agents)
	if err != nil {
		t.Fatal(err)
	}
	a = paths.Analyze(sample(t, "league-branding-social"))
	if a.Analyzer != decision.AnalyzerBot || len(a.Derived) != 0 {
		t.Fatalf("league analysis %+v", a)
	}
	a = example(t, "agent-league").Analyze(sample(t, "league-branding-social"))
	if a.Analyzer != decision.AnalyzerBuiltin || a.Signals["human_requested"] != false {
		t.Fatalf("example league analysis %+v", a)
	}
}

func TestAnalyzeWithDecoder(t *testing.T) {
	e := example(t, "real-estate")
	in := conv("lead_bot", sig{"lead_score": 8.5}, "We're pre-approved and want to buy this month.")
	decoded := map[string]any{"intent_category": "immediate_buyer", "intent_confidence": 0.93, "lead_score": 2.0, "nested": map[string]any{"x": 1}}

	a := e.AnalyzeWith(in, decoded, nil)
	if a.Analyzer != decision.AnalyzerDecoder || a.Signals["intent_category"] != "immediate_buyer" {
		t.Fatalf("analysis %+v", a)
	}
	if a.Signals["lead_score"] != 8.5 {
		t.Error("the bot's signal must win over the decoder's")
	}
	if _, ok := a.Signals["nested"]; ok {
		t.Error("non-scalar decoded values must be dropped")
	}
	if a.Derived["intent_category"] != "from the intent decoder" || a.Derived["complexity_score"] == "" {
		t.Errorf("derived %v", a.Derived)
	}

	// Decoder down or breaker open: the built-in analyzer answers and the analysis says why.
	a = e.AnalyzeWith(in, nil, errors.New("intent decoder: circuit breaker is open"))
	if a.Analyzer != decision.AnalyzerBuiltin || !strings.Contains(a.DecoderError, "breaker is open") {
		t.Fatalf("fallback analysis %+v", a)
	}
	if _, ok := a.Signals["intent_category"]; ok {
		t.Error("no decoder, no intent: it must not be invented")
	}
}

func TestAnalyzerDerivesIntentFromConversationState(t *testing.T) {
	in := conv("lead_bot", nil)
	in.ConversationState.IntentAnalysis = []handoff.IntentAnalysis{
		{Intent: "immediate_buyer", Confidence: 0.95},
		{Intent: "browsing", Confidence: 0.6},
	}
	a := example(t, "real-estate").Analyze(in)
	if a.Signals["intent_category"] != "browsing" || a.Signals["intent_confidence"] != 0.6 {
		t.Fatalf("signals %v: want the latest reading", a.Signals)
	}
}

// No conversation can make the analyzer slow: messages are clipped, clauses per message and
// messages per conversation are bounded. The bound here is over an order of magnitude above
// what such inputs take (20-40 ms), and ten times that under the race detector.
func TestAnalyzerCostIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	e := example(t, "real-estate")
	for _, msg := range []string{
		strings.Repeat("a,", 100000),
		strings.Repeat("I am so SCARED!!! ", 100000),
		strings.Repeat("not divorce lien probate ", 50000),
	} {
		in := &handoff.Input{SourceAgent: "lead_bot"}
		for i := 0; i < 300; i++ {
			in.Messages = append(in.Messages, handoff.Message{Role: "customer", Text: msg})
		}
		start := time.Now()
		e.Decide(in)
		if el := time.Since(start); el > raceSlowdown*time.Second {
			t.Errorf("%d-byte messages took %v", len(msg), el)
		}
	}
}
