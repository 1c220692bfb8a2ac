package workflows

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// followUpEnv runs a FollowUp workflow on its own, recording the check-ins it delivers.
func followUpEnv(t *testing.T) (*testsuite.TestWorkflowEnvironment, *[]activities.DeliveryInput) {
	t.Helper()
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(nopLogger{})
	env := suite.NewTestWorkflowEnvironment()
	env.SetWorkerOptions(worker.Options{DeadlockDetectionTimeout: testDeadlockTimeout})
	var got []activities.DeliveryInput
	env.RegisterActivity(a.CheckIn)
	env.OnActivity(a.CheckIn, mock.Anything, mock.Anything).Return(func(_ context.Context, in activities.DeliveryInput) error {
		got = append(got, in)
		return nil
	})
	return env, &got
}

func followUpResult(t *testing.T, env *testsuite.TestWorkflowEnvironment) handoff.FollowUpState {
	t.Helper()
	if !env.IsWorkflowCompleted() || env.GetWorkflowError() != nil {
		t.Fatalf("follow-up did not complete: %v", env.GetWorkflowError())
	}
	var st handoff.FollowUpState
	if err := env.GetWorkflowResult(&st); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestFollowUpIsDeliveredWhenDue(t *testing.T) {
	env, got := followUpEnv(t)
	start := env.Now()
	in := handoff.FollowUpInput{ConversationID: "conv-1", HandoffID: "handoff-conv-1/run-1", Agent: "maria",
		Reason: "negative sentiment after the handoff", At: start.Add(24 * time.Hour)}
	var during handoff.FollowUpState
	env.RegisterDelayedCallback(func() {
		v, err := env.QueryWorkflow(handoff.QueryFollowUp)
		if err == nil {
			_ = v.Get(&during)
		}
	}, time.Hour)
	env.ExecuteWorkflow(FollowUp, in)
	st := followUpResult(t, env)
	expect(t, "status during", during.Status, handoff.FollowUpScheduled)
	expect(t, "status", st.Status, handoff.FollowUpDelivered)
	if len(*got) != 1 || (*got)[0].Agent != "maria" || (*got)[0].Delivery.Type != handoff.DeliveryFollowUp ||
		!strings.Contains((*got)[0].Delivery.Message, "negative sentiment") {
		t.Fatalf("check-ins %+v", *got)
	}
	if d := st.EndedAt.Sub(start); d < 24*time.Hour {
		t.Errorf("delivered after %s, want 24h", d)
	}
}

func TestFollowUpCancelledBeforeItIsDue(t *testing.T) {
	env, got := followUpEnv(t)
	in := handoff.FollowUpInput{ConversationID: "conv-1", Agent: "maria", Reason: "r", At: env.Now().Add(24 * time.Hour)}
	env.RegisterDelayedCallback(func() {
		env.SignalWorkflow(handoff.SignalCancelFollowUp, handoff.FollowUpCancel{Reason: "a new handoff of the conversation began", By: "handoff-conv-1/run-2"})
	}, 3*time.Hour)
	env.ExecuteWorkflow(FollowUp, in)
	st := followUpResult(t, env)
	expect(t, "status", st.Status, handoff.FollowUpCancelled)
	expect(t, "check-ins", len(*got), 0)
	if !strings.Contains(st.Note, "new handoff") {
		t.Errorf("note %q", st.Note)
	}
}

func TestHandoffPlansAFollowUpAndTheNextHandoffCancelsIt(t *testing.T) {
	d := testDecision("jorge_buyer_bot")
	d.Settings.FollowUp = &handoff.FollowUpSpec{Delay: "24h", To: "owner"}
	h := newHarness(t, d, bot("jorge_buyer_bot"))
	h.env.RegisterWorkflowWithOptions(FollowUp, workflow.RegisterOptions{Name: handoff.FollowUpWorkflowName})
	var planned *handoff.FollowUpInput
	h.env.OnWorkflow(handoff.FollowUpWorkflowName, mock.Anything, mock.Anything).Return(
		func(_ workflow.Context, in handoff.FollowUpInput) (handoff.FollowUpState, error) {
			planned = &in
			return handoff.FollowUpState{FollowUpInput: in, Status: handoff.FollowUpScheduled}, nil
		})
	var cancelled []string
	h.env.OnSignalExternalWorkflow(mock.Anything, handoff.FollowUpWorkflowID("conv-1"), "", handoff.SignalCancelFollowUp, mock.Anything).Return(
		func(_, id, _, _ string, _ any) error {
			cancelled = append(cancelled, id)
			return nil
		})
	h.event(time.Minute, handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.6})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	if res.FollowUp == nil || res.FollowUp.Agent != "jorge_buyer_bot" || res.FollowUp.WorkflowID != "followup-conv-1" {
		t.Fatalf("follow-up in state %+v", res.FollowUp)
	}
	if planned == nil || planned.Reason != "negative sentiment after the handoff" || planned.At.Sub(res.EndedAt) > 24*time.Hour {
		t.Fatalf("planned %+v", planned)
	}
	// This handoff's start told any earlier pending follow-up that the customer is served again.
	expect(t, "cancel signals", strings.Join(cancelled, ","), "followup-conv-1")
}
