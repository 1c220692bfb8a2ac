package whatif_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/whatif"
)

// candidate is the example's rules with one edit applied to the file's text.
func candidate(t *testing.T, cfg *config.Config, from, to string) *decision.Engine {
	t.Helper()
	raw, err := os.ReadFile("../config/examples/real-estate.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), from) {
		t.Fatalf("the example has no %q to edit", from)
	}
	file := filepath.Join(t.TempDir(), "candidate.yaml")
	if err := os.WriteFile(file, []byte(strings.Replace(string(raw), from, to, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := config.LoadRouting(file, cfg.Agents)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func ptr[T any](v T) *T { return &v }

// recorded is a handoff as the log keeps it: decided by the current rules from its inputs.
func recorded(t *testing.T, cfg *config.Config, id, source string, signals map[string]any, success bool) analytics.Handoff {
	t.Helper()
	h := analytics.Handoff{HandoffID: id, ConversationID: "c-" + id, Source: source, Signals: signals, StartedAt: time.Now()}
	d := cfg.Engine.Route(&handoff.Input{ConversationID: h.ConversationID, SourceAgent: source}, decision.Analysis{Signals: signals})
	h.Rule, h.Target, h.Outcome = d.Rule, d.Target, "completed"
	if !d.Handoff {
		h.Outcome = "no_handoff"
	}
	csat := 5
	if !success {
		csat = 2
	}
	h.Late = &analytics.Outcome{CSAT: &csat, Converted: ptr(success)}
	return h
}

// What-if reports exactly the handoffs a known edit moves: raising the luxury rule's
// threshold from 1M to 1.5M moves the luxury handoffs of properties between the two, either
// to the next rule that holds (the ready buyer's) or to no handoff, and nothing else.
func TestWhatIfReportsExactlyTheDecisionsAnEditChanges(t *testing.T) {
	cfg, err := config.LoadFile("../config/examples/real-estate.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	cand := candidate(t, cfg, `- property_value: "> 1M"`, `- property_value: "> 1.5M"`)
	luxury := func(value float64) map[string]any {
		return map[string]any{"property_value": value, "buyer_sophistication": "high", "intent_category": "investment_buyer", "intent_confidence": 0.6}
	}
	readyBuyer := func(value float64) map[string]any {
		return map[string]any{"property_value": value, "buyer_sophistication": "high", "intent_category": "immediate_buyer",
			"intent_confidence": 0.95, "financing_ready": true, "timeline_urgency": "immediate"}
	}
	var hs []analytics.Handoff
	var wantToNone, wantToBuyer []string
	add := func(h analytics.Handoff) { hs = append(hs, h) }
	for i := range 10 {
		id := fmt.Sprintf("lux-mid-%d", i) // 1.2M: luxury now, no rule after the edit
		add(recorded(t, cfg, id, "lead_bot", luxury(1.2e6), i < 9))
		wantToNone = append(wantToNone, id)
	}
	for i := range 6 {
		id := fmt.Sprintf("buyer-mid-%d", i) // 1.2M and a ready buyer: luxury now, ready_buyer after
		add(recorded(t, cfg, id, "lead_bot", readyBuyer(1.2e6), true))
		wantToBuyer = append(wantToBuyer, id)
	}
	for i := range 8 {
		add(recorded(t, cfg, fmt.Sprintf("lux-high-%d", i), "lead_bot", luxury(2e6), true)) // luxury either way
	}
	for i := range 5 {
		s := luxury(1.2e6)
		s["emotional_distress"] = true // a person either way: human_safety comes first
		add(recorded(t, cfg, fmt.Sprintf("distress-%d", i), "lead_bot", s, true))
	}
	for i := range 4 {
		add(recorded(t, cfg, fmt.Sprintf("exactly-1.5m-%d", i), "lead_bot", luxury(1.5e6), true)) // > 1.5M is strict: moves
		wantToNone = append(wantToNone, fmt.Sprintf("exactly-1.5m-%d", i))
	}
	// Handoffs the log cannot re-decide.
	add(analytics.Handoff{HandoffID: "old-1", Source: "lead_bot", Rule: "luxury", Target: "luxury_specialist", Outcome: "completed"})
	add(analytics.Handoff{HandoffID: "mon-1", Source: "jorge_buyer_bot", Rule: "monitoring:angry", Target: "human_agent", Outcome: "completed",
		Signals: map[string]any{"frustrated": true}})

	r := whatif.Run(cfg.Engine, cand, hs, analytics.Success{})
	if r.Read != len(hs) || r.Redecided != len(hs)-2 || r.NoInputs != 1 || r.Monitoring != 1 || r.Drifted != 0 {
		t.Fatalf("read %d re-decided %d no inputs %d monitoring %d drifted %d", r.Read, r.Redecided, r.NoInputs, r.Monitoring, r.Drifted)
	}
	if r.Changed != len(wantToNone)+len(wantToBuyer) || len(r.Moves) != 2 {
		t.Fatalf("changed %d, moves %+v", r.Changed, r.Moves)
	}
	none, buyer := r.Moves[0], r.Moves[1]
	if none.FromRule != "luxury" || none.FromTarget != "luxury_specialist" || none.ToRule != whatif.NoHandoff || !sameSet(none.Handoffs, wantToNone) {
		t.Errorf("move to no handoff %+v, want %v", none, wantToNone)
	}
	if buyer.ToRule != "ready_buyer" || buyer.ToTarget != "jorge_buyer_bot" || !sameSet(buyer.Handoffs, wantToBuyer) {
		t.Errorf("move to the buyer bot %+v, want %v", buyer, wantToBuyer)
	}
	// The moved handoffs' recorded outcomes: 13 of 14 succeeded with the luxury specialist.
	if none.Success.N != 14 || none.Success.K != 13 || none.Conversion.K != 13 {
		t.Errorf("recorded success of the moved %+v", none.Success)
	}
	counts := map[string][2]int{}
	for _, c := range r.ByRule {
		counts[c.Rule] = [2]int{c.Recorded, c.Candidate}
	}
	if counts["luxury"] != [2]int{28, 8} || counts["ready_buyer"] != [2]int{0, 6} || counts[whatif.NoHandoff] != [2]int{0, 14} || counts["human_safety"] != [2]int{5, 5} {
		t.Errorf("by rule %v", counts)
	}
	var text strings.Builder
	if err := whatif.WriteText(&text, r, "7 days"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Re-decided 33 of 35 handoffs (not re-decided: 1 recorded before the log kept decision inputs; 1 started by monitoring rules). 20 would change.",
		"14 would not be handed off instead of luxury_specialist (rule luxury); those had 92.9 % (68.5-98.7, n=14) success with luxury_specialist",
		"6 would go to jorge_buyer_bot (rule ready_buyer) instead of luxury_specialist (rule luxury)"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
	// The same rules change nothing.
	if same := whatif.Run(cfg.Engine, cfg.Engine, hs, analytics.Success{}); same.Changed != 0 {
		t.Errorf("the current rules against themselves changed %d", same.Changed)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
