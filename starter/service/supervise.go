package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/activities"
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
//
// A person who is not online is refused here, before the workflow hears of it: their offer
// could only fail, and the supervisor would learn that only from the handoff going back in
// line.
func (s *Service) Reassign(ctx context.Context, convID string, in handoff.ReassignInput) (handoff.State, error) {
	if err := s.CheckReassign(convID, in); err != nil {
		return handoff.State{}, err
	}
	st, err := s.AgentState(ctx, in.AgentID)
	if err != nil {
		return handoff.State{}, err
	}
	if st.Presence != handoff.PresenceOnline {
		return handoff.State{}, &Error{Kind: KindConflict, Message: fmt.Sprintf(
			"%s is %s: only a person who is online can be offered a handoff", in.AgentID, st.Presence)}
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

// CheckQueue validates a queue's group without touching Temporal: it must have a queue in the
// config.
func (s *Service) CheckQueue(group string) error {
	if group == "" {
		return &handoff.FieldError{Field: "group", Problem: "is required"}
	}
	if _, ok := s.cfg.QueueOf(group); !ok {
		var groups []string
		for _, q := range s.cfg.Queues {
			groups = append(groups, q.Group)
		}
		return &handoff.FieldError{Field: "group", Problem: fmt.Sprintf("%s has no queue (queues: %s)", handoff.Quote(group), strings.Join(groups, ", "))}
	}
	return nil
}

// QueueStats are a queue's real-time statistics: waiting, longest and average wait, the last
// hour's answers and service level, the people online and available, occupancy, and each
// person's state and load.
func (s *Service) QueueStats(ctx context.Context, group string) (handoff.QueueStats, error) {
	if err := s.CheckQueue(group); err != nil {
		return handoff.QueueStats{}, err
	}
	st, err := activities.NewQueueClient(s.cl, s.cfg).Stats(ctx, group, time.Now())
	return st, queueError(err, group)
}

// queueError maps a failure to read a queue like agentError does a person's.
func queueError(err error, group string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if c := classify(err, "read queue", group); errors.As(c, &e) {
		switch e.Kind {
		case KindTimeout:
			e.Message = fmt.Sprintf("reading queue %s did not finish in time: no worker answered (the workers are down, restarting or busy) or Temporal is slow", group)
		case KindInternal, KindConflict, KindNotFound:
			e.Kind, e.Message = KindInternal, fmt.Sprintf("reading queue %s failed: %v", group, err)
		}
		return e
	}
	return err
}

// QueuesStats are the statistics of every configured queue, in the config's order.
type QueuesStats struct {
	Queues []handoff.QueueStats `json:"queues"`
}

// Queues reads the statistics of every queue.
func (s *Service) Queues(ctx context.Context) (QueuesStats, error) {
	out := QueuesStats{Queues: []handoff.QueueStats{}}
	for _, q := range s.cfg.Queues {
		st, err := s.QueueStats(ctx, q.Group)
		if err != nil {
			return QueuesStats{}, err
		}
		out.Queues = append(out.Queues, st)
	}
	return out, nil
}
