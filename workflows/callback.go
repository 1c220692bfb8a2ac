package workflows

import (
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// Callback is the durable follow-up of a handoff that found nobody: it sleeps until the next
// business-hours slot of the people who could have taken the conversation, then reminds them
// and the source agent. It runs on its own so the handoff closes and a later handoff of the
// same conversation can start meanwhile.
func Callback(ctx workflow.Context, in handoff.CallbackInput) error {
	workflow.SetCurrentDetails(ctx, fmt.Sprintf("Callback of conversation %s planned for %s with %v",
		in.ConversationID, in.At.UTC().Format(time.RFC3339), in.Agents))
	if wait := in.At.Sub(workflow.Now(ctx)); wait > 0 {
		if err := workflow.NewTimer(ctx, wait).Get(ctx, nil); err != nil {
			return err
		}
	}
	message := fmt.Sprintf("Callback due: conversation %s found nobody available earlier (handoff %s).", in.ConversationID, in.HandoffID)
	for _, agent := range append(append([]string(nil), in.Agents...), in.Source) {
		d := handoff.Delivery{
			Type: handoff.DeliveryCallback, HandoffID: in.HandoffID, ConversationID: in.ConversationID,
			From: in.Source, To: agent, Message: message, Brief: in.Brief,
		}
		err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Remind "+agent), a.RemindCallback,
			activities.DeliveryInput{Agent: agent, Delivery: d}).Get(ctx, nil)
		if err != nil {
			workflow.GetLogger(ctx).Warn("callback reminder failed", "agent", agent, "error", err)
		}
	}
	workflow.SetCurrentDetails(ctx, "Callback reminders sent")
	return nil
}
