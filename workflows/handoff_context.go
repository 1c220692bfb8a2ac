package workflows

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// Context preservation is measured, not assumed: the package's completeness when sent, the
// receiver's context_ack scored against its template, required fields re-sent when the
// receiver missed them, and every customer_repeated event counted against the score.

// contextTracker holds what the workflow knows of the context the receiver got.
type contextTracker struct {
	templates  map[string]handoff.Template
	limits     handoff.Limits
	enrichment *handoff.Enrichment
	// packages delivered, by agent; the receiver's is the accepted agent's.
	packages map[string]handoff.Package
	receiver string
	// resend lists paths the receiver's ack missed, waiting for the main loop to re-send them.
	resend []string
	// resentSinceAck are the paths re-sent after the latest acknowledgement: they count as
	// arrived until a later ack says otherwise.
	resentSinceAck []string
}

// enrich asks the CRM for profile fields the bot did not send, when a CRM is configured. The
// activity never fails for a CRM outage: it says why there was no enrichment.
func (h *handoffRun) enrich(ctx workflow.Context, sel activities.Selection) {
	h.cx.templates, h.cx.limits = sel.Templates, sel.Limits
	if !sel.UseCRM {
		return
	}
	var e handoff.Enrichment
	err := workflow.ExecuteActivity(crmOptions(ctx), a.EnrichFromCRM, activities.NewEnrichInput(&h.in)).Get(ctx, &e)
	if err != nil {
		h.logger.Warn("CRM enrichment failed", "error", err)
		return
	}
	h.cx.enrichment = &e
}

// packageInput is what PackageContext needs for one agent, with the captured template.
func (h *handoffRun) packageInput(agent string) activities.PackageInput {
	in := activities.PackageInput{Input: h.in, Decision: *h.state.Decision, Target: agent, Enrichment: h.cx.enrichment, Limits: h.cx.limits}
	if t, ok := h.cx.templates[agent]; ok {
		in.Template = &t
	}
	return in
}

// delivered remembers the package an agent got; the accepted agent's becomes the receiver's.
func (h *handoffRun) delivered(agent string, pkg handoff.Package) {
	if h.cx.packages == nil {
		h.cx.packages = map[string]handoff.Package{}
	}
	h.cx.packages[agent] = pkg
}

// received marks the accepting agent as the receiver and starts its context status.
func (h *handoffRun) received(agent string) {
	pkg, ok := h.cx.packages[agent]
	if !ok {
		return
	}
	h.cx.receiver = agent
	st := &handoff.ContextStatus{Template: pkg.Template, Completeness: pkg.Completeness, NotSent: pkg.Missing}
	if e := h.cx.enrichment; e != nil {
		st.Enrichment = e.Reason
		if e.Enriched {
			st.Enrichment = "filled from the CRM: " + strings.Join(e.Paths(), ", ")
		}
	}
	if len(pkg.Missing) > 0 {
		st.Flag = "required context the source never sent: " + strings.Join(pkg.Missing, ", ")
	}
	h.state.Context = st
	h.score()
}

// validateAck refuses an acknowledgement from anyone but the agent that received the package.
func (h *handoffRun) validateAck(in handoff.ContextAckInput) error {
	switch {
	case in.AgentID == "":
		return fmt.Errorf("agent_id is required")
	case h.cx.receiver == "":
		return fmt.Errorf("no context package has been accepted for conversation %s yet (the handoff is %s)", h.in.ConversationID, h.state.Phase)
	case in.AgentID != h.cx.receiver:
		return fmt.Errorf("agent %s did not receive the context of conversation %s (%s did)", in.AgentID, h.in.ConversationID, h.cx.receiver)
	}
	return nil
}

// ack scores the receiver's acknowledgement; missing fields the package has are queued for a
// re-send, those the source never sent flag the handoff.
func (h *handoffRun) ack(in handoff.ContextAckInput) {
	pkg := h.cx.packages[h.cx.receiver]
	pr := handoff.AckPreservation(&pkg, in, h.state.Context.Repeats)
	h.state.Context.Ack = &pr
	// This acknowledgement supersedes what earlier re-sends were assumed to deliver; what it
	// still misses is re-sent again.
	h.cx.resentSinceAck = nil
	for _, path := range pr.Resendable {
		if !slices.Contains(h.cx.resend, path) {
			h.cx.resend = append(h.cx.resend, path)
		}
	}
	if len(pr.Unavailable) > 0 {
		h.state.Context.Flag = "the receiver lacks required context the source never sent: " + strings.Join(pr.Unavailable, ", ")
	}
	h.score()
}

// repeated counts a customer_repeated event against preservation.
func (h *handoffRun) repeated() {
	if h.state.Context == nil {
		return
	}
	h.state.Context.Repeats++
	h.score()
}

// score recomputes preservation: intact fields over required fields plus repeats. Before an
// acknowledgement the package's own completeness stands for what arrived.
func (h *handoffRun) score() {
	st := h.state.Context
	pkg := h.cx.packages[h.cx.receiver]
	required := len(pkg.Required)
	intact := int(st.Completeness*float64(required) + 0.5)
	if st.Ack != nil {
		intact = len(st.Ack.Intact) + len(intersect(h.cx.resentSinceAck, st.Ack.Missing))
	}
	st.Preservation = handoff.PreservationScore(intact, required, st.Repeats)
}

// resendMissing re-sends the required fields the receiver's acknowledgement missed.
func (h *handoffRun) resendMissing(ctx workflow.Context) {
	paths := h.cx.resend
	h.cx.resend = nil
	pkg := h.cx.packages[h.cx.receiver]
	r := handoff.Resend(&pkg, paths)
	d := h.delivery(handoff.DeliveryContextResend, h.cx.receiver, "Re-sending the context you said you are missing.")
	d.Package = &r
	err := workflow.ExecuteActivity(deliveryOptions(ctx, "Re-send context to "+h.cx.receiver), a.BriefAgent,
		activities.DeliveryInput{Agent: h.cx.receiver, Delivery: d}).Get(ctx, nil)
	if err != nil {
		if !temporal.IsCanceledError(err) {
			h.state.Context.Flag = "re-sending missing context failed: " + rootMessage(err)
		}
		return
	}
	for _, path := range paths {
		if !slices.Contains(h.state.Context.Resent, path) {
			h.state.Context.Resent = append(h.state.Context.Resent, path)
		}
	}
	h.cx.resentSinceAck = append(h.cx.resentSinceAck, paths...)
	h.score()
}

// completenessSA is the search attribute update carrying the current preservation score.
func (h *handoffRun) completenessSA() []temporal.SearchAttributeUpdate {
	if h.state.Context == nil {
		return nil
	}
	return []temporal.SearchAttributeUpdate{temporal.NewSearchAttributeKeyFloat64(handoff.SACompleteness).ValueSet(h.state.Context.Preservation)}
}

// reportPreservation emits the final preservation score as a metric, through the SDK's
// metrics handler when the worker is given one.
func (h *handoffRun) reportPreservation(ctx workflow.Context) {
	if st := h.state.Context; st != nil {
		workflow.GetMetricsHandler(ctx).WithTags(map[string]string{"template": st.Template}).
			Gauge("handoff_context_preservation").Update(st.Preservation)
	}
}

// monitorWindow waits out the monitoring window, re-sending missing context whenever a
// context_ack asks for it, until the window ends or the receiver reports an outcome.
func (h *handoffRun) monitorWindow(ctx workflow.Context, window time.Duration) (bool, error) {
	end := workflow.Now(ctx).Add(window)
	for {
		if len(h.cx.resend) > 0 {
			h.resendMissing(ctx)
		}
		left := end.Sub(workflow.Now(ctx))
		if left <= 0 {
			return false, nil
		}
		early, err := awaitWithTimeout(ctx, left, func() bool {
			return h.state.Monitoring.ReportedOutcome != "" || len(h.cx.resend) > 0
		})
		if err != nil || (early && h.state.Monitoring.ReportedOutcome != "") {
			return early, err
		}
		if !early {
			return false, nil
		}
	}
}

func intersect(a, b []string) []string {
	var out []string
	for _, v := range a {
		if slices.Contains(b, v) {
			out = append(out, v)
		}
	}
	return out
}
