package workflows

import (
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// agentHistoryLimit bounds one run's history: well below Temporal's 50K-event limit, and small
// enough that a worker picking the entity up cold replays it in milliseconds. The server's
// continue-as-new suggestion is honoured too, whichever comes first. A variable so the tests
// can lower it.
var agentHistoryLimit = 10_000

// defaultLease is used when a reservation names no lease (a client other than our activities).
const defaultLease = 10 * time.Minute

// agentRun is one run of a person's entity workflow. Every change happens in an Update handler
// without blocking, so a validator always sees the state its handler will change: two
// reservations can never both pass the capacity check.
type agentRun struct {
	st     handoff.AgentState
	logger log.Logger
	// told is the version the queues were last told of; signals are those still on their way.
	told    int64
	signals []workflow.Future
}

// Agent is the durable state of one person (human or supervisor): presence, the reservations
// and assignments that make up their load, and the capacity audit. It is started lazily by the
// first Update-With-Start (ID agent-<id>) and runs for as long as the person is on the roster,
// continuing as new with its state before its history grows large. The input is the state to
// begin with: the initial presence on first start, the carried state after continue-as-new.
func Agent(ctx workflow.Context, st handoff.AgentState) (handoff.AgentState, error) {
	if st.AgentID == "" {
		st.AgentID, _ = handoff.AgentIDFromWorkflowID(workflow.GetInfo(ctx).WorkflowExecution.ID)
	}
	if !st.Presence.Valid() {
		st.Presence = handoff.PresenceOffline
	}
	if st.Reservations == nil {
		st.Reservations = []handoff.Reservation{}
	}
	now := workflow.Now(ctx)
	if st.PresenceSince.IsZero() {
		st.PresenceSince = now
	}
	if st.IdleSince.IsZero() && len(st.Reservations) == 0 {
		st.IdleSince = now
	}
	// The queues were told of the state this run starts with (a new run is told of its first
	// change).
	r := &agentRun{st: st, logger: workflow.GetLogger(ctx), told: st.Version}
	if err := r.setup(ctx); err != nil {
		return r.st, err
	}
	r.details(ctx)
	for {
		r.expire(ctx)
		r.tellQueues(ctx)
		if r.continueAsNewDue(ctx) {
			// Handlers never block, but one accepted in this very task must finish before its
			// change is carried over; the queues' signals must have left.
			if err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) }); err != nil {
				return r.st, err
			}
			r.expire(ctx)
			r.tellQueues(ctx)
			r.signalsSent(ctx)
			return r.st, workflow.NewContinueAsNewError(ctx, handoff.AgentWorkflowName, r.snapshot())
		}
		// Sleep until the earliest lease or wrap-up ends, waking early when that changes (a
		// reservation made or released), when the queues must be told of a change, or when it
		// is time to continue as new. An idle agent has no timer.
		next := r.nextDeadline()
		woken := func() bool {
			return !r.nextDeadline().Equal(next) || r.st.Version != r.told || r.continueAsNewDue(ctx)
		}
		var err error
		if next.IsZero() {
			err = workflow.Await(ctx, woken)
		} else {
			_, err = workflow.AwaitWithOptions(ctx, workflow.AwaitOptions{
				Timeout:      max(next.Sub(workflow.Now(ctx)), time.Millisecond),
				TimerOptions: workflow.TimerOptions{Summary: r.deadlineSummary(next)},
			}, woken)
		}
		if err != nil {
			return r.snapshot(), err
		}
	}
}

func (r *agentRun) continueAsNewDue(ctx workflow.Context) bool {
	info := workflow.GetInfo(ctx)
	return info.GetContinueAsNewSuggested() || info.GetCurrentHistoryLength() > agentHistoryLimit
}

// setup registers the query and the Updates before the workflow first blocks.
func (r *agentRun) setup(ctx workflow.Context) error {
	if err := workflow.SetQueryHandler(ctx, handoff.QueryAgentState, func() (handoff.AgentState, error) {
		return r.snapshot(), nil
	}); err != nil {
		return err
	}
	if err := workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateReserve, r.reserve,
		workflow.UpdateHandlerOptions{Validator: r.validateReserve}); err != nil {
		return err
	}
	if err := workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateAssign, r.assign,
		workflow.UpdateHandlerOptions{Validator: r.validateAssign}); err != nil {
		return err
	}
	if err := workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateRelease, r.release,
		workflow.UpdateHandlerOptions{Validator: r.validateRelease}); err != nil {
		return err
	}
	return workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdatePresence, r.setPresence,
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.PresenceInput) error {
			if !in.Presence.Valid() {
				return refuse(fmt.Sprintf("presence %q is not one of online, away, offline", in.Presence))
			}
			return nil
		}})
}

// refuse is a validator's answer. Non-retryable and typed, so callers can tell a refusal from
// a failure.
func refuse(msg string) error {
	return temporal.NewNonRetryableApplicationError(msg, activities.RefusalType, nil)
}

func required(field, v string) error {
	if v == "" {
		return refuse(field + " is required")
	}
	return nil
}

// validateReserve refuses a reservation the agent cannot take now. A reservation for a handoff
// already held passes, so an activity retried after a lost answer gets the same yes.
func (r *agentRun) validateReserve(ctx workflow.Context, in handoff.ReserveInput) error {
	if err := required("handoff_id", in.HandoffID); err != nil {
		return err
	}
	if r.held(in.HandoffID) >= 0 {
		return nil
	}
	if err := required("conversation_id", in.ConversationID); err != nil {
		return err
	}
	if _, err := leaseOf(in); err != nil {
		return refuse(err.Error())
	}
	if in.Weight < 0 || in.Weight > 100 {
		return refuse(fmt.Sprintf("weight %g is not a share of capacity (above 0, at most 100)", in.Weight))
	}
	if err := handoff.ValidateChannel(in.Channel); err != nil {
		return refuse(err.Error())
	}
	if r.st.Presence != handoff.PresenceOnline {
		return refuse(fmt.Sprintf("%s is %s", r.st.AgentID, r.st.Presence))
	}
	capacity, weight := r.capacityFor(in), weightOf(in)
	if !handoff.Fits(r.st.Load(), weight, float64(capacity)) {
		if weight == 1 {
			return refuse(fmt.Sprintf("%s is at capacity (%g of %d)", r.st.AgentID, r.st.Load(), capacity))
		}
		return refuse(fmt.Sprintf("%s is at capacity (%g of %d held; a %s conversation takes %g)", r.st.AgentID, r.st.Load(), capacity, in.Channel, weight))
	}
	return nil
}

// weightOf is what the reservation takes of capacity: its weight, or 1.
func weightOf(in handoff.ReserveInput) float64 {
	if in.Weight > 0 {
		return in.Weight
	}
	return 1
}

// capacityFor is the capacity a reservation brings (the roster's, so a config change applies at
// once), else the last one known, and at least 1: a person on the roster takes conversations.
func (r *agentRun) capacityFor(in handoff.ReserveInput) int {
	if in.Capacity > 0 {
		return in.Capacity
	}
	return max(r.st.Capacity, 1)
}

func leaseOf(in handoff.ReserveInput) (time.Duration, error) {
	if in.Lease == "" {
		return defaultLease, nil
	}
	d, err := time.ParseDuration(in.Lease)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("lease %q is not a positive duration such as \"10m\"", in.Lease)
	}
	return d, nil
}

func (r *agentRun) reserve(ctx workflow.Context, in handoff.ReserveInput) (handoff.AgentState, error) {
	// Validators do not run on replay; the same checks here keep the state right regardless.
	if r.held(in.HandoffID) >= 0 {
		return r.snapshot(), nil
	}
	if err := r.validateReserve(ctx, in); err != nil {
		return r.snapshot(), err
	}
	lease, _ := leaseOf(in)
	now := workflow.Now(ctx)
	r.st.Capacity = r.capacityFor(in)
	r.learnQueues(in.Queues)
	res := handoff.Reservation{
		HandoffID:      in.HandoffID,
		ConversationID: in.ConversationID,
		State:          handoff.ReservationOffered,
		Since:          now,
		LeaseUntil:     now.Add(lease),
		Brief:          in.Brief,
		Source:         in.Source,
		OfferExpiresAt: in.OfferExpiresAt,
		Channel:        in.Channel,
	}
	if in.Weight > 0 && in.Weight != 1 {
		res.Weight = in.Weight
	}
	r.st.Reservations = append(r.st.Reservations, res)
	r.st.MaxHeld = max(r.st.MaxHeld, r.st.Active())
	r.st.MaxLoad = max(r.st.MaxLoad, r.st.Load())
	r.bump(ctx)
	r.details(ctx)
	return r.snapshot(), nil
}

// assign turns an offered reservation into an assignment with no lease. The validator refuses
// an assign whose reservation is gone: the agent released the conversation before the handoff
// got to assign it (an accept and an instant release race), or its lease ran out. Recording it
// anyway would hold capacity nobody will ever release.
func (r *agentRun) assign(ctx workflow.Context, in handoff.AssignInput) (handoff.AgentState, error) {
	if err := r.validateAssign(ctx, in); err != nil {
		return r.snapshot(), err
	}
	// Only an offer becomes an assignment: a wrap-up stays one.
	res := &r.st.Reservations[r.held(in.HandoffID)]
	if res.State == handoff.ReservationOffered {
		res.State, res.Since, res.LeaseUntil = handoff.ReservationAssigned, workflow.Now(ctx), time.Time{}
	}
	r.details(ctx)
	return r.snapshot(), nil
}

func (r *agentRun) validateAssign(ctx workflow.Context, in handoff.AssignInput) error {
	if err := required("handoff_id", in.HandoffID); err != nil {
		return err
	}
	if r.held(in.HandoffID) < 0 {
		return refuse(fmt.Sprintf("%s holds no reservation for %s (released, or its lease ended)", r.st.AgentID, in.HandoffID))
	}
	return nil
}
