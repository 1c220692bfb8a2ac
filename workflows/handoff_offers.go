package workflows

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// tryPlan works through the plan's steps until an agent accepts. Each step's agents are ranked
// when the step is reached (skill, then least active, then longest idle); the unavailable
// ones are recorded with the reason. It returns the accepting agent, or the outcome when
// nobody accepted.
func (h *handoffRun) tryPlan(ctx workflow.Context, plan []activities.Step, exclude []string, t timings) (string, handoff.Outcome, string) {
	p := h.state.Decision.Protocol
	for _, step := range plan {
		if step.Queue != nil {
			agent, o, r, stop, fallback := h.waitInQueue(ctx, step, exclude, t)
			h.sinceQueue = len(h.state.Offers)
			switch {
			case agent != "":
				return agent, "", ""
			case stop:
				return "", o, r
			case !fallback:
				continue
			}
		}
		h.setPhase(ctx, handoff.PhaseCheckingAvailability)
		var ranking activities.Ranking
		summary := fmt.Sprintf("Rank %s (%s)", strings.Join(step.Agents, ", "), step.Via)
		in := activities.RankInput{Agents: step.Agents, Skills: p.Skills, Exclude: exclude, Source: h.in.SourceAgent, Scenario: h.state.Decision.Scenario,
			Channel: h.in.Channel}
		// Ranking only reads (bots' health, people's entity state), so it runs locally on the
		// fast path; people's steps only for handoffs decided with FastPersonSteps.
		var rank workflow.Future
		if h.fast() && (!step.People || h.state.Decision.Settings.FastPersonSteps) {
			rank = workflow.ExecuteLocalActivity(localAvailabilityOptions(ctx, summary), a.RankCandidates, in)
		} else {
			rank = workflow.ExecuteActivity(availabilityOptions(ctx, summary), a.RankCandidates, in)
		}
		err := rank.Get(ctx, &ranking)
		if err != nil {
			if o, r, stop := h.stopped(ctx); stop {
				return "", o, r
			}
			// Not knowing whether someone is free is not the same as them being busy: the
			// offers are marked unknown, which never ends a handoff as no_capacity.
			for _, id := range step.Agents {
				h.endOffer(ctx, h.newOffer(ctx, id, ""), handoff.OfferUnknown, "availability could not be read: "+rootMessage(err))
			}
			continue
		}
		for _, s := range ranking.Skipped {
			h.endOffer(ctx, h.newOffer(ctx, s.Agent, ""), handoff.OfferUnavailable, s.Reason)
		}
		ranked := ranking.Ranked
		for len(ranked) > 0 {
			n := 1
			if ranked[0].Kind.IsPerson() {
				for n < max(p.ParallelOffers, 1) && n < len(ranked) && ranked[n].Kind.IsPerson() {
					n++
				}
			}
			batch := ranked[:n]
			ranked = ranked[n:]
			agent := h.offer(ctx, batch, t)
			if agent == "" && h.reassign != nil {
				agent = h.offerReassigned(ctx, t)
			}
			if o, r, stop := h.stopped(ctx); stop {
				if agent != "" {
					h.unwind(ctx, agent, r)
				}
				return "", o, r
			}
			// A target that accepted but cannot take over was unwound, and the source has the
			// customer back: the next candidate is tried.
			if agent != "" && h.takeOver(ctx, agent) {
				return agent, "", ""
			}
			if h.sourceKept {
				return "", handoff.OutcomeFailed, h.in.SourceAgent + " answers but did not acknowledge letting go of the customer, so it keeps them"
			}
			if o, r, stop := h.stopped(ctx); stop {
				return "", o, r
			}
		}
	}
	if o, r, stop := h.stopped(ctx); stop {
		return "", o, r
	}
	if len(h.state.Queues) > 0 {
		return h.exhaustedAfterQueue()
	}
	outcome, reason := exhausted(h.state.Offers)
	return "", outcome, reason
}

// exhaustedAfterQueue names the outcome of a plan that waited in a queue: what the offers made
// since the last wait ended came to, or no_capacity when there were none (the wait ran out, or
// the queue was full or closed), so a callback or a ticket follows.
func (h *handoffRun) exhaustedAfterQueue() (string, handoff.Outcome, string) {
	w := h.state.Queues[len(h.state.Queues)-1]
	why := fmt.Sprintf("queue %s %s", w.Group, queueEnd(w))
	if after := h.state.Offers[h.sinceQueue:]; len(after) > 0 {
		outcome, reason := exhausted(after)
		if outcome != handoff.OutcomeNoCapacity {
			return "", outcome, why + "; then " + reason
		}
		return "", handoff.OutcomeNoCapacity, why + "; then " + reason
	}
	return "", handoff.OutcomeNoCapacity, why
}

// queueEnd words how a wait in a queue ended.
func queueEnd(w handoff.QueueWait) string {
	switch w.Left {
	case leftMaxWait:
		return fmt.Sprintf("reached its max wait (%s) with nobody free", w.LeftAt.Sub(w.EnqueuedAt).Round(time.Second))
	case leftFull:
		return "was full"
	case leftClosed:
		return "was outside its business hours"
	}
	return "could not be waited in (" + w.Left + ")"
}

// stopped reports whether the handoff must end now: cancelled, or the customer left.
func (h *handoffRun) stopped(ctx workflow.Context) (handoff.Outcome, string, bool) {
	if temporal.IsCanceledError(ctx.Err()) {
		return handoff.OutcomeCancelled, "cancelled", true
	}
	if h.customerLeft {
		return handoff.OutcomeAbandoned, "the customer left before anyone took over", true
	}
	return "", "", false
}

// exhausted names the outcome when every candidate was tried: what happened to the last one
// offered; failed when nobody was offered and someone's availability could not be read;
// no_capacity only when everybody was known to be unavailable.
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
	var unknown []string
	for _, o := range offers {
		if o.Result == handoff.OfferUnknown {
			unknown = append(unknown, o.Agent)
		}
	}
	if len(unknown) > 0 {
		return handoff.OutcomeFailed, fmt.Sprintf("the availability of %s could not be read, so the handoff could not tell whether anyone was free",
			strings.Join(unknown, ", "))
	}
	return handoff.OutcomeNoCapacity, fmt.Sprintf("none of %d candidate(s) was available", len(offers))
}

func (h *handoffRun) newOffer(ctx workflow.Context, agent string, kind handoff.AgentKind) int {
	h.state.Offers = append(h.state.Offers, handoff.Offer{
		Agent: agent, Kind: string(kind), Result: handoff.OfferPending, StartedAt: workflow.Now(ctx),
	})
	return len(h.state.Offers) - 1
}

func (h *handoffRun) endOffer(ctx workflow.Context, i int, result, reason string) {
	o := &h.state.Offers[i]
	was := o.Result
	o.Result, o.EndedAt = result, workflow.Now(ctx)
	if reason != "" {
		o.Reason = reason
	}
	h.offerEnded(ctx, i, was)
}

// offer gives the conversation to one bot, or offers it to one or more people at once (the
// first to accept wins). It returns the agent that accepted, or "". A person's acceptance holds
// their reservation; takeOver turns it into an assignment.
func (h *handoffRun) offer(ctx workflow.Context, batch []activities.RankedAgent, t timings) string {
	idx := make([]int, len(batch))
	for k, r := range batch {
		idx[k] = h.newOffer(ctx, r.Agent, r.Kind)
		h.state.Offers[idx[k]].Note = r.Note
	}
	if !batch[0].Kind.IsPerson() {
		i := idx[0]
		pkg, ok := h.packageFor(ctx, i)
		if !ok {
			return ""
		}
		h.offerMade(ctx, i)
		if err := h.deliver(ctx, i, pkg, handoff.DeliveryBriefing, time.Time{}); err != nil {
			h.failOffer(ctx, i, "briefing", err)
			return ""
		}
		h.state.AcceptedAt = workflow.Now(ctx)
		h.transition(ctx, metricStartToAccepted, batch[0].Agent)
		h.endOffer(ctx, i, handoff.OfferAccepted, "accepted on delivery")
		h.received(batch[0].Agent)
		return batch[0].Agent
	}

	timeout := t.offer
	if ot := h.state.Decision.Protocol.OfferTimeout; ot != "" {
		if v, err := time.ParseDuration(ot); err == nil && v > 0 {
			timeout = v
		}
	}
	expires := workflow.Now(ctx).Add(timeout)
	h.open = nil
	for _, i := range idx {
		// Someone already offered may answer while the next offer is being delivered: an
		// accept ends the round, so the rest are not offered at all.
		if h.winner() >= 0 || h.customerLeft || temporal.IsCanceledError(ctx.Err()) {
			h.endOffer(ctx, i, handoff.OfferCancelled, "not offered: the round ended first")
			continue
		}
		// Package first: the reservation carries the brief the person sees in their offers.
		pkg, ok := h.packageFor(ctx, i)
		if !ok {
			continue
		}
		h.reserving = i
		reserved := h.reserve(ctx, i, expires, pkg.Brief)
		h.reserving = -1
		if !reserved {
			continue
		}
		// The offer is in the person's list from the moment it is reserved, so it is open to
		// an answer from then on: an accept that beats the notification is taken.
		h.open = append(h.open, i)
		h.offerMade(ctx, i)
		err := h.deliver(ctx, i, pkg, handoff.DeliveryOffer, expires)
		if err != nil && h.state.Offers[i].Result == handoff.OfferPending {
			// Neither notified nor answered: the offer is withdrawn before anyone relies on it.
			h.failOffer(ctx, i, "offer notification", err)
			h.open = slices.DeleteFunc(h.open, func(j int) bool { return j == i })
			_ = h.agentOp(ctx, a.Release, h.state.Offers[i].Agent, "offer not delivered")
		}
	}
	open := h.open
	if len(open) == 0 {
		return ""
	}

	h.setPhase(ctx, handoff.PhaseAwaitingAcceptance)
	h.upsert(ctx, h.identitySA(handoff.PhaseAwaitingAcceptance)...)
	workflow.SetCurrentDetails(ctx, h.details())
	h.publish(ctx)
	_, err := awaitWithTimeout(ctx, expires.Sub(workflow.Now(ctx)), func() bool {
		return h.customerLeft || h.winner() >= 0 || h.allAnswered() || h.reassign != nil
	})
	winner := h.winner()
	h.open = nil
	winner = h.closeOffers(ctx, open, winner, err != nil)
	if winner < 0 {
		return ""
	}
	// An accept that came with a reassignment stands; the reassignment is moot.
	h.reassign = nil
	h.state.AcceptedAt = workflow.Now(ctx)
	h.transition(ctx, metricStartToAccepted, h.state.Offers[winner].Agent)
	h.received(h.state.Offers[winner].Agent)
	return h.state.Offers[winner].Agent
}

// winner is the open offer that was accepted, or -1.
func (h *handoffRun) winner() int {
	for _, i := range h.open {
		if h.state.Offers[i].Result == handoff.OfferAccepted {
			return i
		}
	}
	return -1
}

func (h *handoffRun) allAnswered() bool {
	for _, i := range h.open {
		if h.state.Offers[i].Result == handoff.OfferPending {
			return false
		}
	}
	return true
}

// closeOffers settles every offer of a batch: the winner keeps its reservation (takeOver
// assigns it once the source let go); the others are released, and those still pending are
// withdrawn (timed out, or taken by another). When the handoff was cancelled or the customer
// left, the winner is unwound like the rest. It returns the winner that stands, or -1. Cleanup
// runs even when the handoff was cancelled.
func (h *handoffRun) closeOffers(ctx workflow.Context, open []int, winner int, cancelled bool) int {
	if cancelled || temporal.IsCanceledError(ctx.Err()) {
		ctx, _ = workflow.NewDisconnectedContext(ctx)
		cancelled = true
	}
	for _, i := range open {
		o := h.state.Offers[i]
		switch {
		case i == winner && !cancelled && !h.customerLeft:
			continue
		case o.Result == handoff.OfferDeclined:
		case cancelled:
			h.endOffer(ctx, i, handoff.OfferCancelled, "the handoff was cancelled")
			h.withdraw(ctx, o.Agent, "the handoff was cancelled")
		case h.customerLeft:
			h.endOffer(ctx, i, handoff.OfferCancelled, "the customer left")
			h.withdraw(ctx, o.Agent, "the customer left")
		case winner < 0 && h.reassign != nil:
			h.endOffer(ctx, i, handoff.OfferCancelled, "withdrawn: reassigned to "+h.reassign.AgentID+by(h.reassign.By))
			h.withdraw(ctx, o.Agent, "reassigned to another agent")
		case winner >= 0:
			h.endOffer(ctx, i, handoff.OfferCancelled, "withdrawn: "+h.state.Offers[winner].Agent+" accepted first")
			h.withdraw(ctx, o.Agent, "another agent accepted first")
		default:
			h.endOffer(ctx, i, handoff.OfferTimedOut, "no answer before the offer expired")
			h.withdraw(ctx, o.Agent, "the offer timed out")
			if h.state.Decision.Settings.AwayOnTimeout {
				err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Set "+o.Agent+" away"), a.SetPresence, activities.PresenceRequest{
					Agent: o.Agent, Presence: handoff.PresenceAway, Reason: "did not answer an offer in time",
				}).Get(ctx, nil)
				if err != nil {
					h.logger.Warn("set away failed", "agent", o.Agent, "error", err)
				}
			}
		}
		_ = h.agentOp(ctx, a.Release, o.Agent, h.state.Offers[i].Result)
	}
	if cancelled || h.customerLeft {
		return -1
	}
	return winner
}

// unwind undoes an acceptance that will not become a transfer (cancelled, customer gone,
// confirmation failed): the agent is told to stand down and a person's capacity is freed.
// withdraw and agentOp each step off a cancelled context themselves.
func (h *handoffRun) unwind(ctx workflow.Context, agent, why string) {
	h.withdraw(ctx, agent, why)
	_ = h.agentOp(ctx, a.Release, agent, why)
}

// reserve holds capacity on the offered person; a refusal (at capacity, not online, a race
// with another handoff) makes the offer unavailable.
func (h *handoffRun) reserve(ctx workflow.Context, i int, expires time.Time, brief string) bool {
	o := h.state.Offers[i]
	var res activities.ReserveResult
	err := workflow.ExecuteActivity(agentOptions(ctx, "Reserve "+o.Agent), a.Reserve, activities.ReserveRequest{
		Agent: o.Agent,
		Input: handoff.ReserveInput{
			HandoffID: h.id, ConversationID: h.in.ConversationID, Source: h.in.SourceAgent,
			Lease: h.state.Decision.Settings.ReservationLease, OfferExpiresAt: expires, Brief: brief, Channel: h.in.Channel,
		},
	}).Get(ctx, &res)
	switch {
	case err != nil:
		h.endOffer(ctx, i, handoff.OfferFailed, "reservation failed: "+rootMessage(err))
		return false
	case !res.Reserved:
		h.endOffer(ctx, i, handoff.OfferUnavailable, res.Reason)
		return false
	}
	return true
}

// packageFor builds the context package for the offer's agent.
func (h *handoffRun) packageFor(ctx workflow.Context, i int) (handoff.Package, bool) {
	agent := h.state.Offers[i].Agent
	var pkg handoff.Package
	if err := workflow.ExecuteLocalActivity(localOptions(ctx, "Package context for "+agent), a.PackageContext, h.packageInput(agent)).Get(ctx, &pkg); err != nil {
		h.failOffer(ctx, i, "context packaging", err)
		return pkg, false
	}
	return pkg, true
}

// deliver sends the package: a briefing to a bot (its acceptance), an offer to a person whose
// capacity is reserved. The customer hears "let me connect you" first, once. A target is told
// when the source could not be reached for that, so it introduces itself.
func (h *handoffRun) deliver(ctx workflow.Context, i int, pkg handoff.Package, typ handoff.DeliveryType, expires time.Time) error {
	agent := h.state.Offers[i].Agent
	h.prepareCustomer(ctx, agent)
	h.setPhase(ctx, handoff.PhaseBriefing)
	d := h.delivery(typ, agent, h.state.Decision.Protocol.IntroductionScript)
	d.Package, d.Brief, d.OfferExpiresAt = &pkg, pkg.Brief, expires
	d.SourceUnreachable = h.sourceSilent
	d.EndOfStretch = h.stretchMarker()
	summary := "Brief " + agent
	if typ == handoff.DeliveryOffer {
		summary = "Offer to " + agent
	}
	if err := h.io(ctx, deliveryOptions(ctx, summary), h.fast() && typ == handoff.DeliveryBriefing, summary, a.BriefAgent,
		activities.DeliveryInput{Agent: agent, Delivery: d}).Get(ctx, nil); err != nil {
		return err
	}
	if h.state.BriefedAt.IsZero() {
		h.state.BriefedAt = workflow.Now(ctx)
		h.transition(ctx, metricStartToBriefed, agent)
	}
	h.delivered(agent, pkg)
	return nil
}

func (h *handoffRun) failOffer(ctx workflow.Context, i int, step string, err error) {
	if temporal.IsCanceledError(err) {
		h.endOffer(ctx, i, handoff.OfferCancelled, "cancelled")
		return
	}
	h.endOffer(ctx, i, handoff.OfferFailed, step+": "+rootMessage(err))
}

func (h *handoffRun) prepareCustomer(ctx workflow.Context, target string) {
	if h.customerPrepared {
		return
	}
	h.setPhase(ctx, handoff.PhasePreparingCustomer)
	h.customerPrepared = true
	err := h.io(ctx, deliveryOptions(ctx, "Prepare customer"), h.prepareLocal(target), "Prepare customer", a.PrepareCustomer, activities.DeliveryInput{
		Agent:    h.in.SourceAgent,
		Delivery: h.delivery(handoff.DeliveryPrepareCustomer, target, h.customerMessage()),
	}).Get(ctx, nil)
	if err != nil && !temporal.IsCanceledError(err) {
		// The handoff goes on, since a customer whose bot stopped answering needs someone
		// all the more; the target is told the customer may not know it is coming.
		h.sourceSilent = true
		h.logger.Warn("customer preparation failed", "error", err)
	}
}

// agentOp runs Assign or Release on a person's entity workflow. Only people hold capacity;
// failures are logged: a lost release is reclaimed by the reservation's lease.
func (h *handoffRun) agentOp(ctx workflow.Context, op func(context.Context, activities.AgentRequest) error, agent, reason string) error {
	if !h.isPerson(agent) {
		return nil
	}
	if temporal.IsCanceledError(ctx.Err()) {
		ctx, _ = workflow.NewDisconnectedContext(ctx)
	}
	err := workflow.ExecuteActivity(agentOptions(ctx, "Update "+agent), op,
		activities.AgentRequest{Agent: agent, HandoffID: h.id, Reason: reason}).Get(ctx, nil)
	var appErr *temporal.ApplicationError
	switch {
	case errors.As(err, &appErr) && appErr.Type() == "Refused":
		// The person released the conversation before it was assigned: nothing to hold.
		h.logger.Info("agent update refused", "agent", agent, "reason", appErr.Message())
	case err != nil:
		h.logger.Warn("agent update failed", "agent", agent, "error", err)
	}
	return err
}

// isPerson reports whether the agent is a person: one offered the handoff, by the offer's
// kind, or the source when a person hands the conversation on (never an offer).
func (h *handoffRun) isPerson(agent string) bool {
	if agent == h.in.SourceAgent && h.sourcePerson {
		return true
	}
	for _, o := range h.state.Offers {
		if o.Agent == agent {
			return handoff.AgentKind(o.Kind).IsPerson()
		}
	}
	return false
}

// freeSourceCapacity frees the capacity a person held for the conversation they handed on.
func (h *handoffRun) freeSourceCapacity(ctx workflow.Context) {
	err := workflow.ExecuteActivity(agentOptions(ctx, "Release "+h.in.SourceAgent), a.Release, activities.AgentRequest{
		Agent: h.in.SourceAgent, ConversationID: h.in.ConversationID, Reason: "handed the conversation to " + h.state.Owner,
	}).Get(ctx, nil)
	if err != nil {
		h.logger.Warn("releasing the source failed", "agent", h.in.SourceAgent, "error", err)
	}
}

// fast reports whether the fast bot path is on: a bot target's I/O steps run as local
// activities (see handoff.fast_bot_path).
func (h *handoffRun) fast() bool {
	return h.state.Decision != nil && h.state.Decision.Settings.FastBotPath
}

// prepareLocal reports whether preparing the customer runs locally: on the fast bot path when
// the target is a bot, and, for handoffs decided with FastPersonSteps, when the source is a bot
// whoever the target is.
func (h *handoffRun) prepareLocal(target string) bool {
	if !h.fast() {
		return false
	}
	return !h.isPerson(target) || (h.state.Decision.Settings.FastPersonSteps && !h.sourcePerson)
}

// io runs an I/O step as a regular activity (regular carries its options), or as a local
// activity on the fast bot path: no task-queue round trip and one marker event instead of
// three activity events and a workflow task, at the price of re-running the step if the worker
// dies before the workflow task completes.
func (h *handoffRun) io(ctx, regular workflow.Context, local bool, summary string, fn, arg any) workflow.Future {
	if local {
		return workflow.ExecuteLocalActivity(localIOOptions(ctx, summary), fn, arg)
	}
	return workflow.ExecuteActivity(regular, fn, arg)
}
