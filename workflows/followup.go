package workflows

import (
	"errors"
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// FollowUp waits until its time, then asks an agent to check in with the customer, unless a
// cancel Signal came first (a later handoff of the conversation sends one: the customer is
// being served again). It is a workflow of its own so it outlives the handoff, survives
// restarts for days, and operators find it in the Web UI.
func FollowUp(ctx workflow.Context, in handoff.FollowUpInput) (handoff.FollowUpState, error) {
	st := handoff.FollowUpState{FollowUpInput: in, Status: handoff.FollowUpScheduled}
	if err := workflow.SetQueryHandler(ctx, handoff.QueryFollowUp, func() (handoff.FollowUpState, error) { return st, nil }); err != nil {
		return st, err
	}
	var cancel *handoff.FollowUpCancel
	onSignal(ctx, handoff.SignalCancelFollowUp, func(c handoff.FollowUpCancel) {
		if cancel == nil {
			cancel = &c
		}
	})
	workflow.SetCurrentDetails(ctx, fmt.Sprintf("Follow-up of conversation %s by %s planned for %s: %s",
		in.ConversationID, in.Agent, in.At.UTC().Format(time.RFC3339), in.Reason))
	if wait := in.At.Sub(workflow.Now(ctx)); wait > 0 {
		if _, err := awaitWithTimeout(ctx, wait, func() bool { return cancel != nil }); err != nil {
			return st, err
		}
	}
	st.EndedAt = workflow.Now(ctx)
	if cancel != nil {
		st.Status, st.Note = handoff.FollowUpCancelled, "cancelled: "+cancel.Reason+by(cancel.By)
		workflow.SetCurrentDetails(ctx, "Follow-up **cancelled**: "+cancel.Reason)
		return st, nil
	}
	d := handoff.Delivery{
		Type: handoff.DeliveryFollowUp, HandoffID: in.HandoffID, ConversationID: in.ConversationID, To: in.Agent,
		Message: "Please check in with the customer: " + in.Reason + ".",
	}
	err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Ask "+in.Agent+" to check in"), a.CheckIn,
		activities.DeliveryInput{Agent: in.Agent, Delivery: d}).Get(ctx, nil)
	st.EndedAt = workflow.Now(ctx)
	if err != nil {
		st.Status, st.Note = handoff.FollowUpFailed, rootMessage(err)
	} else {
		st.Status = handoff.FollowUpDelivered
	}
	workflow.SetCurrentDetails(ctx, fmt.Sprintf("Follow-up **%s** to %s", st.Status, in.Agent))
	return st, nil
}

// followUpReason says why this handoff calls for a follow-up, or "" when it does not: a
// monitoring rule asked for one, or the customer's sentiment stayed negative after the
// transfer, or a person could not take the conversation (no_capacity plans a Callback).
func (h *handoffRun) followUpReason() string {
	s := &h.state
	if m := s.Monitoring; m != nil {
		for _, f := range m.Findings {
			if f.Action == handoff.ActionFollowUp {
				return "monitoring rule " + f.Rule + " asked for one"
			}
		}
		if n := len(m.Sentiments); n > 0 {
			sum := 0.0
			for _, v := range m.Sentiments {
				sum += v
			}
			if sum/float64(n) < -0.3 {
				return "negative sentiment after the handoff"
			}
		}
	}
	switch s.Outcome {
	case handoff.OutcomeTimedOut, handoff.OutcomeDeclined, handoff.OutcomeFailed:
		return "the customer stayed with " + h.in.SourceAgent + " (" + string(s.Outcome) + ")"
	}
	return ""
}

// planFollowUp starts the conversation's follow-up, when the captured settings have one and
// this handoff calls for it. It is abandoned on close, so it outlives the handoff.
func (h *handoffRun) planFollowUp(ctx workflow.Context) {
	d := h.state.Decision
	if d == nil || d.Settings.FollowUp == nil || (h.track != nil && h.track.next != nil) {
		return
	}
	reason := h.followUpReason()
	delay, err := time.ParseDuration(d.Settings.FollowUp.Delay)
	if reason == "" || err != nil {
		return
	}
	agent := h.state.Owner
	if d.Settings.FollowUp.To == "source" {
		agent = h.in.SourceAgent
	}
	fu := handoff.FollowUp{WorkflowID: handoff.FollowUpWorkflowID(h.in.ConversationID), Agent: agent, At: workflow.Now(ctx).Add(delay), Reason: reason}
	child := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID:        fu.WorkflowID,
		ParentClosePolicy: enumspb.PARENT_CLOSE_POLICY_ABANDON,
		StaticSummary:     fmt.Sprintf("Follow-up of conversation %s by %s", h.in.ConversationID, agent),
	})
	f := workflow.ExecuteChildWorkflow(child, handoff.FollowUpWorkflowName, handoff.FollowUpInput{
		ConversationID: h.in.ConversationID, HandoffID: h.id, Agent: agent, Reason: reason, At: fu.At,
	})
	// As with callbacks: the abandoned child must exist before we close, and one already
	// pending for the conversation is the follow-up (it is not planned twice).
	var already *temporal.ChildWorkflowExecutionAlreadyStartedError
	if err := f.GetChildWorkflowExecution().Get(ctx, nil); err != nil && !errors.As(err, &already) {
		h.logger.Warn("follow-up not planned", "error", err)
		return
	}
	h.state.FollowUp = &fu
}

// cancelFollowUp tells the conversation's pending follow-up, if any, that a new handoff
// began: the customer is being served again. Nothing waits for it; none pending is fine.
func (h *handoffRun) cancelFollowUp(ctx workflow.Context) {
	if d := h.state.Decision; d == nil || d.Settings.FollowUp == nil {
		return
	}
	workflow.SignalExternalWorkflow(ctx, handoff.FollowUpWorkflowID(h.in.ConversationID), "", handoff.SignalCancelFollowUp,
		handoff.FollowUpCancel{Reason: "a new handoff of the conversation began", By: h.id})
}
