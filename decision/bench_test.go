package decision_test

import (
	"fmt"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

// BenchmarkRoute is routing alone over the real-estate rules, on an analysis made beforehand:
// a conversation that hands off (lead bot to buyer bot, every higher rule evaluated first)
// and one that does not (every rule's failing conditions explained).
func BenchmarkRoute(b *testing.B) {
	e := example(b, "real-estate")
	cases := map[string]*handoff.Input{
		"handoff":    sample(b, "lead-qualified"),
		"no_handoff": conv("lead_bot", sig{"intent_confidence": 0.85, "intent_category": "browsing", "property_value": 420000}, "Just looking for now, thanks."),
	}
	for _, name := range []string{"handoff", "no_handoff"} {
		in := cases[name]
		a := e.Analyze(in)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = e.Route(in, a)
			}
		})
	}
}

// BenchmarkDecide50 is the full decision, analysis included, of a 50-message conversation
// (25 from the customer) for which the bot sent no signals.
func BenchmarkDecide50(b *testing.B) {
	e := example(b, "real-estate")
	src := sample(b, "seller-distress")
	var customer []string
	for _, m := range src.Messages {
		if m.Role == "customer" {
			customer = append(customer, m.Text)
		}
	}
	in := &handoff.Input{ConversationID: "conv-bench", SourceAgent: "jorge_seller_bot", ConversationState: src.ConversationState}
	for i := 0; len(in.Messages) < 50; i++ {
		in.Messages = append(in.Messages,
			handoff.Message{Role: "customer", Text: customer[i%len(customer)]},
			handoff.Message{Role: "agent", Text: fmt.Sprintf("Thanks for sharing that (%d). Let me look into it for you.", i)})
	}
	if d := e.Decide(in); d.Target != "human_agent" {
		b.Fatalf("the benchmark conversation routes to %q", d.Target)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Decide(in)
	}
}
