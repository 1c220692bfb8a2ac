package workflows

import (
	"fmt"
	"slices"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// A monitoring window with rules (handoff.monitoring.rules, captured in the decision) acts on
// what it sees: after every customer message, sentiment, owner reply or repeat, and on a
// check timer while the owner has not answered, the rules are evaluated by a local activity
// (its answer recorded, so replay never re-runs a newer analyzer). A rule that holds acts
// once: it alerts a supervisor, extends the window, or moves the conversation on (re-escalate
// to a target, hand back to the previous agent). Moving on ends this run with a typed outcome
// and continues as a new run of the same workflow ID from the current owner: one conversation,
// one workflow ID, and the state query finds the new run with the chain that led to it.
// Without rules none of this runs, so such handoffs keep their command sequence and replay.

// maxWindowTexts bounds the customer messages kept for the rules (the latest win), each cut
// to handoff.MaxKeptEventText: they travel in the evaluation's input and the next run's.
const maxWindowTexts = 20

// monitorTrack is what the window saw that the state does not keep as such.
type monitorTrack struct {
	// changes counts the events that change the view; the rules run again when it moves.
	changes int
	texts   []handoff.Message
	fired   []string
	// next is the input of the handoff a rule asked for, once one did.
	next *handoff.Input
}

// observe takes an event of the monitoring window into the view.
func (h *handoffRun) observe(ctx workflow.Context, e handoff.Event) {
	if m := h.state.Monitoring; e.Type == handoff.EventAgentMessage && m.OwnerFirstResponseMs == nil {
		// Measured with or without rules, on workflow time rather than the sender's clock:
		// how long the customer really waited for the new owner.
		ms := workflow.Now(ctx).Sub(h.monitorStart).Milliseconds()
		m.OwnerFirstResponseMs = &ms
	}
	t := h.track
	if t == nil {
		return
	}
	switch e.Type {
	case handoff.EventCustomerMessage:
		t.texts = append(t.texts, handoff.Message{Role: "customer", Text: cut(e.Text, handoff.MaxKeptEventText), At: e.At})
		if len(t.texts) > maxWindowTexts {
			t.texts = t.texts[1:]
		}
	case handoff.EventAgentMessage, handoff.EventSentiment, handoff.EventCustomerRepeated:
	default:
		return
	}
	t.changes++
}

// view is what the rules see now.
func (h *handoffRun) view(ctx workflow.Context) handoff.MonitorView {
	m, t := h.state.Monitoring, h.track
	now := workflow.Now(ctx)
	v := handoff.MonitorView{
		SentimentCount: len(m.Sentiments), CustomerMessages: m.CustomerMessages,
		WindowSeconds: now.Sub(h.monitorStart).Seconds(), PreviousAgent: h.in.SourceAgent,
	}
	if n := len(m.Sentiments); n > 0 {
		last, peak, sum := m.Sentiments[n-1], m.Sentiments[0], 0.0
		for _, s := range m.Sentiments {
			sum += s
			peak = max(peak, s)
		}
		mean, drop := sum/float64(n), peak-last
		v.SentimentLast, v.SentimentMean, v.SentimentDrop = &last, &mean, &drop
	}
	if ms := m.OwnerFirstResponseMs; ms != nil {
		s := float64(*ms) / 1000
		v.OwnerFirstResponseSeconds = &s
	} else {
		v.OwnerSilent, v.OwnerSilentSeconds = true, v.WindowSeconds
	}
	if h.state.Context != nil {
		v.Repeats = h.state.Context.Repeats
	}
	for _, o := range h.state.Offers {
		if o.Agent == h.state.Owner && o.Result == handoff.OfferAccepted {
			v.OwnerPerson = handoff.AgentKind(o.Kind).IsPerson()
		}
	}
	for _, msg := range t.texts {
		v.Texts = append(v.Texts, msg.Text)
	}
	return v
}

// monitorRules runs the window with rules until it ends, the owner reports an outcome, or a
// rule moves the conversation on (t.next is then set). early is as monitorWindow's.
func (h *handoffRun) monitorRules(ctx workflow.Context, window time.Duration, spec *handoff.MonitorSpec) (bool, error) {
	t := h.track
	end := h.monitorStart.Add(window)
	check, _ := time.ParseDuration(spec.Check)
	// Nothing to look at until an event or a check: a quiet window costs no command more.
	seen, lastEval := 0, h.monitorStart
	tick := false
	for {
		if len(h.cx.resend) > 0 {
			h.resendMissing(ctx)
		}
		if t.changes != seen || tick {
			seen, lastEval = t.changes, workflow.Now(ctx)
			var err error
			if end, err = h.evaluate(ctx, spec, end, window); err != nil || t.next != nil {
				return false, err
			}
		}
		now := workflow.Now(ctx)
		left := end.Sub(now)
		if left <= 0 {
			return false, nil
		}
		wait := left
		if check > 0 && h.state.Monitoring.OwnerFirstResponseMs == nil {
			wait = min(left, max(lastEval.Add(check).Sub(now), time.Millisecond))
		}
		changed, err := awaitWithTimeout(ctx, wait, func() bool {
			return h.state.Monitoring.ReportedOutcome != "" || len(h.cx.resend) > 0 || t.changes != seen
		})
		if err != nil || h.state.Monitoring.ReportedOutcome != "" {
			return changed, err
		}
		if !changed && wait == left {
			return false, nil // the window ended: nothing new to look at
		}
		tick = !changed
	}
}

// evaluate asks the rules about the view and acts on each that holds; it returns the window's
// end, moved by an extend.
func (h *handoffRun) evaluate(ctx workflow.Context, spec *handoff.MonitorSpec, end time.Time, window time.Duration) (time.Time, error) {
	t := h.track
	var res activities.MonitorResult
	in := handoff.MonitorInput{Spec: *spec, View: h.view(ctx), Fired: t.fired}
	if err := workflow.ExecuteLocalActivity(localOptions(ctx, "Evaluate monitoring rules"), a.EvaluateMonitoring, in).Get(ctx, &res); err != nil {
		if temporal.IsCanceledError(err) {
			return end, err
		}
		h.logger.Warn("monitoring rules not evaluated", "error", err)
		return end, nil
	}
	for _, m := range res.Matches {
		t.fired = append(t.fired, m.Rule.Name)
		f := handoff.Finding{Rule: m.Rule.Name, Action: m.Rule.Action, Target: m.Rule.Target, Reason: m.Reason, Result: "done", At: workflow.Now(ctx)}
		switch m.Rule.Action {
		case handoff.ActionAlert:
			f.Result = h.alert(ctx, m.Rule.Target, f)
		case handoff.ActionExtend:
			d, err := time.ParseDuration(m.Rule.Extend)
			if err != nil || d <= 0 {
				d = window
			}
			end = end.Add(d)
			f.Result = "window extended by " + d.String()
		case handoff.ActionFollowUp:
			f.Result = "follow-up to be planned when the handoff closes"
		case handoff.ActionReescalate, handoff.ActionHandback:
			if m.Rule.Action == handoff.ActionHandback {
				f.Target = h.in.SourceAgent
			}
			blocked, err := h.moveOn(ctx, m.Rule, &f)
			if err != nil {
				return end, err
			}
			if !blocked {
				h.state.Monitoring.Findings = append(h.state.Monitoring.Findings, f)
				h.next(m.Rule, f)
				return end, nil
			}
		}
		h.state.Monitoring.Findings = append(h.state.Monitoring.Findings, f)
	}
	return end, nil
}

// alert tells the target what the rule saw: the rule, the action and its reason (numbers and
// cue names, never the customer's words). The result is the finding's.
func (h *handoffRun) alert(ctx workflow.Context, target string, f handoff.Finding) string {
	msg := fmt.Sprintf("Monitoring rule %s on conversation %s (owner %s): %s", f.Rule, h.in.ConversationID, h.state.Owner, f.Reason)
	d := h.delivery(handoff.DeliveryAlert, target, msg)
	var told []string
	err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Alert "+target), a.Alert, activities.AlertInput{Target: target, Delivery: d}).Get(ctx, &told)
	if err != nil {
		return "failed: " + rootMessage(err)
	}
	return fmt.Sprintf("alerted %v", told)
}

// moveOn applies the ping-pong guard to a re-escalation or handback: a conversation already
// handed off the configured number of times within the window stays with its owner, and the
// supervisors the selection named are alerted instead of it bouncing once more.
func (h *handoffRun) moveOn(ctx workflow.Context, rule handoff.MonitorRule, f *handoff.Finding) (bool, error) {
	s := h.state.Decision.Settings
	if s.PingPongMaxHandoffs <= 0 {
		return false, nil
	}
	earlier, err := h.handoffsWithin(ctx)
	if err != nil {
		if temporal.IsCanceledError(err) {
			return true, err
		}
		h.logger.Warn("earlier handoffs not read; moving on", "error", err)
		return false, nil
	}
	// This run moved the conversation once already: the next handoff would be one more.
	if earlier+1 < s.PingPongMaxHandoffs {
		return false, nil
	}
	f.Result = fmt.Sprintf("blocked: handed off %d times within %s (pingpong guard); %s keeps the conversation", earlier+1, s.PingPongWindow, h.state.Owner)
	for _, sup := range h.supervisors {
		f.Result += "; " + h.alert(ctx, sup, *f)
	}
	return true, nil
}

// next prepares the next run: from the current owner, to the rule's target (or back to the
// previous agent), with the customer's messages of the window added to the transcript and the
// findings and the chain carried; this run's outcome says what happened.
func (h *handoffRun) next(rule handoff.MonitorRule, f handoff.Finding) {
	outcome, script := handoff.OutcomeReescalated, rule.Script
	if rule.Action == handoff.ActionHandback {
		outcome = handoff.OutcomeHandedBack
		if script == "" {
			script = "Of course, let me bring back who you were talking to before. They will have everything we discussed."
		}
	} else if script == "" {
		script = "I'm bringing in a colleague who can help you better with this. They will have everything we discussed."
	}
	link := handoff.ChainLink{HandoffID: h.id, From: h.in.SourceAgent, To: h.state.Owner, Outcome: outcome,
		Reason: fmt.Sprintf("rule %s: %s; next: %s", rule.Name, f.Reason, f.Target), At: f.At}
	h.state.Chain = append(h.state.Chain, link)
	in := h.in
	in.SourceAgent = h.state.Owner
	in.Messages = append(slices.Clone(h.in.Messages), h.track.texts...)
	in.Reescalation = &handoff.Reescalation{Rule: rule.Name, Action: rule.Action, Target: f.Target, Script: script,
		Findings: slices.Clone(h.state.Monitoring.Findings), Chain: slices.Clone(h.state.Chain)}
	if in.Validate() != nil {
		// Too large with the window's messages: the findings and the chain still go.
		in.Messages = h.in.Messages
	}
	h.track.next = &in
}

// handoffsWithin counts the conversation's handoffs within the guard's window: the completed
// runs visibility knows of, and the runs of the chain that continued as new (visibility shows
// those as continued, without a result to read).
func (h *handoffRun) handoffsWithin(ctx workflow.Context) (int, error) {
	hist, err := h.earlierHandoffs(ctx)
	if err != nil {
		return 0, err
	}
	return hist.Handoffs + h.chainWithin(ctx), nil
}

// chainWithin counts the carried chain's links within the ping-pong window.
func (h *handoffRun) chainWithin(ctx workflow.Context) int {
	w, err := time.ParseDuration(h.state.Decision.Settings.PingPongWindow)
	if err != nil {
		w = time.Hour
	}
	n, since := 0, workflow.Now(ctx).Add(-w)
	for _, l := range h.state.Chain {
		if l.At.After(since) {
			n++
		}
	}
	return n
}
