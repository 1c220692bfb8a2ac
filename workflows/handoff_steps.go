package workflows

import (
	"errors"
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// waitForBreakpoint holds a non-urgent handoff while the customer is mid-flow: until the source
// reports turn_complete, or no customer message arrived for the quiet period, bounded by the
// breakpoint wait. A conversation whose last customer message is older than the quiet period
// (or carries no timestamp) is already at a breakpoint.
func (h *handoffRun) waitForBreakpoint(ctx workflow.Context, t timings) error {
	if t.breakpoint <= 0 || h.lastCustomerAt.IsZero() {
		return nil
	}
	deadline := workflow.Now(ctx).Add(t.breakpoint)
	for {
		now := workflow.Now(ctx)
		quietAt := h.lastCustomerAt.Add(t.quiet)
		if h.turnComplete || !now.Before(quietAt) || !now.Before(deadline) {
			return nil
		}
		wait := min(quietAt.Sub(now), deadline.Sub(now))
		seen := h.lastCustomerAt
		workflow.SetCurrentDetails(ctx, "Waiting for a natural breakpoint in the conversation")
		if _, err := workflow.AwaitWithTimeout(ctx, wait, func() bool {
			return h.turnComplete || h.lastCustomerAt != seen
		}); err != nil {
			return err
		}
	}
}

// awaitConfirmation pauses until a person says yes or no (the confirm Update or Signal), or
// the confirmation timeout. ok is false when the handoff must end with the returned outcome.
func (h *handoffRun) awaitConfirmation(ctx workflow.Context, timeout time.Duration) (handoff.Outcome, string, bool) {
	h.setPhase(ctx, handoff.PhaseAwaitingConfirmation)
	h.upsert(ctx, kw(handoff.SAPhase, string(handoff.PhaseAwaitingConfirmation)))
	h.awaitingYesNo = true
	answered, err := workflow.AwaitWithTimeout(ctx, timeout, func() bool { return h.confirmation != nil || h.customerLeft })
	h.awaitingYesNo = false
	if o, r, stop := h.stopped(ctx); stop {
		return o, r, false
	}
	switch {
	case err != nil:
		o, r := h.failure(ctx, "awaiting confirmation", err)
		return o, r, false
	case !answered:
		return handoff.OutcomeConfirmationTimedOut, fmt.Sprintf("nobody confirmed the handoff within %s", timeout), false
	case !h.confirmation.Yes:
		return handoff.OutcomeRejected, "the handoff was declined at confirmation" + by(h.confirmation.By), false
	}
	return "", "", true
}

func by(who string) string {
	if who == "" {
		return ""
	}
	return " by " + who
}

// confirmTransfer moves ownership to the accepting agent. If the transfer cannot be confirmed
// the target is told to stand down and the source keeps the customer.
func (h *handoffRun) confirmTransfer(ctx workflow.Context, target string) (handoff.Outcome, string, bool) {
	h.setPhase(ctx, handoff.PhaseConfirming)
	d := h.delivery(handoff.DeliveryTransferred, target, h.state.Decision.Protocol.FirstResponse)
	err := h.io(ctx, confirmOptions(ctx), h.fast() && !h.isPerson(target), "Confirm transfer", a.ConfirmTransfer,
		activities.DeliveryInput{Agent: target, Delivery: d}).Get(ctx, nil)
	if err != nil {
		o, r := h.failure(ctx, "confirming the transfer", err)
		h.unwind(ctx, target, "the transfer could not be confirmed")
		return o, r, false
	}
	h.state.Owner = target
	h.state.Target = target
	return "", "", true
}

// monitor watches the first minutes with the new owner: customer messages and sentiment are
// counted, and an outcome event from the receiver closes the window early.
func (h *handoffRun) monitor(ctx workflow.Context, window time.Duration) (handoff.Outcome, string) {
	h.state.Monitoring = &handoff.Monitoring{Window: window.String()}
	h.setPhase(ctx, handoff.PhaseMonitoring)
	// One upsert for the milestone: the new owner, the phase and the context completeness.
	h.upsert(ctx, append(h.completenessSA(), h.identitySA(handoff.PhaseMonitoring)...)...)
	early, err := h.monitorWindow(ctx, window)
	if err != nil {
		return handoff.OutcomeCancelled, "cancelled during monitoring; " + h.state.Owner + " keeps the conversation"
	}
	h.state.Monitoring.EndedEarly = early
	reason := fmt.Sprintf("%s accepted and kept the conversation through the %s monitoring window", h.state.Owner, window)
	if early {
		reason = fmt.Sprintf("%s accepted; monitoring closed by its outcome report %q", h.state.Owner, h.state.Monitoring.ReportedOutcome)
	}
	return handoff.OutcomeCompleted, reason
}

func rootMessage(err error) string {
	var appErr *temporal.ApplicationError
	if errors.As(err, &appErr) {
		return appErr.Message()
	}
	return err.Error()
}
