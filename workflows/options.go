package workflows

import (
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// Retries are Temporal retry policies; the error types below are permanent failures that no
// retry can fix, so the workflow moves on (to the next candidate) at once.
var permanent = []string{activities.ErrDeliveryRejected, activities.ErrNoEndpoint, activities.ErrUnknownAgent, activities.ErrCircuitOpen, "EncodeFailed"}

// mustReach are the permanent failures of deliveries that must reach their agent eventually:
// an open circuit breaker only pauses them.
var mustReach = []string{activities.ErrDeliveryRejected, activities.ErrNoEndpoint, activities.ErrUnknownAgent, "EncodeFailed"}

// localOptions: trigger analysis, target selection and context packaging are pure and take
// microseconds, so they run as local activities: no task-queue round trip, no activity events
// in history beyond one marker each, and still an activity (retried, visible, replayed from its
// recorded result, so a config change never alters a running handoff).
func localOptions(ctx workflow.Context, summary string) workflow.Context {
	return workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{
		StartToCloseTimeout: 5 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 3},
		Summary:             summary,
	})
}

// regular is a context for regular activities with the given summary, timeouts and retries.
func regular(ctx workflow.Context, summary string, startToClose, scheduleToClose time.Duration, retry temporal.RetryPolicy) workflow.Context {
	if retry.NonRetryableErrorTypes == nil {
		retry.NonRetryableErrorTypes = permanent
	}
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout:    startToClose,
		ScheduleToCloseTimeout: scheduleToClose,
		Summary:                summary,
		RetryPolicy:            &retry,
	})
}

// decoderOptions: the external intent decoder is I/O with its own timeout and breaker inside
// the activity, which falls back to the built-in analyzer itself; one attempt is enough.
func decoderOptions(ctx workflow.Context) workflow.Context {
	return regular(ctx, "Decode intent", 15*time.Second, 0, temporal.RetryPolicy{MaximumAttempts: 1})
}

// crmOptions: the CRM lookup is I/O behind its own breaker and timeout, and answers "no
// enrichment" itself when the CRM is down; two attempts cover a worker dying mid-call.
func crmOptions(ctx workflow.Context) workflow.Context {
	return regular(ctx, "Look the customer up in the CRM", 15*time.Second, 0, temporal.RetryPolicy{MaximumAttempts: 2})
}

// callbackOptions: planning a callback reads people's calendars, each within its own timeout
// (5 s at most) and all at once, and falls back to business hours itself when one cannot be
// read; a retry covers a worker dying mid-plan.
func callbackOptions(ctx workflow.Context) workflow.Context {
	return regular(ctx, "Plan callback", 15*time.Second, 0, temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 3})
}

// localIOOptions: the fast bot path's I/O steps as local activities, retried like their
// regular counterparts.
func localIOOptions(ctx workflow.Context, summary string) workflow.Context {
	return workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
		Summary:             summary,
		RetryPolicy: &temporal.RetryPolicy{
			InitialInterval:        time.Second,
			BackoffCoefficient:     2,
			MaximumAttempts:        3,
			NonRetryableErrorTypes: permanent,
		},
	})
}

// availabilityOptions: ranking reads people's load from their entity workflows and checks
// bots' health. A bot's failed health check is an answer (unavailable), not an error; an error
// means a person's state could not be read (the Temporal service or the workers are
// restarting), which a minute of retries usually outlasts. Unknown never reads as busy.
func availabilityOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, 90*time.Second, temporal.RetryPolicy{
		InitialInterval: 500 * time.Millisecond, BackoffCoefficient: 2, MaximumInterval: 10 * time.Second,
	})
}

// localAvailabilityOptions: ranking on the fast path, retried as long as its regular
// counterpart, since an error there means people's state could not be read, not that they are
// busy.
func localAvailabilityOptions(ctx workflow.Context, summary string) workflow.Context {
	return workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{
		StartToCloseTimeout: 10 * time.Second, ScheduleToCloseTimeout: 90 * time.Second, Summary: summary,
		RetryPolicy: &temporal.RetryPolicy{InitialInterval: 500 * time.Millisecond, BackoffCoefficient: 2, MaximumInterval: 10 * time.Second},
	})
}

// deliveryOptions: webhook deliveries (customer preparation, briefing, offer notification)
// are I/O with receivers that fail and slow down; three attempts with backoff, then the
// workflow falls back to the next candidate.
func deliveryOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, 0, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 10 * time.Second, MaximumAttempts: 3,
	})
}

// releaseOptions: telling the source to let go. Bounded, because a source that cannot be
// reached within it is taken to be gone and the target takes over (see handoff_transfer.go).
func releaseOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, 20*time.Second, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 5 * time.Second,
	})
}

// confirmOptions: telling the target it owns the conversation, after the source let go. Its
// budget bounds the time the customer may have no owner, so it is short: past it the source is
// given the customer back and the next candidate is tried. An attempt gets 6 s (the default
// handoff.http_timeout is 5 s): with a whole 10 s per attempt, a worker that died mid-attempt
// spent the budget and failed the takeover; with 6 s the next worker retries within it.
func confirmOptions(ctx workflow.Context) workflow.Context {
	return regular(ctx, "Confirm the new owner", 6*time.Second, 10*time.Second, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 5 * time.Second,
	})
}

// reclaimOptions: giving the source the customer back matters more than any other delivery
// after a failed takeover, so it is retried for a minute.
func reclaimOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, time.Minute, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 10 * time.Second,
		NonRetryableErrorTypes: mustReach,
	})
}

// tellSourceOptions: an unreachable source is told to let go again for up to a day, every
// second at first and at least every five minutes later: a bot that comes back hears soon.
func tellSourceOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, 24*time.Hour, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 5 * time.Minute,
		NonRetryableErrorTypes: mustReach,
	})
}

// agentOptions: calls to people's entity workflows and to visibility go to the Temporal
// service itself; short, retried a few times, never blocking the handoff for long.
func agentOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, 0, temporal.RetryPolicy{InitialInterval: 500 * time.Millisecond, MaximumAttempts: 5})
}

// bestEffortOptions: notifications whose failure changes no outcome (withdrawn offers, the
// source's fallback script).
func bestEffortOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, 0, temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 3})
}

// recordOptions: the analytics service may be down for a while; the record is retried for up
// to ten minutes, and the handoff's result holds the outcome whatever happens.
func recordOptions(ctx workflow.Context) workflow.Context {
	return regular(ctx, "Record outcome", 10*time.Second, 10*time.Minute, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: time.Minute,
	})
}

// enqueueOptions: joining a queue is an Update on the queue's workflow, whose workflow tasks
// wait behind every handoff's on the task queue: under a burst of new handoffs an enqueue may
// take many seconds and still succeed. Retried for a few minutes (an enqueue retried after a
// lost answer gets the same place); only then does the handoff try the group's people directly.
//
// A cancelled handoff waits for the join under way to finish before it tells the queue it
// left: otherwise the join could reach the queue after the leave, and the queue would hold an
// entry for a handoff that has gone.
func enqueueOptions(ctx workflow.Context, summary string) workflow.Context {
	ctx = regular(ctx, summary, 30*time.Second, 3*time.Minute, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 10 * time.Second,
	})
	opts := workflow.GetActivityOptions(ctx)
	opts.WaitForCancellation = true
	return workflow.WithActivityOptions(ctx, opts)
}
