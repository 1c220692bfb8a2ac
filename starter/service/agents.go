package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/api/serviceerror"
)

// The operations a human agent runs on their own entity workflow (agent-<id>): presence, the
// offers awaiting their answer, and the release of a conversation they finished. Operators may
// read any agent's state. Changes are Update-With-Start, so they work before any offer.

// OpenOffer is one offer awaiting the agent's answer: the reservation (with the brief, when
// the handoff gave one) and what the handoff's decision says, to decide on.
type OpenOffer struct {
	handoff.Reservation
	Scenario string   `json:"scenario,omitempty"`
	Rule     string   `json:"rule,omitempty"`
	Urgent   bool     `json:"urgent,omitempty"`
	Reasons  []string `json:"reasons,omitempty"`
	// AcceptPath and DeclinePath are the API routes that answer the offer.
	AcceptPath  string `json:"accept_path"`
	DeclinePath string `json:"decline_path"`
}

// Offers is an agent's list of open offers.
type Offers struct {
	AgentID  string           `json:"agent_id"`
	Presence handoff.Presence `json:"presence"`
	Offers   []OpenOffer      `json:"offers"`
}

func (s *Service) agents() *activities.AgentClient { return activities.NewAgentClient(s.cl, s.cfg) }

// CheckPerson validates an agent ID for the agent operations without touching Temporal: it must
// name a human or supervisor of the roster.
func (s *Service) CheckPerson(agentID string) error {
	if agentID == "" {
		return &handoff.FieldError{Field: "agent_id", Problem: "is required"}
	}
	if _, err := s.agents().Person(agentID); err != nil {
		return &handoff.FieldError{Field: "agent_id", Problem: err.Error()}
	}
	return nil
}

// AgentState returns the agent's presence and load.
func (s *Service) AgentState(ctx context.Context, agentID string) (handoff.AgentState, error) {
	if err := s.CheckPerson(agentID); err != nil {
		return handoff.AgentState{}, err
	}
	st, err := s.agents().State(ctx, agentID)
	return st, agentError(err, "read the state of", agentID)
}

// SetPresence sets the agent online, away or offline and returns the state right after.
func (s *Service) SetPresence(ctx context.Context, agentID string, in handoff.PresenceInput) (handoff.AgentState, error) {
	if err := s.CheckPresence(agentID, in); err != nil {
		return handoff.AgentState{}, err
	}
	st, err := s.agents().Update(ctx, agentID, handoff.UpdatePresence, in)
	return st, agentError(err, "set the presence of", agentID)
}

// CheckPresence validates a presence change without touching Temporal.
func (s *Service) CheckPresence(agentID string, in handoff.PresenceInput) error {
	if err := s.CheckPerson(agentID); err != nil {
		return err
	}
	if !in.Presence.Valid() {
		return &handoff.FieldError{Field: "presence", Problem: fmt.Sprintf("%q is not one of online, away, offline", in.Presence)}
	}
	return nil
}

// Release frees what the agent holds of a conversation (the end of it, for the agent) and
// returns the state right after. Releasing what is not held changes nothing.
func (s *Service) Release(ctx context.Context, agentID string, in handoff.ReleaseInput) (handoff.AgentState, error) {
	if err := s.CheckRelease(agentID, in); err != nil {
		return handoff.AgentState{}, err
	}
	// A person's own release frees what is assigned to them, never an open offer, and holds
	// their capacity for their wrap-up time.
	in.AssignedOnly, in.WrapUp = true, s.cfg.WrapUp(agentID)
	st, err := s.agents().Update(ctx, agentID, handoff.UpdateRelease, in)
	return st, agentError(err, "release for", agentID)
}

// CheckRelease validates a release without touching Temporal: the agent's own release names
// the conversation it finished.
func (s *Service) CheckRelease(agentID string, in handoff.ReleaseInput) error {
	if err := s.CheckPerson(agentID); err != nil {
		return err
	}
	if err := handoff.ValidateDisposition(in.Disposition); err != nil {
		return err
	}
	if allowed := s.cfg.Handoff.Dispositions; in.Disposition != "" && len(allowed) > 0 && !slices.Contains(allowed, in.Disposition) {
		return &handoff.FieldError{Field: "disposition", Problem: fmt.Sprintf("%s is not one of %s", handoff.Quote(in.Disposition), strings.Join(allowed, ", "))}
	}
	return handoff.ValidateConversationID(in.ConversationID)
}

// Offers lists the agent's open offers, with the decision of each handoff. An offer whose
// handoff no longer waits on this agent (answered, timed out, withdrawn; the release is on its
// way) is left out, so every listed offer can still be accepted.
func (s *Service) Offers(ctx context.Context, agentID string) (Offers, error) {
	st, err := s.AgentState(ctx, agentID)
	if err != nil {
		return Offers{}, err
	}
	out := Offers{AgentID: agentID, Presence: st.Presence, Offers: []OpenOffer{}}
	for _, r := range st.Reservations {
		if r.State != handoff.ReservationOffered {
			continue
		}
		o := OpenOffer{
			Reservation: r,
			AcceptPath:  "/v1/handoffs/" + r.ConversationID + "/accept",
			DeclinePath: "/v1/handoffs/" + r.ConversationID + "/decline",
		}
		if strings.HasPrefix(r.HandoffID, handoff.ConsultationIDPrefix) {
			// A consultation's offer is answered with advice (or decline: true), not accepted.
			o.Scenario = "consultation"
			o.AcceptPath = "/v1/consultations/" + r.HandoffID + "/answers"
			o.DeclinePath = o.AcceptPath
			out.Offers = append(out.Offers, o)
			continue
		}
		hs, err := s.query(ctx, r.ConversationID, "")
		if err == nil {
			if !waitsOn(hs, agentID) {
				continue
			}
			if d := hs.Decision; d != nil {
				o.Scenario, o.Rule, o.Urgent = d.Scenario, d.Rule, d.Urgent
				for _, why := range d.Reasons {
					if why.Matched && why.Text != "" {
						o.Reasons = append(o.Reasons, why.Text)
					}
				}
			}
		}
		// A handoff that cannot be read now is still listed: the reservation says it is open.
		out.Offers = append(out.Offers, o)
	}
	return out, nil
}

// waitsOn reports whether the handoff has an open offer to the agent.
func waitsOn(st handoff.State, agentID string) bool {
	for _, o := range st.OpenOffers {
		if o.Agent == agentID && o.Result == handoff.OfferPending {
			return true
		}
	}
	return st.CurrentOffer != nil && st.CurrentOffer.Agent == agentID && st.CurrentOffer.Result == handoff.OfferPending
}

// agentError maps a failure of an agent operation like classify does for handoffs: a refusal
// by the entity workflow is a conflict with its reason, Temporal trouble is unavailable or a
// timeout.
func agentError(err error, what, agentID string) error {
	if err == nil {
		return nil
	}
	if why, ok := activities.Refusal(err); ok {
		return &Error{Kind: KindConflict, Message: why, Err: err}
	}
	var notPerson *activities.NotAPersonError
	if errors.As(err, &notPerson) {
		return &handoff.FieldError{Field: "agent_id", Problem: notPerson.Problem}
	}
	var notFound *serviceerror.NotFound
	if errors.As(err, &notFound) {
		return &Error{Kind: KindNotFound, Message: fmt.Sprintf("no state for agent %s", agentID), Err: err}
	}
	c := classify(err, what+" agent", agentID)
	var e *Error
	if errors.As(c, &e) {
		switch e.Kind {
		case KindTimeout:
			e.Message = fmt.Sprintf("%s agent %s did not finish in time: no worker answered (the workers are down, restarting or busy) or Temporal is slow", what, agentID)
		case KindInternal:
			e.Message = fmt.Sprintf("%s agent %s failed: %v", what, agentID, err)
		}
	}
	return c
}
