package handoff

import (
	"fmt"
	"time"
)

// The workflows a handoff leaves behind, which outlive it: TellSource, Callback, and FollowUp
// (followup.go).

// TellSourceWorkflowName keeps telling a source that could not be reached during its
// handoff that it let go of the conversation, until it answers (for up to a day), so a bot
// that comes back does not go on answering a customer someone else now serves. It outlives
// the handoff that starts it. Its input is the delivery (an activities.DeliveryInput).
const TellSourceWorkflowName = "TellSource"

// TellSourceWorkflowID names the TellSource workflow of one handoff run.
func TellSourceWorkflowID(conversationID, runID string) string {
	return "tell-source-" + conversationID + "-" + runID
}

// CallbackWorkflowName is the durable follow-up a handoff that ended no_capacity leaves behind.
const CallbackWorkflowName = "Callback"

// CallbackWorkflowID names the callback planned for a conversation at a time.
func CallbackWorkflowID(conversationID string, at time.Time) string {
	return fmt.Sprintf("callback-%s-%d", conversationID, at.Unix())
}

// CallbackInput starts a Callback workflow.
type CallbackInput struct {
	ConversationID string    `json:"conversation_id"`
	HandoffID      string    `json:"handoff_id"`
	Source         string    `json:"source"`
	Agents         []string  `json:"agents"`
	At             time.Time `json:"at"`
	Brief          string    `json:"brief,omitempty"`
}
