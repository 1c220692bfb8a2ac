package activities

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/store"
)

// fakeExperimentLog answers assignment's reads and records what the allocation step saves.
type fakeExperimentLog struct {
	mu      sync.Mutex
	alloc   *experiments.Allocation
	earlier map[string]*handoff.Assignment
	err     error
	reads   int
	rows    []analytics.Handoff
	saved   []experiments.Allocation
}

func (f *fakeExperimentLog) Record(context.Context, store.Handoff) error { return nil }
func (f *fakeExperimentLog) LatestAllocation(context.Context, string) (*experiments.Allocation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	return f.alloc, f.err
}
func (f *fakeExperimentLog) EarlierAssignment(_ context.Context, conv, _ string) (*handoff.Assignment, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.earlier[conv], f.err
}
func (f *fakeExperimentLog) Handoffs(context.Context, store.Filter) ([]analytics.Handoff, error) {
	return f.rows, nil
}
func (f *fakeExperimentLog) SaveAllocation(_ context.Context, a experiments.Allocation) error {
	f.saved = append(f.saved, a)
	return nil
}

const experimentsYAML = `
store: {url: "sqlite://unused.db"}
experiments:
  - name: prep
    varies: preparation_script
    rules: [lead_to_buyer]
    metric: conversion
    mde: 0.1
    baseline: 0.3
    hold_out: 0.2
    variants:
      - {name: a}
      - {name: b, customer_message: "Jorge has three homes lined up for you."}
  - name: route
    varies: routing
    rules: [luxury]
    metric: success
    mde: 0.1
    baseline: 0.8
    variants:
      - {name: a}
      - {name: b, target: human_agent}
  - name: seller_bandit
    varies: introduction_script
    rules: [ready_seller]
    metric: conversion
    mode: bandit
    mde: 0.1
    baseline: 0.3
    variants:
      - {name: a}
      - {name: b, introduction_script: picks_up_the_listing}
  - name: template
    varies: context_template
    rules: [ready_buyer]
    metric: preservation
    mde: 0.05
    sd: 0.1
    variants:
      - {name: a}
      - {name: b, template: human}
`

func experimentActivities(t *testing.T) (*Activities, *fakeExperimentLog) {
	t.Helper()
	raw, err := os.ReadFile("../config/examples/real-estate.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(file, append(raw, experimentsYAML...), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadFile(file, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	log := &fakeExperimentLog{earlier: map[string]*handoff.Assignment{}}
	UseLog(a, log)
	return a, log
}

func selectFor(t *testing.T, a *Activities, sample, conv string) Selection {
	t.Helper()
	raw, err := os.ReadFile("../samples/" + sample + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var in handoff.Input
	if err := json.Unmarshal(raw, &in); err != nil {
		t.Fatal(err)
	}
	in.ConversationID = conv
	sel, err := a.SelectTarget(context.Background(), SelectInput{Input: in, Analysis: a.cfg.Engine.Analyze(&in)})
	if err != nil {
		t.Fatal(err)
	}
	return sel
}

// The decision carries the assignment and the variant applied: the preparation script of
// variant b, the rule's own for a, and no plan for a conversation held out.
func TestSelectTargetAppliesTheVariant(t *testing.T) {
	a, _ := experimentActivities(t)
	seen := map[string]int{}
	for i := range 60 {
		conv := fmt.Sprintf("conv-%d", i)
		sel := selectFor(t, a, "lead-qualified", conv)
		d := sel.Decision
		x := d.Experiment
		if x == nil || x.Experiment != "prep" || d.Rule != "lead_to_buyer" {
			t.Fatalf("%s: decision %+v", conv, d)
		}
		seen[x.Variant]++
		switch x.Variant {
		case "b":
			if d.Protocol.CustomerMessage != "Jorge has three homes lined up for you." {
				t.Errorf("%s: variant b's script %q", conv, d.Protocol.CustomerMessage)
			}
		case "a":
			if !strings.HasPrefix(d.Protocol.CustomerMessage, "Great news: you're all set.") {
				t.Errorf("%s: control's script %q", conv, d.Protocol.CustomerMessage)
			}
		case handoff.VariantHeldOut:
			if len(sel.Plan) != 0 {
				t.Errorf("%s: held out, plan %+v", conv, sel.Plan)
			}
		}
		if x.Variant != handoff.VariantHeldOut && len(sel.Plan) == 0 {
			t.Errorf("%s: no plan", conv)
		}
		// The same conversation gets the same answer.
		if again := selectFor(t, a, "lead-qualified", conv).Decision.Experiment; again.Variant != x.Variant {
			t.Fatalf("%s: %s then %s", conv, x.Variant, again.Variant)
		}
	}
	if seen["a"] == 0 || seen["b"] == 0 || seen[handoff.VariantHeldOut] == 0 {
		t.Errorf("variants seen %v: want all three among 60 conversations", seen)
	}
	// A safety rule's conversation is in no experiment.
	if d := selectFor(t, a, "seller-distress", "conv-x").Decision; d.Experiment != nil || d.Rule != "seller_to_human" {
		t.Errorf("seller in distress: %+v", d.Experiment)
	}
}

func TestRoutingAndTemplateVariants(t *testing.T) {
	a, _ := experimentActivities(t)
	for i := range 20 {
		sel := selectFor(t, a, "investment-buyer", fmt.Sprintf("lux-%d", i))
		d := sel.Decision
		want := map[string]string{"a": "luxury_specialist", "b": "human_agent"}[d.Experiment.Variant]
		if d.Target != want || sel.Plan[0].Agents[0] != map[string]string{"a": "luxury_specialist", "b": "maria"}[d.Experiment.Variant] {
			t.Fatalf("variant %s: target %s, plan %+v", d.Experiment.Variant, d.Target, sel.Plan)
		}
	}
	buyer := `{"conversation_id": "c", "source_agent": "lead_bot", "messages": [{"role": "customer", "text": "ready to buy"}],
		"signals": {"intent_confidence": 0.95, "intent_category": "immediate_buyer", "financing_ready": true, "timeline_urgency": "immediate"}}`
	for i := range 20 {
		var in handoff.Input
		_ = json.Unmarshal([]byte(buyer), &in)
		in.ConversationID = fmt.Sprintf("buyer-%d", i)
		sel, err := a.SelectTarget(context.Background(), SelectInput{Input: in, Analysis: a.cfg.Engine.Analyze(&in)})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"a": "buyer_bot", "b": "human"}[sel.Decision.Experiment.Variant]
		if got := sel.Templates["jorge_buyer_bot"].Name; sel.Decision.Rule != "ready_buyer" || got != want {
			t.Fatalf("variant %s: the buyer bot's template %q, want %q", sel.Decision.Experiment.Variant, got, want)
		}
	}
}

// A bandit reads its allocation through a short cache and captures it; an earlier handoff's
// variant is kept; a log that does not answer leaves the declared weights and a note.
func TestBanditAllocationAndStickiness(t *testing.T) {
	a, log := experimentActivities(t)
	log.alloc = &experiments.Allocation{Experiment: "seller_bandit", Version: "v7", Weights: map[string]float64{"a": 0.05, "b": 0.95}}
	b := 0
	for i := range 40 {
		x := selectFor(t, a, "seller-ready", fmt.Sprintf("s-%d", i)).Decision.Experiment
		if x.AllocationVersion != "v7" || x.Allocation["b"] != 0.95 {
			t.Fatalf("allocation not captured: %+v", x)
		}
		if x.Variant == "b" {
			b++
		}
	}
	if b < 32 || log.reads > 2 {
		t.Errorf("b got %d of 40 at 95 %%; the log was read %d times for 40 decisions in well under the cache's 2 s", b, log.reads)
	}
	log.earlier["s-sticky"] = &handoff.Assignment{Variant: "a", Probability: 0.5}
	if x := selectFor(t, a, "seller-ready", "s-sticky").Decision.Experiment; x.Variant != "a" || !x.Sticky {
		t.Errorf("earlier variant a not kept: %+v", x)
	}
	a.allocs = allocationCache{}
	log.err = errors.New("connection refused")
	x := selectFor(t, a, "seller-ready", "s-down").Decision.Experiment
	if x.AllocationVersion != "" || x.Allocation["b"] != 0.5 || !strings.Contains(x.Note, "could not be read (connection refused)") {
		t.Errorf("log down: %+v", x)
	}
}

func TestRecomputeAllocations(t *testing.T) {
	a, log := experimentActivities(t)
	for i := range 200 {
		v, converted := "a", i%10 < 3
		if i%2 == 1 {
			v, converted = "b", i%10 < 6
		}
		log.rows = append(log.rows, analytics.Handoff{ConversationID: fmt.Sprint(i), Experiment: "seller_bandit", Variant: v, Exposed: true,
			Outcome: "completed", Late: &analytics.Outcome{Converted: &converted}})
	}
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	out, err := a.RecomputeAllocations(context.Background(), AllocationInput{At: at})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || len(log.saved) != 1 || out[0].Version != "2026-03-01T12:00:00Z" || out[0].Weights["b"] < 0.9 || out[0].Weights["a"] < experiments.DefaultFloor {
		t.Fatalf("allocations %+v", out)
	}
	if arms := out[0].Arms; arms[0].Trials != 100 || arms[0].Successes != 40 || arms[1].Successes != 60 {
		t.Errorf("evidence %+v", arms)
	}
}

// The record keeps the assignment and the decision's inputs as numbers, flags and categories:
// a string signal that could be the customer's words never reaches the log.
func TestRecordOutcomeKeepsOnlySafeSignals(t *testing.T) {
	a, _ := experimentActivities(t)
	s, err := store.OpenMigrated(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "log.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	UseLog(a, s)
	rec := logRecord()
	p := 0.4
	rec.Experiment, rec.Variant, rec.Exposed, rec.AssignP = "prep", "b", true, &p
	rec.Signals = map[string]any{"lead_score": 8.6, "timeline_urgency": "when Ana Torres gets her bonus", "customer_phone": "+1 555 0100"}
	if _, err := activityEnv(a).ExecuteActivity(a.RecordOutcome, rec); err != nil {
		t.Fatal(err)
	}
	var signals, variant string
	var exposed int
	if err := s.DB().QueryRow(`SELECT decision_signals, experiment_variant, experiment_exposed FROM handoffs`).Scan(&signals, &variant, &exposed); err != nil {
		t.Fatal(err)
	}
	if signals != `{"lead_score":8.6}` || variant != "b" || exposed != 1 {
		t.Errorf("stored signals %s, variant %q, exposed %d", signals, variant, exposed)
	}
}

type rowsLog struct{ rows []analytics.Handoff }

func (r rowsLog) Record(context.Context, store.Handoff) error { return nil }
func (r rowsLog) Handoffs(context.Context, store.Filter) ([]analytics.Handoff, error) {
	return r.rows, nil
}

// Learned routing orders agents that skills rank alike, ahead of load, and says why; off, the
// least loaded goes first as before.
func TestLearnedRoutingOrdersAfterSkills(t *testing.T) {
	var rows []analytics.Handoff
	for i := range 200 {
		target, ok := "maria", i%100 < 97
		if i >= 100 {
			target, ok = "james", i%100 < 70
		}
		csat := 2
		if ok {
			csat = 5
		}
		rows = append(rows, analytics.Handoff{Source: "jorge_seller_bot", Target: target, Scenario: "seller_to_human", Outcome: "completed",
			Late: &analytics.Outcome{CSAT: &csat}})
	}
	rank := func(enabled bool) []RankedAgent {
		cfg := &config.Config{Learning: config.Learning{Routing: config.LearnedRouting{Enabled: enabled, MinSample: 50, MaxTerm: 0.1, Refresh: "1h"}}}
		a := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
		log := rowsLog{rows}
		UseLog(a, log)
		a.refreshLearned(log) // what the first ranking starts in the background
		// maria holds two conversations, james none: by load james comes first.
		ranked := []RankedAgent{{Agent: "maria", SkillScore: 5, Active: 2}, {Agent: "james", SkillScore: 5}, {Agent: "sam", SkillScore: 9, Active: 3}}
		a.applyLearned(RankInput{Source: "jorge_seller_bot", Scenario: "seller_to_human"}, ranked)
		sortRanked(ranked)
		return ranked
	}
	on := rank(true)
	if on[0].Agent != "sam" || on[1].Agent != "maria" || on[1].Learned != 0.1 || on[2].Learned != -0.1 ||
		!strings.Contains(on[1].Note, "learned: 97.0 % success") {
		t.Errorf("learned on: %+v", on)
	}
	off := rank(false)
	if off[1].Agent != "james" || off[1].Learned != 0 || off[2].Note != "" {
		t.Errorf("learned off: %+v", off)
	}
}
