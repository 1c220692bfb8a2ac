package workflows

import (
	"context"
	"errors"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// ExperimentAllocation recomputes the allocation of every bandit experiment from the outcomes
// in the handoff log. The Schedule runs it; decisions read the saved allocation and capture
// the one in force, so a handoff's history never depends on when it replays.
func ExperimentAllocation(ctx workflow.Context) ([]experiments.Allocation, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 2 * time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 5},
		Summary:             "Recompute bandit allocations",
	})
	workflow.SetCurrentDetails(ctx, "Reading the experiments' outcomes from the handoff log")
	var out []experiments.Allocation
	err := workflow.ExecuteActivity(ctx, a.RecomputeAllocations, activities.AllocationInput{At: workflow.Now(ctx)}).Get(ctx, &out)
	return out, err
}

// EnsureAllocationSchedule creates the Schedule that runs ExperimentAllocation every interval,
// or sets the interval of the one that exists (workers starting together race to create it;
// the losers update it to the same). A run still going when the next is due is skipped.
func EnsureAllocationSchedule(ctx context.Context, cl client.Client, every time.Duration) error {
	spec := client.ScheduleSpec{Intervals: []client.ScheduleIntervalSpec{{Every: every}}}
	sc := cl.ScheduleClient()
	_, err := sc.Create(ctx, client.ScheduleOptions{
		ID:   handoff.AllocationScheduleID,
		Spec: spec,
		Action: &client.ScheduleWorkflowAction{
			ID: handoff.AllocationScheduleID, Workflow: handoff.AllocationWorkflowName, TaskQueue: handoff.TaskQueue,
			WorkflowExecutionTimeout: 10 * time.Minute,
		},
		Overlap: enumspb.SCHEDULE_OVERLAP_POLICY_SKIP,
		Note:    "recomputes bandit experiments' allocations (learning.allocation_every)",
	})
	if !errors.Is(err, temporal.ErrScheduleAlreadyRunning) {
		return err
	}
	return sc.GetHandle(ctx, handoff.AllocationScheduleID).Update(ctx, client.ScheduleUpdateOptions{
		DoUpdate: func(in client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
			s := in.Description.Schedule
			s.Spec = &spec
			return &client.ScheduleUpdate{Schedule: &s}, nil
		},
	})
}

// RemoveAllocationSchedule deletes the Schedule when no experiment is a bandit any more; one
// that does not exist is not an error.
func RemoveAllocationSchedule(ctx context.Context, cl client.Client) error {
	err := cl.ScheduleClient().GetHandle(ctx, handoff.AllocationScheduleID).Delete(ctx)
	var notFound *serviceerror.NotFound
	if errors.As(err, &notFound) {
		return nil
	}
	return err
}
