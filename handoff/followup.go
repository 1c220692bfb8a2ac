package handoff

import "time"

// A follow-up is a check-in with the customer some hours or days after a handoff, delivered
// to the owner (or the source) when the outcome or a monitoring rule calls for it. It runs as
// a workflow of its own, so it outlives the handoff, shows in the Web UI as
// `WorkflowType = 'FollowUp'`, and can be cancelled: by a later handoff of the conversation
// (the customer is being served again) or by a cancel Signal.

// FollowUpWorkflowName is the follow-up's workflow type.
const FollowUpWorkflowName = "FollowUp"

// SignalCancelFollowUp cancels a pending follow-up (FollowUpCancel).
const SignalCancelFollowUp = "cancel"

// QueryFollowUp returns a follow-up's FollowUpState.
const QueryFollowUp = "state"

// FollowUpWorkflowID names a conversation's follow-up: at most one is pending per
// conversation, so a second handoff calling for one finds the first.
func FollowUpWorkflowID(conversationID string) string { return "followup-" + conversationID }

// FollowUpSpec is handoff.followup as captured into a decision.
type FollowUpSpec struct {
	// Delay is how long after the handoff closes the check-in is delivered.
	Delay string `json:"delay"`
	// To is who checks in: "owner" (the agent that has the conversation) or "source".
	To string `json:"to"`
}

// DeliveryFollowUp asks an agent to check in with the customer.
const DeliveryFollowUp DeliveryType = "follow_up"

// ActionFollowUp is a monitoring rule's action that plans a follow-up at the window's end.
const ActionFollowUp MonitorAction = "followup"

// FollowUpInput starts a FollowUp workflow.
type FollowUpInput struct {
	ConversationID string    `json:"conversation_id"`
	HandoffID      string    `json:"handoff_id"`
	Agent          string    `json:"agent"`
	Reason         string    `json:"reason"`
	At             time.Time `json:"at"`
}

// FollowUpCancel is the argument of the cancel Signal.
type FollowUpCancel struct {
	Reason string `json:"reason"`
	By     string `json:"by,omitempty"`
}

// Follow-up statuses.
const (
	FollowUpScheduled = "scheduled"
	FollowUpDelivered = "delivered"
	FollowUpCancelled = "cancelled"
	FollowUpFailed    = "failed"
)

// FollowUpState is the follow-up's query answer and result.
type FollowUpState struct {
	FollowUpInput
	Status  string    `json:"status"`
	Note    string    `json:"note,omitempty"`
	EndedAt time.Time `json:"ended_at,omitzero"`
}

// FollowUp is the follow-up a handoff planned, in its state.
type FollowUp struct {
	WorkflowID string    `json:"workflow_id"`
	Agent      string    `json:"agent"`
	At         time.Time `json:"at"`
	Reason     string    `json:"reason"`
}
