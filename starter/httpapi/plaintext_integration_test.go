package httpapi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"go.temporal.io/sdk/client"
)

// TestIntegrationPlaintextClientIsRefused starts a handoff from a Temporal SDK client without
// the codec, as a bot in another language would by mistake: the worker (allow_plaintext off)
// must refuse the clear input, fail the run saying what to do, and deliver nothing, rather
// than run on customer details the server keeps in clear.
func TestIntegrationPlaintextClientIsRefused(t *testing.T) {
	e := testenv.Start(t, testenv.Options{})
	in := sellerInput("c-plain")
	run, err := e.PlainClient(t).ExecuteWorkflow(t.Context(), client.StartWorkflowOptions{
		ID: handoff.WorkflowID(in.ConversationID), TaskQueue: handoff.TaskQueue,
	}, handoff.WorkflowName, in)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	// Read through a client with the codec, as an operator would: the failure is encrypted too.
	err = e.Client.GetWorkflow(ctx, run.GetID(), run.GetRunID()).Get(ctx, nil)
	if err == nil || !strings.Contains(err.Error(), "payload is not encrypted") || !strings.Contains(err.Error(), "/codec/encode") {
		t.Fatalf("the run's end: %v, want a failure saying the payload is not encrypted and how to encrypt it", err)
	}
	for _, agent := range []string{in.SourceAgent, "maria", "james"} {
		if got := e.Agents.Deliveries(agent); len(got) != 0 {
			t.Errorf("%s was delivered %v from a handoff whose input was refused", agent, deliveryTypes(got))
		}
	}
}
