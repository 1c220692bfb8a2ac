package workflows

import (
	"errors"
	"fmt"
	"time"

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
		if _, err := awaitWithTimeout(ctx, wait, func() bool {
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
	h.publish(ctx)
	h.awaitingYesNo = true
	answered, err := awaitWithTimeout(ctx, timeout, func() bool { return h.confirmation != nil || h.customerLeft })
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

// monitor watches the first minutes with the new owner: customer messages and sentiment are
// counted, and an outcome event from the receiver closes the window early.
func (h *handoffRun) monitor(ctx workflow.Context, window time.Duration) (handoff.Outcome, string) {
	h.state.Monitoring = &handoff.Monitoring{Window: window.String()}
	h.monitorStart = workflow.Now(ctx)
	h.setPhase(ctx, handoff.PhaseMonitoring)
	// One upsert for the milestone: the new owner, the phase and the context completeness.
	h.upsert(ctx, append(h.completenessSA(), h.identitySA(handoff.PhaseMonitoring)...)...)
	h.publish(ctx)
	var early bool
	var err error
	if spec := h.state.Decision.Settings.Monitoring; spec != nil && len(spec.Rules) > 0 {
		h.track = &monitorTrack{}
		early, err = h.monitorRules(ctx, window, spec)
	} else {
		early, err = h.monitorWindow(ctx, window)
	}
	if err != nil {
		return handoff.OutcomeCancelled, "cancelled during monitoring; " + h.state.Owner + " keeps the conversation"
	}
	if h.track != nil && h.track.next != nil {
		link := h.state.Chain[len(h.state.Chain)-1]
		return link.Outcome, fmt.Sprintf("%s took the conversation over; monitoring moved it on: %s", h.state.Owner, link.Reason)
	}
	h.askCSAT(ctx)
	h.state.Monitoring.EndedEarly = early
	outcome := handoff.OutcomeCompleted
	reason := fmt.Sprintf("%s accepted and kept the conversation through the %s monitoring window", h.state.Owner, window)
	if early {
		reason = fmt.Sprintf("%s accepted; monitoring closed by its outcome report %q", h.state.Owner, h.state.Monitoring.ReportedOutcome)
	}
	if tr := h.state.Transfer; tr != nil && tr.SourceUnreachable {
		outcome = handoff.OutcomeTakenOver
		reason = fmt.Sprintf("%s took the conversation over: %s could not be reached to let go, so the customer may not have been told", h.state.Owner, h.in.SourceAgent)
	}
	return outcome, reason
}

func rootMessage(err error) string {
	var appErr *temporal.ApplicationError
	if errors.As(err, &appErr) {
		return appErr.Message()
	}
	return err.Error()
}
