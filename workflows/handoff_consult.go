package workflows

import (
	"fmt"

	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// consult runs the consultation a consult rule asked for, as a child workflow, and ends the
// handoff with it: the source is the primary agent and keeps the customer throughout, so
// nothing is transferred. The customer leaving is passed on to the consultation, which ends
// at once and releases its experts' capacity.
func (h *handoffRun) consult(ctx workflow.Context, in handoff.ConsultationInput) (handoff.Outcome, string) {
	h.setPhase(ctx, handoff.PhaseConsulting)
	in.HandoffID = h.id
	id := handoff.ConsultationID(h.in.ConversationID, workflow.GetInfo(ctx).WorkflowExecution.RunID)
	h.state.Consultation = &handoff.ConsultationRef{ID: id, Quorum: in.Spec.QuorumOrAll()}
	h.upsert(ctx, h.identitySA(handoff.PhaseConsulting)...)
	cctx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID: id,
		// An operator terminating the handoff must not leave experts' capacity held.
		ParentClosePolicy: enumspb.PARENT_CLOSE_POLICY_REQUEST_CANCEL,
		StaticSummary:     fmt.Sprintf("Consultation of %d experts for %s", len(in.Spec.Experts), in.Spec.PrimaryAgent),
	})
	child := workflow.ExecuteChildWorkflow(cctx, handoff.ConsultationWorkflowName, in)
	told := false
	for {
		err := workflow.Await(ctx, func() bool { return child.IsReady() || (h.customerLeft && !told) })
		if err != nil || child.IsReady() {
			break
		}
		told = true
		left := child.SignalChildWorkflow(ctx, handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerLeft})
		if err := left.Get(ctx, nil); err != nil {
			h.logger.Warn("customer_left not passed to the consultation", "error", err)
		}
	}
	var res handoff.ConsultationState
	if err := child.Get(ctx, &res); err != nil {
		if temporal.IsCanceledError(err) || temporal.IsCanceledError(ctx.Err()) {
			return handoff.OutcomeCancelled, "cancelled during the consultation"
		}
		return h.failure(ctx, "consultation "+id, err)
	}
	ref := h.state.Consultation
	ref.Outcome = res.Outcome
	if res.Brief != nil {
		ref.Answered = res.Brief.Answered
	}
	if res.Outcome == handoff.ConsultAbandoned {
		return handoff.OutcomeAbandoned, "the customer left during the consultation; its experts were released"
	}
	return handoff.OutcomeConsulted, fmt.Sprintf("consultation %s %s: %d of %d experts answered (quorum %d); %s keeps the customer",
		id, res.Outcome, ref.Answered, len(res.Experts), ref.Quorum, in.Spec.PrimaryAgent)
}
