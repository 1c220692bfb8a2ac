package learning

import (
	"fmt"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/analytics"
)

func ptr[T any](v T) *T { return &v }

// handoffs makes n handoffs from source to target in scenario, k of them successful (CSAT 5,
// the rest CSAT 2).
func handoffs(source, target, scenario string, n, k int) []analytics.Handoff {
	out := make([]analytics.Handoff, n)
	for i := range out {
		csat := 2
		if i < k {
			csat = 5
		}
		out[i] = analytics.Handoff{HandoffID: fmt.Sprintf("%s-%s-%d", target, scenario, i), Source: source, Target: target, Scenario: scenario,
			Outcome: "completed", Late: &analytics.Outcome{CSAT: ptr(csat)}}
	}
	return out
}

func cat(parts ...[]analytics.Handoff) []analytics.Handoff {
	var out []analytics.Handoff
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// The term is bounded, explained, zero below the minimum sample and where the interval does
// not rule out the pooled rate.
func TestLearnedTerm(t *testing.T) {
	hs := cat(handoffs("jorge_seller_bot", "maria", "seller_to_human", 100, 95), handoffs("jorge_seller_bot", "james", "seller_to_human", 100, 70),
		handoffs("jorge_seller_bot", "ana", "seller_to_human", 100, 82), handoffs("jorge_seller_bot", "sam", "seller_to_human", 20, 20),
		handoffs("lead_bot", "james", "other", 100, 100))
	tb := Learn(hs, analytics.Success{}, 50, 0.1)
	// Pooled over maria, james, ana and sam: 267 of 320, 83.4 %.
	term, why := tb.Term("jorge_seller_bot", "maria", "seller_to_human")
	if term != 0.1 || !strings.Contains(why, "95.0 % success") || !strings.Contains(why, "over 100 handoffs from jorge_seller_bot in seller_to_human") ||
		!strings.Contains(why, "+0.10 (bounded at 0.10)") {
		t.Errorf("maria: %v %q", term, why)
	}
	if term, _ := tb.Term("jorge_seller_bot", "james", "seller_to_human"); term != -0.1 {
		t.Errorf("james at 70 %% (60-78) against 83.4 %%: term %v, want -0.10", term)
	}
	if term, why := tb.Term("jorge_seller_bot", "ana", "seller_to_human"); term != 0 || why != "" {
		t.Errorf("ana at 82 %% (73-88) against 83.4 %%: %v %q, want no term: the interval includes the pooled rate", term, why)
	}
	if term, why := tb.Term("jorge_seller_bot", "sam", "seller_to_human"); term != 0 || why != "" {
		t.Errorf("sam under the minimum sample: %v %q", term, why)
	}
	if term, _ := tb.Term("jorge_seller_bot", "nobody", "seller_to_human"); term != 0 {
		t.Errorf("an agent without handoffs: %v", term)
	}
	// A clearly worse agent gets a negative term, bounded too.
	tb = Learn(cat(handoffs("s", "good", "x", 100, 90), handoffs("s", "bad", "x", 100, 40)), analytics.Success{}, 50, 0.2)
	if term, _ := tb.Term("s", "bad", "x"); term != -0.2 {
		t.Errorf("bad: %v, want -0.20", term)
	}
	if term, _ := tb.Term("s", "good", "x"); term != 0.2 {
		t.Errorf("good: %v, want +0.20 (25 points above, bounded)", term)
	}
	var none *Table
	if term, why := none.Term("s", "good", "x"); term != 0 || why != "" {
		t.Errorf("no table: %v %q", term, why)
	}
}
