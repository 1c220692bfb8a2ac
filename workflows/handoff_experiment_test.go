package workflows

import (
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

func inExperiment(d handoff.Decision, varies, variant string) handoff.Decision {
	d.Experiment = &handoff.Assignment{Experiment: "exp", Variant: variant, Varies: varies, Probability: 0.4,
		Allocation: map[string]float64{"a": 0.5, "b": 0.5}, AllocationVersion: "2026-03-01T12:00:00Z"}
	return d
}

// A conversation in the hold-out is not handed off: nobody is offered it, the source is told
// nothing (it keeps what it has), and the record says held_out with the assignment.
func TestHeldOutConversationStaysWithTheSource(t *testing.T) {
	h := newHarness(t, inExperiment(testDecision("jorge_buyer_bot"), "preparation_script", handoff.VariantHeldOut), bot("jorge_buyer_bot"))
	res := h.run(testInput())
	expect(t, "outcome", string(res.Outcome), "held_out")
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	if len(res.Offers) != 0 || len(h.deliveries) != 0 {
		t.Fatalf("offers %+v deliveries %+v: a held-out conversation reaches nobody", res.Offers, h.deliveries)
	}
	rec := h.record
	if rec == nil || rec.Outcome != handoff.OutcomeHeldOut || rec.ReasonCode != "held_out_by_experiment" || rec.Experiment != "exp" ||
		rec.Variant != "held_out" || !rec.Exposed || rec.AssignP == nil || *rec.AssignP != 0.4 || rec.Allocation != "2026-03-01T12:00:00Z" {
		t.Fatalf("record %+v", rec)
	}
	if !res.Decision.Experiment.Exposed {
		t.Error("the result's assignment is not marked exposed")
	}
}

// Exposure is logged only when the variant was really used.
func TestExposureOnlyWhenTheVariantIsUsed(t *testing.T) {
	cases := []struct {
		name, varies string
		setup        func(h *harness)
		urgent       bool
		want         bool
	}{
		{"the customer heard the script", "preparation_script", nil, true, true},
		{"the source could not say it", "preparation_script", func(h *harness) { h.failType["jorge_seller_bot"] = handoff.DeliveryPrepareCustomer }, true, false},
		{"the receiver was briefed", "introduction_script", nil, true, true},
		{"the new owner was confirmed", "first_response", nil, true, true},
		{"an urgent handoff never waits", "timing", nil, true, false},
		{"a bot is not offered like a person", "offer_strategy", nil, true, false},
		{"the routing alternative was tried", "routing", nil, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := inExperiment(testDecision("jorge_buyer_bot"), c.varies, "b")
			d.Urgent = c.urgent
			d.Settings.MonitoringWindow = "1s"
			h := newHarness(t, d, bot("jorge_buyer_bot"))
			if c.setup != nil {
				c.setup(h)
			}
			res := h.run(testInput())
			expect(t, "outcome", string(res.Outcome), "completed")
			if h.record == nil || h.record.Variant != "b" || h.record.Exposed != c.want || res.Decision.Experiment.Exposed != c.want {
				t.Fatalf("record %+v: exposed want %t", h.record, c.want)
			}
		})
	}
	// Offers to people use the offer strategy.
	d := inExperiment(testDecision("human_agent"), "offer_strategy", "b")
	h := newHarness(t, d, group("maria"))
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.run(testInput())
	if !h.record.Exposed {
		t.Error("an offer to a person made, but the offer strategy is not marked used")
	}
}

// The decision's inputs reach the record, for re-deciding later (RecordOutcome filters them).
func TestRecordCarriesTheDecisionInputs(t *testing.T) {
	d := testDecision("jorge_buyer_bot")
	d.Settings.MonitoringWindow = "1s"
	d.Signals = map[string]any{"lead_score": 9.0, "intent_category": "immediate_buyer"}
	h := newHarness(t, d, bot("jorge_buyer_bot"))
	h.run(testInput())
	if h.record == nil || h.record.Signals["lead_score"] != 9.0 || h.record.Experiment != "" {
		t.Fatalf("record %+v", h.record)
	}
}
