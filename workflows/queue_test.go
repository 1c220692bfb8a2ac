package workflows

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// The Queue workflow alone in the time-skipping environment: its people's snapshots and the
// handoffs' reports are signals the test sends, its offers are signals the test records.

type queueHarness struct {
	t   *testing.T
	env *testsuite.TestWorkflowEnvironment

	mu     sync.Mutex
	offers []handoff.QueueOffer
	to     []string // the handoff ID each offer went to
	// refused are the handoffs told they are not in line.
	refused []string
	// gone handoffs fail the offer's signal (their run closed).
	gone    map[string]bool
	members []handoff.QueueMember
	people  []handoff.AgentSnapshot
	reads   int
	version int64
}

func newQueueHarness(t *testing.T, members ...handoff.QueueMember) *queueHarness {
	t.Helper()
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(nopLogger{})
	env := suite.NewTestWorkflowEnvironment()
	env.SetWorkerOptions(worker.Options{DeadlockDetectionTimeout: testDeadlockTimeout})
	env.RegisterWorkflowWithOptions(Queue, workflow.RegisterOptions{Name: handoff.QueueWorkflowName})
	env.RegisterActivity(a.QueueMembers)
	h := &queueHarness{t: t, env: env, gone: map[string]bool{}, members: members, version: 10}
	for _, m := range members {
		h.people = append(h.people, handoff.AgentSnapshot{Agent: m.Agent, Presence: handoff.PresenceOnline, Version: 1})
	}
	env.OnActivity(a.QueueMembers, mock.Anything, mock.Anything).Return(
		func(context.Context, activities.QueueMembersInput) (activities.QueueMembersResult, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.reads++
			return activities.QueueMembersResult{Members: h.members, RosterVersion: "r1", People: h.people}, nil
		})
	env.OnSignalExternalWorkflow(mock.Anything, mock.Anything, mock.Anything, handoff.SignalQueueOffer, mock.Anything).Return(
		func(_, workflowID, runID, _ string, arg any) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			id := handoff.HandoffID(workflowID, runID)
			if h.gone[id] {
				return errors.New("workflow execution already completed")
			}
			if o := arg.(handoff.QueueOffer); o.Refused != "" {
				h.refused = append(h.refused, id+": "+o.Refused)
				return nil
			}
			h.offers = append(h.offers, arg.(handoff.QueueOffer))
			h.to = append(h.to, id)
			return nil
		})
	return h
}

func person(id string, capacity float64, seller int) handoff.QueueMember {
	return handoff.QueueMember{Agent: id, Capacity: capacity, Skills: map[string]int{"seller": seller}, Weights: map[string]float64{"voice": capacity, "email": 0.5}}
}

func (h *queueHarness) at(d time.Duration, fn func()) { h.env.RegisterDelayedCallback(fn, d) }

// enqueue adds conversation conv; its handoff ID is handoff-conv/run-conv.
func (h *queueHarness) enqueue(conv string, prio int, mod ...func(*handoff.EnqueueInput)) {
	in := handoff.EnqueueInput{Entry: handoff.QueueEntry{HandoffID: qid(conv), ConversationID: conv, Priority: prio}, RosterVersion: "r1"}
	for _, m := range mod {
		m(&in)
	}
	h.env.SignalWorkflow(handoff.SignalEnqueue, in)
}

func qid(conv string) string { return handoff.HandoffID(handoff.WorkflowID(conv), "run-"+conv) }

// snapshot tells the queue a person's state; each call is a newer version.
func (h *queueHarness) snapshot(agent string, presence handoff.Presence, load float64, held ...string) {
	h.version++
	var ids []string
	for _, c := range held {
		ids = append(ids, qid(c))
	}
	h.env.SignalWorkflow(handoff.SignalAgentChanged, handoff.AgentSnapshot{Agent: agent, Presence: presence, Load: load, Held: ids, Version: h.version})
}

func (h *queueHarness) report(conv, kind, agent string, mod ...func(*handoff.QueueReport)) {
	r := handoff.QueueReport{HandoffID: qid(conv), Kind: kind, Agent: agent}
	for _, m := range mod {
		m(&r)
	}
	h.env.SignalWorkflow(handoff.SignalQueueReport, r)
}

// offered lists the offers made so far as conv>agent, in the order the queue made them (its
// sequence numbers: the environment runs signal mocks on goroutines of their own, so they may
// be recorded in another order).
func (h *queueHarness) offered() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	idx := make([]int, len(h.offers))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int { return int(h.offers[x].Seq - h.offers[y].Seq) })
	var parts []string
	for _, i := range idx {
		wf, _ := handoff.SplitHandoffID(h.to[i])
		conv, _ := handoff.ConversationIDFromWorkflowID(wf)
		parts = append(parts, conv+">"+h.offers[i].Agent)
	}
	return strings.Join(parts, ",")
}

func (h *queueHarness) stats() handoff.QueueStats {
	h.t.Helper()
	v, err := h.env.QueryWorkflow(handoff.QueryQueueStats, time.Time{})
	if err != nil {
		h.t.Fatalf("stats: %v", err)
	}
	var st handoff.QueueStats
	if err := v.Get(&st); err != nil {
		h.t.Fatal(err)
	}
	return st
}

func (h *queueHarness) position(conv string) handoff.QueuePosition {
	h.t.Helper()
	v, err := h.env.QueryWorkflow(handoff.QueryQueuePosition, qid(conv), time.Time{})
	if err != nil {
		h.t.Fatalf("position: %v", err)
	}
	var p handoff.QueuePosition
	if err := v.Get(&p); err != nil {
		h.t.Fatal(err)
	}
	return p
}

// run starts the queue and cancels it at end.
func (h *queueHarness) run(end time.Duration) {
	h.t.Helper()
	h.at(end, func() { h.env.CancelWorkflow() })
	h.env.ExecuteWorkflow(handoff.QueueWorkflowName, handoff.QueueState{Group: "human_agent"})
	if !h.env.IsWorkflowCompleted() {
		h.t.Fatal("queue workflow did not end")
	}
}

// serve answers every offer as a person who accepts at once and holds the conversation.
func TestQueueOffersEachFreedPlaceByPriorityThenAge(t *testing.T) {
	h := newQueueHarness(t, person("maria", 1, 5))
	h.at(time.Second, func() { h.snapshot("maria", handoff.PresenceOnline, 1) })
	h.at(2*time.Second, func() {
		h.enqueue("low-old", 1)
		h.enqueue("high-old", 5)
	})
	h.at(3*time.Second, func() {
		h.enqueue("high-new", 5)
		h.enqueue("mid", 3)
	})
	var waiting handoff.QueueStats
	var pos handoff.QueuePosition
	h.at(4*time.Second, func() {
		waiting, pos = h.stats(), h.position("mid")
		h.snapshot("maria", handoff.PresenceOnline, 0) // she released a conversation
	})
	// Each offer is accepted, and she frees again a little later, four times.
	for i := range 4 {
		h.at(time.Duration(5+2*i)*time.Second, func() {
			h.mu.Lock()
			last := h.to[len(h.to)-1]
			h.mu.Unlock()
			wf, _ := handoff.SplitHandoffID(last)
			conv, _ := handoff.ConversationIDFromWorkflowID(wf)
			h.report(conv, handoff.ReportAccepted, "maria")
			h.snapshot("maria", handoff.PresenceOnline, 1, conv)
		})
		h.at(time.Duration(6+2*i)*time.Second, func() { h.snapshot("maria", handoff.PresenceOnline, 0) })
	}
	var after handoff.QueueStats
	h.at(20*time.Second, func() { after = h.stats() })
	h.run(time.Minute)
	expect(t, "offers", h.offered(), "high-old>maria,high-new>maria,mid>maria,low-old>maria")
	expect(t, "waiting before", waiting.Waiting, 4)
	expect(t, "position of mid", pos.Position, 3)
	expect(t, "answered", after.Answered, 4)
	expect(t, "waiting after", after.Waiting, 0)
	if after.ServiceLevel == nil || *after.ServiceLevel != 1 {
		t.Errorf("service level %v, want all four within 20s", after.ServiceLevel)
	}
}

func TestQueueAgingOvertakesAYoungerHigherPriority(t *testing.T) {
	h := newQueueHarness(t, person("maria", 1, 5))
	aging := func(in *handoff.EnqueueInput) { in.AgingEvery = "30s" }
	h.at(time.Second, func() { h.snapshot("maria", handoff.PresenceOnline, 1) })
	h.at(2*time.Second, func() { h.enqueue("patient", 1, aging) })
	h.at(62*time.Second, func() { h.enqueue("urgent", 2, aging) })
	// At 63 s patient has aged twice (1 + 2 = 3) and overtakes urgent's 2.
	h.at(63*time.Second, func() { h.snapshot("maria", handoff.PresenceOnline, 0) })
	h.run(2 * time.Minute)
	expect(t, "offers", h.offered(), "patient>maria")
}

func TestPersonGoingOnlineDrainsTheQueue(t *testing.T) {
	h := newQueueHarness(t, person("maria", 2, 5), person("james", 2, 5))
	h.people[0].Presence, h.people[1].Presence = handoff.PresenceOffline, handoff.PresenceOffline
	h.at(time.Second, func() {
		for i := range 5 {
			h.enqueue(fmt.Sprint("c", i), 0)
		}
	})
	var before string
	var waiting int
	h.at(10*time.Second, func() {
		before, waiting = h.offered(), h.stats().Waiting
		h.snapshot("maria", handoff.PresenceOnline, 0)
	})
	var afterMaria string
	h.at(11*time.Second, func() {
		afterMaria = h.offered()
		h.snapshot("james", handoff.PresenceOnline, 0)
	})
	h.run(time.Minute)
	expect(t, "nobody online", before, "")
	expect(t, "waiting", waiting, 5)
	expect(t, "maria online", afterMaria, "c0>maria,c1>maria")
	expect(t, "james online", h.offered(), "c0>maria,c1>maria,c2>james,c3>james")
}

func TestQueueWidensTimedTargetStepsWithoutASignal(t *testing.T) {
	h := newQueueHarness(t, person("expert", 1, 5), person("junior", 1, 2))
	steps := func(in *handoff.EnqueueInput) {
		in.Entry.Skills = []string{"seller"}
		in.Steps = []handoff.TargetStep{{MinLevel: 4, Timeout: "30s"}, {}}
	}
	h.at(time.Second, func() {
		h.snapshot("expert", handoff.PresenceOnline, 1)
		h.enqueue("c1", 0, steps)
	})
	var early string
	h.at(20*time.Second, func() { early = h.offered() })
	start := h.env.Now()
	h.run(time.Minute)
	expect(t, "only an expert in the first 30s", early, "")
	expect(t, "the junior once the step ends", h.offered(), "c1>junior")
	if o := h.offers[0]; o.At.Sub(start) != 31*time.Second || o.Seq != 1 {
		t.Errorf("offer %+v made %s after the start, want 31s (enqueued at 1s, a 30s step)", o, o.At.Sub(start))
	}
}

func TestQueueKnownAgentFirst(t *testing.T) {
	h := newQueueHarness(t, person("maria", 1, 5), person("james", 1, 5))
	known := func(in *handoff.EnqueueInput) { in.Entry.KnownAgent, in.KnownAgentWait = "maria", "20s" }
	h.at(time.Second, func() {
		h.snapshot("maria", handoff.PresenceOnline, 1)
		h.enqueue("returning", 0, known)
	})
	h.at(8*time.Second, func() { h.snapshot("maria", handoff.PresenceOnline, 0) })
	h.run(time.Minute)
	expect(t, "maria, though james was free all along", h.offered(), "returning>maria")
}

// A full queue tells the handoff so, and keeps nothing of it.
func TestQueueRefusesWhenFull(t *testing.T) {
	h := newQueueHarness(t, person("maria", 1, 5))
	h.at(time.Second, func() {
		h.snapshot("maria", handoff.PresenceOnline, 1)
		h.enqueue("c1", 0, func(in *handoff.EnqueueInput) { in.MaxWaiting = 1 })
		h.enqueue("c2", 0, func(in *handoff.EnqueueInput) { in.MaxWaiting = 1 })
	})
	var st handoff.QueueStats
	h.at(2*time.Second, func() { st = h.stats() })
	h.run(time.Minute)
	expect(t, "waiting", st.Waiting, 1)
	expect(t, "refused", strings.Join(h.refused, ","), qid("c2")+": queue human_agent is full: 1 handoffs wait (at most 1)")
}

// An offer that cannot reach its handoff (the run closed) drops it; a declined offer waits
// again with its age, and the person who declined is not offered it again.
func TestQueueDropsAGoneHandoffAndKeepsTheAgeOfAReturnedOne(t *testing.T) {
	h := newQueueHarness(t, person("maria", 1, 5), person("james", 1, 5))
	h.gone[qid("gone")] = true
	h.at(time.Second, func() {
		h.snapshot("maria", handoff.PresenceOnline, 1)
		h.snapshot("james", handoff.PresenceOnline, 1)
		h.enqueue("gone", 9)
		h.enqueue("first", 5)
		h.enqueue("second", 1)
	})
	h.at(2*time.Second, func() { h.snapshot("maria", handoff.PresenceOnline, 0) })
	h.at(3*time.Second, func() {
		h.report("first", handoff.ReportReturned, "maria", func(r *handoff.QueueReport) { r.Exclude = true })
	})
	h.at(4*time.Second, func() { h.snapshot("james", handoff.PresenceOnline, 0) })
	var st handoff.QueueStats
	h.at(5*time.Second, func() { st = h.stats() })
	h.run(time.Minute)
	// gone's offer failed, so maria got first; first came back (declined by maria) and goes to
	// james ahead of second, which maria takes meanwhile.
	expect(t, "offers", h.offered(), "first>maria,second>maria,first>james")
	expect(t, "left", st.Left, 1)
	expect(t, "offered", st.Offered, 2)
}

// The queue carries its line across continue-as-new, and the next run reads its people again.
func TestQueueContinueAsNewCarriesTheLine(t *testing.T) {
	h := newQueueHarness(t, person("maria", 1, 5))
	h.at(time.Second, func() {
		h.snapshot("maria", handoff.PresenceOnline, 1)
		h.enqueue("c1", 3)
		h.enqueue("c2", 7)
	})
	h.at(2*time.Second, func() {
		h.env.SetCurrentHistoryLength(queueHistoryLimit + 1)
		h.snapshot("maria", handoff.PresenceOnline, 1)
	})
	h.env.ExecuteWorkflow(handoff.QueueWorkflowName, handoff.QueueState{Group: "human_agent"})
	var can *workflow.ContinueAsNewError
	if err := h.env.GetWorkflowError(); !errors.As(err, &can) {
		t.Fatalf("workflow ended with %v, want continue-as-new", err)
	}
	var carried handoff.QueueState
	if err := converter.GetDefaultDataConverter().FromPayloads(can.Input, &carried); err != nil {
		t.Fatal(err)
	}
	if len(carried.Entries) != 2 || carried.Arrivals != 2 || len(carried.People) != 1 || carried.People[0].Load != 1 {
		t.Fatalf("carried %+v", carried)
	}
	next := newQueueHarness(t, person("maria", 1, 5))
	next.people[0].Load, next.people[0].Version, next.version = 1, 100, 200
	next.at(time.Second, func() { next.snapshot("maria", handoff.PresenceOnline, 0) })
	next.at(time.Minute, func() { next.env.CancelWorkflow() })
	next.env.ExecuteWorkflow(handoff.QueueWorkflowName, carried)
	expect(t, "next run's first offer", next.offered(), "c2>maria")
	expect(t, "people read by the next run", next.reads, 1)
}
