package activities_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/devserver"
	"github.com/handoffhq/orchestrator/workflows"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// These tests run the agent activities against the real Temporal dev server and the real
// entity workflow: Update-With-Start, validator refusals mapped to answers, the state query,
// and visibility for the conversation history. (An external package: workflows imports
// activities.)

type liveEnv struct {
	cfg  *config.Config
	cl   client.Client
	acts *activities.Activities
	env  *testsuite.TestActivityEnvironment
}

// startLive runs a dev server and a worker with the Agent workflow and a stand-in Handoff
// workflow that returns its input, so closed handoff runs with chosen results can be made.
func startLive(t *testing.T) *liveEnv {
	t.Helper()
	srv := devserver.Start(t)
	w := worker.New(srv.Client, handoff.TaskQueue, worker.Options{})
	w.RegisterWorkflowWithOptions(workflows.Agent, workflow.RegisterOptions{Name: handoff.AgentWorkflowName})
	w.RegisterWorkflowWithOptions(func(ctx workflow.Context, st handoff.State) (handoff.State, error) { return st, nil },
		workflow.RegisterOptions{Name: handoff.WorkflowName})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)
	cfg := &config.Config{
		Handoff: config.Handoff{HTTPTimeout: "1s", ReservationLease: "10m", InitialPresence: "offline",
			Pingpong: config.Pingpong{MaxHandoffs: 3, Window: "1h"}},
		Agents: []handoff.Agent{
			{ID: "maria", Kind: handoff.KindHuman, Capacity: 2, NotifyURL: "http://127.0.0.1:1/notify"},
			{ID: "lead_bot", Kind: handoff.KindBot, WebhookURL: "http://127.0.0.1:1/hook"},
		},
	}
	acts := activities.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), srv.Client)
	var suite testsuite.WorkflowTestSuite
	// The expected failures (an Assign to a bot) need not be logged.
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	env := suite.NewTestActivityEnvironment()
	env.RegisterActivity(acts)
	return &liveEnv{cfg: cfg, cl: srv.Client, acts: acts, env: env}
}

func (e *liveEnv) run(t *testing.T, fn any, arg any, out any) error {
	t.Helper()
	v, err := e.env.ExecuteActivity(fn, arg)
	if err == nil && out != nil {
		err = v.Get(out)
	}
	return err
}

func (e *liveEnv) reserve(t *testing.T, conv string) activities.ReserveResult {
	t.Helper()
	var res activities.ReserveResult
	err := e.run(t, e.acts.Reserve, activities.ReserveRequest{Agent: "maria", Input: handoff.ReserveInput{
		HandoffID: handoff.WorkflowID(conv), ConversationID: conv, Source: "lead_bot",
	}}, &res)
	if err != nil {
		t.Fatalf("reserve %s: %v", conv, err)
	}
	return res
}

func (e *liveEnv) state(t *testing.T) handoff.AgentState {
	t.Helper()
	st, err := activities.NewAgentClient(e.cl, e.cfg).State(context.Background(), "maria")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestLiveReservePresenceAssignRelease(t *testing.T) {
	e := startLive(t)
	// Before anything ran, the person has the initial presence and nothing is started.
	if st := e.state(t); st.Presence != handoff.PresenceOffline || st.Active() != 0 {
		t.Fatalf("initial state %+v", st)
	}
	if res := e.reserve(t, "c-0"); res.Reserved || res.Reason != "maria is offline" {
		t.Fatalf("reserve while offline: %+v", res)
	}
	if err := e.run(t, e.acts.SetPresence, activities.PresenceRequest{Agent: "maria", Presence: handoff.PresenceOnline}, nil); err != nil {
		t.Fatal(err)
	}
	for _, conv := range []string{"c-1", "c-2", "c-1"} {
		if res := e.reserve(t, conv); !res.Reserved {
			t.Fatalf("reserve %s: %+v", conv, res)
		}
	}
	if res := e.reserve(t, "c-3"); res.Reserved || res.Reason != "maria is at capacity (2 of 2)" {
		t.Fatalf("reserve beyond capacity: %+v", res)
	}
	var r activities.Ranking
	if err := e.run(t, e.acts.RankCandidates, activities.RankInput{Agents: []string{"maria"}}, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Ranked) != 0 || len(r.Skipped) != 1 || r.Skipped[0].Reason != "maria is at capacity (2 of 2)" {
		t.Fatalf("ranking %+v", r)
	}
	for _, req := range []activities.AgentRequest{
		{Agent: "maria", HandoffID: handoff.WorkflowID("c-2")},
		{Agent: "maria", HandoffID: handoff.WorkflowID("c-9"), Reason: "never held"},
	} {
		if err := e.run(t, e.acts.Release, req, nil); err != nil {
			t.Fatalf("release %+v: %v", req, err)
		}
	}
	if err := e.run(t, e.acts.Assign, activities.AgentRequest{Agent: "maria", HandoffID: handoff.WorkflowID("c-1")}, nil); err != nil {
		t.Fatal(err)
	}
	st := e.state(t)
	if st.Active() != 1 || st.Reservations[0].State != handoff.ReservationAssigned || st.MaxHeld != 2 || st.Capacity != 2 {
		t.Fatalf("state %+v", st)
	}
	if err := e.run(t, e.acts.SetPresence, activities.PresenceRequest{Agent: "maria", Presence: handoff.PresenceAway}, nil); err != nil {
		t.Fatal(err)
	}
	if res := e.reserve(t, "c-4"); res.Reserved || res.Reason != "maria is away" {
		t.Fatalf("reserve while away: %+v", res)
	}
	// Only people have entity workflows: a bot is a permanent mistake, not a retry.
	err := e.run(t, e.acts.Assign, activities.AgentRequest{Agent: "lead_bot", HandoffID: "handoff-c-1"}, nil)
	var app *temporal.ApplicationError
	if !errors.As(err, &app) || app.Type() != activities.ErrUnknownAgent || !app.NonRetryable() {
		t.Fatalf("assign to a bot: %v", err)
	}
	// Operators find the entity in the Web UI by its search attribute and summary.
	waitList(t, e.cl, "WorkflowType = 'Agent' AND HandoffTarget = 'maria'", 1)
}

func waitList(t *testing.T, cl client.Client, query string, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := cl.ListWorkflow(context.Background(), &workflowservice.ListWorkflowExecutionsRequest{Query: query})
		if err == nil && len(resp.GetExecutions()) == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("list %q: %d results (err %v), want %d", query, len(resp.GetExecutions()), err, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestLiveConversationHistory(t *testing.T) {
	e := startLive(t)
	conv := "c-pingpong"
	runs := []handoff.State{
		{ConversationID: conv, SourceAgent: "lead_bot", Outcome: handoff.OutcomeCompleted, Offers: []handoff.Offer{
			{Agent: "maria", Result: handoff.OfferDeclined}, {Agent: "james", Result: handoff.OfferAccepted}}},
		{ConversationID: conv, SourceAgent: "james", Outcome: handoff.OutcomeTimedOut, Offers: []handoff.Offer{
			{Agent: "sam", Result: handoff.OfferTimedOut}}},
		{ConversationID: conv, SourceAgent: "james", Outcome: handoff.OutcomeCompleted},
		// The run asking: left out.
		{ConversationID: conv, SourceAgent: "maria", Outcome: handoff.OutcomeCompleted},
	}
	var current string
	for _, st := range runs {
		run, err := e.cl.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{
			ID: handoff.WorkflowID(conv), TaskQueue: handoff.TaskQueue,
		}, handoff.WorkflowName, st)
		if err != nil {
			t.Fatal(err)
		}
		if err := run.Get(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		current = run.GetRunID()
	}
	waitList(t, e.cl, "WorkflowId = '"+handoff.WorkflowID(conv)+"' AND ExecutionStatus = 'Completed'", len(runs))
	var h activities.ConversationHistory
	if err := e.run(t, e.acts.ConversationHistory, activities.HistoryInput{ConversationID: conv, CurrentRunID: current}, &h); err != nil {
		t.Fatal(err)
	}
	// Visibility lists the newest run first; the order carries no meaning.
	slices.Sort(h.Declined)
	slices.Sort(h.HandedAway)
	if h.Handoffs != 2 || strings.Join(h.Declined, ",") != "maria,sam" || strings.Join(h.HandedAway, ",") != "james,lead_bot" {
		t.Fatalf("history %+v", h)
	}
	// A window that ends before the runs started sees none of them.
	time.Sleep(20 * time.Millisecond)
	var recent activities.ConversationHistory
	if err := e.run(t, e.acts.ConversationHistory, activities.HistoryInput{ConversationID: conv, Window: "10ms"}, &recent); err != nil {
		t.Fatal(err)
	}
	if recent.Handoffs != 0 || len(recent.Declined) != 0 {
		t.Fatalf("history within 10ms: %+v", recent)
	}
}
