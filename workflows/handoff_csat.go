package workflows

import (
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// askCSAT puts the satisfaction question to the customer through the owner at the end of the
// window, then waits for the answer (a csat event) up to the captured wait. An answer that
// came earlier in the window stands and nothing is asked. Runs only when the decision
// captured handoff.csat, so handoffs without it keep their command sequence.
func (h *handoffRun) askCSAT(ctx workflow.Context) {
	d := h.state.Decision
	if d == nil || d.Settings.CSAT == nil {
		return
	}
	if h.state.CSAT == nil {
		h.state.CSAT = &handoff.CSATStatus{}
	}
	st := h.state.CSAT
	if st.Answer != nil {
		return
	}
	if h.state.Monitoring.ReportedOutcome == string(handoff.EventCustomerLeft) {
		st.Note = "not asked: the customer left"
		return
	}
	wait, err := time.ParseDuration(d.Settings.CSAT.Wait)
	if err != nil || wait <= 0 {
		wait = 2 * time.Minute
	}
	owner := h.state.Owner
	err = workflow.ExecuteActivity(bestEffortOptions(ctx, "Ask "+owner+" for the customer's verdict"), a.AskCSAT,
		activities.DeliveryInput{Agent: owner, Delivery: h.delivery(handoff.DeliveryCSATQuestion, owner, d.Settings.CSAT.Question)}).Get(ctx, nil)
	if err != nil {
		st.Note = "asking failed: " + rootMessage(err)
		return
	}
	st.AskedAt = workflow.Now(ctx)
	answered, err := awaitWithTimeout(ctx, wait, func() bool { return st.Answer != nil })
	if err == nil && !answered {
		st.Note = fmt.Sprintf("no answer within %s: a later answer goes through POST /v1/conversations/{id}/outcomes", wait)
	}
}

// csat takes the customer's answer once the conversation was transferred (before, there is
// no one's service to judge). A later answer replaces an earlier one: the customer changed
// their mind, or the owner corrected a relay.
func (h *handoffRun) csat(ctx workflow.Context, e handoff.Event) {
	if h.state.Monitoring == nil {
		h.logger.Warn("ignored csat before the transfer")
		return
	}
	if h.state.CSAT == nil {
		h.state.CSAT = &handoff.CSATStatus{}
	}
	h.state.CSAT.Answer = &handoff.CSAT{Score: e.CSAT, Comment: cut(e.Text, handoff.MaxKeptEventText), From: e.From, At: workflow.Now(ctx)}
	h.state.CSAT.Note = ""
}
