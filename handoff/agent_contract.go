package handoff

import (
	"fmt"
	"regexp"
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

// Reservation states. A wrap-up is an assignment the person released, still holding their
// capacity for the after-conversation time.
const (
	ReservationOffered  = "offered"
	ReservationAssigned = "assigned"
	ReservationWrapUp   = "wrap_up"
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
	// Channel is the conversation's, and Weight what it takes of the person's capacity (0
	// counts as 1), resolved from the roster like Capacity.
	Channel string  `json:"channel,omitempty"`
	Weight  float64 `json:"weight,omitempty"`
	// Queues are the queues the person serves (the roster's), told of every change.
	Queues []string `json:"queues,omitempty"`
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
	// WrapUp holds the capacity of a released assignment this long (a Go duration) before it
	// frees: the person's after-conversation time. Disposition is the code they record.
	WrapUp      string `json:"wrap_up,omitempty"`
	Disposition string `json:"disposition,omitempty"`
	// Force is an operator's release: offers and wrap-ups go too, and nothing waits.
	Force  bool     `json:"force,omitempty"`
	Queues []string `json:"queues,omitempty"`
}

// PresenceInput sets a person's presence.
type PresenceInput struct {
	Presence Presence `json:"presence"`
	Reason   string   `json:"reason,omitempty"`
	// By names an operator who set it (a supervisor setting a person away).
	By     string   `json:"by,omitempty"`
	Queues []string `json:"queues,omitempty"`
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
	Channel        string    `json:"channel,omitempty"`
	Weight         float64   `json:"weight,omitempty"`
	// WrapUpUntil is when a wrap-up ends and its capacity frees; Disposition its code.
	WrapUpUntil time.Time `json:"wrap_up_until,omitzero"`
	Disposition string    `json:"disposition,omitempty"`
}

// Units is what the reservation takes of the person's capacity.
func (r Reservation) Units() float64 {
	if r.Weight > 0 {
		return r.Weight
	}
	return 1
}

// Disposition is one conversation a person finished, with the code they recorded.
type Disposition struct {
	ConversationID string    `json:"conversation_id"`
	Code           string    `json:"code"`
	At             time.Time `json:"at"`
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
	// MaxHeld is the most reservations the agent ever held at once, and MaxLoad the most
	// capacity (a capacity audit).
	MaxHeld int     `json:"max_held"`
	MaxLoad float64 `json:"max_load,omitempty"`
	// Queues are the queues told of every change; Version numbers the changes they are told.
	Queues  []string `json:"queues,omitempty"`
	Version int64    `json:"version,omitempty"`
	// Dispositions are the latest codes recorded at releases (at most 20).
	Dispositions []Disposition `json:"dispositions,omitempty"`
}

// Active counts the reservations held, offered, assigned or in wrap-up.
func (s AgentState) Active() int { return len(s.Reservations) }

// Load is the capacity in use: each reservation by its channel's weight.
func (s AgentState) Load() float64 {
	var load float64
	for _, r := range s.Reservations {
		load += r.Units()
	}
	return load
}

// Fits reports whether a conversation of the weight fits within the capacity, counted in
// thousandths so that weights such as 0.5 and 0.25 add up exactly.
func Fits(load, weight, capacity float64) bool {
	return units(load)+units(weight) <= units(capacity)
}

// Snapshot is what the person's queues are told.
func (s AgentState) Snapshot() AgentSnapshot {
	snap := AgentSnapshot{Agent: s.AgentID, Presence: s.Presence, Load: s.Load(), IdleSince: s.IdleSince, Version: s.Version}
	for _, r := range s.Reservations {
		snap.Held = append(snap.Held, r.HandoffID)
		if r.State == ReservationWrapUp {
			snap.WrapUps++
		}
	}
	return snap
}

// ValidateDisposition explains what is wrong with a disposition code, or returns nil: a code
// of lower-case letters, digits, '_', '.' or '-', never a sentence (the statistics count it).
func ValidateDisposition(code string) error {
	if code != "" && !dispositionPattern.MatchString(code) {
		return &FieldError{"disposition", fmt.Sprintf("%s must be a code of lower-case letters, digits, '_', '.' or '-' (at most 64), such as resolved", Quote(code))}
	}
	return nil
}

var dispositionPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)
