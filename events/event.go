// Package events publishes each handoff's state changes: the event model, webhook delivery
// signed with HMAC-SHA256 (the PublishEvents activity, retried by Temporal), the signature
// check receivers and the API use, and the API's server-sent-events hub.
//
// Events carry IDs, agent IDs, phases, offer results and outcomes only: never a customer's
// name, contact or words. A subscriber that needs the conversation reads the handoff's state
// through the API with its own token.
package events

import (
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// Type names a kind of state change. The names are part of the public contract.
type Type string

const (
	// TypePhase: the handoff entered a phase (Phase).
	TypePhase Type = "handoff.phase"
	// TypeOfferMade: the conversation was offered to Agent (a person's offer opened, or a
	// bot was briefed).
	TypeOfferMade Type = "handoff.offer_made"
	// TypeOfferAnswered: Agent's offer ended with Result (accepted, declined, timed_out,
	// failed, cancelled).
	TypeOfferAnswered Type = "handoff.offer_answered"
	// TypeOwnerChanged: Agent owns the conversation now.
	TypeOwnerChanged Type = "handoff.owner_changed"
	// TypeOutcome: the handoff ended with Outcome; the last event of a handoff.
	TypeOutcome Type = "handoff.outcome"
)

// Types lists every event type, for config validation and documentation.
var Types = []Type{TypePhase, TypeOfferMade, TypeOfferAnswered, TypeOwnerChanged, TypeOutcome}

// Event is one state change of one handoff.
type Event struct {
	// ID is "<handoff_id>#<seq>": the same event published again (a retry, a worker that
	// died mid-delivery) has the same ID, so receivers drop what they already have.
	ID   string `json:"id"`
	Type Type   `json:"type"`
	// Seq numbers a handoff's events from 1 in the order they happened.
	Seq            int           `json:"seq"`
	HandoffID      string        `json:"handoff_id"`
	ConversationID string        `json:"conversation_id"`
	Source         string        `json:"source"`
	Phase          handoff.Phase `json:"phase"`
	// Agent is the agent offered (offer events) or the new owner (owner_changed).
	Agent string `json:"agent,omitempty"`
	// Result is an answered offer's result.
	Result  string          `json:"result,omitempty"`
	Outcome handoff.Outcome `json:"outcome,omitempty"`
	At      time.Time       `json:"at"`
}

// ID is the event ID of a handoff's seq-th event.
func ID(handoffID string, seq int) string { return fmt.Sprintf("%s#%d", handoffID, seq) }

// Batch is what one delivery carries: events of one handoff, in order.
type Batch struct {
	HandoffID string  `json:"handoff_id"`
	Events    []Event `json:"events"`
}

// For reports whether a subscription's type filter lets the event through.
func (s Subscription) For(t Type) bool {
	if len(s.Types) == 0 {
		return true
	}
	for _, want := range s.Types {
		if want == t {
			return true
		}
	}
	return false
}

// Subscription is one receiver of events: a webhook, or the API's stream.
type Subscription struct {
	Name   string
	URL    string
	Secret []byte
	Types  []Type
}
