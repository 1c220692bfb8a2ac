package workflows

import (
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// A handoff whose plan reaches a group of people with a queue waits in that queue instead of
// trying them once: the queue tells it whom to offer itself to, in priority-then-age order,
// the moment that person can take it. The source keeps the customer the whole time, and hears
// at intervals where the customer stands. The wait ends when a person accepts and takes over,
// when the queue's max wait passes (the plan goes on: overflow, a supervisor, then a callback),
// when the customer chooses a callback or leaves, or when the handoff is cancelled.

// queueing is the handoff's current wait in a queue; nil while it waits in none.
type queueing struct {
	group string
	// index is the wait's place in state.Queues.
	index int
	// offer is the queue's latest offer, nil until one arrives; refused is why the queue did
	// not take the handoff in line.
	offer   *handoff.QueueOffer
	refused string
}

// Where a wait ended, in state.Queues[].Left.
const (
	leftAccepted  = "accepted"
	leftMaxWait   = "max_wait"
	leftFull      = "full"
	leftClosed    = "closed"
	leftCallback  = "callback"
	leftAbandoned = "abandoned"
	leftCancelled = "cancelled"
	leftFailed    = "failed"
)

// queueOffered takes the queue's offer or refusal (the queue_offer signal). An offer from a
// queue the handoff does not wait in is stale: the queue holds an entry nobody will answer (its
// leave report crossed the offer, or it joined after giving up on joining), so it is told to
// drop it; a queue that already did ignores that.
func (h *handoffRun) queueOffered(ctx workflow.Context, o handoff.QueueOffer) {
	if q := h.queue; q != nil && q.group == o.Group {
		switch {
		case o.Refused != "":
			q.refused = o.Refused
		case q.offer == nil:
			q.offer = &o
		default:
			h.logger.Warn("a second queue offer while one waits; ignored", "queue", o.Group, "agent", o.Agent)
		}
		return
	}
	if o.Refused != "" {
		return
	}
	h.logger.Info("stale queue offer; the queue is told to drop it", "queue", o.Group, "agent", o.Agent)
	h.reportQueue(ctx, o.Group, handoff.QueueReport{HandoffID: h.id, Kind: handoff.ReportLeft, Reason: "not waiting"})
}

// waitInQueue waits in the step's queue. It returns the agent who accepted and took over; or
// the outcome when the handoff must end (stop); or neither, and the plan goes on (the max wait
// passed, the queue is full or closed). fallback asks the caller to try the step's people
// directly, as without a queue: the queue could not be reached.
func (h *handoffRun) waitInQueue(ctx workflow.Context, step activities.Step, exclude []string, t timings) (agent string, outcome handoff.Outcome, reason string, stop, fallback bool) {
	spec := *step.Queue
	h.setPhase(ctx, handoff.PhaseQueued)
	d := h.state.Decision
	prio, why := handoff.QueuePriority(&h.in, d, spec.Priority)
	skills := d.Protocol.Skills
	if len(skills) == 0 {
		skills = spec.Skills
	}
	entry := handoff.QueueEntry{
		HandoffID: h.id, ConversationID: h.in.ConversationID, Source: h.in.SourceAgent, Priority: prio,
		Skills: skills, Channel: h.in.Channel, KnownAgent: h.in.RelationshipContext.LastAgent, Exclude: exclude,
	}
	h.state.Queues = append(h.state.Queues, handoff.QueueWait{Group: spec.Group, EnqueuedAt: workflow.Now(ctx), Priority: prio, Why: why})
	w := &h.state.Queues[len(h.state.Queues)-1]
	// Waiting from before the enqueue: the queue may answer before the activity's result is in.
	h.queue = &queueing{group: spec.Group, index: len(h.state.Queues) - 1}
	defer func() { h.queue = nil }()
	var res activities.EnqueueResult
	err := workflow.ExecuteActivity(enqueueOptions(ctx, "Wait in queue "+spec.Group), a.Enqueue,
		activities.EnqueueRequest{Spec: spec, Entry: entry}).Get(ctx, &res)
	switch {
	case err != nil:
		if o, r, s := h.stopped(ctx); s {
			// The join may have reached the queue before the cancellation stopped it.
			h.leaveQueue(ctx, spec.Group, leftCancelled)
			return "", o, r, true, false
		}
		h.logger.Warn("queue unreachable; trying its people directly", "queue", spec.Group, "error", err)
		h.leaveQueueRecord(ctx, w, leftFailed)
		return "", "", "", false, true
	case res.Closed:
		h.closedQueue, h.closedOpens, h.closedAgents = &spec, res.OpensAt, step.Agents
		h.leaveQueueRecord(ctx, w, leftClosed)
		return "", "", "", false, false
	}
	h.upsert(ctx, h.identitySA(handoff.PhaseQueued)...)
	h.publish(ctx)
	workflow.SetCurrentDetails(ctx, h.details())

	joined := w.EnqueuedAt
	deadline := joined.Add(parseOr(spec.MaxWait, 10*time.Minute))
	every := parseOr(spec.PositionEvery, 0)
	nextAnnounce := time.Time{}
	if every > 0 {
		nextAnnounce = joined.Add(every)
	}
	for {
		wake := deadline
		if !nextAnnounce.IsZero() && nextAnnounce.Before(wake) {
			wake = nextAnnounce
		}
		_, err := awaitWithTimeout(ctx, max(wake.Sub(workflow.Now(ctx)), 0), func() bool {
			return h.queue.offer != nil || h.queue.refused != "" || h.customerLeft || h.callbackRequested || h.reassign != nil || h.priority != nil
		})
		switch {
		case err != nil || temporal.IsCanceledError(ctx.Err()):
			h.leaveQueue(ctx, spec.Group, leftCancelled)
			return "", handoff.OutcomeCancelled, "cancelled while waiting in queue " + spec.Group, true, false
		case h.customerLeft:
			h.leaveQueue(ctx, spec.Group, leftAbandoned)
			return "", handoff.OutcomeAbandoned, fmt.Sprintf("the customer left after waiting %s in queue %s", h.waited(ctx), spec.Group), true, false
		case h.callbackRequested:
			waited := h.waited(ctx)
			h.leaveQueue(ctx, spec.Group, leftCallback)
			return "", handoff.OutcomeCallback, fmt.Sprintf("the customer chose a callback after waiting %s in queue %s", waited, spec.Group), true, false
		case h.queue.refused != "":
			h.logger.Info("the queue refused the handoff", "queue", spec.Group, "reason", h.queue.refused)
			h.leaveQueueRecord(ctx, w, leftFull)
			return "", "", "", false, false
		case h.priority != nil:
			p := *h.priority
			h.priority = nil
			h.reportQueue(ctx, spec.Group, handoff.QueueReport{HandoffID: h.id, Kind: handoff.ReportPriority, Priority: &p})
			continue
		case h.reassign != nil || h.queue.offer != nil:
			var accepted string
			if h.reassign != nil {
				accepted = h.reassignInQueue(ctx, spec.Group, t)
				if accepted == "" {
					// An offer the queue made meanwhile was overtaken by the reassignment: the
					// queue offers the handoff again now that it waits.
					h.queue.offer = nil
				}
			} else {
				o := *h.queue.offer
				h.queue.offer = nil
				accepted = h.offerFromQueue(ctx, spec.Group, o, t)
			}
			if accepted != "" {
				return accepted, "", "", false, false
			}
			if o, r, s := h.stopped(ctx); s {
				h.leaveQueue(ctx, spec.Group, leftCancelled)
				return "", o, r, true, false
			}
			if h.sourceKept {
				h.leaveQueue(ctx, spec.Group, leftFailed)
				return "", handoff.OutcomeFailed, h.in.SourceAgent + " answers but did not acknowledge letting go of the customer, so it keeps them", true, false
			}
			h.setPhase(ctx, handoff.PhaseQueued)
		case !workflow.Now(ctx).Before(deadline):
			h.leaveQueue(ctx, spec.Group, leftMaxWait)
			return "", "", "", false, false
		case !nextAnnounce.IsZero() && !workflow.Now(ctx).Before(nextAnnounce):
			h.announce(ctx, spec)
			nextAnnounce = nextAnnounce.Add(every)
		}
	}
}

// offerFromQueue makes the offer the queue decided: the person is ranked alone (their hours,
// calendar and notification service are checked as for any offer), offered it, and on an
// accept takes over. It returns the person who took over, or "" after telling the queue why
// not, so it offers the handoff (or the person) again as it should.
func (h *handoffRun) offerFromQueue(ctx workflow.Context, group string, o handoff.QueueOffer, t timings) string {
	w := &h.state.Queues[h.queue.index]
	w.Offers++
	if w.FirstOffer == 0 {
		w.FirstOffer, w.FirstOfferAt = o.Seq, o.At
	}
	if !o.EnqueuedAt.IsZero() {
		// When it joined, on the line's own clock (the order is the queue's).
		w.EnqueuedAt, w.Seq = o.EnqueuedAt, o.EntrySeq
	}
	h.setPhase(ctx, handoff.PhaseCheckingAvailability)
	p := h.state.Decision.Protocol
	var ranking activities.Ranking
	err := workflow.ExecuteActivity(availabilityOptions(ctx, "Rank "+o.Agent+" (queue "+group+")"), a.RankCandidates,
		activities.RankInput{Agents: []string{o.Agent}, Skills: p.Skills, Channel: h.in.Channel}).Get(ctx, &ranking)
	rep := handoff.QueueReport{HandoffID: h.id, Kind: handoff.ReportReturned, Agent: o.Agent}
	switch {
	case err != nil:
		h.endOffer(ctx, h.newOffer(ctx, o.Agent, ""), handoff.OfferUnknown, "availability could not be read: "+rootMessage(err))
		rep.Blocked, rep.Reason = true, "availability could not be read"
		h.reportQueue(ctx, group, rep)
		return ""
	case len(ranking.Ranked) == 0:
		for _, s := range ranking.Skipped {
			h.endOffer(ctx, h.newOffer(ctx, s.Agent, ""), handoff.OfferUnavailable, s.Reason)
			rep.Reason = s.Reason
			if s.Busy {
				rep.Full = true
			} else {
				rep.Blocked, rep.Until = true, s.Until
			}
		}
		h.reportQueue(ctx, group, rep)
		return ""
	}
	agent := h.offer(ctx, ranking.Ranked[:1], t)
	return h.settleQueueOffer(ctx, group, o.Agent, agent)
}

// settleQueueOffer ends an offer made from the queue (its own, or an operator's reassignment):
// the person who accepted takes over and the handoff leaves the line; otherwise the queue hears
// why not, so it offers the handoff (or the person) again as it should.
func (h *handoffRun) settleQueueOffer(ctx workflow.Context, group, target, agent string) string {
	if _, why, stop := h.stopped(ctx); stop {
		// The caller leaves the queue; an accept that came too late is undone.
		if agent != "" {
			h.unwind(ctx, agent, why)
		}
		return ""
	}
	rep := handoff.QueueReport{HandoffID: h.id, Kind: handoff.ReportReturned, Agent: target}
	if agent != "" {
		if h.takeOver(ctx, agent) {
			h.leaveQueue(ctx, group, leftAccepted)
			return agent
		}
		rep.Exclude, rep.Reason = true, "could not take over"
		h.reportQueue(ctx, group, rep)
		return ""
	}
	if i := h.offerIndex(target); i >= 0 {
		off := h.state.Offers[i]
		rep.Reason = off.Result + ": " + off.Reason
		switch {
		case h.reassign != nil && off.Result == handoff.OfferCancelled:
			// Withdrawn for a reassignment: nothing against the person.
		case off.Result == handoff.OfferDeclined, off.Result == handoff.OfferTimedOut:
			rep.Exclude = true
		case off.Result == handoff.OfferUnavailable:
			// The reservation was refused: the person is busier than the queue knew.
			rep.Full = true
		default:
			rep.Blocked = true
		}
	}
	h.reportQueue(ctx, group, rep)
	return ""
}

// reportQueue signals a report to the queue. Cleanup runs even when the handoff was cancelled;
// a queue that cannot be told (not running) has nothing to keep either.
func (h *handoffRun) reportQueue(ctx workflow.Context, group string, rep handoff.QueueReport) {
	if temporal.IsCanceledError(ctx.Err()) {
		ctx, _ = workflow.NewDisconnectedContext(ctx)
	}
	if err := workflow.SignalExternalWorkflow(ctx, handoff.QueueWorkflowID(group), "", handoff.SignalQueueReport, rep).Get(ctx, nil); err != nil {
		h.logger.Warn("queue report failed", "queue", group, "kind", rep.Kind, "error", err)
	}
}

// leaveQueue tells the queue the handoff stopped waiting in it, and records why.
func (h *handoffRun) leaveQueue(ctx workflow.Context, group, why string) {
	kind := handoff.ReportLeft
	if why == leftAccepted {
		kind = handoff.ReportAccepted
	}
	h.reportQueue(ctx, group, handoff.QueueReport{HandoffID: h.id, Kind: kind, Reason: why})
	h.leaveQueueRecord(ctx, &h.state.Queues[h.queue.index], why)
}

func (h *handoffRun) leaveQueueRecord(ctx workflow.Context, w *handoff.QueueWait, why string) {
	w.LeftAt, w.Left = workflow.Now(ctx), why
}

// waited is how long the handoff has waited in its current queue.
func (h *handoffRun) waited(ctx workflow.Context) time.Duration {
	return workflow.Now(ctx).Sub(h.state.Queues[h.queue.index].EnqueuedAt).Round(time.Second)
}

// announce has the source tell the customer where they stand; after the queue's callback
// threshold the message offers a callback, which the customer takes with a callback_requested
// event. Best effort: a failed message changes nothing in the line.
func (h *handoffRun) announce(ctx workflow.Context, spec handoff.QueueSpec) {
	w := &h.state.Queues[h.queue.index]
	callback := false
	if after, err := time.ParseDuration(spec.CallbackAfter); err == nil && spec.CallbackAfter != "" {
		callback = workflow.Now(ctx).Sub(w.EnqueuedAt) >= after
	}
	var res activities.PositionResult
	err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Tell the customer their place in "+spec.Group), a.AnnouncePosition, activities.PositionInput{
		Group: spec.Group, HandoffID: h.id, CallbackOffered: callback,
		Delivery: h.delivery(handoff.DeliveryQueuePosition, h.in.SourceAgent, ""),
	}).Get(ctx, &res)
	if err != nil {
		h.logger.Warn("position message failed", "queue", spec.Group, "error", err)
		return
	}
	if p := res.Position; !p.EnqueuedAt.IsZero() {
		w.EnqueuedAt, w.Seq = p.EnqueuedAt, p.Seq
	}
	if res.Told {
		w.Announced++
		w.Position, w.EstimateSeconds = res.Position.Position, res.Position.EstimateSeconds
		w.CallbackOffered = w.CallbackOffered || callback
	}
}

// parseOr parses a duration captured in a spec, with a default for an empty or bad one.
func parseOr(s string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return d
	}
	return def
}
