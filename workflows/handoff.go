// Package workflows holds the durable workflows: one Handoff per conversation handoff.
package workflows

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// a is only used to name activity methods; the worker registers the real instance.
var a *activities.Activities

// handoffRun is one Handoff execution: its input, its state (what the state query shows) and
// the answers that handlers deliver to the waiting workflow code.
type handoffRun struct {
	in     handoff.Input
	id     string
	state  handoff.State
	logger log.Logger

	// open indexes state.Offers awaiting a person's answer (several with parallel offers).
	open []int
	// reserving is the offer whose reservation is under way, or -1: the person may already
	// see it in their list, so an answer from them waits for the reservation's result.
	reserving int
	// customerLeft is set by a customer_left event: the handoff ends abandoned.
	customerLeft bool
	// confirmation is the answer to an awaiting_confirmation pause; nil until one arrives.
	confirmation   *handoff.ConfirmInput
	awaitingYesNo  bool
	turnComplete   bool
	lastCustomerAt time.Time
	// customerPrepared: the customer hears "let me connect you" once, not once per candidate.
	customerPrepared bool
	// sourceSilent: the source could not be reached to prepare the customer.
	sourceSilent bool
	// sourceKept: the source answers but would not let go, so it keeps the customer and no
	// other candidate is tried; fallbackSent: it was already told so.
	sourceKept, fallbackSent bool
	// sourcePerson: a person hands the conversation on (a handback, a transfer, a monitoring
	// rule's move from them); sourceFreed: their assignment was already released as they let
	// go (handoff_transfer.go).
	sourcePerson, sourceFreed bool
	// plan is the plan being tried, kept to plan a callback with its people.
	plan []activities.Step
	// queue is the wait in a people's queue under way (handoff_queue.go); callbackRequested is
	// the customer's choice to be called back instead. closedQueue is a queue that was outside
	// its business hours (until closedOpens): a plan that ends then opens a ticket.
	queue             *queueing
	callbackRequested bool
	closedQueue       *handoff.QueueSpec
	closedOpens       time.Time
	closedAgents      []string
	// sinceQueue is the number of offers made before the last queue wait ended.
	sinceQueue int
	// reassign and priority are a supervisor's pending actions (handoff_supervise.go).
	reassign *handoff.ReassignInput
	priority *int
	// cx tracks the context packages delivered and how well they arrived.
	cx contextTracker
	// track is the monitoring window's view for its rules (handoff_monitor.go), nil without
	// rules; supervisors are who a re-escalation the ping-pong guard blocks alerts instead.
	track        *monitorTrack
	supervisors  []string
	monitorStart time.Time

	// Events for subscribers (handoff_events.go): seq numbers them, pending waits for the
	// next milestone, published are the batches sent; made marks offers extended.
	seq       int
	pending   []events.Event
	published []workflow.Future
	made      map[int]bool
}

// Handoff moves one conversation from its source agent to another agent: decide whether and to
// whom, check availability, package the context, prepare the customer, brief the receiver, get
// its acceptance (or fall back), confirm the transfer, watch the monitoring window and record
// the outcome. The source agent owns the conversation until the transfer is confirmed, so a
// handoff that ends any other way leaves the customer where they were.
func Handoff(ctx workflow.Context, in handoff.Input) (handoff.Result, error) {
	if err := in.Validate(); err != nil {
		return handoff.Result{}, temporal.NewNonRetryableApplicationError("invalid handoff input: "+err.Error(), "InvalidInput", nil)
	}
	h := &handoffRun{
		in:        in,
		id:        handoff.HandoffID(workflow.GetInfo(ctx).WorkflowExecution.ID, workflow.GetInfo(ctx).WorkflowExecution.RunID),
		logger:    workflow.GetLogger(ctx),
		made:      map[int]bool{},
		reserving: -1,
	}
	h.state = handoff.State{
		ConversationID: in.ConversationID,
		SourceAgent:    in.SourceAgent,
		Owner:          in.SourceAgent,
		Offers:         []handoff.Offer{},
		StartedAt:      workflow.Now(ctx),
	}
	if r := in.Reescalation; r != nil {
		h.state.Chain = r.Chain
	}
	h.state.HandoffID, h.state.Kind = h.id, in.Kind()
	if n := len(in.Lineage); n > 0 {
		h.state.Lineage, h.state.Predecessor = in.Lineage, in.Lineage[n-1].HandoffID
	}
	h.lastCustomerAt = lastCustomerMessageAt(in.Messages)
	if err := h.setup(ctx); err != nil {
		return handoff.Result{}, err
	}
	return h.run(ctx)
}

func (h *handoffRun) run(ctx workflow.Context) (handoff.Result, error) {
	outcome, reason := h.transfer(ctx)
	if temporal.IsCanceledError(ctx.Err()) {
		outcome, reason = handoff.OutcomeCancelled, "cancelled by an operator or the source agent"
	}
	// The closing steps run whatever happens next: a cancellation arriving while the outcome
	// is recorded must not lose the record.
	ctx, _ = workflow.NewDisconnectedContext(ctx)
	// A conversation the team finds in the asynchronous channel needs no callback.
	ticket := outcome == handoff.OutcomeNoCapacity && h.ticketDue() && h.openTicket(ctx)
	if !ticket && (outcome == handoff.OutcomeNoCapacity || outcome == handoff.OutcomeCallback) {
		h.planCallback(ctx)
	}
	if h.state.Owner == h.in.SourceAgent && h.attempted() && outcome != handoff.OutcomeAbandoned && !h.fallbackSent {
		h.notifyFallback(ctx, outcome)
	}
	h.setPhase(ctx, handoff.PhaseRecording)
	h.state.Outcome, h.state.OutcomeReason = outcome, reason
	h.planFollowUp(ctx)
	h.emit(ctx, events.TypeOutcome, h.state.Owner, "")
	// The last batch goes while the outcome is recorded; both are waited for below.
	h.publish(ctx)
	h.record(ctx)
	h.state.EndedAt = workflow.Now(ctx)
	h.setPhase(ctx, handoff.PhaseClosed)
	h.reportPreservation(ctx)
	h.reportOutcome(ctx)
	h.upsert(ctx, append(h.completenessSA(), kw(handoff.SAOutcome, string(outcome)), kw(handoff.SAPhase, string(handoff.PhaseClosed)))...)
	workflow.SetCurrentDetails(ctx, h.details())
	// Updates are answered synchronously, but one may have been accepted in this same task.
	_ = workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
	h.awaitPublished(ctx)
	h.boundResult()
	if t := h.track; t != nil && t.next != nil {
		// The conversation moves on from its current owner as the next run of this workflow ID.
		return h.state, workflow.NewContinueAsNewError(ctx, handoff.WorkflowName, *t.next)
	}
	return h.state, nil
}

// maxDecisionBytes bounds the decision kept in the state. Rules read scalar signals of a few
// bytes each; a client signalling megabytes through the SDK (where the API's limits do not
// apply) must not push the query answer and the result past Temporal's blob limit.
const maxDecisionBytes = 64 << 10

// boundDecision leaves out the decision's signals and long reason values when they could
// encode larger than maxDecisionBytes; the rule, target and reason texts stay. The size is
// estimated, not measured: marshalling a megabyte inside a workflow task on a loaded worker
// takes long enough to trip the SDK's deadlock detector.
func boundDecision(d *handoff.Decision) {
	if decisionSize(d) <= maxDecisionBytes {
		return
	}
	d.Signals = nil
	for i := range d.Reasons {
		if s, ok := d.Reasons[i].Value.(string); ok {
			d.Reasons[i].Value = cut(s, 256)
		}
		d.Reasons[i].Text = cut(d.Reasons[i].Text, 512)
	}
}

// decisionSize is an upper bound of what the decision's signals and reasons add when encoded:
// six bytes a character (JSON's worst case, \u003c) for strings, a fixed 32 for the rest.
func decisionSize(d *handoff.Decision) int {
	size := func(v any) int {
		if s, ok := v.(string); ok {
			return 6 * len(s)
		}
		return 32
	}
	n := 0
	for k, v := range d.Signals {
		n += 6*len(k) + size(v)
	}
	for _, r := range d.Reasons {
		n += 6*(len(r.Rule)+len(r.Condition)+len(r.Text)) + size(r.Value)
	}
	return n
}

// boundResult keeps the result under handoff.MaxResultBytes: a result over the server's blob
// limit terminates the workflow and loses the outcome. Events are bounded as they arrive and
// the decision when it is made, so this only acts on what nothing else bounds.
func (h *handoffRun) boundResult() {
	size := func() int {
		b, err := json.Marshal(h.state)
		if err != nil {
			return 0
		}
		return len(b)
	}
	if size() <= handoff.MaxResultBytes {
		return
	}
	h.state.EventsDropped += len(h.state.Events)
	h.state.Events = nil
	h.state.Truncated = "events left out to keep the result under 512 KiB"
	if size() > handoff.MaxResultBytes {
		h.state.Timings = nil
		h.state.Truncated = "events and phase timings left out to keep the result under 512 KiB"
	}
}

// transfer runs the handoff up to its outcome. It returns early with the outcome as soon as
// one is known; the caller records it whatever it is.
func (h *handoffRun) transfer(ctx workflow.Context) (handoff.Outcome, string) {
	h.setPhase(ctx, handoff.PhaseAnalyzing)
	var analysis activities.AnalysisResult
	if err := workflow.ExecuteLocalActivity(localOptions(ctx, "Analyze trigger"), a.AnalyzeTrigger, h.in).Get(ctx, &analysis); err != nil {
		return h.failure(ctx, "trigger analysis failed", err)
	}
	if analysis.UseDecoder {
		var decoded activities.AnalysisResult
		if err := workflow.ExecuteActivity(decoderOptions(ctx), a.DecodeIntent, h.in).Get(ctx, &decoded); err == nil {
			analysis = decoded
		} else if temporal.IsCanceledError(err) {
			return h.failure(ctx, "intent decoding", err)
		}
	}

	h.setPhase(ctx, handoff.PhaseSelecting)
	var sel activities.Selection
	in := activities.SelectInput{Input: h.in, Analysis: analysis.Analysis}
	if err := workflow.ExecuteLocalActivity(localOptions(ctx, "Select target"), a.SelectTarget, in).Get(ctx, &sel); err != nil {
		return h.failure(ctx, "target selection failed", err)
	}
	d := sel.Decision
	boundDecision(&d)
	h.state.Decision = &d
	h.cancelFollowUp(ctx)
	if d.Consult != nil && sel.Consultation != nil {
		return h.consult(ctx, *sel.Consultation)
	}
	if !d.Handoff {
		return handoff.OutcomeNoHandoff, "no routing rule matched: " + firstReason(d)
	}
	if o, r, held := h.heldOut(); held {
		return o, r
	}
	h.state.Target = d.Target
	// The source is set here too, for handoffs started by a plain SDK client without it. On
	// the fast bot path a handoff whose first step is bots reaches monitoring within
	// milliseconds, and that milestone's upsert (or the offer's, if it falls to people)
	// carries the same attributes: this one would cost an action for nothing.
	if !h.fast() || d.RequiresConfirmation || len(sel.Plan) == 0 || sel.Plan[0].People {
		h.upsert(ctx, h.identitySA(handoff.PhaseSelecting)...)
	}
	if len(sel.Plan) == 0 {
		return handoff.OutcomeNoCapacity, fmt.Sprintf("no agent in the roster can take %q", d.Target)
	}
	timings := parseSettings(d.Settings, h.in.MonitoringWindow)

	if !d.Urgent {
		if err := h.waitForBreakpoint(ctx, timings); err != nil {
			return h.failure(ctx, "waiting for a breakpoint", err)
		}
	}
	if d.RequiresConfirmation {
		if outcome, reason, ok := h.awaitConfirmation(ctx, timings.confirmation); !ok {
			return outcome, reason
		}
	}
	if d.Approval != nil {
		if outcome, reason, ok := h.awaitApproval(ctx, *d.Approval); !ok {
			return outcome, reason
		}
	}
	if o, r, stop := h.stopped(ctx); stop {
		return o, r
	}

	plan, exclude, err := h.pingPongGuard(ctx, sel)
	if err != nil {
		return h.failure(ctx, "reading the conversation's earlier handoffs", err)
	}
	h.plan = plan
	for _, step := range sel.SupervisorPlan {
		h.supervisors = append(h.supervisors, step.Agents...)
	}
	h.enrich(ctx, sel)
	h.sourcePerson = sel.SourceIsPerson
	accepted, outcome, reason := h.tryPlan(ctx, plan, exclude, timings)
	if accepted == "" {
		return outcome, reason
	}
	if sel.SourceIsPerson && !h.sourceFreed {
		h.freeSourceCapacity(ctx)
	}
	return h.monitor(ctx, timings.monitoring)
}

// attempted reports whether a handoff was under way (a target tried, the customer told, or a
// confirmation asked), in which case the source must hear that it keeps the customer.
func (h *handoffRun) attempted() bool {
	return len(h.state.Offers) > 0 || len(h.state.Queues) > 0 || h.customerPrepared || h.state.Decision != nil && h.state.Decision.RequiresConfirmation ||
		h.state.Approval != nil
}

func (h *handoffRun) failure(ctx workflow.Context, what string, err error) (handoff.Outcome, string) {
	if temporal.IsCanceledError(err) {
		return handoff.OutcomeCancelled, "cancelled"
	}
	h.logger.Error("handoff step failed", "step", what, "error", err)
	return handoff.OutcomeFailed, what + ": " + err.Error()
}

func firstReason(d handoff.Decision) string {
	for _, r := range d.Reasons {
		if r.Text != "" {
			return r.Text
		}
	}
	return "the conversation stays with its agent"
}

// lastCustomerMessageAt is when the customer last wrote, if the bot sent timestamps.
func lastCustomerMessageAt(msgs []handoff.Message) time.Time {
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Role == "customer" {
			return msgs[i].At
		}
	}
	return time.Time{}
}

// timings are the handoff's durations, parsed once from the settings captured in the decision.
type timings struct {
	monitoring, offer, confirmation, breakpoint, quiet time.Duration
}

func parseSettings(s handoff.Settings, monitoringOverride string) timings {
	parse := func(v string, def time.Duration) time.Duration {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return def
		}
		return d
	}
	t := timings{
		monitoring:   parse(s.MonitoringWindow, 5*time.Minute),
		offer:        parse(s.OfferTimeout, time.Minute),
		confirmation: parse(s.ConfirmationTimeout, 2*time.Minute),
		breakpoint:   parse(s.BreakpointWait, 20*time.Second),
		quiet:        parse(s.QuietPeriod, 8*time.Second),
	}
	if monitoringOverride != "" {
		t.monitoring = parse(monitoringOverride, t.monitoring)
	}
	return t
}
