package workflows_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/devserver"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/bench"
	"go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"google.golang.org/protobuf/encoding/protojson"
)

// These tests run the seed scenarios on the real Temporal dev server with the real worker,
// the shipped real-estate rules and the dev stand-in agents. With HANDOFF_RECORD_HISTORIES=1
// they also write the histories the replay test replays (`make histories`).

func TestSellerInDistressReachesHumanWhoAccepts(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	in := testenv.Sample(t, "seller-distress.json")
	ctx := context.Background()
	if _, err := e.Service.Start(ctx, in); err != nil {
		t.Fatal(err)
	}
	st := e.WaitFor(t, in.ConversationID, 20*time.Second, "an offer to a human", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseAwaitingAcceptance
	})
	if st.Decision == nil || st.Decision.Target != "human_agent" || st.CurrentOffer == nil {
		t.Fatalf("decision %+v, offer %+v: want human_agent with an open offer", st.Decision, st.CurrentOffer)
	}
	agent := st.CurrentOffer.Agent
	if got := len(e.Agents.Deliveries(agent)); got != 1 {
		t.Fatalf("%s got %d notifications, want the offer", agent, got)
	}
	if _, err := e.Service.Accept(ctx, in.ConversationID, handoff.AnswerInput{AgentID: agent}); err != nil {
		t.Fatal(err)
	}
	if err := e.Service.SendEvent(ctx, in.ConversationID, handoff.Event{Type: handoff.EventSentiment, Sentiment: 0.4}); err != nil {
		t.Fatal(err)
	}
	st = e.WaitFor(t, in.ConversationID, 20*time.Second, "closed", closedPhase)
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != agent {
		t.Fatalf("outcome %s owner %s, want completed with %s", st.Outcome, st.Owner, agent)
	}
	checkSearchAttributes(t, e, in.ConversationID, map[string]string{
		handoff.SASource: "jorge_seller_bot", handoff.SATarget: agent, handoff.SAOutcome: "completed",
		handoff.SAPhase: "closed", handoff.SAScenario: st.Decision.Scenario,
	})
	if st.Context == nil || st.Context.Completeness != 1 {
		t.Errorf("context status %+v, want the human template's required fields all sent", st.Context)
	}
	desc, err := e.Client.DescribeWorkflowExecution(context.Background(), handoff.WorkflowID(in.ConversationID), "")
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := desc.GetWorkflowExecutionInfo().GetSearchAttributes().GetIndexedFields()[handoff.SACompleteness]; !ok || string(p.GetData()) != "1" {
		t.Errorf("search attribute %s = %v, want 1", handoff.SACompleteness, p)
	}
	recordHistory(t, e, in.ConversationID, "seller-distress-accepted")
}

func TestQualifiedLeadGoesToBuyerBot(t *testing.T) {
	e := testenv.Start(t, testenv.Options{})
	in := testenv.Sample(t, "lead-qualified.json")
	if _, err := e.Service.Start(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	st := e.WaitFor(t, in.ConversationID, 20*time.Second, "closed", closedPhase)
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != "jorge_buyer_bot" {
		t.Fatalf("outcome %s owner %s, want completed with jorge_buyer_bot", st.Outcome, st.Owner)
	}
	briefings := 0
	for _, d := range e.Agents.Deliveries("jorge_buyer_bot") {
		if d.Delivery.Type == handoff.DeliveryBriefing {
			briefings++
			if d.Delivery.Package == nil || len(d.Delivery.Package.Transcript) == 0 {
				t.Errorf("briefing without the conversation: %+v", d.Delivery.Package)
			}
		}
	}
	if briefings != 1 {
		t.Errorf("buyer bot briefed %d times, want once", briefings)
	}
	recordHistory(t, e, in.ConversationID, "lead-to-buyer-bot")
}

func TestNobodyAnswersEndsTimedOutWithSourceKeepingCustomer(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "1s", "fallback_agent": ""}})
	in := testenv.Sample(t, "seller-distress.json")
	if _, err := e.Service.Start(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	st := e.WaitFor(t, in.ConversationID, 30*time.Second, "closed", closedPhase)
	if st.Outcome != handoff.OutcomeTimedOut || st.Owner != "jorge_seller_bot" {
		t.Fatalf("outcome %s owner %s, want timed_out with the seller bot keeping the customer", st.Outcome, st.Owner)
	}
	fallback := 0
	for _, d := range e.Agents.Deliveries("jorge_seller_bot") {
		if d.Delivery.Type == handoff.DeliveryFallback {
			fallback++
		}
	}
	if fallback != 1 {
		t.Errorf("seller bot got %d fallback notices, want 1", fallback)
	}
	recordHistory(t, e, in.ConversationID, "seller-distress-timed-out")
}

// closedPhase: the outcome is set before recording, the search attributes after it.
func closedPhase(s handoff.State) bool { return s.Phase == handoff.PhaseClosed }

func checkSearchAttributes(t *testing.T, e *testenv.Env, convID string, want map[string]string) {
	t.Helper()
	desc, err := e.Client.DescribeWorkflowExecution(context.Background(), handoff.WorkflowID(convID), "")
	if err != nil {
		t.Fatal(err)
	}
	fields := desc.GetWorkflowExecutionInfo().GetSearchAttributes().GetIndexedFields()
	for name, value := range want {
		p, ok := fields[name]
		if !ok {
			t.Errorf("search attribute %s missing", name)
			continue
		}
		var got string
		if err := json.Unmarshal(p.GetData(), &got); err != nil || got != value {
			t.Errorf("search attribute %s = %s, want %q", name, p.GetData(), value)
		}
	}
}

// recordHistory writes the run's history for the replay test when asked to.
func recordHistory(t *testing.T, e *testenv.Env, convID, name string) {
	t.Helper()
	recordRunHistory(t, e, convID, "", name)
}

// recordRunHistory records one run of the conversation's handoff ("": the latest), for a
// handoff that continued as new.
func recordRunHistory(t *testing.T, e *testenv.Env, convID, runID, name string) {
	t.Helper()
	recordWorkflowHistory(t, e, handoff.WorkflowID(convID), runID, name)
}

// recordWorkflowHistory records a run of any workflow (a queue's, a person's).
func recordWorkflowHistory(t *testing.T, e *testenv.Env, workflowID, runID, name string) {
	t.Helper()
	if os.Getenv("HANDOFF_RECORD_HISTORIES") == "" {
		return
	}
	hist := historypb.History{Events: workflowHistory(t, e, workflowID, runID)}
	// Histories are stored encrypted with a key that lives only as long as the test; the
	// replay test reads them in clear.
	if err := devserver.DecryptPayloads(&hist); err != nil {
		t.Fatal(err)
	}
	raw, err := protojson.MarshalOptions{Multiline: true, Indent: "  "}.Marshal(&hist)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(testenv.ModuleRoot(t), "testdata", "histories", name+".json")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded %d events to %s", len(hist.Events), path)
}

// TestFastBotPathStaysWithinTheHistoryBudget runs the qualified lead to the buyer bot both
// ways and checks what each costs the engine: the fast bot path (a bot's I/O steps as local
// activities) within 25 history events and 8 billed actions, the regular path above it.
func TestFastBotPathStaysWithinTheHistoryBudget(t *testing.T) {
	cost := func(fast bool, conv string) bench.Counts {
		t.Helper()
		// As shipped: the ping-pong guard on and people as the fallback after the bots.
		e := testenv.Start(t, testenv.Options{Handoff: map[string]any{
			"monitoring_window": "1s", "fast_bot_path": fast, "fallback_agent": "human_agent",
			"pingpong": map[string]any{"max_handoffs": 3, "window": "1h"},
		}})
		in := testenv.Sample(t, "lead-qualified.json")
		in.ConversationID = conv
		if _, err := e.Service.Start(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		st := e.WaitFor(t, conv, 20*time.Second, "closed", closedPhase)
		if st.Outcome != handoff.OutcomeCompleted || st.Owner != "jorge_buyer_bot" {
			t.Fatalf("fast=%v: outcome %s owner %s", fast, st.Outcome, st.Owner)
		}
		events := historyOf(t, e, conv, "")
		if fast {
			recordHistory(t, e, conv, "lead-to-buyer-bot-fast")
		}
		return bench.Count(events)
	}
	fast := cost(true, "conv-fast-path")
	regular := cost(false, "conv-regular-path")
	t.Logf("bot to bot: fast path %d events %d actions; regular %d events %d actions",
		fast.Events, fast.Actions, regular.Events, regular.Actions)
	if fast.Events > 25 || fast.Actions > 8 {
		t.Errorf("fast bot path costs %d events and %d actions, budget 25 and 8", fast.Events, fast.Actions)
	}
	if fast.Events >= regular.Events || fast.Actions >= regular.Actions {
		t.Errorf("fast path (%d events, %d actions) should cost less than the regular one (%d, %d)",
			fast.Events, fast.Actions, regular.Events, regular.Actions)
	}
}

func historyOf(t *testing.T, e *testenv.Env, convID, runID string) []*historypb.HistoryEvent {
	t.Helper()
	return workflowHistory(t, e, handoff.WorkflowID(convID), runID)
}

func workflowHistory(t *testing.T, e *testenv.Env, workflowID, runID string) []*historypb.HistoryEvent {
	t.Helper()
	it := e.Client.GetWorkflowHistory(context.Background(), workflowID, runID, false, enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	var events []*historypb.HistoryEvent
	for it.HasNext() {
		ev, err := it.Next()
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, ev)
	}
	return events
}
