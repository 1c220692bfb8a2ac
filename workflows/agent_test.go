package workflows

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// The entity workflow runs in the time-skipping environment: leases of minutes pass in
// milliseconds. Each test scripts Updates at points in (skipped) time and checks the answers
// and the state query, then cancels the workflow, which otherwise runs forever.

type agentHarness struct {
	t   *testing.T
	env *testsuite.TestWorkflowEnvironment
}

func newAgentHarness(t *testing.T) *agentHarness {
	t.Helper()
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(nopLogger{})
	env := suite.NewTestWorkflowEnvironment()
	env.SetWorkerOptions(worker.Options{DeadlockDetectionTimeout: testDeadlockTimeout})
	env.RegisterWorkflowWithOptions(Agent, workflow.RegisterOptions{Name: handoff.AgentWorkflowName})
	return &agentHarness{t: t, env: env}
}

// answer is what an Update got: refused by the validator, or the state it returned.
type answer struct {
	refused error
	state   handoff.AgentState
	done    bool
}

// update sends an Update now and returns where its answer lands; the environment processes it
// before the next delayed callback runs.
func (h *agentHarness) update(name string, arg any) *answer {
	ans := &answer{}
	h.env.UpdateWorkflow(name, "", &testsuite.TestUpdateCallback{
		OnAccept: func() {},
		OnReject: func(err error) { ans.refused, ans.done = err, true },
		OnComplete: func(v any, err error) {
			ans.done = true
			if err != nil {
				ans.refused = err
				return
			}
			if st, ok := v.(handoff.AgentState); ok {
				ans.state = st
			}
		},
	}, arg)
	return ans
}

func (h *agentHarness) at(d time.Duration, fn func()) { h.env.RegisterDelayedCallback(fn, d) }

func (h *agentHarness) state() handoff.AgentState {
	h.t.Helper()
	v, err := h.env.QueryWorkflow(handoff.QueryAgentState)
	if err != nil {
		h.t.Fatalf("state query: %v", err)
	}
	var st handoff.AgentState
	if err := v.Get(&st); err != nil {
		h.t.Fatal(err)
	}
	return st
}

// run starts the workflow with st, runs the script, and cancels it at end.
func (h *agentHarness) run(st handoff.AgentState, end time.Duration) {
	h.t.Helper()
	h.at(end, func() { h.env.CancelWorkflow() })
	h.env.ExecuteWorkflow(handoff.AgentWorkflowName, st)
	if !h.env.IsWorkflowCompleted() {
		h.t.Fatal("agent workflow did not end")
	}
}

func reserve(id string) handoff.ReserveInput {
	return handoff.ReserveInput{HandoffID: "handoff-" + id, ConversationID: id, Capacity: 2, Lease: "10m", Brief: "brief of " + id}
}

func mustAccept(t *testing.T, what string, a *answer) {
	t.Helper()
	if !a.done || a.refused != nil {
		t.Fatalf("%s: done %t, refused %v", what, a.done, a.refused)
	}
}

func mustRefuse(t *testing.T, what string, a *answer, want string) {
	t.Helper()
	if !a.done || a.refused == nil || !strings.Contains(a.refused.Error(), want) {
		t.Fatalf("%s: done %t, refusal %v, want one containing %q", what, a.done, a.refused, want)
	}
}

func online(id string) handoff.AgentState {
	return handoff.AgentState{AgentID: id, Presence: handoff.PresenceOnline, Capacity: 2}
}

func TestAgentReservesWithinCapacityAndRefusesBeyond(t *testing.T) {
	h := newAgentHarness(t)
	var r1, r2, r3, again *answer
	h.at(time.Second, func() { r1 = h.update(handoff.UpdateReserve, reserve("c-1")) })
	h.at(2*time.Second, func() { r2 = h.update(handoff.UpdateReserve, reserve("c-2")) })
	h.at(3*time.Second, func() { r3 = h.update(handoff.UpdateReserve, reserve("c-3")) })
	// A retried reserve of a handoff already held is a yes, even at capacity.
	h.at(4*time.Second, func() { again = h.update(handoff.UpdateReserve, reserve("c-2")) })
	h.at(5*time.Second, func() {
		mustAccept(t, "first", r1)
		mustAccept(t, "second", r2)
		mustRefuse(t, "third", r3, "maria is at capacity (2 of 2)")
		mustAccept(t, "same handoff again", again)
		st := h.state()
		if st.Active() != 2 || st.MaxHeld != 2 {
			t.Fatalf("active %d max %d, want 2 and 2: %+v", st.Active(), st.MaxHeld, st)
		}
		res := st.Reservations[0]
		if res.State != handoff.ReservationOffered || res.Brief != "brief of c-1" || !res.LeaseUntil.Equal(res.Since.Add(10*time.Minute)) {
			t.Fatalf("reservation %+v", res)
		}
	})
	h.run(online("maria"), time.Minute)
}

func TestAgentRefusesWhileAwayOrOffline(t *testing.T) {
	h := newAgentHarness(t)
	start := handoff.AgentState{AgentID: "maria", Presence: handoff.PresenceOffline, Capacity: 2}
	var offline, away, bad, back, ok *answer
	h.at(time.Second, func() { offline = h.update(handoff.UpdateReserve, reserve("c-1")) })
	h.at(2*time.Second, func() { h.update(handoff.UpdatePresence, handoff.PresenceInput{Presence: handoff.PresenceAway}) })
	h.at(3*time.Second, func() { away = h.update(handoff.UpdateReserve, reserve("c-1")) })
	h.at(4*time.Second, func() { bad = h.update(handoff.UpdatePresence, handoff.PresenceInput{Presence: "busy"}) })
	h.at(5*time.Second, func() {
		back = h.update(handoff.UpdatePresence, handoff.PresenceInput{Presence: handoff.PresenceOnline})
	})
	h.at(6*time.Second, func() { ok = h.update(handoff.UpdateReserve, reserve("c-1")) })
	h.at(7*time.Second, func() {
		mustRefuse(t, "offline", offline, "maria is offline")
		mustRefuse(t, "away", away, "maria is away")
		mustRefuse(t, "unknown presence", bad, `presence "busy" is not one of online, away, offline`)
		mustAccept(t, "back online", back)
		mustAccept(t, "reserve when online", ok)
		st := h.state()
		if st.Presence != handoff.PresenceOnline || st.Active() != 1 {
			t.Fatalf("state %+v", st)
		}
		// Going away keeps what is held: open offers may still be answered.
		h.update(handoff.UpdatePresence, handoff.PresenceInput{Presence: handoff.PresenceAway})
	})
	h.at(8*time.Second, func() {
		if st := h.state(); st.Presence != handoff.PresenceAway || st.Active() != 1 || st.PresenceSince.IsZero() {
			t.Fatalf("after going away: %+v", st)
		}
	})
	h.run(start, time.Minute)
}

func TestAgentAssignReleaseAndLeaseExpiry(t *testing.T) {
	h := newAgentHarness(t)
	var assign, assignGone, noop, byConv, empty *answer
	h.at(time.Second, func() {
		h.update(handoff.UpdateReserve, reserve("c-1"))
		h.update(handoff.UpdateReserve, handoff.ReserveInput{HandoffID: "handoff-c-2", ConversationID: "c-2", Capacity: 2, Lease: "2m"})
	})
	h.at(2*time.Second, func() { assign = h.update(handoff.UpdateAssign, handoff.AssignInput{HandoffID: "handoff-c-1"}) })
	// The offer of c-2 is never answered nor released: its lease ends after two minutes.
	h.at(2*time.Minute+10*time.Second, func() {
		mustAccept(t, "assign", assign)
		st := h.state()
		if st.Active() != 1 || st.Reservations[0].ConversationID != "c-1" || st.Reservations[0].State != handoff.ReservationAssigned {
			t.Fatalf("after the lease of c-2 ended: %+v", st)
		}
		if !st.Reservations[0].LeaseUntil.IsZero() {
			t.Fatalf("an assignment has no lease: %+v", st.Reservations[0])
		}
		if st.MaxHeld != 2 {
			t.Fatalf("max held %d, want 2", st.MaxHeld)
		}
		noop = h.update(handoff.UpdateRelease, handoff.ReleaseInput{HandoffID: "handoff-c-9"})
		// The handoff of c-2 comes back too late: nothing is held for it any more.
		assignGone = h.update(handoff.UpdateAssign, handoff.AssignInput{HandoffID: "handoff-c-2"})
	})
	// The assignment outlives any lease; the agent's own release (by conversation) ends it.
	h.at(30*time.Minute, func() {
		mustAccept(t, "release of what is not held", noop)
		mustRefuse(t, "assign after the lease ended", assignGone, "maria holds no reservation for handoff-c-2")
		if st := h.state(); st.Active() != 1 {
			t.Fatalf("assignment dropped: %+v", st)
		}
		byConv = h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-1", Reason: "conversation over"})
		empty = h.update(handoff.UpdateRelease, handoff.ReleaseInput{})
	})
	h.at(31*time.Minute, func() {
		mustAccept(t, "release by conversation", byConv)
		mustRefuse(t, "release naming nothing", empty, "handoff_id or conversation_id is required")
		st := h.state()
		if st.Active() != 0 || st.MaxHeld != 2 {
			t.Fatalf("after release: %+v", st)
		}
		if st.IdleSince.Before(st.PresenceSince.Add(30 * time.Minute)) {
			t.Fatalf("idle since %s, want the time of the release", st.IdleSince)
		}
	})
	h.run(online("maria"), time.Hour)
}

func TestAgentReleaseThenReserveAgain(t *testing.T) {
	h := newAgentHarness(t)
	var refused, ok *answer
	h.at(time.Second, func() {
		h.update(handoff.UpdateReserve, reserve("c-1"))
		h.update(handoff.UpdateReserve, reserve("c-2"))
		refused = h.update(handoff.UpdateReserve, reserve("c-3"))
		h.update(handoff.UpdateRelease, handoff.ReleaseInput{HandoffID: "handoff-c-1", Reason: "declined"})
		ok = h.update(handoff.UpdateReserve, reserve("c-3"))
	})
	h.at(2*time.Second, func() {
		mustRefuse(t, "at capacity", refused, "at capacity (2 of 2)")
		mustAccept(t, "after a release", ok)
		st := h.state()
		var convs []string
		for _, r := range st.Reservations {
			convs = append(convs, r.ConversationID)
		}
		if strings.Join(convs, ",") != "c-2,c-3" || st.MaxHeld != 2 {
			t.Fatalf("held %v, max %d", convs, st.MaxHeld)
		}
	})
	h.run(online("maria"), time.Minute)
}

// A person's own release frees what is assigned to them but never an open offer: otherwise
// they could drop the offer's reservation, accept it, and hold the conversation with no
// capacity counted (one person ended up with 4 conversations on capacity 2 that way).
func TestAgentOwnReleaseCannotDropAnOpenOffer(t *testing.T) {
	h := newAgentHarness(t)
	var dropOffer, dropAssigned, handoffWithdraws *answer
	h.at(time.Second, func() {
		h.update(handoff.UpdateReserve, reserve("c-1"))
		h.update(handoff.UpdateReserve, reserve("c-2"))
		h.update(handoff.UpdateAssign, handoff.AssignInput{HandoffID: "handoff-c-1"})
	})
	h.at(2*time.Second, func() {
		dropOffer = h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-2", AssignedOnly: true})
		dropAssigned = h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-1", AssignedOnly: true})
	})
	h.at(3*time.Second, func() {
		mustRefuse(t, "a person dropping an open offer", dropOffer, "offered to maria, not assigned")
		mustAccept(t, "a person releasing an assigned conversation", dropAssigned)
		st := h.state()
		if st.Active() != 1 || st.Reservations[0].ConversationID != "c-2" {
			t.Fatalf("held %+v, want only the open offer of c-2", st.Reservations)
		}
		// The handoff itself still withdraws its offer.
		handoffWithdraws = h.update(handoff.UpdateRelease, handoff.ReleaseInput{HandoffID: "handoff-c-2"})
	})
	h.at(4*time.Second, func() {
		mustAccept(t, "the handoff releasing its offer", handoffWithdraws)
		if st := h.state(); st.Active() != 0 {
			t.Fatalf("held %+v, want nothing", st.Reservations)
		}
	})
	h.run(online("maria"), time.Minute)
}

// TestAgentContinueAsNewKeepsState drives the entity past its history bound and checks that
// the state it continues with is the state it had, and that the next run honours the carried
// lease.
func TestAgentContinueAsNewKeepsState(t *testing.T) {
	h := newAgentHarness(t)
	h.at(time.Second, func() {
		h.update(handoff.UpdateReserve, reserve("c-1"))
		h.update(handoff.UpdateReserve, handoff.ReserveInput{HandoffID: "handoff-c-2", ConversationID: "c-2", Capacity: 2, Lease: "3m"})
		h.update(handoff.UpdateAssign, handoff.AssignInput{HandoffID: "handoff-c-1"})
		h.update(handoff.UpdatePresence, handoff.PresenceInput{Presence: handoff.PresenceAway})
	})
	h.at(2*time.Second, func() {
		h.env.SetCurrentHistoryLength(agentHistoryLimit + 1)
		// Any event wakes the workflow to notice.
		h.update(handoff.UpdateRelease, handoff.ReleaseInput{HandoffID: "handoff-none"})
	})
	h.env.ExecuteWorkflow(handoff.AgentWorkflowName, online("maria"))
	var can *workflow.ContinueAsNewError
	if err := h.env.GetWorkflowError(); !errors.As(err, &can) {
		t.Fatalf("workflow ended with %v, want continue-as-new", err)
	}
	if can.WorkflowType.Name != handoff.AgentWorkflowName {
		t.Fatalf("continued as %q", can.WorkflowType.Name)
	}
	var carried handoff.AgentState
	if err := converter.GetDefaultDataConverter().FromPayloads(can.Input, &carried); err != nil {
		t.Fatal(err)
	}
	if carried.Presence != handoff.PresenceAway || carried.Active() != 2 || carried.MaxHeld != 2 || carried.Capacity != 2 ||
		carried.Reservations[0].State != handoff.ReservationAssigned || carried.Reservations[1].LeaseUntil.IsZero() {
		t.Fatalf("carried state %+v", carried)
	}

	// The next run: the offer of c-2 still expires when its lease says, the assignment stays.
	next := newAgentHarness(t)
	next.at(5*time.Minute, func() {
		st := next.state()
		if st.Active() != 1 || st.Reservations[0].ConversationID != "c-1" || st.Presence != handoff.PresenceAway || st.MaxHeld != 2 {
			t.Fatalf("next run: %+v", st)
		}
	})
	next.run(carried, 10*time.Minute)
}

func TestAgentStartsLazilyWithDefaults(t *testing.T) {
	h := newAgentHarness(t)
	h.at(time.Second, func() {
		st := h.state()
		if st.AgentID != "maria" || st.Presence != handoff.PresenceOffline || st.Reservations == nil || st.IdleSince.IsZero() {
			t.Fatalf("initial state %+v", st)
		}
	})
	// An empty input (a start by another client) takes the ID from the workflow ID.
	h.env.SetStartWorkflowOptions(client.StartWorkflowOptions{ID: "agent-maria"})
	h.run(handoff.AgentState{}, time.Minute)
}
