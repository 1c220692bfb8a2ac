package activities

// PLACEHOLDER bodies: the signatures are the contract the Handoff workflow relies on.

import (
	"context"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// RankInput names the agents of one step of the plan (an agent, or a group's members).
type RankInput struct {
	Agents []string `json:"agents"`
	// Skills the rule asks for; agents with more of them, at higher levels, rank first.
	Skills []string `json:"skills,omitempty"`
	// Exclude lists agents not to offer this conversation to (declined it, handed it away).
	Exclude []string `json:"exclude,omitempty"`
}

// RankedAgent is one agent that can take the handoff now, with what ranked it.
type RankedAgent struct {
	Agent      string            `json:"agent"`
	Kind       handoff.AgentKind `json:"kind"`
	SkillScore int               `json:"skill_score"`
	Active     int               `json:"active"`
	IdleSince  time.Time         `json:"idle_since,omitzero"`
}

// Skipped is an agent that cannot take the handoff now, and why.
type Skipped struct {
	Agent  string `json:"agent"`
	Reason string `json:"reason"`
}

// Ranking orders a step's agents: skill match, then least active, then longest idle. Agents
// outside business hours, not online, at capacity, unhealthy or excluded are skipped.
type Ranking struct {
	Ranked  []RankedAgent `json:"ranked"`
	Skipped []Skipped     `json:"skipped"`
}

// RankCandidates checks and ranks the agents of one plan step.
func (a *Activities) RankCandidates(ctx context.Context, in RankInput) (Ranking, error) {
	var r Ranking
	for _, id := range in.Agents {
		av, err := a.CheckAvailability(ctx, AvailabilityInput{Agent: id})
		if err != nil {
			return Ranking{}, err
		}
		if av.Available {
			r.Ranked = append(r.Ranked, RankedAgent{Agent: id, Kind: av.Kind})
		} else {
			r.Skipped = append(r.Skipped, Skipped{Agent: id, Reason: av.Reason})
		}
	}
	return r, nil
}

// ReserveRequest asks agent Agent's entity workflow for capacity.
type ReserveRequest struct {
	Agent string               `json:"agent"`
	Input handoff.ReserveInput `json:"input"`
}

// ReserveResult says whether capacity was reserved; a refusal is an answer, not an error.
type ReserveResult struct {
	Reserved bool   `json:"reserved"`
	Reason   string `json:"reason,omitempty"`
}

// Reserve holds capacity on a person for an offer (Update-With-Start of their entity workflow).
func (a *Activities) Reserve(ctx context.Context, in ReserveRequest) (ReserveResult, error) {
	return ReserveResult{Reserved: true}, nil
}

// AgentRequest names an agent and the handoff an operation is about.
type AgentRequest struct {
	Agent     string `json:"agent"`
	HandoffID string `json:"handoff_id"`
	Reason    string `json:"reason,omitempty"`
}

// Assign turns an accepted offer's reservation into an assignment.
func (a *Activities) Assign(ctx context.Context, in AgentRequest) error { return nil }

// Release frees the handoff's reservation on an agent.
func (a *Activities) Release(ctx context.Context, in AgentRequest) error { return nil }

// PresenceRequest sets an agent's presence.
type PresenceRequest struct {
	Agent    string           `json:"agent"`
	Presence handoff.Presence `json:"presence"`
	Reason   string           `json:"reason,omitempty"`
}

// SetPresence sets an agent's presence (a timed-out agent is set away).
func (a *Activities) SetPresence(ctx context.Context, in PresenceRequest) error { return nil }

// HistoryInput asks about a conversation's earlier handoffs within a window.
type HistoryInput struct {
	ConversationID string `json:"conversation_id"`
	Window         string `json:"window"`
	// CurrentRunID is left out of the count.
	CurrentRunID string `json:"current_run_id"`
}

// ConversationHistory is what earlier handoffs of the conversation within the window did.
type ConversationHistory struct {
	// Handoffs counts completed transfers of the conversation within the window.
	Handoffs int `json:"handoffs"`
	// Declined lists agents who declined or timed out on an offer of this conversation.
	Declined []string `json:"declined,omitempty"`
	// HandedAway lists agents who handed this conversation away.
	HandedAway []string `json:"handed_away,omitempty"`
}

// ConversationHistory looks up the conversation's earlier handoffs (the ping-pong guard).
func (a *Activities) ConversationHistory(ctx context.Context, in HistoryInput) (ConversationHistory, error) {
	return ConversationHistory{}, nil
}
