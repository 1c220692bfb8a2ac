package workflows

import (
	"fmt"
	"strings"
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
	r := &agentRun{st: st, logger: workflow.GetLogger(ctx)}
	if err := r.setup(ctx); err != nil {
		return r.st, err
	}
	r.details(ctx)
	for {
		r.expireLeases(ctx)
		if r.continueAsNewDue(ctx) {
			// Handlers never block, but one accepted in this very task must finish before its
			// change is carried over.
			if err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) }); err != nil {
				return r.st, err
			}
			r.expireLeases(ctx)
			return r.st, workflow.NewContinueAsNewError(ctx, handoff.AgentWorkflowName, r.snapshot())
		}
		// Sleep until the earliest lease ends, waking early when that changes (a reservation
		// made or released) or when it is time to continue as new. An idle agent has no timer.
		next := r.nextLease()
		woken := func() bool { return !r.nextLease().Equal(next) || r.continueAsNewDue(ctx) }
		var err error
		if next.IsZero() {
			err = workflow.Await(ctx, woken)
		} else {
			_, err = workflow.AwaitWithOptions(ctx, workflow.AwaitOptions{
				Timeout:      max(next.Sub(workflow.Now(ctx)), time.Millisecond),
				TimerOptions: workflow.TimerOptions{Summary: "Lease of an open offer ends"},
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
	if r.st.Presence != handoff.PresenceOnline {
		return refuse(fmt.Sprintf("%s is %s", r.st.AgentID, r.st.Presence))
	}
	if capacity := r.capacityFor(in); r.st.Active() >= capacity {
		return refuse(fmt.Sprintf("%s is at capacity (%d of %d)", r.st.AgentID, r.st.Active(), capacity))
	}
	return nil
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
	r.st.Reservations = append(r.st.Reservations, handoff.Reservation{
		HandoffID:      in.HandoffID,
		ConversationID: in.ConversationID,
		State:          handoff.ReservationOffered,
		Since:          now,
		LeaseUntil:     now.Add(lease),
		Brief:          in.Brief,
		Source:         in.Source,
		OfferExpiresAt: in.OfferExpiresAt,
	})
	r.st.MaxHeld = max(r.st.MaxHeld, r.st.Active())
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
	res := &r.st.Reservations[r.held(in.HandoffID)]
	if res.State != handoff.ReservationAssigned {
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

// validateRelease refuses a release naming nothing, and a person's own release of an open
// offer: an offer is answered with accept or decline, and dropping its reservation first would
// let them accept it with no capacity counted.
func (r *agentRun) validateRelease(ctx workflow.Context, in handoff.ReleaseInput) error {
	if in.HandoffID == "" && in.ConversationID == "" {
		return refuse("handoff_id or conversation_id is required")
	}
	if !in.AssignedOnly {
		return nil
	}
	for _, res := range r.st.Reservations {
		if releases(in, res) && res.State == handoff.ReservationOffered {
			return refuse(fmt.Sprintf("conversation %s is offered to %s, not assigned: accept or decline the offer (after an accept, it is assigned within moments)",
				res.ConversationID, r.st.AgentID))
		}
	}
	return nil
}

// releases reports whether a release names the reservation.
func releases(in handoff.ReleaseInput, res handoff.Reservation) bool {
	return (in.HandoffID == "" || res.HandoffID == in.HandoffID) &&
		(in.ConversationID == "" || res.ConversationID == in.ConversationID)
}

// release frees what matches every field given. Nothing matching is a no-op, so each path of a
// handoff (and the agent, at the end of the conversation) may release without checking first.
func (r *agentRun) release(ctx workflow.Context, in handoff.ReleaseInput) (handoff.AgentState, error) {
	// Validators do not run on replay; the same check here keeps the state right regardless.
	if err := r.validateRelease(ctx, in); err != nil {
		return r.snapshot(), err
	}
	kept := make([]handoff.Reservation, 0, len(r.st.Reservations))
	for _, res := range r.st.Reservations {
		if !releases(in, res) {
			kept = append(kept, res)
		}
	}
	r.changed(ctx, kept)
	return r.snapshot(), nil
}

func (r *agentRun) setPresence(ctx workflow.Context, in handoff.PresenceInput) (handoff.AgentState, error) {
	if in.Presence != r.st.Presence {
		r.st.Presence, r.st.PresenceSince = in.Presence, workflow.Now(ctx)
		r.logger.Info("presence changed", "agent", r.st.AgentID, "presence", string(in.Presence), "reason", in.Reason)
	}
	r.details(ctx)
	return r.snapshot(), nil
}

// expireLeases drops offered reservations whose lease ended: their handoff vanished without
// releasing them (an accepted offer is an assignment and never expires).
func (r *agentRun) expireLeases(ctx workflow.Context) {
	now := workflow.Now(ctx)
	kept := make([]handoff.Reservation, 0, len(r.st.Reservations))
	for _, res := range r.st.Reservations {
		if res.State == handoff.ReservationOffered && !res.LeaseUntil.IsZero() && !res.LeaseUntil.After(now) {
			r.logger.Warn("reservation lease expired", "agent", r.st.AgentID, "handoff", res.HandoffID)
			continue
		}
		kept = append(kept, res)
	}
	if len(kept) != len(r.st.Reservations) {
		r.changed(ctx, kept)
	}
}

// changed installs the reservations left after a release or expiry.
func (r *agentRun) changed(ctx workflow.Context, kept []handoff.Reservation) {
	if len(kept) == 0 && len(r.st.Reservations) > 0 {
		r.st.IdleSince = workflow.Now(ctx)
	}
	r.st.Reservations = kept
	r.details(ctx)
}

func (r *agentRun) held(handoffID string) int {
	for i, res := range r.st.Reservations {
		if res.HandoffID == handoffID {
			return i
		}
	}
	return -1
}

// nextLease is the earliest lease end among offered reservations; zero when there is none.
func (r *agentRun) nextLease() time.Time {
	var next time.Time
	for _, res := range r.st.Reservations {
		if res.State == handoff.ReservationOffered && !res.LeaseUntil.IsZero() && (next.IsZero() || res.LeaseUntil.Before(next)) {
			next = res.LeaseUntil
		}
	}
	return next
}

// snapshot is a copy for the query, Update results and continue-as-new.
func (r *agentRun) snapshot() handoff.AgentState {
	s := r.st
	s.Reservations = append([]handoff.Reservation{}, r.st.Reservations...)
	return s
}

// details is the Web UI's current-details line: presence and load. Agent and conversation IDs
// only, no customer details.
func (r *agentRun) details(ctx workflow.Context) {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s · %d of %d held · most ever %d", r.st.AgentID, r.st.Presence, r.st.Active(), r.st.Capacity, r.st.MaxHeld)
	for i, res := range r.st.Reservations {
		if i == 10 {
			fmt.Fprintf(&b, "\n\n… and %d more", len(r.st.Reservations)-i)
			break
		}
		fmt.Fprintf(&b, "\n\n- %s: %s since %s", res.ConversationID, res.State, res.Since.UTC().Format(time.RFC3339))
	}
	workflow.SetCurrentDetails(ctx, b.String())
}
