package workflows

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// queueHistoryLimit bounds one run's history like the Agent workflow's: a queue carries its
// waiting handoffs across continue-as-new, so a worker picking it up cold replays little. A
// variable so the tests can lower it.
var queueHistoryLimit = 10_000

// queueRun is one run of a group's Queue workflow. Every change happens in a handler or in the
// main loop without blocking on anything but the people's read, so what a validator sees is
// what its handler changes.
type queueRun struct {
	st     handoff.QueueState
	logger log.Logger
	// enqueues, agents and reports are the signal channels, drained by the main loop (so
	// nothing received is lost when the run continues as new).
	enqueues, agents, reports workflow.ReceiveChannel
	// dirty: something changed since the last dispatch; refresh: the people must be read again.
	dirty, refresh bool
	// sends are the offers signalled to handoffs and not yet confirmed delivered.
	sends []queueSend
}

type queueSend struct {
	handoffID string
	f         workflow.Future
}

// Queue is the durable line of one group's handoffs (ID queue-<group>): it orders them by
// priority then age, keeps a view of its people that their Agent workflows update by signal,
// and tells the next handoff to offer itself the moment someone can take it. Started by the
// first enqueue (Update-With-Start), it runs as long as the group has a queue in the config,
// continuing as new with its state before its history grows large.
func Queue(ctx workflow.Context, st handoff.QueueState) (handoff.QueueState, error) {
	if st.Group == "" {
		st.Group, _ = handoff.GroupFromQueueWorkflowID(workflow.GetInfo(ctx).WorkflowExecution.ID)
	}
	if st.Entries == nil {
		st.Entries = []handoff.QueueEntry{}
	}
	q := &queueRun{
		st: st, logger: workflow.GetLogger(ctx),
		enqueues: workflow.GetSignalChannel(ctx, handoff.SignalEnqueue),
		agents:   workflow.GetSignalChannel(ctx, handoff.SignalAgentChanged),
		reports:  workflow.GetSignalChannel(ctx, handoff.SignalQueueReport),
		// The roster may have changed while the previous run ran: every run reads it first.
		refresh: true, dirty: true,
	}
	if err := q.setup(ctx); err != nil {
		return q.st, err
	}
	for {
		q.drain(ctx)
		if q.refresh {
			if err := q.readPeople(ctx); err != nil {
				return q.st, err
			}
			continue // the read took time: signals may have come meanwhile
		}
		q.confirmSends(ctx)
		if q.dirty {
			q.dirty = false
			q.dispatch(ctx)
			q.details(ctx)
		}
		if q.continueAsNewDue(ctx) {
			if err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) }); err != nil {
				return q.st, err
			}
			q.drain(ctx)
			if q.dirty {
				continue
			}
			for _, s := range q.sends {
				q.confirm(ctx, s)
			}
			q.sends = nil
			if q.dirty {
				continue // an offer did not reach its handoff: dispatch again first
			}
			return q.st, workflow.NewContinueAsNewError(ctx, handoff.QueueWorkflowName, q.st)
		}
		woken := func() bool {
			return q.dirty || q.enqueues.Len() > 0 || q.agents.Len() > 0 || q.reports.Len() > 0 || q.sendDone() || q.continueAsNewDue(ctx)
		}
		var err error
		if next := q.st.NextChange(workflow.Now(ctx)); next.IsZero() {
			err = workflow.Await(ctx, woken)
		} else {
			_, err = awaitWithTimeout(ctx, max(next.Sub(workflow.Now(ctx)), time.Millisecond), woken)
			// A step that ends, or a block that lifts, may let a handoff be offered.
			q.dirty = true
		}
		if err != nil {
			return q.st, err
		}
	}
}

func (q *queueRun) continueAsNewDue(ctx workflow.Context) bool {
	info := workflow.GetInfo(ctx)
	return info.GetContinueAsNewSuggested() || info.GetCurrentHistoryLength() > queueHistoryLimit
}

// setup registers the queries before the workflow first blocks. They take the caller's clock,
// so waits read right on a queue that has been quiet.
func (q *queueRun) setup(ctx workflow.Context) error {
	now := func(at time.Time) time.Time {
		if at.IsZero() || at.Before(workflow.Now(ctx)) {
			return workflow.Now(ctx)
		}
		return at
	}
	if err := workflow.SetQueryHandler(ctx, handoff.QueryQueueStats, func(at time.Time) (handoff.QueueStats, error) {
		st := q.st.Stats(now(at))
		// What continue-as-new would carry: the figure that bounds the queue (see MaxQueueWaiting).
		if b, err := json.Marshal(q.st); err == nil {
			st.StateBytes = len(b)
		}
		st.HistoryEvents = workflow.GetInfo(ctx).GetCurrentHistoryLength()
		return st, nil
	}); err != nil {
		return err
	}
	if err := workflow.SetQueryHandler(ctx, handoff.QueryQueuePosition, func(handoffID string, at time.Time) (handoff.QueuePosition, error) {
		return q.st.Position(handoffID, now(at)), nil
	}); err != nil {
		return err
	}
	return nil
}

// drain applies every signal received: handoffs joining, people's snapshots and handoffs'
// reports, in that order (a handoff's report follows its enqueue).
func (q *queueRun) drain(ctx workflow.Context) {
	now := workflow.Now(ctx)
	for {
		var in handoff.EnqueueInput
		if !q.enqueues.ReceiveAsync(&in) {
			break
		}
		q.enqueue(ctx, in, now)
	}
	for {
		var s handoff.AgentSnapshot
		if !q.agents.ReceiveAsync(&s) {
			break
		}
		if q.st.Apply(s) {
			q.dirty = true
		}
	}
	for {
		var r handoff.QueueReport
		if !q.reports.ReceiveAsync(&r) {
			break
		}
		var wait time.Duration
		if i := q.st.Index(r.HandoffID); i >= 0 {
			wait = now.Sub(q.st.Entries[i].EnqueuedAt)
		}
		if q.st.Report(r, now) {
			q.dirty = true
			q.reported(ctx, r, wait)
		}
	}
}

// enqueue puts a handoff in line, or tells it why not.
func (q *queueRun) enqueue(ctx workflow.Context, in handoff.EnqueueInput, now time.Time) {
	if err := q.st.ValidateEnqueue(in); err != nil {
		q.logger.Warn("enqueue refused", "handoff", in.Entry.HandoffID, "reason", err.Error())
		if in.Entry.HandoffID != "" {
			q.send(ctx, in.Entry.HandoffID, handoff.QueueOffer{Group: q.st.Group, At: now, Refused: err.Error()})
		}
		return
	}
	if in.RosterVersion != "" && in.RosterVersion != q.st.RosterVersion {
		q.refresh = true
	}
	q.st.Enqueue(in, now)
	q.dirty = true
}

// readPeople reads the group's roster and each person's state. Until it succeeds nobody can be
// offered anything, so it is retried for as long as it takes (Temporal itself restarting).
func (q *queueRun) readPeople(ctx workflow.Context) error {
	opts := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 30 * time.Second,
		Summary:             "Read the people of " + q.st.Group,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: 30 * time.Second},
	})
	var res activities.QueueMembersResult
	if err := workflow.ExecuteActivity(opts, a.QueueMembers, activities.QueueMembersInput{Group: q.st.Group}).Get(ctx, &res); err != nil {
		return err
	}
	q.st.SetMembers(res.Members, res.RosterVersion)
	for _, p := range res.People {
		q.st.Apply(p)
	}
	q.refresh, q.dirty = false, true
	return nil
}

// dispatch tells each handoff the queue decided to offer.
func (q *queueRun) dispatch(ctx workflow.Context) {
	for _, d := range q.st.Dispatch(workflow.Now(ctx)) {
		q.send(ctx, d.HandoffID, d.Offer)
	}
}

func (q *queueRun) send(ctx workflow.Context, handoffID string, offer handoff.QueueOffer) {
	wf, run := handoff.SplitHandoffID(handoffID)
	f := workflow.SignalExternalWorkflow(ctx, wf, run, handoff.SignalQueueOffer, offer)
	q.sends = append(q.sends, queueSend{handoffID: handoffID, f: f})
}

func (q *queueRun) sendDone() bool {
	return slices.ContainsFunc(q.sends, func(s queueSend) bool { return s.f.IsReady() })
}

// confirmSends settles the offers whose signal completed.
func (q *queueRun) confirmSends(ctx workflow.Context) {
	kept := q.sends[:0]
	for _, s := range q.sends {
		if !s.f.IsReady() {
			kept = append(kept, s)
			continue
		}
		q.confirm(ctx, s)
	}
	q.sends = kept
}

// confirm waits for an offer's signal. One that could not reach its handoff (the run closed:
// cancelled, terminated, reset) drops the entry, so its person is offered the next one.
func (q *queueRun) confirm(ctx workflow.Context, s queueSend) {
	if err := s.f.Get(ctx, nil); err != nil {
		q.logger.Info("an offered handoff could not be told; it leaves the queue", "handoff", s.handoffID, "error", err.Error())
		var wait time.Duration
		if i := q.st.Index(s.handoffID); i >= 0 {
			wait = workflow.Now(ctx).Sub(q.st.Entries[i].EnqueuedAt)
		}
		q.st.Drop(s.handoffID, workflow.Now(ctx))
		q.reported(ctx, handoff.QueueReport{HandoffID: s.handoffID, Kind: handoff.ReportLeft, Reason: leftGone}, wait)
		q.dirty = true
	}
}

// reported counts what a report changed: handoffs answered (with their wait) and those that
// left unanswered (by why).
func (q *queueRun) reported(ctx workflow.Context, r handoff.QueueReport, wait time.Duration) {
	mh := workflow.GetMetricsHandler(ctx).WithTags(map[string]string{"queue": q.st.Group})
	switch r.Kind {
	case handoff.ReportAccepted:
		mh.Counter(metricQueueAnswered).Inc(1)
		mh.Timer(metricQueueWait).Record(wait)
	case handoff.ReportLeft:
		mh.WithTags(map[string]string{"reason": leftReason(r.Reason)}).Counter(metricQueueLeft).Inc(1)
	case handoff.ReportPriority:
		if r.Priority != nil {
			q.logger.Info("priority changed", "handoff", r.HandoffID, "priority", *r.Priority)
		}
	}
}

// leftGone is why a handoff the queue could not tell left it: its run closed.
const leftGone = "gone"

// leftReason keeps the left counter's label to the known reasons.
func leftReason(why string) string {
	switch why {
	case leftMaxWait, leftCallback, leftAbandoned, leftCancelled, leftFailed, leftGone:
		return why
	}
	return "other"
}

// The queues' metrics (Prometheus names in telemetry.QueueMetrics).
const (
	metricQueueAnswered = "handoff_queue_answered"
	metricQueueLeft     = "handoff_queue_left"
	metricQueueWait     = "handoff_queue_wait"
)

// gauges sets the queue's real-time figures as of now.
func (q *queueRun) gauges(ctx workflow.Context, st handoff.QueueStats) {
	mh := workflow.GetMetricsHandler(ctx).WithTags(map[string]string{"queue": q.st.Group})
	mh.Gauge("handoff_queue_waiting").Update(float64(st.Waiting))
	mh.Gauge("handoff_queue_offered").Update(float64(st.Offered))
	mh.Gauge("handoff_queue_longest_wait_seconds").Update(st.LongestWaitSeconds)
	mh.Gauge("handoff_queue_people_online").Update(float64(st.PeopleOnline))
	mh.Gauge("handoff_queue_people_available").Update(float64(st.PeopleAvailable))
	if st.Occupancy != nil {
		mh.Gauge("handoff_queue_occupancy").Update(*st.Occupancy)
	}
	if st.ServiceLevel != nil {
		mh.Gauge("handoff_queue_service_level").Update(*st.ServiceLevel)
	}
}

// details is the Web UI's current-details line (the line's length and the people's state;
// group, agent and conversation IDs only) and the queue's gauges.
func (q *queueRun) details(ctx workflow.Context) {
	now := workflow.Now(ctx)
	st := q.st.Stats(now)
	q.gauges(ctx, st)
	var b strings.Builder
	fmt.Fprintf(&b, "**Queue %s** · %d waiting · %d offered · longest %.0fs", q.st.Group, st.Waiting, st.Offered, st.LongestWaitSeconds)
	fmt.Fprintf(&b, "\n\nPeople: %d online, %d available", st.PeopleOnline, st.PeopleAvailable)
	for _, p := range st.People {
		fmt.Fprintf(&b, "\n- %s: %s, %g of %g", p.Agent, p.State, p.Load, p.Capacity)
	}
	if len(st.Next) > 0 {
		b.WriteString("\n\nNext:")
		for i, n := range st.Next {
			if i == 5 {
				break
			}
			fmt.Fprintf(&b, " %s (priority %d, %.0fs)", n.ConversationID, n.Priority, n.WaitSeconds)
		}
	}
	workflow.SetCurrentDetails(ctx, b.String())
}
