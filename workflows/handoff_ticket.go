package workflows

import (
	"fmt"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// ticketDue reports whether the handoff ends in the asynchronous channel: its plan met a queue
// outside its business hours that has a ticket webhook, and nobody took the conversation.
func (h *handoffRun) ticketDue() bool {
	return h.closedQueue != nil && h.closedQueue.Ticket && len(h.closedAgents) > 0
}

// openTicket posts the conversation, with the context package a person of the queue would
// get, to the queue's ticket webhook: the team finds it there when they are back. The source
// keeps the customer and tells them so. It reports whether the ticket was taken; if not, a
// callback is planned as without a ticket webhook.
func (h *handoffRun) openTicket(ctx workflow.Context) bool {
	group := h.closedQueue.Group
	tk := &handoff.Ticket{Group: group, At: workflow.Now(ctx), OpensAt: h.closedOpens}
	h.state.Ticket = tk
	var pkg handoff.Package
	if err := workflow.ExecuteLocalActivity(localOptions(ctx, "Package context for the ticket"), a.PackageContext,
		h.packageInput(h.closedAgents[0])).Get(ctx, &pkg); err != nil {
		tk.Note = "the context could not be packaged: " + rootMessage(err)
		return false
	}
	d := h.delivery(handoff.DeliveryTicket, group, fmt.Sprintf("Conversation %s came in while queue %s was closed.", h.in.ConversationID, group))
	d.Package, d.Brief = &pkg, pkg.Brief
	err := workflow.ExecuteActivity(deliveryOptions(ctx, "Open a ticket in "+group), a.OpenTicket,
		activities.TicketInput{Group: group, Delivery: d}).Get(ctx, nil)
	if err != nil {
		tk.Note = "the ticket webhook failed: " + rootMessage(err)
		return false
	}
	tk.Accepted = true
	return true
}
