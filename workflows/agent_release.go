package workflows

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// What frees a person's capacity (a release, a wrap-up or a lease that ends, going online)
// and how their queues hear of it: every change bumps the state's version, and the main loop
// signals the person's queues with a snapshot, so a queue offers its next handoff at once.

// maxDispositions bounds the disposition codes kept in the state.
const maxDispositions = 20

// validateRelease refuses a release naming nothing, a malformed wrap-up or disposition, and a
// person's own release of an open offer: an offer is answered with accept or decline, and
// dropping its reservation first would let them accept it with no capacity counted.
func (r *agentRun) validateRelease(ctx workflow.Context, in handoff.ReleaseInput) error {
	if in.HandoffID == "" && in.ConversationID == "" {
		return refuse("handoff_id or conversation_id is required")
	}
	if in.WrapUp != "" {
		if d, err := time.ParseDuration(in.WrapUp); err != nil || d < 0 || d > time.Hour {
			return refuse(fmt.Sprintf("wrap_up %q is not a duration from 0s to 1h", in.WrapUp))
		}
	}
	if err := handoff.ValidateDisposition(in.Disposition); err != nil {
		return refuse(err.Error())
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
// With a wrap-up, a released assignment keeps its capacity until the wrap-up ends; releasing it
// again changes nothing. An operator's forced release frees everything named at once.
func (r *agentRun) release(ctx workflow.Context, in handoff.ReleaseInput) (handoff.AgentState, error) {
	// Validators do not run on replay; the same check here keeps the state right regardless.
	if err := r.validateRelease(ctx, in); err != nil {
		return r.snapshot(), err
	}
	r.learnQueues(in.Queues)
	now := workflow.Now(ctx)
	wrap, _ := time.ParseDuration(in.WrapUp)
	kept := make([]handoff.Reservation, 0, len(r.st.Reservations))
	changed := false
	for _, res := range r.st.Reservations {
		switch {
		case !releases(in, res):
		case res.State == handoff.ReservationWrapUp && !in.Force:
			// Already released: its wrap-up runs on.
		case res.State == handoff.ReservationAssigned && wrap > 0 && !in.Force:
			res.State, res.Since, res.WrapUpUntil, res.Disposition = handoff.ReservationWrapUp, now, now.Add(wrap), in.Disposition
			r.disposed(ctx, res)
			changed = true
		default:
			if res.State == handoff.ReservationAssigned {
				r.disposed(ctx, handoff.Reservation{ConversationID: res.ConversationID, Disposition: in.Disposition})
			}
			if in.Force {
				r.logger.Info("forced release", "agent", r.st.AgentID, "handoff", res.HandoffID, "state", res.State, "reason", in.Reason)
			}
			changed = true
			continue
		}
		kept = append(kept, res)
	}
	if changed {
		r.changed(ctx, kept)
	}
	return r.snapshot(), nil
}

// disposed records the disposition code a release gave.
func (r *agentRun) disposed(ctx workflow.Context, res handoff.Reservation) {
	now := workflow.Now(ctx)
	if res.Disposition == "" {
		return
	}
	r.st.Dispositions = append(r.st.Dispositions, handoff.Disposition{ConversationID: res.ConversationID, Code: res.Disposition, At: now})
	workflow.GetMetricsHandler(ctx).WithTags(map[string]string{"agent": r.st.AgentID, "code": res.Disposition}).Counter("handoff_dispositions").Inc(1)
	if n := len(r.st.Dispositions); n > maxDispositions {
		r.st.Dispositions = slices.Clone(r.st.Dispositions[n-maxDispositions:])
	}
}

func (r *agentRun) setPresence(ctx workflow.Context, in handoff.PresenceInput) (handoff.AgentState, error) {
	r.learnQueues(in.Queues)
	if in.Presence != r.st.Presence {
		r.st.Presence, r.st.PresenceSince = in.Presence, workflow.Now(ctx)
		r.logger.Info("presence changed", "agent", r.st.AgentID, "presence", string(in.Presence), "reason", in.Reason, "by", in.By)
		r.bump(ctx)
	}
	r.details(ctx)
	return r.snapshot(), nil
}

// expire drops offered reservations whose lease ended (their handoff vanished without
// releasing them; an accepted offer is an assignment and never expires) and wrap-ups that
// ended.
func (r *agentRun) expire(ctx workflow.Context) {
	now := workflow.Now(ctx)
	kept := make([]handoff.Reservation, 0, len(r.st.Reservations))
	for _, res := range r.st.Reservations {
		switch {
		case res.State == handoff.ReservationOffered && !res.LeaseUntil.IsZero() && !res.LeaseUntil.After(now):
			r.logger.Warn("reservation lease expired", "agent", r.st.AgentID, "handoff", res.HandoffID)
			continue
		case res.State == handoff.ReservationWrapUp && !res.WrapUpUntil.After(now):
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
	r.bump(ctx)
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

// nextDeadline is the earliest end of an offered reservation's lease or of a wrap-up; zero
// when there is none.
func (r *agentRun) nextDeadline() time.Time {
	var next time.Time
	for _, res := range r.st.Reservations {
		at := res.LeaseUntil
		if res.State == handoff.ReservationWrapUp {
			at = res.WrapUpUntil
		} else if res.State != handoff.ReservationOffered {
			continue
		}
		if !at.IsZero() && (next.IsZero() || at.Before(next)) {
			next = at
		}
	}
	return next
}

// deadlineSummary names the timer in the Web UI. A lease's wording is the one histories
// recorded before wrap-ups existed.
func (r *agentRun) deadlineSummary(next time.Time) string {
	for _, res := range r.st.Reservations {
		if res.State == handoff.ReservationWrapUp && res.WrapUpUntil.Equal(next) {
			return "Wrap-up of " + res.ConversationID + " ends"
		}
	}
	return "Lease of an open offer ends"
}

// learnQueues keeps the queues the roster says the person serves, as the latest input brought
// them (an input without them, from a client that does not know, changes nothing).
func (r *agentRun) learnQueues(queues []string) {
	if len(queues) > 0 && !slices.Equal(queues, r.st.Queues) {
		r.st.Queues = slices.Clone(queues)
	}
}

// bump marks a change the queues must hear of. The version is the workflow time in
// nanoseconds (or one more than the last, within a task): it keeps growing across runs, and
// across a person's workflow started afresh, so a queue never mistakes a new state for an old.
func (r *agentRun) bump(ctx workflow.Context) {
	r.st.Version = max(r.st.Version+1, workflow.Now(ctx).UnixNano())
}

// tellQueues signals the person's snapshot to each of their queues when it changed since they
// were last told. A queue that is not running (nobody waits, or it was never started) fails
// the signal, which is fine: a queue reads its people's state when it starts.
func (r *agentRun) tellQueues(ctx workflow.Context) {
	r.signals = slices.DeleteFunc(r.signals, func(f workflow.Future) bool { return f.IsReady() })
	if r.st.Version == r.told {
		return
	}
	r.told = r.st.Version
	snap := r.st.Snapshot()
	workflow.GetMetricsHandler(ctx).WithTags(map[string]string{"agent": r.st.AgentID}).Gauge("handoff_agent_load").Update(snap.Load)
	for _, q := range r.st.Queues {
		r.signals = append(r.signals, workflow.SignalExternalWorkflow(ctx, handoff.QueueWorkflowID(q), "", handoff.SignalAgentChanged, snap))
	}
}

// signalsSent waits for the signals still on their way (before continuing as new); their
// failures are a queue that is not running.
func (r *agentRun) signalsSent(ctx workflow.Context) {
	for _, f := range r.signals {
		_ = f.Get(ctx, nil)
	}
	r.signals = nil
}

// snapshot is a copy for the query, Update results and continue-as-new.
func (r *agentRun) snapshot() handoff.AgentState {
	s := r.st
	s.Reservations = append([]handoff.Reservation{}, r.st.Reservations...)
	s.Queues = slices.Clone(r.st.Queues)
	s.Dispositions = slices.Clone(r.st.Dispositions)
	return s
}

// details is the Web UI's current-details line: presence and load. Agent and conversation IDs
// only, no customer details.
func (r *agentRun) details(ctx workflow.Context) {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s · %d of %d held · most ever %d", r.st.AgentID, r.st.Presence, r.st.Active(), r.st.Capacity, r.st.MaxHeld)
	if load := r.st.Load(); load != float64(r.st.Active()) {
		fmt.Fprintf(&b, " · load %g", load)
	}
	for i, res := range r.st.Reservations {
		if i == 10 {
			fmt.Fprintf(&b, "\n\n… and %d more", len(r.st.Reservations)-i)
			break
		}
		fmt.Fprintf(&b, "\n\n- %s: %s since %s", res.ConversationID, res.State, res.Since.UTC().Format(time.RFC3339))
	}
	workflow.SetCurrentDetails(ctx, b.String())
}
