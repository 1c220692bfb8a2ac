package workflows

import (
	"errors"
	"fmt"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// pingPongGuard reads the conversation's earlier handoffs within the configured window. A
// conversation handed off too often goes to a supervisor instead of bouncing again, and agents
// who declined it or handed it away are not offered it again. The count is kept across
// handoffs of the conversation, not per run. With the guard off it costs nothing.
func (h *handoffRun) pingPongGuard(ctx workflow.Context, sel activities.Selection) ([]activities.Step, []string, error) {
	s := h.state.Decision.Settings
	// A handback or warm transfer goes where its person named, who knows the conversation's
	// history better than the guard: it neither excludes anyone nor turns to a supervisor.
	if s.PingPongMaxHandoffs <= 0 || h.in.Handback != nil || h.in.WarmTransfer != nil {
		return sel.Plan, nil, nil
	}
	// A conversation Temporal held no run of when the API started this one has no earlier
	// handoff to read. A re-escalation carries the flag on, rightly: its chain's earlier runs
	// continued as new, which the lookup never counts (chainWithin below does).
	var hist activities.ConversationHistory
	if !h.in.FirstHandoff {
		var err error
		if hist, err = h.earlierHandoffs(ctx); err != nil {
			return nil, nil, err
		}
	}
	// A chain of handoffs that monitoring moved on counts too (handoff_monitor.go).
	hist.Handoffs += h.chainWithin(ctx)
	exclude := append(append([]string(nil), hist.Declined...), hist.HandedAway...)
	if hist.Handoffs < s.PingPongMaxHandoffs || len(sel.SupervisorPlan) == 0 {
		return sel.Plan, exclude, nil
	}
	h.state.Decision.Reasons = append(h.state.Decision.Reasons, handoff.Reason{
		Rule: "pingpong_guard", Condition: fmt.Sprintf("handoffs within %s >= %d", s.PingPongWindow, s.PingPongMaxHandoffs),
		Value: hist.Handoffs, Matched: true,
		Text: fmt.Sprintf("handed off %d times within %s: going to a supervisor instead of bouncing again", hist.Handoffs, s.PingPongWindow),
	})
	return sel.SupervisorPlan, exclude, nil
}

// earlierHandoffs reads the conversation's completed handoffs within the guard's window.
func (h *handoffRun) earlierHandoffs(ctx workflow.Context) (activities.ConversationHistory, error) {
	s := h.state.Decision.Settings
	var hist activities.ConversationHistory
	// A short read of Temporal's own visibility store: on the fast path it runs locally too.
	err := h.io(ctx, agentOptions(ctx, "Read earlier handoffs"), h.fast(), "Read earlier handoffs", a.ConversationHistory, activities.HistoryInput{
		ConversationID: h.in.ConversationID, Window: s.PingPongWindow, CurrentRunID: workflow.GetInfo(ctx).WorkflowExecution.RunID,
	}).Get(ctx, &hist)
	return hist, err
}

// callbackReadsCalendars versions the callback plan's move from a local activity (business
// hours from config) to a regular one (calendars read over HTTP).
const callbackReadsCalendars = "callback-reads-calendars"

// planCallback plans a durable follow-up in the next slot when one of the people in the plan is
// free (business hours, less what their calendars say), as a Callback workflow of its own that
// outlives this handoff.
func (h *handoffRun) planCallback(ctx workflow.Context) {
	var people []string
	for _, step := range h.plan {
		people = append(people, step.Agents...)
	}
	if len(people) == 0 {
		return
	}
	var cb handoff.Callback
	in := activities.CallbackInput{Agents: people, After: workflow.Now(ctx)}
	// Planning reads people's calendars, which is I/O: a regular activity. Handoffs that
	// planned their callback before (business hours only) ran it as a local activity, and
	// replay them so.
	var planned workflow.Future
	if workflow.GetVersion(ctx, callbackReadsCalendars, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		planned = workflow.ExecuteLocalActivity(localOptions(ctx, "Plan callback"), a.PlanCallback, in)
	} else {
		planned = workflow.ExecuteActivity(callbackOptions(ctx), a.PlanCallback, in)
	}
	if err := planned.Get(ctx, &cb); err != nil || cb.At.IsZero() {
		return
	}
	cb.WorkflowID = handoff.CallbackWorkflowID(h.in.ConversationID, cb.At)
	child := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID:        cb.WorkflowID,
		ParentClosePolicy: enumspb.PARENT_CLOSE_POLICY_ABANDON,
		StaticSummary:     fmt.Sprintf("Callback for conversation %s", h.in.ConversationID),
	})
	f := workflow.ExecuteChildWorkflow(child, handoff.CallbackWorkflowName, handoff.CallbackInput{
		ConversationID: h.in.ConversationID, HandoffID: h.id, Source: h.in.SourceAgent, Agents: cb.Agents, At: cb.At,
	})
	// Wait until the child really started: an abandoned child must exist before we close. A
	// callback already planned for this conversation and slot (an earlier handoff found
	// nobody either) is the same callback.
	var already *temporal.ChildWorkflowExecutionAlreadyStartedError
	if err := f.GetChildWorkflowExecution().Get(ctx, nil); err != nil && !errors.As(err, &already) {
		h.logger.Warn("callback not planned", "error", err)
		return
	}
	h.state.Callback = &cb
}
