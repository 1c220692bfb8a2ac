package handoff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

func TestResolve(t *testing.T) {
	doc := map[string]any{
		"a": map[string]any{"b": []any{"x", map[string]any{"c": 2.0}}},
		"f": false,
	}
	for path, want := range map[string]any{"a.b.0": "x", "a.b.1.c": 2.0, "f": false} {
		if v, ok := handoff.Resolve(doc, path); !ok || v != want {
			t.Errorf("%s: %v %v", path, v, ok)
		}
	}
	for _, path := range []string{"a.b.2", "a.b.-1", "a.b.x", "a.z", "f.g", "", "a..b"} {
		if v, ok := handoff.Resolve(doc, path); ok {
			t.Errorf("%s resolved to %v", path, v)
		}
	}
}

// The source document reads signals from the decision (the analyzer's included) and keeps the
// latest three intent readings, as the seed asks.
func TestSourceDocument(t *testing.T) {
	in := loadSample(t, "seller-distress")
	in.ConversationState.IntentAnalysis = append(in.ConversationState.IntentAnalysis, handoff.IntentAnalysis{Intent: "fourth", Confidence: 0.5})
	in.Signals = map[string]any{"vip_customer": true, "complexity_score": 0.1}
	d := handoff.Decision{Signals: map[string]any{"complexity_score": 0.9}, Rule: "r", Reasons: []handoff.Reason{{Text: "held", Matched: true}, {Text: "not", Matched: false}}}
	doc := handoff.SourceDocument(&in, &d, handoff.Limits{})
	if v, _ := handoff.Resolve(doc, "signals.complexity_score"); v != 0.9 {
		t.Fatalf("decision's signal wins: %v", v)
	}
	if v, _ := handoff.Resolve(doc, "signals.vip_customer"); v != true {
		t.Fatalf("input's signal kept: %v", v)
	}
	ia, _ := handoff.Resolve(doc, "conversation_state.intent_analysis")
	if l := ia.([]any); len(l) != 3 || l[2].(map[string]any)["intent"] != "fourth" {
		t.Fatalf("intent analysis %v", ia)
	}
	if r, _ := handoff.Resolve(doc, "decision.reasons"); len(r.([]any)) != 1 {
		t.Fatalf("only the reasons that held: %v", r)
	}
	if _, ok := doc["messages"]; ok {
		t.Fatal("messages are not fields")
	}
}

func TestAckPreservation(t *testing.T) {
	c := loadConfig(t, realEstate)
	in := loadSample(t, "lead-qualified")
	delete(in.ConversationState.PreferenceProfile, "availability") // the bot never sent it
	p, _ := build(t, c, in)
	req := p.Required
	avail := "conversation_state.preference_profile.availability"
	budget := "conversation_state.preference_profile.budget"

	// The receiver lists every required field as received. It may have the source's gap from
	// elsewhere (its own CRM), so the ack is taken at its word.
	pr := handoff.AckPreservation(&p, handoff.ContextAckInput{AgentID: "jorge_buyer_bot", Received: req}, 0)
	if pr.Score != 1 || len(pr.Missing) != 0 {
		t.Fatalf("%+v", pr)
	}

	// Missing only: the rest counts as received. A missing field the package holds can be
	// re-sent; one the source never sent cannot.
	pr = handoff.AckPreservation(&p, handoff.ContextAckInput{Missing: []string{budget, avail}}, 0)
	n := float64(len(req))
	if pr.Score != (n-2)/n || !slices.Equal(pr.Resendable, []string{budget}) || !slices.Equal(pr.Unavailable, []string{avail}) {
		t.Fatalf("%+v", pr)
	}

	// Received given: required fields it does not list are missing; listed in both is missing.
	pr = handoff.AckPreservation(&p, handoff.ContextAckInput{Received: req[:3], Missing: req[:1]}, 0)
	if len(pr.Intact) != 2 || len(pr.Missing) != len(req)-2 {
		t.Fatalf("%+v", pr)
	}

	// The customer repeating themselves counts against preservation.
	pr = handoff.AckPreservation(&p, handoff.ContextAckInput{Received: req}, 2)
	if pr.Score != n/(n+2) || pr.Repeats != 2 {
		t.Fatalf("%+v", pr)
	}
	if s := handoff.PreservationScore(0, 0, 0); s != 1 {
		t.Fatal(s)
	}
	if s := handoff.PreservationScore(0, 0, 1); s != 0 {
		t.Fatal(s)
	}
}

// Resend carries only the fields asked for, intact, and names those the source never sent.
func TestResend(t *testing.T) {
	c := loadConfig(t, realEstate)
	in := loadSample(t, "seller-distress")
	in.RelationshipContext.RapportLevel = 0
	p, _ := build(t, c, in)
	emo, rapport := "relationship_context.emotional_state", "relationship_context.rapport_level"
	r := handoff.Resend(&p, []string{emo, rapport, emo})
	if !r.Resend || !slices.Equal(r.Required, []string{emo}) || !slices.Equal(r.Missing, []string{rapport}) || len(r.Transcript) != 0 {
		t.Fatalf("%+v", r)
	}
	if got, lost := handoff.Completeness(&r, receive(t, r)); got != 1 || r.Completeness != 1 {
		t.Fatalf("%v %v", got, lost)
	}
	if len(r.Sections) != 1 || r.Sections["emotional_context"][emo] != in.RelationshipContext.EmotionalState {
		t.Fatalf("%+v", r.Sections)
	}
	if !strings.Contains(r.Brief, "Re-sent 1 field(s)") || !strings.Contains(r.Brief, "MISSING, not sent by jorge_seller_bot: "+rapport) {
		t.Fatalf("brief:\n%s", r.Brief)
	}
	full := receive(t, p)
	small := receive(t, r)
	if len(small) >= len(full) {
		t.Fatalf("resend is not smaller: %d keys vs %d", len(small), len(full))
	}
}
