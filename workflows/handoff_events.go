package workflows

import (
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// pub only names the PublishEvents activity; the worker registers the real publisher.
var pub *events.Publisher

// Events leave the workflow in batches, at milestones: as it starts to wait for a
// confirmation, for an answer to an offer, or through the monitoring window, and at the
// close. A batch is one PublishEvents activity (about five history events) that the handoff
// does not wait for: it goes on while the batch is delivered and retried. Only the close
// waits for every batch, so none is lost with the run. A handoff whose decision did not
// capture events on publishes nothing and costs nothing.

// emit adds a state change to the next batch. Its ID is the handoff's ID and the event's
// sequence number, the same on every replay and every retry.
func (h *handoffRun) emit(ctx workflow.Context, t events.Type, agent, result string) {
	h.seq++
	e := events.Event{
		ID: events.ID(h.id, h.seq), Type: t, Seq: h.seq,
		HandoffID: h.id, ConversationID: h.in.ConversationID, Source: h.in.SourceAgent,
		Phase: h.state.Phase, Agent: agent, Result: result, At: workflow.Now(ctx),
	}
	if t == events.TypeOutcome {
		e.Outcome, e.Phase = h.state.Outcome, handoff.PhaseClosed
	}
	h.pending = append(h.pending, e)
}

// eventsOn reports whether the decision captured events on.
func (h *handoffRun) eventsOn() bool {
	return h.state.Decision != nil && h.state.Decision.Settings.Events
}

// publish sends the events since the last milestone, without waiting for them to arrive.
func (h *handoffRun) publish(ctx workflow.Context) {
	if len(h.pending) == 0 {
		return
	}
	if !h.eventsOn() {
		h.pending = nil
		return
	}
	batch := events.Batch{HandoffID: h.id, Events: h.pending}
	h.pending = nil
	// Disconnected: a cancelled handoff still publishes what happened, its cancellation
	// included.
	ctx, _ = workflow.NewDisconnectedContext(ctx)
	h.published = append(h.published, workflow.ExecuteActivity(publishOptions(ctx, len(batch.Events)), pub.PublishEvents, batch))
}

// awaitPublished waits for every batch to be delivered or given up, at the close.
func (h *handoffRun) awaitPublished(ctx workflow.Context) {
	for _, f := range h.published {
		if err := f.Get(ctx, nil); err != nil {
			h.logger.Warn("events not delivered", "error", err)
		}
	}
	h.published = nil
}

// publishOptions: subscribers may be down for a while. A batch is retried for up to ten
// minutes with backoff (as the outcome record is); each attempt delivers to every subscriber
// at once, each delivery bounded by events.timeout (at most a minute).
func publishOptions(ctx workflow.Context, n int) workflow.Context {
	return regular(ctx, fmt.Sprintf("Publish %d events", n), 2*time.Minute, 10*time.Minute, temporal.RetryPolicy{
		InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: time.Minute,
		NonRetryableErrorTypes: []string{"EncodeFailed"},
	})
}

// offerMade records that offer i was extended: a person's offer opened, or a bot is briefed.
func (h *handoffRun) offerMade(ctx workflow.Context, i int) {
	h.made[i] = true
	h.emit(ctx, events.TypeOfferMade, h.state.Offers[i].Agent, "")
}

// offerEnded records the end of offer i, if it was made, with its result; counted once, when
// it leaves pending (an accepted offer whose takeover fails is published again as failed).
func (h *handoffRun) offerEnded(ctx workflow.Context, i int, was string) {
	if !h.made[i] {
		return
	}
	o := h.state.Offers[i]
	h.emit(ctx, events.TypeOfferAnswered, o.Agent, o.Result)
	if was == handoff.OfferPending {
		workflow.GetMetricsHandler(ctx).WithTags(map[string]string{"result": o.Result, "kind": o.Kind}).Counter(metricOffers).Inc(1)
	}
}
