package workflows_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

// A qualified lead goes to the buyer bot; while its window runs the customer turns
// angry. The monitoring rule re-escalates from the buyer bot to a person, the run continues
// as new under the same workflow ID, and the state query shows the chain and the reasons.
func TestAngryCustomerDuringMonitoringEndsUpWithAPerson(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{
		"offer_timeout": "30s", "monitoring_window": "20s",
		"monitoring": map[string]any{"rules": []any{map[string]any{
			"name": "angry", "when": "sentiment_last < -0.5", "action": "reescalate", "target": "human_agent",
			"script": "I'm bringing in someone from our team who can help with this right away.",
		}}},
	}})
	in := testenv.Sample(t, "lead-qualified.json")
	ctx := context.Background()
	started, err := e.Service.Start(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	e.WaitFor(t, in.ConversationID, 20*time.Second, "monitoring with the buyer bot", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseMonitoring && s.Owner == "jorge_buyer_bot"
	})
	if err := e.Service.SendEvent(ctx, in.ConversationID, handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.8}); err != nil {
		t.Fatal(err)
	}
	st := e.WaitFor(t, in.ConversationID, 20*time.Second, "an offer to a person", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseAwaitingAcceptance && s.CurrentOffer != nil
	})
	if st.SourceAgent != "jorge_buyer_bot" || st.Decision == nil || st.Decision.Rule != "monitoring:angry" {
		t.Fatalf("re-escalated run: source %s, decision %+v", st.SourceAgent, st.Decision)
	}
	agent := st.CurrentOffer.Agent
	if _, err := e.Service.Accept(ctx, in.ConversationID, handoff.AnswerInput{AgentID: agent}); err != nil {
		t.Fatal(err)
	}
	st = e.WaitFor(t, in.ConversationID, 60*time.Second, "closed", closedPhase)
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != agent {
		t.Fatalf("outcome %s owner %s, want completed with %s", st.Outcome, st.Owner, agent)
	}
	if len(st.Chain) != 1 || st.Chain[0].From != "lead_bot" || st.Chain[0].To != "jorge_buyer_bot" ||
		st.Chain[0].Outcome != handoff.OutcomeReescalated || !strings.Contains(st.Chain[0].Reason, "sentiment_last -0.8") {
		t.Fatalf("chain %+v", st.Chain)
	}
	found := false
	for _, r := range st.Decision.Reasons {
		found = found || (r.Rule == "monitoring:angry" && strings.Contains(r.Text, "sentiment_last -0.8"))
	}
	if !found {
		t.Errorf("reasons %+v lack the finding", st.Decision.Reasons)
	}
	// The buyer bot told the customer the rule's script before the person took over.
	said := false
	for _, d := range e.Agents.Deliveries("jorge_buyer_bot") {
		said = said || (d.Delivery.Type == handoff.DeliveryPrepareCustomer && strings.Contains(d.Delivery.Message, "someone from our team"))
	}
	if !said {
		t.Error("the buyer bot was not given the re-escalation's script")
	}
	checkSearchAttributes(t, e, in.ConversationID, map[string]string{
		handoff.SASource: "jorge_buyer_bot", handoff.SATarget: agent, handoff.SAOutcome: "completed",
	})
	// Both runs replay: the one that monitoring moved on, and the one it continued as.
	recordRunHistory(t, e, in.ConversationID, started.RunID, "lead-reescalated-by-monitoring")
	recordHistory(t, e, in.ConversationID, "lead-reescalated-to-person")
}
