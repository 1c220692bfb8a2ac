package service

import (
	"context"
	"fmt"

	"github.com/handoffhq/orchestrator/handoff"
)

// A supervisor's actions (operators, in the API): reassign a waiting or offered handoff to a
// named person, change the priority of one waiting in a queue, set a person away (SetPresence),
// and force-release what a person holds.

// CheckReassign validates a reassignment without touching Temporal: the person must be a
// human or supervisor of the roster.
func (s *Service) CheckReassign(convID string, in handoff.ReassignInput) error {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return err
	}
	return s.CheckPerson(in.AgentID)
}

// Reassign offers the conversation's handoff to the named person: taken out of its queue's
// order, or away from the person its offer is open to. The workflow refuses it (a conflict)
// when the handoff is not waiting for a person.
func (s *Service) Reassign(ctx context.Context, convID string, in handoff.ReassignInput) (handoff.State, error) {
	if err := s.CheckReassign(convID, in); err != nil {
		return handoff.State{}, err
	}
	return s.update(ctx, convID, handoff.UpdateReassign, in)
}

// CheckPriority validates a priority change without touching Temporal.
func (s *Service) CheckPriority(convID string, in handoff.PriorityInput) error {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return err
	}
	if in.Priority < -1000 || in.Priority > 1000 {
		return &handoff.FieldError{Field: "priority", Problem: fmt.Sprintf("%d is not between -1000 and 1000", in.Priority)}
	}
	return nil
}

// SetPriority changes the priority of the conversation's handoff in the queue it waits in.
func (s *Service) SetPriority(ctx context.Context, convID string, in handoff.PriorityInput) (handoff.State, error) {
	if err := s.CheckPriority(convID, in); err != nil {
		return handoff.State{}, err
	}
	return s.update(ctx, convID, handoff.UpdatePriority, in)
}

// ForceRelease frees whatever the person holds of a conversation at once, offer and wrap-up
// included: a supervisor's release for a person who cannot (gone home, a stuck client). A
// handoff whose open offer is released this way finds its accept refused and moves on.
func (s *Service) ForceRelease(ctx context.Context, agentID string, in handoff.ReleaseInput) (handoff.AgentState, error) {
	if err := s.CheckRelease(agentID, in); err != nil {
		return handoff.AgentState{}, err
	}
	in.AssignedOnly, in.WrapUp, in.Force = false, "", true
	st, err := s.agents().Update(ctx, agentID, handoff.UpdateRelease, in)
	return st, agentError(err, "force-release for", agentID)
}
