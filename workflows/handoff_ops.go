package workflows

import (
	"fmt"
	"strings"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// setPhase moves to a phase: timings, and the current-details line operators see in the Web
// UI. Setting details costs no history event, so it happens on every phase.
func (h *handoffRun) setPhase(ctx workflow.Context, p handoff.Phase) {
	now := workflow.Now(ctx)
	if n := len(h.state.Timings); n > 0 && h.state.Timings[n-1].EndedAt.IsZero() {
		h.state.Timings[n-1].EndedAt = now
	}
	h.state.Phase = p
	if p != handoff.PhaseClosed {
		h.state.Timings = append(h.state.Timings, handoff.PhaseTiming{Phase: p, StartedAt: now})
		// The close is published as the outcome event.
		h.emit(ctx, events.TypePhase, "", "")
	}
	workflow.SetCurrentDetails(ctx, h.details())
}

// upsert sets search attributes. Each upsert is a history event and a billed action, so the
// workflow calls it at milestones only (target chosen, waiting on a person, monitoring,
// closed), not on every phase.
func (h *handoffRun) upsert(ctx workflow.Context, updates ...temporal.SearchAttributeUpdate) {
	if err := workflow.UpsertTypedSearchAttributes(ctx, updates...); err != nil {
		h.logger.Warn("search attribute upsert failed", "error", err)
	}
}

// identitySA are the attributes that find a handoff: source, target, scenario, and the phase.
func (h *handoffRun) identitySA(phase handoff.Phase) []temporal.SearchAttributeUpdate {
	target := h.state.Target
	if target == "" && h.state.Decision != nil {
		target = h.state.Decision.Target
	}
	scenario := ""
	if h.state.Decision != nil {
		scenario = h.state.Decision.Scenario
	}
	return []temporal.SearchAttributeUpdate{kw(handoff.SASource, h.in.SourceAgent), kw(handoff.SATarget, target),
		kw(handoff.SAScenario, scenario), kw(handoff.SAPhase, string(phase))}
}

// kw is a Keyword search attribute update.
func kw(name, value string) temporal.SearchAttributeUpdate {
	return temporal.NewSearchAttributeKeyKeyword(name).ValueSet(value)
}

// details is the Markdown current-details line of the Web UI: agent IDs, rules, phases, and
// the brief of the package on offer, which masks the customer's name, phone and email (details
// are stored encrypted like every payload).
func (h *handoffRun) details() string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s", h.state.Phase, h.in.SourceAgent)
	if h.state.Target != "" {
		fmt.Fprintf(&b, " → %s", h.state.Target)
	}
	if d := h.state.Decision; d != nil {
		if d.Scenario != "" {
			fmt.Fprintf(&b, " · scenario %s", d.Scenario)
		}
		if d.Rule != "" {
			fmt.Fprintf(&b, " · rule %s", d.Rule)
		}
	}
	if open := h.snapshot().OpenOffers; len(open) > 0 {
		b.WriteString("\n\nOffer open to ")
		for i, o := range open {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "**%s**", o.Agent)
		}
	}
	// The brief of the package on offer (or accepted): what the agent reads in five seconds.
	brief := h.cx.packages[h.cx.receiver].Brief
	if open := h.snapshot().OpenOffers; len(open) > 0 {
		brief = h.cx.packages[open[0].Agent].Brief
	}
	if brief != "" {
		fmt.Fprintf(&b, "\n\n%s", brief)
	}
	if n := len(h.state.Offers); n > 0 {
		b.WriteString("\n\nTried: ")
		for i, o := range h.state.Offers {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s (%s)", o.Agent, o.Result)
		}
	}
	if c := h.state.Context; c != nil {
		fmt.Fprintf(&b, "\n\nContext: template %s, completeness %.2f, preservation %.2f", c.Template, c.Completeness, c.Preservation)
		if c.Flag != "" {
			fmt.Fprintf(&b, " · **%s**", c.Flag)
		}
	}
	if h.state.Outcome != "" {
		fmt.Fprintf(&b, "\n\nOutcome: **%s** (%s). Owner: %s", h.state.Outcome, h.state.OutcomeReason, h.state.Owner)
	}
	return b.String()
}

func (h *handoffRun) delivery(t handoff.DeliveryType, to, message string) handoff.Delivery {
	return handoff.Delivery{
		Type:           t,
		HandoffID:      h.id,
		ConversationID: h.in.ConversationID,
		From:           h.in.SourceAgent,
		To:             to,
		Message:        message,
	}
}

// customerMessage is what the source says before the handoff; the protocol's own, or a default.
func (h *handoffRun) customerMessage() string {
	if d := h.state.Decision; d != nil {
		if d.Protocol.CustomerMessage != "" {
			return d.Protocol.CustomerMessage
		}
		if d.Message != "" {
			return d.Message
		}
	}
	return "Let me connect you with a specialist who can help with this. They will have everything we discussed."
}

// withdraw tells a target it will not get the conversation. Best effort: the outcome does not
// depend on it.
func (h *handoffRun) withdraw(ctx workflow.Context, agent, why string) {
	if temporal.IsCanceledError(ctx.Err()) {
		ctx, _ = workflow.NewDisconnectedContext(ctx)
	}
	err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Withdraw offer from "+agent), a.WithdrawOffer,
		activities.DeliveryInput{Agent: agent, Delivery: h.delivery(handoff.DeliveryStandDown, agent, why)}).Get(ctx, nil)
	if err != nil {
		h.logger.Warn("withdraw failed", "agent", agent, "error", err)
	}
}

// fallbackScript is what the source says when it keeps the customer.
const fallbackScript = "Thanks for your patience. I'm staying with you and will make sure the right person follows up."

// notifyFallback tells the source it keeps the customer, with what to say.
func (h *handoffRun) notifyFallback(ctx workflow.Context, outcome handoff.Outcome) {
	script := fallbackScript
	if tk := h.state.Ticket; tk != nil && tk.Accepted {
		script = "Our team is away right now, so I've passed this on to them with everything we discussed; they'll get back to you as soon as they're back."
		if !tk.OpensAt.IsZero() {
			script = fmt.Sprintf("Our team is away right now, so I've passed this on to them with everything we discussed; they're back %s and will get back to you then.",
				tk.OpensAt.UTC().Format("Mon 2 Jan 15:04 MST"))
		}
	}
	if cb := h.state.Callback; cb != nil {
		script = fmt.Sprintf("Everyone who can help with this is busy right now. I'm staying with you, and a specialist will call you back at %s.",
			cb.At.UTC().Format("Mon 2 Jan 15:04 MST"))
	}
	err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Tell "+h.in.SourceAgent+" it keeps the customer"), a.NotifyFallback,
		activities.DeliveryInput{Agent: h.in.SourceAgent, Delivery: h.delivery(handoff.DeliveryFallback, h.in.SourceAgent, script)}).Get(ctx, nil)
	if err != nil {
		h.logger.Warn("fallback notification failed", "outcome", string(outcome), "error", err)
	}
}

// record sends the outcome record to the handoff log and the outcome URL. A failure is logged:
// the outcome is in the workflow's result either way.
func (h *handoffRun) record(ctx workflow.Context) {
	s := &h.state
	rec := activities.OutcomeRecord{
		HandoffID:      h.id,
		ConversationID: s.ConversationID,
		Source:         s.SourceAgent,
		Target:         s.Target,
		Outcome:        s.Outcome,
		Reason:         s.OutcomeReason,
		TotalMs:        workflow.Now(ctx).Sub(s.StartedAt).Milliseconds(),
	}
	if d := s.Decision; d != nil {
		rec.Scenario, rec.Rule, rec.RulesVersion = d.Scenario, d.Rule, d.RulesVersion
	}
	for _, o := range s.Offers {
		if o.Result != handoff.OfferUnavailable {
			rec.OffersMade++
		}
	}
	if !s.BriefedAt.IsZero() {
		rec.StartToBriefedMs = s.BriefedAt.Sub(s.StartedAt).Milliseconds()
	}
	if !s.AcceptedAt.IsZero() {
		rec.StartToAcceptedMs = s.AcceptedAt.Sub(s.StartedAt).Milliseconds()
	}
	if c := s.Context; c != nil {
		rec.Template, rec.Completeness, rec.Preservation, rec.ContextFlag = c.Template, &c.Completeness, &c.Preservation, c.Flag
	}
	if c := s.CSAT; c != nil && c.Answer != nil {
		// The score only: the customer's comment never leaves the handoff's state.
		score := c.Answer.Score
		rec.CSAT = &score
	}
	if m := s.Monitoring; m != nil {
		rec.CustomerMessages, rec.ReportedOutcome = m.CustomerMessages, m.ReportedOutcome
		if n := len(m.Sentiments); n > 0 {
			var sum float64
			for _, v := range m.Sentiments {
				sum += v
			}
			avg := sum / float64(n)
			rec.AverageSentiment = &avg
			if avg < -0.3 {
				rec.FollowUpSuggested, rec.FollowUpReasonText = true, "negative sentiment after the handoff"
			}
		}
	}
	switch s.Outcome {
	case handoff.OutcomeNoCapacity, handoff.OutcomeTimedOut, handoff.OutcomeDeclined, handoff.OutcomeFailed:
		rec.FollowUpSuggested, rec.FollowUpReasonText = true, "the customer stayed with the source agent: "+string(s.Outcome)
	}
	h.logFields(ctx, &rec)
	local := h.fast() && (!h.anyPerson() || h.state.Decision.Settings.FastPersonSteps)
	err := h.io(ctx, recordOptions(ctx), local, "Record outcome", a.RecordOutcome, rec).Get(ctx, nil)
	if err != nil && local && h.state.Decision.Settings.FastPersonSteps {
		// A local attempt gives up within seconds; the record is not lost for that: the
		// regular activity retries for minutes, as on the regular path.
		err = workflow.ExecuteActivity(recordOptions(ctx), a.RecordOutcome, rec).Get(ctx, nil)
	}
	if err != nil {
		h.logger.Error("outcome recording failed", "error", err)
	}
}

// anyPerson reports whether a person was offered the conversation.
func (h *handoffRun) anyPerson() bool {
	for _, o := range h.state.Offers {
		if handoff.AgentKind(o.Kind).IsPerson() {
			return true
		}
	}
	return false
}
