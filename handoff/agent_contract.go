package handoff

import (
	"strings"
	"time"
)

// Each human agent (human or supervisor) has one long-running entity workflow holding their
// presence and live load, so capacity is never oversold even across workers and restarts.
const (
	AgentWorkflowName     = "Agent"
	AgentWorkflowIDPrefix = "agent-"

	// UpdateReserve holds one unit of capacity for an offer (ReserveInput). Its validator
	// refuses a reservation beyond capacity or while the agent is not online.
	UpdateReserve = "reserve"
	// UpdateAssign turns the reservation of an accepted offer into an assignment (AssignInput):
	// it keeps the capacity until the agent releases the conversation, with no lease.
	UpdateAssign = "assign"
	// UpdateRelease frees a reservation or assignment (ReleaseInput). Releasing what is not
	// held is a no-op, so every path of a handoff may release without checking first.
	UpdateRelease = "release"
	// UpdatePresence sets online, away or offline (PresenceInput).
	UpdatePresence = "set_presence"
	// QueryAgentState returns AgentState.
	QueryAgentState = "state"
)

// AgentWorkflowID is the entity workflow ID of an agent.
func AgentWorkflowID(agentID string) string { return AgentWorkflowIDPrefix + agentID }

// AgentIDFromWorkflowID reverses AgentWorkflowID.
func AgentIDFromWorkflowID(id string) (string, bool) {
	if !strings.HasPrefix(id, AgentWorkflowIDPrefix) {
		return "", false
	}
	return strings.TrimPrefix(id, AgentWorkflowIDPrefix), true
}

// Presence is a person's availability as they set it.
type Presence string

const (
	PresenceOnline  Presence = "online"
	PresenceAway    Presence = "away"
	PresenceOffline Presence = "offline"
)

// Valid reports whether p is a known presence.
func (p Presence) Valid() bool {
	return p == PresenceOnline || p == PresenceAway || p == PresenceOffline
}

// Reservation states.
const (
	ReservationOffered  = "offered"
	ReservationAssigned = "assigned"
)

// ReserveInput asks an agent's entity workflow for one unit of capacity.
type ReserveInput struct {
	HandoffID      string `json:"handoff_id"`
	ConversationID string `json:"conversation_id"`
	// Capacity is the agent's capacity from the roster, sent with each reservation so a config
	// change takes effect without touching the entity workflow.
	Capacity int `json:"capacity"`
	// Lease bounds how long an offered reservation lives if its handoff vanishes (terminated,
	// reset) without releasing it. A Go duration string.
	Lease string `json:"lease"`
	// Brief and OfferExpiresAt are shown in the agent's list of open offers.
	Brief          string    `json:"brief,omitempty"`
	Source         string    `json:"source,omitempty"`
	OfferExpiresAt time.Time `json:"offer_expires_at,omitzero"`
}

// AssignInput marks the reservation of an accepted offer as an assignment.
type AssignInput struct {
	HandoffID string `json:"handoff_id"`
}

// ReleaseInput frees what a handoff or conversation holds.
type ReleaseInput struct {
	// HandoffID or ConversationID names what to free (the agent's own release names the
	// conversation it finished).
	HandoffID      string `json:"handoff_id,omitempty"`
	ConversationID string `json:"conversation_id,omitempty"`
	Reason         string `json:"reason,omitempty"`
	// AssignedOnly is set on a person's own release: it frees conversations assigned to
	// them and refuses to touch an open offer, which is answered by accept or decline.
	// Otherwise a person could drop an offer's reservation and then accept it, holding the
	// conversation with no capacity counted.
	AssignedOnly bool `json:"assigned_only,omitempty"`
}

// PresenceInput sets a person's presence.
type PresenceInput struct {
	Presence Presence `json:"presence"`
	Reason   string   `json:"reason,omitempty"`
}

// Reservation is one unit of an agent's capacity in use.
type Reservation struct {
	HandoffID      string    `json:"handoff_id"`
	ConversationID string    `json:"conversation_id"`
	State          string    `json:"state"`
	Since          time.Time `json:"since"`
	// LeaseUntil is when an offered reservation expires on its own; zero for assignments.
	LeaseUntil     time.Time `json:"lease_until,omitzero"`
	Brief          string    `json:"brief,omitempty"`
	Source         string    `json:"source,omitempty"`
	OfferExpiresAt time.Time `json:"offer_expires_at,omitzero"`
}

// AgentState is what an agent's entity workflow holds, returned by its state query.
type AgentState struct {
	AgentID       string        `json:"agent_id"`
	Presence      Presence      `json:"presence"`
	PresenceSince time.Time     `json:"presence_since,omitzero"`
	Capacity      int           `json:"capacity"`
	Reservations  []Reservation `json:"reservations"`
	// IdleSince is when the agent last had nothing assigned; ranking prefers the longest idle.
	IdleSince time.Time `json:"idle_since,omitzero"`
	// MaxHeld is the most reservations the agent ever held at once (a capacity audit).
	MaxHeld int `json:"max_held"`
}

// Active counts the reservations held, offered or assigned.
func (s AgentState) Active() int { return len(s.Reservations) }
