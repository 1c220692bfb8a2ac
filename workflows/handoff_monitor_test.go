package workflows

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/workflow"
)

// The monitoring rules the tests run with: the shapes handoff.monitoring.rules documents.
var testMonitorRules = []handoff.MonitorRule{
	{Name: "angry", When: "sentiment_last < -0.5 || sentiment_drop > 0.8", Action: handoff.ActionReescalate, Target: "human_agent",
		Script: "I'm bringing in Maria from our team, who can sort this out with you."},
	{Name: "silent_owner", When: "owner_silent && owner_silent_seconds >= 60", Action: handoff.ActionReescalate, Target: "human_agent"},
	{Name: "wants_previous", When: "asked_for_previous", Action: handoff.ActionHandback},
	{Name: "repeating", When: "repeats >= 2", Action: handoff.ActionAlert, Target: "sam"},
}

// monitoredDecision is a bot handoff whose window runs the given rules.
func monitoredDecision(target string, rules ...handoff.MonitorRule) handoff.Decision {
	d := testDecision(target)
	d.Settings.Monitoring = &handoff.MonitorSpec{Rules: rules, Check: "15s", Version: "v-test"}
	return d
}

// withMonitoring evaluates the rules with the real activity and the shipped analyzer (for the
// customer's cues), and records alerts as deliveries.
func withMonitoring(t *testing.T, h *harness) *harness {
	t.Helper()
	cfg, err := config.LoadFile("../"+config.DefaultFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	real := activities.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	h.env.OnActivity(a.EvaluateMonitoring, mock.Anything, mock.Anything).Return(real.EvaluateMonitoring)
	h.env.OnActivity(a.Alert, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.AlertInput) ([]string, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.deliveries = append(h.deliveries, activities.DeliveryInput{Agent: in.Target, Delivery: in.Delivery})
			return []string{in.Target}, nil
		})
	return h
}

// event signals a conversation event at a workflow time.
func (h *harness) event(at time.Duration, e handoff.Event) {
	h.at(at, func() { h.env.SignalWorkflow(handoff.SignalEvent, e) })
}

// movedOn runs a handoff that monitoring moves on: it ends by continuing as new. It returns
// the next run's input, this run's final state and its record.
func (h *harness) movedOn(in handoff.Input) (handoff.Input, handoff.State) {
	h.t.Helper()
	h.env.ExecuteWorkflow(Handoff, in)
	var can *workflow.ContinueAsNewError
	if err := h.env.GetWorkflowError(); !errors.As(err, &can) {
		h.t.Fatalf("workflow error %v, want it to continue as new", err)
	}
	var next handoff.Input
	if err := converter.GetDefaultDataConverter().FromPayloads(can.Input, &next); err != nil {
		h.t.Fatal(err)
	}
	return next, h.state()
}

func TestSentimentDropReescalatesToAPersonWithScriptAndFindings(t *testing.T) {
	h := withMonitoring(t, newHarness(t, monitoredDecision("jorge_buyer_bot", testMonitorRules...), bot("jorge_buyer_bot")))
	h.event(10*time.Second, handoff.Event{Type: handoff.EventAgentMessage})
	h.event(20*time.Second, handoff.Event{Type: handoff.EventSentiment, Sentiment: 0.4})
	h.event(30*time.Second, handoff.Event{Type: handoff.EventCustomerMessage, Text: "This is useless, Dana Reyes has been waiting for a week"})
	h.event(40*time.Second, handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.7})
	next, st := h.movedOn(testInput())

	expect(t, "outcome", st.Outcome, handoff.OutcomeReescalated)
	expect(t, "owner when it moved on", st.Owner, "jorge_buyer_bot")
	if f := st.Monitoring.Findings; len(f) != 1 || f[0].Rule != "angry" || !strings.Contains(f[0].Reason, "sentiment_last -0.7") {
		t.Fatalf("findings %+v", f)
	}
	if ms := st.Monitoring.OwnerFirstResponseMs; ms == nil || *ms > 15000 {
		t.Errorf("owner first response %v, want about 10 s", ms)
	}
	expect(t, "record re-escalations", h.record.ReEscalations, 1)
	expect(t, "record outcome", h.record.Outcome, handoff.OutcomeReescalated)
	expect(t, "record reason code", h.record.ReasonCode, "monitoring_reescalated")
	if len(st.Chain) != 1 || st.Chain[0].From != "jorge_seller_bot" || st.Chain[0].To != "jorge_buyer_bot" {
		t.Fatalf("chain %+v", st.Chain)
	}

	// The next run goes from the buyer bot to a person, says the rule's script and carries
	// the findings, the chain and the customer's words of the window.
	expect(t, "next source", next.SourceAgent, "jorge_buyer_bot")
	r := next.Reescalation
	if r == nil || r.Target != "human_agent" || r.Rule != "angry" || len(r.Findings) != 1 || len(r.Chain) != 1 {
		t.Fatalf("reescalation %+v", r)
	}
	expect(t, "transcript carried", next.Messages[len(next.Messages)-1].Text, "This is useless, Dana Reyes has been waiting for a week")

	h2 := withMonitoring(t, newHarness(t, activities.ReescalatedDecision(monitoredDecision("x", testMonitorRules...), r), human("maria")))
	h2.at(5*time.Second, func() { h2.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h2.event(20*time.Second, handoff.Event{Type: handoff.EventAgentMessage})
	res := h2.run(next)
	expect(t, "second outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "second owner", res.Owner, "maria")
	expect(t, "chain shown", len(res.Chain), 1)
	for _, d := range h2.deliveries {
		switch d.Delivery.Type {
		case handoff.DeliveryPrepareCustomer:
			expect(t, "customer told by", d.Agent, "jorge_buyer_bot")
			expect(t, "script", d.Delivery.Message, r.Script)
		case handoff.DeliveryOffer:
			if d.Delivery.Package == nil || !strings.Contains(packageReasons(d.Delivery.Package), "sentiment_last -0.7") {
				t.Errorf("offer to %s lacks the findings", d.Agent)
			}
		}
	}
}

func packageReasons(p *handoff.Package) string {
	var b strings.Builder
	for _, r := range p.Decision.Reasons {
		b.WriteString(r.Rule + " " + r.Text + "\n")
	}
	return b.String()
}

func TestSilentNewOwnerIsReescalated(t *testing.T) {
	h := withMonitoring(t, newHarness(t, monitoredDecision("jorge_buyer_bot", testMonitorRules...), bot("jorge_buyer_bot")))
	next, st := h.movedOn(testInput())
	expect(t, "outcome", st.Outcome, handoff.OutcomeReescalated)
	f := st.Monitoring.Findings
	if len(f) != 1 || f[0].Rule != "silent_owner" || st.Monitoring.OwnerFirstResponseMs != nil {
		t.Fatalf("findings %+v", f)
	}
	// Seen at the first check past 60 s, not at the end of the window.
	if got := f[0].At.Sub(st.StartedAt); got < time.Minute || got > 90*time.Second {
		t.Errorf("silence seen after %s, want within a check of 60 s", got)
	}
	expect(t, "next target", next.Reescalation.Target, "human_agent")
	if !strings.Contains(next.Reescalation.Script, "colleague") {
		t.Errorf("default script %q", next.Reescalation.Script)
	}
}

func TestCustomerAskingForThePreviousAgentIsHandedBack(t *testing.T) {
	h := withMonitoring(t, newHarness(t, monitoredDecision("jorge_buyer_bot", testMonitorRules...), bot("jorge_buyer_bot")))
	h.event(5*time.Second, handoff.Event{Type: handoff.EventAgentMessage})
	h.event(30*time.Second, handoff.Event{Type: handoff.EventCustomerMessage, Text: "Can you put me back with the previous agent?"})
	next, st := h.movedOn(testInput())
	expect(t, "outcome", st.Outcome, handoff.OutcomeHandedBack)
	expect(t, "next source", next.SourceAgent, "jorge_buyer_bot")
	expect(t, "back to", next.Reescalation.Target, "jorge_seller_bot")
	expect(t, "action", next.Reescalation.Action, handoff.ActionHandback)
	// The handback's decision goes to the previous agent.
	d := activities.ReescalatedDecision(testDecision("x"), next.Reescalation)
	expect(t, "decided target", d.Target, "jorge_seller_bot")
	expect(t, "decided rule", d.Rule, "monitoring:wants_previous")
}

func TestAlertOnlyRuleTellsTheSupervisorAndChangesNothingElse(t *testing.T) {
	h := withMonitoring(t, newHarness(t, monitoredDecision("jorge_buyer_bot", testMonitorRules...), bot("jorge_buyer_bot")))
	h.event(5*time.Second, handoff.Event{Type: handoff.EventAgentMessage})
	h.event(30*time.Second, handoff.Event{Type: handoff.EventCustomerRepeated})
	h.event(40*time.Second, handoff.Event{Type: handoff.EventCustomerRepeated})
	h.event(50*time.Second, handoff.Event{Type: handoff.EventCustomerRepeated})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "jorge_buyer_bot")
	expect(t, "alerted", strings.Join(h.delivered(handoff.DeliveryAlert), ","), "sam")
	f := res.Monitoring.Findings
	if len(f) != 1 || f[0].Action != handoff.ActionAlert || f[0].Result != "alerted [sam]" {
		t.Fatalf("findings %+v (an alert fires once)", f)
	}
	expect(t, "re-escalations", h.record.ReEscalations, 0)
}

func TestPingPongGuardBlocksAReescalation(t *testing.T) {
	d := monitoredDecision("jorge_buyer_bot", testMonitorRules...)
	d.Settings.PingPongMaxHandoffs, d.Settings.PingPongWindow = 3, "1h"
	h := withMonitoring(t, newHarness(t, d, bot("jorge_buyer_bot")))
	h.supervisors = []activities.Step{{Agents: []string{"sam"}, Via: "ping-pong guard"}}
	// One completed handoff earlier, and one carried in the chain: this would be the fourth.
	h.history = activities.ConversationHistory{Handoffs: 1}
	in := testInput()
	in.Reescalation = &handoff.Reescalation{Rule: "angry", Action: handoff.ActionReescalate, Target: "jorge_buyer_bot",
		Chain: []handoff.ChainLink{{HandoffID: "handoff-conv-1/run-0", From: "maria", To: "jorge_seller_bot", Outcome: handoff.OutcomeReescalated, At: time.Now()}}}
	h.event(5*time.Second, handoff.Event{Type: handoff.EventAgentMessage})
	h.event(20*time.Second, handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.9})
	res := h.run(in)
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner keeps it", res.Owner, "jorge_buyer_bot")
	f := res.Monitoring.Findings
	if len(f) != 1 || !strings.HasPrefix(f[0].Result, "blocked: handed off 3 times within 1h") || !strings.Contains(f[0].Result, "alerted [sam]") {
		t.Fatalf("findings %+v", f)
	}
	expect(t, "supervisor alerted", strings.Join(h.delivered(handoff.DeliveryAlert), ","), "sam")
	expect(t, "logged as a ping-pong stop", h.record.PingPongStopped, true)
}

func TestWindowWithoutRulesDoesNotEvaluate(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	h.event(10*time.Second, handoff.Event{Type: handoff.EventAgentMessage})
	h.event(20*time.Second, handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.9})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	if ms := res.Monitoring.OwnerFirstResponseMs; ms == nil {
		t.Error("the owner's first response is measured without rules too")
	}
	expect(t, "findings", len(res.Monitoring.Findings), 0)
}

func TestAngryCustomerOfAPersonAlertsTheSupervisor(t *testing.T) {
	rules := []handoff.MonitorRule{
		{Name: "angry_with_bot", When: "sentiment_last < -0.5 && !owner_person", Action: handoff.ActionReescalate, Target: "human_agent"},
		{Name: "angry_with_person", When: "sentiment_last < -0.5 && owner_person", Action: handoff.ActionAlert, Target: "sam"},
	}
	h := withMonitoring(t, newHarness(t, monitoredDecision("human_agent", rules...), human("maria")))
	h.at(5*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.event(time.Minute, handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.8})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "maria")
	if f := res.Monitoring.Findings; len(f) != 1 || f[0].Rule != "angry_with_person" {
		t.Fatalf("findings %+v", f)
	}
}
