package workflows

import (
	"path/filepath"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// historiesDir holds histories recorded from real runs on the dev server (refresh them with
// `make histories`). Replaying them against the current workflow code fails when a change
// would break determinism for handoffs already running in production.
const historiesDir = "../testdata/histories"

func TestReplayRecordedHistories(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(historiesDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no recorded histories in %s", historiesDir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			// Histories of every workflow type: handoffs, and the queues and people they use.
			r := worker.NewWorkflowReplayer()
			r.RegisterWorkflowWithOptions(Handoff, workflow.RegisterOptions{Name: handoff.WorkflowName})
			r.RegisterWorkflowWithOptions(Queue, workflow.RegisterOptions{Name: handoff.QueueWorkflowName})
			r.RegisterWorkflowWithOptions(Agent, workflow.RegisterOptions{Name: handoff.AgentWorkflowName})
			if err := r.ReplayWorkflowHistoryFromJSONFile(nopLogger{}, f); err != nil {
				t.Fatalf("replay %s: %v", f, err)
			}
		})
	}
}

// TestReplayDetectsNondeterminism proves the replay test can fail: a workflow that schedules
// something other than what the history recorded must be refused.
func TestReplayDetectsNondeterminism(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(historiesDir, "*.json"))
	if len(files) == 0 {
		t.Fatalf("no recorded histories in %s", historiesDir)
	}
	changed := func(ctx workflow.Context, in handoff.Input) (handoff.Result, error) {
		err := workflow.Sleep(ctx, 1)
		return handoff.Result{}, err
	}
	r := worker.NewWorkflowReplayer()
	r.RegisterWorkflowWithOptions(changed, workflow.RegisterOptions{Name: handoff.WorkflowName})
	if err := r.ReplayWorkflowHistoryFromJSONFile(nopLogger{}, files[0]); err == nil {
		t.Fatal("replaying a history against a different workflow succeeded; the replay test could never fail")
	}
}
