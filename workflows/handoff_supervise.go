package workflows

import (
	"fmt"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// A supervisor's actions on a handoff that waits for a person: reassign it to a named person
// (from the queue, or away from the person it is offered to), or change its priority in its
// queue. Both are Updates validated against the phase, answered at once; the waiting code
// carries them out.

// setupSupervision registers the reassign and set_priority Updates.
func (h *handoffRun) setupSupervision(ctx workflow.Context) error {
	err := workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateReassign,
		func(ctx workflow.Context, in handoff.ReassignInput) (handoff.State, error) {
			if err := h.validateReassign(in); err != nil {
				return h.snapshot(), err
			}
			h.reassign = &in
			return h.snapshot(), nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.ReassignInput) error {
			return h.validateReassign(in)
		}})
	if err != nil {
		return err
	}
	return workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdatePriority,
		func(ctx workflow.Context, in handoff.PriorityInput) (handoff.State, error) {
			if err := h.validatePriority(in); err != nil {
				return h.snapshot(), err
			}
			p := in.Priority
			h.priority = &p
			h.state.Queues[h.queue.index].Override = &p
			return h.snapshot(), nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.PriorityInput) error {
			return h.validatePriority(in)
		}})
}

// validateReassign takes a reassignment while the handoff waits in a queue or its offer is
// open, to someone it is not already offered to. Whether the person is on the roster is the
// caller's check; whether they can take it is their reservation's.
func (h *handoffRun) validateReassign(in handoff.ReassignInput) error {
	if in.AgentID == "" {
		return fmt.Errorf("agent_id is required")
	}
	waiting := h.state.Phase == handoff.PhaseQueued || h.state.Phase == handoff.PhaseAwaitingAcceptance && len(h.open) > 0
	if !waiting {
		return fmt.Errorf("conversation %s is not waiting for a person (the handoff is %s): only a handoff in a queue or with an open offer can be reassigned", h.in.ConversationID, h.state.Phase)
	}
	if h.reassign != nil {
		return fmt.Errorf("conversation %s is already being reassigned to %s", h.in.ConversationID, h.reassign.AgentID)
	}
	if h.openOfferOf(in.AgentID) >= 0 {
		return fmt.Errorf("conversation %s is already offered to %s", h.in.ConversationID, in.AgentID)
	}
	if w := h.winner(); w >= 0 {
		return fmt.Errorf("conversation %s was accepted by %s first", h.in.ConversationID, h.state.Offers[w].Agent)
	}
	return nil
}

// maxPriority bounds a supervisor's priority like the rules' (with room for the conversation's
// points and aging on top).
const maxPriority = 1000

func (h *handoffRun) validatePriority(in handoff.PriorityInput) error {
	if h.queue == nil {
		return fmt.Errorf("conversation %s is not waiting in a queue (the handoff is %s)", h.in.ConversationID, h.state.Phase)
	}
	if in.Priority < -maxPriority || in.Priority > maxPriority {
		return fmt.Errorf("priority %d is not between %d and %d", in.Priority, -maxPriority, maxPriority)
	}
	return nil
}

// offerReassigned offers the handoff to the person a supervisor named: ranked alone (they must
// be able to take it: online, with room, within their hours), with no regard for who declined
// it before. It returns the person once they accepted, or "".
func (h *handoffRun) offerReassigned(ctx workflow.Context, t timings) string {
	in := *h.reassign
	h.reassign = nil
	h.setPhase(ctx, handoff.PhaseCheckingAvailability)
	var ranking activities.Ranking
	err := workflow.ExecuteActivity(availabilityOptions(ctx, "Rank "+in.AgentID+" (reassigned)"), a.RankCandidates,
		activities.RankInput{Agents: []string{in.AgentID}, Skills: h.state.Decision.Protocol.Skills, Channel: h.in.Channel}).Get(ctx, &ranking)
	note := "reassigned by an operator"
	if in.By != "" {
		note = "reassigned by " + in.By
	}
	switch {
	case err != nil:
		h.endOffer(ctx, h.newOffer(ctx, in.AgentID, ""), handoff.OfferUnknown, note+"; availability could not be read: "+rootMessage(err))
		return ""
	case len(ranking.Ranked) == 0:
		for _, s := range ranking.Skipped {
			h.endOffer(ctx, h.newOffer(ctx, s.Agent, ""), handoff.OfferUnavailable, note+"; "+s.Reason)
		}
		return ""
	}
	ranking.Ranked[0].Note = note
	return h.offer(ctx, ranking.Ranked[:1], t)
}

// reassignInQueue carries out a reassignment while the handoff waits in its queue: the queue
// holds the handoff for the named person (offered outside its order), and hears how it went.
func (h *handoffRun) reassignInQueue(ctx workflow.Context, group string, t timings) string {
	target := h.reassign.AgentID
	h.reportQueue(ctx, group, handoff.QueueReport{HandoffID: h.id, Kind: handoff.ReportHeld, Agent: target})
	agent := h.offerReassigned(ctx, t)
	return h.settleQueueOffer(ctx, group, target, agent)
}
