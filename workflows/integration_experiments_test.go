package workflows_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/store"
	"github.com/handoffhq/orchestrator/workflows"
	"go.temporal.io/sdk/client"
)

// banditExperiment is a bandit on the lead-to-buyer handoff's preparation script with a
// hold-out, as a config's experiments section.
func banditExperiment(doc map[string]any, _ string) {
	doc["experiments"] = []any{map[string]any{
		"name": "prep_bandit", "varies": "preparation_script", "rules": []any{"lead_to_buyer"}, "metric": "conversion",
		"mde": 0.1, "baseline": 0.3, "hold_out": 0.3, "mode": "bandit",
		"variants": []any{
			map[string]any{"name": "rule_script"},
			map[string]any{"name": "homes_ready", "customer_message": "Jorge already has three homes lined up for you."},
		},
	}}
}

// A handoff in a bandit experiment on the real worker and dev server: the Schedule's workflow
// computes an allocation into the log, the decision captures it with the conversation's
// variant, the source says the variant's script, and the log gets the assignment marked
// exposed; a conversation in the hold-out stays with its source. With HANDOFF_RECORD_HISTORIES
// both histories are recorded for the replay test.
func TestBanditAssignmentAndHoldOutThroughTheWorkflow(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"monitoring_window": "1s"},
		Store: "sqlite://" + filepath.Join(t.TempDir(), "handoffs.db"), Edit: banditExperiment})
	ctx := context.Background()
	log := e.OpenLog(t)

	// The Schedule is created once and its interval follows the config.
	if err := workflows.EnsureAllocationSchedule(ctx, e.Client, time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := workflows.EnsureAllocationSchedule(ctx, e.Client, 2*time.Hour); err != nil {
		t.Fatalf("second worker starting: %v", err)
	}
	desc, err := e.Client.ScheduleClient().GetHandle(ctx, handoff.AllocationScheduleID).Describe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if iv := desc.Schedule.Spec.Intervals; len(iv) != 1 || iv[0].Every != 2*time.Hour {
		t.Errorf("schedule intervals %+v, want every 2h", iv)
	}
	if err := workflows.RemoveAllocationSchedule(ctx, e.Client); err != nil {
		t.Fatal(err)
	}
	if err := workflows.RemoveAllocationSchedule(ctx, e.Client); err != nil {
		t.Errorf("removing a schedule that is gone: %v", err)
	}

	// What the Schedule starts, started here so the test waits for its result, not a clock.
	run, err := e.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "allocation-now", TaskQueue: handoff.TaskQueue}, handoff.AllocationWorkflowName)
	if err != nil {
		t.Fatal(err)
	}
	var allocs []experiments.Allocation
	if err := run.Get(ctx, &allocs); err != nil {
		t.Fatal(err)
	}
	saved, err := log.LatestAllocation(ctx, "prep_bandit")
	if err != nil || len(allocs) != 1 || saved == nil || saved.Version != allocs[0].Version {
		t.Fatalf("allocations %+v, saved %+v, %v", allocs, saved, err)
	}

	// Two conversations: one the hash puts in the hold-out, one it does not.
	exp := e.Cfg.ExperimentSet.Get("prep_bandit")
	var held, treated string
	for i := 0; held == "" || treated == ""; i++ {
		conv := fmt.Sprintf("conv-exp-%d", i)
		if a := exp.Assign(conv, saved, nil); a.HeldOut() {
			held = conv
		} else {
			treated = conv
		}
	}
	finish := func(conv string) handoff.State {
		t.Helper()
		in := testenv.Sample(t, "lead-qualified.json")
		in.ConversationID = conv
		if _, err := e.Service.Start(ctx, in); err != nil {
			t.Fatal(err)
		}
		var st handoff.State
		if err := e.Client.GetWorkflow(ctx, handoff.WorkflowID(conv), "").Get(ctx, &st); err != nil {
			t.Fatal(err)
		}
		return st
	}

	st := finish(treated)
	x := st.Decision.Experiment
	if st.Outcome != handoff.OutcomeCompleted || x == nil || x.Experiment != "prep_bandit" || x.AllocationVersion != saved.Version || !x.Exposed {
		t.Fatalf("treated: outcome %s, assignment %+v", st.Outcome, x)
	}
	v, _ := exp.Variant(x.Variant)
	said := ""
	for _, d := range e.Agents.Deliveries("lead_bot") {
		if d.Delivery.Type == handoff.DeliveryPrepareCustomer && d.Delivery.ConversationID == treated {
			said = d.Delivery.Message
		}
	}
	if v.CustomerMessage != "" && said != v.CustomerMessage || v.CustomerMessage == "" && said == "Jorge already has three homes lined up for you." {
		t.Errorf("variant %s: the source was given %q to say", x.Variant, said)
	}
	recordHistory(t, e, treated, "lead-to-buyer-bandit-experiment")

	st = finish(held)
	if st.Outcome != handoff.OutcomeHeldOut || st.Owner != "lead_bot" || len(st.Offers) != 0 || !st.Decision.Experiment.HeldOut() {
		t.Fatalf("held out: outcome %s owner %s offers %+v", st.Outcome, st.Owner, st.Offers)
	}
	recordHistory(t, e, held, "lead-held-out-by-experiment")

	hs, err := log.Handoffs(ctx, storeFilter("prep_bandit"))
	if err != nil || len(hs) != 2 {
		t.Fatalf("log: %d handoffs, %v", len(hs), err)
	}
	for _, h := range hs {
		want := map[string]string{treated: x.Variant, held: handoff.VariantHeldOut}[h.ConversationID]
		if h.Variant != want || !h.Exposed || h.AssignP == nil || h.Signals["lead_score"] != 8.6 {
			t.Errorf("log row %s: variant %q (want %q), exposed %t, p %v, signals %v", h.ConversationID, h.Variant, want, h.Exposed, h.AssignP, h.Signals)
		}
	}
}

func storeFilter(experiment string) store.Filter { return store.Filter{Experiment: experiment} }
