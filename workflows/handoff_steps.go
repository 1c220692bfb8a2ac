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
	h.upsert(ctx, handoff.SAPhase, string(handoff.PhaseAwaitingConfirmation))
	h.awaitingYesNo = true
	answered, err := workflow.AwaitWithTimeout(ctx, timeout, func() bool { return h.confirmation != nil })
	h.awaitingYesNo = false
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

// tryTargets offers the conversation to each planned target in turn until one accepts. It
// returns the accepting agent, or the outcome when nobody did.
func (h *handoffRun) tryTargets(ctx workflow.Context, plan []activities.Target, t timings) (string, handoff.Outcome, string) {
	for _, target := range plan {
		result := h.attempt(ctx, target, t)
		if result == handoff.OfferAccepted {
			return target.Agent, "", ""
		}
		if temporal.IsCanceledError(ctx.Err()) {
			return "", handoff.OutcomeCancelled, "cancelled"
		}
	}
	outcome, reason := exhausted(h.state.Offers)
	return "", outcome, reason
}

// exhausted names the outcome when every target was tried: no_capacity when nobody could even
// be offered the conversation, otherwise what happened to the last one that was.
func exhausted(offers []handoff.Offer) (handoff.Outcome, string) {
	for i := len(offers) - 1; i >= 0; i-- {
		o := offers[i]
		reason := fmt.Sprintf("%d candidate(s) tried; last offered %s: %s", len(offers), o.Agent, o.Reason)
		switch o.Result {
		case handoff.OfferDeclined:
			return handoff.OutcomeDeclined, reason
		case handoff.OfferTimedOut:
			return handoff.OutcomeTimedOut, reason
		case handoff.OfferFailed:
			return handoff.OutcomeFailed, reason
		}
	}
	return handoff.OutcomeNoCapacity, fmt.Sprintf("none of %d candidate(s) was available", len(offers))
}

// attempt tries one target: availability, packaging, customer preparation, briefing and, for a
// person, the offer. It returns the offer's result.
func (h *handoffRun) attempt(ctx workflow.Context, target activities.Target, t timings) string {
	i := len(h.state.Offers)
	h.state.Offers = append(h.state.Offers, handoff.Offer{
		Agent: target.Agent, Kind: string(target.Kind), Result: handoff.OfferPending, StartedAt: workflow.Now(ctx),
	})
	end := func(result, reason string) string {
		h.state.Offers[i].Result, h.state.Offers[i].Reason, h.state.Offers[i].EndedAt = result, reason, workflow.Now(ctx)
		return result
	}
	failed := func(step string, err error) string {
		if temporal.IsCanceledError(err) {
			return end(handoff.OfferCancelled, "cancelled")
		}
		return end(handoff.OfferFailed, step+": "+rootMessage(err))
	}

	h.setPhase(ctx, handoff.PhaseCheckingAvailability)
	var avail activities.Availability
	err := workflow.ExecuteActivity(availabilityOptions(ctx, target.Agent), a.CheckAvailability,
		activities.AvailabilityInput{Agent: target.Agent}).Get(ctx, &avail)
	if err != nil {
		return failed("availability check", err)
	}
	if !avail.Available {
		return end(handoff.OfferUnavailable, avail.Reason)
	}

	var pkg handoff.Package
	pin := activities.PackageInput{Input: h.in, Decision: *h.state.Decision, Target: target.Agent}
	if err := workflow.ExecuteLocalActivity(localOptions(ctx, "Package context for "+target.Agent), a.PackageContext, pin).Get(ctx, &pkg); err != nil {
		return failed("context packaging", err)
	}

	if !h.customerPrepared {
		h.setPhase(ctx, handoff.PhasePreparingCustomer)
		h.customerPrepared = true
		err := workflow.ExecuteActivity(deliveryOptions(ctx, "Prepare customer"), a.PrepareCustomer, activities.DeliveryInput{
			Agent:    h.in.SourceAgent,
			Delivery: h.delivery(handoff.DeliveryPrepareCustomer, target.Agent, h.customerMessage()),
		}).Get(ctx, nil)
		if err != nil {
			if temporal.IsCanceledError(err) {
				return end(handoff.OfferCancelled, "cancelled")
			}
			// The handoff can still go on: the receiver introduces itself either way.
			h.logger.Warn("customer preparation failed", "error", err)
		}
	}

	h.setPhase(ctx, handoff.PhaseBriefing)
	person := target.Kind.IsPerson()
	d := h.delivery(handoff.DeliveryBriefing, target.Agent, h.state.Decision.Protocol.IntroductionScript)
	d.Package, d.Brief = &pkg, pkg.Brief
	offerTimeout := t.offer
	if ot := h.state.Decision.Protocol.OfferTimeout; ot != "" {
		if v, err := time.ParseDuration(ot); err == nil && v > 0 {
			offerTimeout = v
		}
	}
	if person {
		d.Type = handoff.DeliveryOffer
		d.OfferExpiresAt = workflow.Now(ctx).Add(offerTimeout)
	}
	summary := "Brief " + target.Agent
	if person {
		summary = "Offer to " + target.Agent
	}
	if err := workflow.ExecuteActivity(deliveryOptions(ctx, summary), a.BriefAgent,
		activities.DeliveryInput{Agent: target.Agent, Delivery: d}).Get(ctx, nil); err != nil {
		return failed("briefing", err)
	}
	if h.state.BriefedAt.IsZero() {
		h.state.BriefedAt = workflow.Now(ctx)
	}
	if !person {
		// Bots and specialists accept on delivery.
		h.state.AcceptedAt = workflow.Now(ctx)
		return end(handoff.OfferAccepted, "accepted on delivery")
	}
	return h.awaitAnswer(ctx, i, offerTimeout, end)
}

// awaitAnswer waits for the offered person's accept or decline, or the offer timeout.
func (h *handoffRun) awaitAnswer(ctx workflow.Context, i int, timeout time.Duration, end func(string, string) string) string {
	h.setPhase(ctx, handoff.PhaseAwaitingAcceptance)
	h.upsert(ctx, handoff.SAPhase, string(handoff.PhaseAwaitingAcceptance))
	h.openOffer = i
	answered, err := workflow.AwaitWithTimeout(ctx, timeout, func() bool {
		return h.state.Offers[i].Result != handoff.OfferPending
	})
	h.openOffer = -1
	switch {
	case err != nil:
		h.withdraw(ctx, h.state.Offers[i].Agent, "the handoff was cancelled")
		return end(handoff.OfferCancelled, "cancelled")
	case !answered:
		h.withdraw(ctx, h.state.Offers[i].Agent, "the offer timed out")
		return end(handoff.OfferTimedOut, fmt.Sprintf("no answer within %s", timeout))
	}
	if h.state.Offers[i].Result == handoff.OfferAccepted {
		h.state.AcceptedAt = workflow.Now(ctx)
	}
	return h.state.Offers[i].Result
}

// confirmTransfer moves ownership to the accepting agent. If the transfer cannot be confirmed
// the target is told to stand down and the source keeps the customer.
func (h *handoffRun) confirmTransfer(ctx workflow.Context, target string) (handoff.Outcome, string, bool) {
	h.setPhase(ctx, handoff.PhaseConfirming)
	d := h.delivery(handoff.DeliveryTransferred, target, h.state.Decision.Protocol.FirstResponse)
	err := workflow.ExecuteActivity(confirmOptions(ctx), a.ConfirmTransfer, activities.DeliveryInput{Agent: target, Delivery: d}).Get(ctx, nil)
	if err != nil {
		if !temporal.IsCanceledError(err) {
			h.withdraw(ctx, target, "the transfer could not be confirmed")
		}
		o, r := h.failure(ctx, "confirming the transfer", err)
		return o, r, false
	}
	h.state.Owner = target
	h.state.Target = target
	h.upsert(ctx, handoff.SATarget, target)
	return "", "", true
}

// monitor watches the first minutes with the new owner: customer messages and sentiment are
// counted, and an outcome event from the receiver closes the window early.
func (h *handoffRun) monitor(ctx workflow.Context, window time.Duration) (handoff.Outcome, string) {
	h.state.Monitoring = &handoff.Monitoring{Window: window.String()}
	h.setPhase(ctx, handoff.PhaseMonitoring)
	h.upsert(ctx, handoff.SAPhase, string(handoff.PhaseMonitoring))
	early, err := workflow.AwaitWithTimeout(ctx, window, func() bool {
		return h.state.Monitoring.ReportedOutcome != ""
	})
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
