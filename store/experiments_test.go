package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/store"
)

// A handoff's assignment and decision inputs go in with it and come back out; the experiment
// filter selects by them; an earlier assignment is found for the conversation's next handoff.
func TestExperimentColumnsRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := sample("h1", "c1", t0, "completed")
		h.Experiment, h.Variant, h.Exposed, h.AssignP, h.Allocation = "prep", "b", true, ptr(0.4), "2026-03-01T12:00:00Z"
		h.Signals = map[string]any{"property_value": 1.2e6, "financing_ready": true, "intent_category": "immediate_buyer"}
		must(t, s.Record(ctx, h))
		later := sample("h2", "c1", t0.Add(time.Hour), "completed")
		later.Experiment, later.Variant, later.AssignP = "prep", "b", ptr(0.4)
		must(t, s.Record(ctx, later))
		held := sample("h3", "c2", t0.Add(time.Minute), "held_out")
		held.Target, held.Offers, held.Experiment, held.Variant, held.Exposed, held.AssignP = "", nil, "prep", "held_out", true, ptr(0.2)
		must(t, s.Record(ctx, held))
		must(t, s.Record(ctx, sample("h4", "c3", t0, "completed")))

		hs, err := s.Handoffs(ctx, store.Filter{Experiment: "prep"})
		must(t, err)
		if len(hs) != 3 {
			t.Fatalf("%d handoffs in prep, want 3", len(hs))
		}
		got := hs[0]
		if got.HandoffID != "h1" || got.Experiment != "prep" || got.Variant != "b" || !got.Exposed || got.AssignP == nil || *got.AssignP != 0.4 ||
			!reflect.DeepEqual(got.Signals, h.Signals) {
			t.Errorf("read back %+v", got)
		}
		if hs[1].Variant != "held_out" || hs[1].Outcome != "held_out" || hs[2].Exposed {
			t.Errorf("held out %+v, later %+v", hs[1], hs[2])
		}
		earlier, err := s.EarlierAssignment(ctx, "c1", "prep")
		must(t, err)
		if earlier == nil || earlier.Variant != "b" || earlier.Probability != 0.4 || earlier.AllocationVersion != "2026-03-01T12:00:00Z" {
			t.Errorf("earlier assignment %+v", earlier)
		}
		if none, err := s.EarlierAssignment(ctx, "c3", "prep"); none != nil || err != nil {
			t.Errorf("c3 was never in prep: %+v, %v", none, err)
		}
		// A held-out conversation with a late outcome never handed off: the baseline, not an
		// attempt.
		must(t, s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "c2", ReportedBy: "lead_bot", ReportedAt: t0, Outcome: analytics.Outcome{Converted: ptr(false)}}))
		convs, err := s.Conversations(ctx, store.Filter{})
		must(t, err)
		if len(convs) != 1 || convs[0].HandedOff || convs[0].Attempted {
			t.Errorf("held-out conversation %+v", convs)
		}
	})
}

func TestAllocationsKeepTheLatest(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if a, err := s.LatestAllocation(ctx, "prep"); a != nil || err != nil {
			t.Fatalf("no allocation yet: %+v, %v", a, err)
		}
		first := experiments.Allocation{Experiment: "prep", Version: "v1", At: t0, Weights: map[string]float64{"a": 0.5, "b": 0.5}}
		second := experiments.Allocation{Experiment: "prep", Version: "v2", At: t0.Add(time.Minute), Weights: map[string]float64{"a": 0.1, "b": 0.9},
			Arms: []experiments.Arm{{Variant: "a", Trials: 100, Successes: 30}, {Variant: "b", Trials: 100, Successes: 41}}}
		for _, a := range []experiments.Allocation{first, second, second, first} {
			must(t, s.SaveAllocation(ctx, a))
		}
		must(t, s.SaveAllocation(ctx, experiments.Allocation{Experiment: "other", Version: "v9", At: t0.Add(time.Hour), Weights: map[string]float64{"x": 1}}))
		got, err := s.LatestAllocation(ctx, "prep")
		must(t, err)
		if got == nil || got.Version != "v2" || !got.At.Equal(second.At) || !reflect.DeepEqual(got.Weights, second.Weights) || !reflect.DeepEqual(got.Arms, second.Arms) {
			t.Errorf("latest %+v", got)
		}
		if err := s.SaveAllocation(ctx, experiments.Allocation{Experiment: "prep"}); err == nil {
			t.Error("an allocation without a version was saved")
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
