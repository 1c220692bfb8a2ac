package workflows

import (
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// Retries are Temporal retry policies; the error types below are permanent failures that no
// retry can fix, so the workflow moves on (to the next candidate) at once.
var permanent = []string{activities.ErrDeliveryRejected, activities.ErrNoEndpoint, activities.ErrUnknownAgent, "EncodeFailed"}

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
	retry.NonRetryableErrorTypes = permanent
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

// availabilityOptions: a health check is I/O, so it is a regular activity. Two quick attempts:
// a bot that cannot answer its health check in time is treated as unavailable, and the next
// candidate is better than waiting.
func availabilityOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, 0, temporal.RetryPolicy{InitialInterval: 500 * time.Millisecond, MaximumAttempts: 2})
}

// deliveryOptions: webhook deliveries (customer preparation, briefing, offer notification)
// are I/O with receivers that fail and slow down; three attempts with backoff, then the
// workflow falls back to the next candidate.
func deliveryOptions(ctx workflow.Context, summary string) workflow.Context {
	return regular(ctx, summary, 10*time.Second, 0, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 10 * time.Second, MaximumAttempts: 3,
	})
}

// confirmOptions: the transfer confirmation moves ownership, after a target accepted; it is
// worth retrying longer than a briefing before giving the customer back to the source.
func confirmOptions(ctx workflow.Context) workflow.Context {
	return regular(ctx, "Confirm transfer", 10*time.Second, 2*time.Minute, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 15 * time.Second,
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
