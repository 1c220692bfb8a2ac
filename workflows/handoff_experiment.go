package workflows

import (
	"fmt"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
)

// A handoff in an experiment: target selection assigned the conversation a variant and applied
// it to the decision (activities/experiments.go), so the steps below carry it out without
// knowing it. Two things are the workflow's: a conversation in the hold-out is not handed off
// at all, and whether the variant was really used is known only when the handoff closes.

// heldOut ends a handoff whose conversation is in its experiment's hold-out: the source keeps
// it, and nobody was told anything, so there is nothing to undo.
func (h *handoffRun) heldOut() (handoff.Outcome, string, bool) {
	a := h.state.Decision.Experiment
	if !a.HeldOut() {
		return "", "", false
	}
	return handoff.OutcomeHeldOut, fmt.Sprintf("held out by experiment %s (%.0f %% of its conversations are not handed off, to measure what a handoff adds): %s keeps the conversation",
		a.Experiment, a.Probability*100, h.in.SourceAgent), true
}

// exposed reports whether the handoff really used its variant: the customer heard the
// preparation script, the receiver got the introduction or the context, the new owner the
// first-response guidance, a non-urgent handoff had a breakpoint to wait for, people were
// offered it, the routing alternative was tried. A conversation held out was exposed to no
// handoff at the decision. Only exposed handoffs are compared, so one that failed before the
// variant mattered does not dilute the difference.
func (h *handoffRun) exposed(a *handoff.Assignment) bool {
	s := &h.state
	switch {
	case a.HeldOut():
		return true
	case a.Varies == experiments.VariesPreparationScript:
		return h.customerPrepared && !h.sourceSilent
	case a.Varies == experiments.VariesIntroductionScript, a.Varies == experiments.VariesContextTemplate:
		return !s.BriefedAt.IsZero()
	case a.Varies == experiments.VariesFirstResponse:
		return s.Transfer != nil && !s.Transfer.TargetConfirmedAt.IsZero()
	case a.Varies == experiments.VariesTiming:
		return !s.Decision.Urgent && !h.lastCustomerAt.IsZero()
	case a.Varies == experiments.VariesOfferStrategy:
		return h.anyPerson()
	case a.Varies == experiments.VariesRouting:
		return len(s.Offers) > 0
	}
	return false
}

// experimentFields puts the assignment, and the decision's inputs for re-deciding, into the
// outcome record (RecordOutcome keeps only the inputs safe to keep).
func (h *handoffRun) experimentFields(rec *activities.OutcomeRecord) {
	d := h.state.Decision
	if d == nil {
		return
	}
	rec.Signals = d.Signals
	a := d.Experiment
	if a == nil {
		return
	}
	a.Exposed = h.exposed(a)
	p := a.Probability
	rec.Experiment, rec.Variant, rec.Exposed, rec.AssignP, rec.Allocation = a.Experiment, a.Variant, a.Exposed, &p, a.AllocationVersion
}
