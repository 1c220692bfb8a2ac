package workflows

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/temporal"
)

// A handoff waiting in a queue, in the time-skipping environment: the queue is played by the
// test (its offers are signals the test sends, its reports are recorded), the Enqueue and
// position activities are stand-ins.

type queueSide struct {
	h       *harness
	reports []handoff.QueueReport
	enqueue []activities.EnqueueRequest
	told    []activities.PositionInput
	tickets []activities.TicketInput
	// result answers Enqueue; position is the place AnnouncePosition reads.
	result   activities.EnqueueResult
	err      error
	position int
}

func queueSpec(group string) *handoff.QueueSpec {
	return &handoff.QueueSpec{Group: group, MaxWait: "10m", ServiceLevel: "20s", HandleTime: "5m",
		Priority: handoff.PriorityWeights{VIP: 50, Urgent: 20}}
}

func queued(spec *handoff.QueueSpec, ids ...string) activities.Step {
	return activities.Step{Agents: ids, Via: "rule r", People: true, Queue: spec}
}

func (h *harness) withQueue() *queueSide {
	q := &queueSide{h: h, position: 3}
	h.env.OnActivity(a.Enqueue, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.EnqueueRequest) (activities.EnqueueResult, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			q.enqueue = append(q.enqueue, in)
			if q.err != nil {
				return activities.EnqueueResult{}, q.err
			}
			return q.result, nil
		})
	h.env.OnActivity(a.AnnouncePosition, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.PositionInput) (activities.PositionResult, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			q.told = append(q.told, in)
			pos := handoff.QueuePosition{Position: q.position, EstimateSeconds: 40 * q.position}
			q.position = max(q.position-1, 1)
			return activities.PositionResult{Position: pos, Told: true,
				Message: activities.PositionMessage(pos, in.CallbackOffered, time.Time{})}, nil
		})
	h.env.OnActivity(a.OpenTicket, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.TicketInput) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			q.tickets = append(q.tickets, in)
			return nil
		})
	h.env.OnSignalExternalWorkflow(mock.Anything, mock.Anything, "", handoff.SignalQueueReport, mock.Anything).Return(
		func(_, workflowID, _, _ string, arg any) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			rep := arg.(handoff.QueueReport)
			rep.HandoffID = workflowID + ":" + rep.HandoffID // which queue it went to
			q.reports = append(q.reports, rep)
			return nil
		})
	return q
}

// offer is the queue's signal to offer the handoff to agent; the handoff joined as the 7th.
func (q *queueSide) offer(group, agent string, seq int64) {
	q.h.env.SignalWorkflow(handoff.SignalQueueOffer, handoff.QueueOffer{Group: group, Agent: agent, Seq: seq, EntrySeq: 7,
		EnqueuedAt: q.h.env.Now().Add(-time.Second)})
}

// sent lists the reports as queue:kind:agent(+exclude|full|blocked).
func (q *queueSide) sent() string {
	q.h.mu.Lock()
	defer q.h.mu.Unlock()
	var parts []string
	for _, r := range q.reports {
		queue, _, _ := strings.Cut(r.HandoffID, ":")
		s := strings.TrimPrefix(queue, "queue-") + ":" + r.Kind
		if r.Agent != "" {
			s += ":" + r.Agent
		}
		switch {
		case r.Exclude:
			s += "+exclude"
		case r.Full:
			s += "+full"
		case r.Blocked:
			s += "+blocked"
		}
		if r.Kind == handoff.ReportLeft {
			s += ":" + r.Reason
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ",")
}

func TestHandoffWaitsInItsQueueUntilAPersonIsFree(t *testing.T) {
	d := testDecision("human_agent")
	d.Signals = map[string]any{"vip_customer": true}
	h := newHarness(t, d, queued(queueSpec("human_agent"), "maria", "james"))
	q := h.withQueue()
	var waiting handoff.State
	h.at(40*time.Second, func() {
		waiting = h.state()
		q.offer("human_agent", "maria", 12)
	})
	h.at(45*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	in := testInput()
	in.Channel, in.RelationshipContext.LastAgent = "email", "james"
	res := h.run(in)
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "maria")
	expect(t, "phase while waiting", waiting.Phase, handoff.PhaseQueued)
	expect(t, "offers", offerResults(res), "maria:accepted")
	expect(t, "reports", q.sent(), "human_agent:accepted")
	if len(res.Queues) != 1 {
		t.Fatalf("queues %+v", res.Queues)
	}
	w := res.Queues[0]
	if w.Group != "human_agent" || w.Priority != 70 || w.Seq != 7 || w.FirstOffer != 12 || w.Offers != 1 || w.Left != "accepted" ||
		w.LeftAt.Sub(res.StartedAt) != 45*time.Second || strings.Join(w.Why, "; ") != "VIP +50; urgent +20" {
		t.Fatalf("wait %+v", w)
	}
	e := q.enqueue[0].Entry
	if e.HandoffID == "" || e.Priority != 70 || e.Channel != "email" || e.KnownAgent != "james" || e.ConversationID != "conv-1" {
		t.Fatalf("entry %+v", e)
	}
	// The customer was answered within the first interval: no position message.
	expect(t, "position messages", len(q.told), 0)
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:maria,assign:maria")
}

// A decline, a refused reservation or an unavailable person send the handoff back into line,
// with what the queue needs to know; the next offer is accepted.
func TestQueueOfferThatDoesNotStandGoesBackIntoLine(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), queued(queueSpec("human_agent"), "maria", "james", "ana", "sam"))
	q := h.withQueue()
	h.refuse["james"] = "james is at capacity (2 of 2)"
	h.unavailable["ana"] = "in a calendar event until 15:30 (UTC)"
	h.at(10*time.Second, func() { q.offer("human_agent", "maria", 1) })
	h.at(12*time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "maria", Reason: "busy"}) })
	h.at(20*time.Second, func() { q.offer("human_agent", "james", 2) })
	h.at(30*time.Second, func() { q.offer("human_agent", "ana", 3) })
	h.at(40*time.Second, func() { q.offer("human_agent", "sam", 4) })
	h.at(41*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "sam"}) })
	var queuedAgain handoff.State
	h.at(35*time.Second, func() { queuedAgain = h.state() })
	res := h.run(testInput())
	expect(t, "owner", res.Owner, "sam")
	expect(t, "offers", offerResults(res), "maria:declined,james:unavailable,ana:unavailable,sam:accepted")
	expect(t, "reports", q.sent(), "human_agent:returned:maria+exclude,human_agent:returned:james+full,human_agent:returned:ana+blocked,human_agent:accepted")
	expect(t, "back in line", queuedAgain.Phase, handoff.PhaseQueued)
	expect(t, "offers received", res.Queues[0].Offers, 4)
	expect(t, "first offer", res.Queues[0].FirstOffer, int64(1))
}

// The customer hears their place at intervals; after the callback threshold the message offers
// a callback, and the customer takes it: the handoff leaves the line, plans the callback, and
// the source keeps the customer.
func TestPositionMessagesThenTheCustomerChoosesACallback(t *testing.T) {
	spec := queueSpec("human_agent")
	spec.PositionEvery, spec.CallbackAfter = "30s", "60s"
	h := newHarness(t, testDecision("human_agent"), queued(spec, "maria", "james"))
	q := h.withQueue()
	h.at(100*time.Second, func() {
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCallbackRequested, From: "jorge_seller_bot"})
	})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCallback)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "reports", q.sent(), "human_agent:left:callback")
	if len(q.told) != 3 {
		t.Fatalf("position messages %d, want 3 (30s, 60s, 90s)", len(q.told))
	}
	for i, want := range []bool{false, true, true} {
		if q.told[i].CallbackOffered != want || q.told[i].Delivery.To != "jorge_seller_bot" || q.told[i].Delivery.Type != handoff.DeliveryQueuePosition {
			t.Errorf("message %d: %+v, callback offered %t, want %t", i, q.told[i].Delivery, q.told[i].CallbackOffered, want)
		}
	}
	w := res.Queues[0]
	if w.Announced != 3 || !w.CallbackOffered || w.Position != 1 || w.Left != "callback" {
		t.Errorf("wait %+v", w)
	}
	if !strings.Contains(res.OutcomeReason, "chose a callback after waiting 1m40s in queue human_agent") {
		t.Errorf("reason %q", res.OutcomeReason)
	}
	if res.Callback == nil || res.Callback.At.IsZero() {
		t.Fatalf("callback %+v, want one planned", res.Callback)
	}
	expect(t, "the source keeps the customer with a script", strings.Join(h.delivered(handoff.DeliveryFallback), ","), "jorge_seller_bot")
	expect(t, "the message wording", activities.PositionMessage(handoff.QueuePosition{Position: 3, EstimateSeconds: 120}, false, time.Time{}),
		"You are number 3 in line, about 2 minutes.")
}

// At the max wait the handoff overflows: to the next target (ana, who declines), then the
// supervisors' queue (which finds nobody in time either), then a callback.
func TestMaxWaitOverflowsThenSupervisorThenCallback(t *testing.T) {
	spec := queueSpec("human_agent")
	spec.MaxWait = "2m"
	sup := queueSpec("supervisors")
	sup.MaxWait = "1m"
	h := newHarness(t, testDecision("human_agent"), queued(spec, "maria", "james"),
		activities.Step{Agents: []string{"ana"}, Via: "overflow from queue human_agent", People: true}, queued(sup, "sam"))
	q := h.withQueue()
	h.at(2*time.Minute+5*time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "ana"}) })
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeNoCapacity)
	expect(t, "offers", offerResults(res), "ana:declined")
	expect(t, "reports", q.sent(), "human_agent:left:max_wait,supervisors:left:max_wait")
	if len(res.Queues) != 2 || res.Queues[0].Left != "max_wait" || res.Queues[1].Group != "supervisors" ||
		res.Queues[1].EnqueuedAt.Sub(res.StartedAt) != 2*time.Minute+5*time.Second {
		t.Fatalf("queues %+v", res.Queues)
	}
	if !strings.Contains(res.OutcomeReason, "queue supervisors reached its max wait (1m0s)") {
		t.Errorf("reason %q", res.OutcomeReason)
	}
	if res.Callback == nil {
		t.Fatal("no callback planned")
	}
	if got := res.EndedAt.Sub(res.StartedAt); got < 3*time.Minute {
		t.Errorf("ended after %s, want both waits", got)
	}
}

// Outside the queue's business hours nobody waits; a chain that ends then opens a ticket with
// the context instead of planning a callback.
func TestClosedQueueEndsInATicket(t *testing.T) {
	spec := queueSpec("human_agent")
	spec.BusinessHours, spec.Ticket = "Mon-Fri 09:00-18:00", true
	h := newHarness(t, testDecision("human_agent"), queued(spec, "maria", "james"))
	q := h.withQueue()
	opens := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	q.result = activities.EnqueueResult{Closed: true, OpensAt: opens, Refused: "outside business hours"}
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeNoCapacity)
	if res.Ticket == nil || !res.Ticket.Accepted || !res.Ticket.OpensAt.Equal(opens) || res.Callback != nil {
		t.Fatalf("ticket %+v callback %+v", res.Ticket, res.Callback)
	}
	if len(q.tickets) != 1 || q.tickets[0].Delivery.Package == nil || q.tickets[0].Group != "human_agent" {
		t.Fatalf("tickets %+v", q.tickets)
	}
	expect(t, "reports", q.sent(), "")
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, d := range h.deliveries {
		if d.Delivery.Type == handoff.DeliveryFallback && !strings.Contains(d.Delivery.Message, "back Mon 2 Mar 09:00 UTC") {
			t.Errorf("fallback script %q", d.Delivery.Message)
		}
	}
}

// A queue that refuses the handoff (full) is passed over like one whose max wait passed.
func TestFullQueueIsPassedOver(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), queued(queueSpec("human_agent"), "maria"), human("sam"))
	q := h.withQueue()
	h.at(time.Second, func() {
		h.env.SignalWorkflow(handoff.SignalQueueOffer, handoff.QueueOffer{Group: "human_agent", Refused: "queue human_agent is full: 1000 handoffs wait (at most 1000)"})
	})
	h.at(3*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "sam"}) })
	res := h.run(testInput())
	expect(t, "owner", res.Owner, "sam")
	expect(t, "left", res.Queues[0].Left, "full")
	expect(t, "reports", q.sent(), "")
}

// An offer from a queue the handoff does not wait in tells that queue to drop the entry.
func TestStaleQueueOfferTellsTheQueueToDropIt(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria"))
	q := h.withQueue()
	h.at(time.Second, func() { q.offer("vip_team", "james", 3) })
	h.at(2*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	expect(t, "owner", res.Owner, "maria")
	expect(t, "reports", q.sent(), "vip_team:left:not waiting")
}

// A queue that cannot be reached does not strand the handoff: its people are tried directly.
func TestUnreachableQueueFallsBackToTryingItsPeople(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), queued(queueSpec("human_agent"), "maria"))
	q := h.withQueue()
	q.err = temporal.NewNonRetryableApplicationError("queue unreachable", "Unavailable", nil)
	h.at(5*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	expect(t, "owner", res.Owner, "maria")
	expect(t, "left", res.Queues[0].Left, "failed")
}

func TestCustomerLeavesOrCancelWhileQueued(t *testing.T) {
	for _, c := range []struct {
		name    string
		act     func(h *harness)
		outcome handoff.Outcome
		report  string
	}{
		{"left", func(h *harness) {
			h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerLeft})
		}, handoff.OutcomeAbandoned, "human_agent:left:abandoned"},
		{"cancelled", func(h *harness) { h.env.CancelWorkflow() }, handoff.OutcomeCancelled, "human_agent:left:cancelled"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, testDecision("human_agent"), queued(queueSpec("human_agent"), "maria"))
			q := h.withQueue()
			h.at(30*time.Second, func() { c.act(h) })
			// An offer that the queue sent before it heard is ignored.
			h.at(31*time.Second, func() { q.offer("human_agent", "maria", 9) })
			res := h.run(testInput())
			expect(t, "outcome", res.Outcome, c.outcome)
			expect(t, "reports", q.sent(), c.report)
			expect(t, "no offer made", len(res.Offers), 0)
		})
	}
}

// The queue's priority is the rule's and the conversation's, captured at the enqueue.
func TestQueuePriorityCountsTheRuleAndTheOpportunity(t *testing.T) {
	d := testDecision("human_agent")
	d.Urgent, d.Protocol.Priority = false, 10
	spec := queueSpec("human_agent")
	spec.Priority.ValuePer, spec.Priority.ValueMax = 100000, 5
	h := newHarness(t, d, queued(spec, "maria"))
	q := h.withQueue()
	h.at(time.Second, func() { q.offer("human_agent", "maria", 1) })
	h.at(2*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	in := testInput()
	in.BusinessContext.OpportunityValue = 1_200_000
	res := h.run(in)
	expect(t, "priority", res.Queues[0].Priority, 15)
	expect(t, "why", strings.Join(res.Queues[0].Why, "; "), "rule test_rule +10; opportunity value 1200000 +5")
	expect(t, "entry", q.enqueue[0].Entry.Priority, 15)
}

func ExamplePositionMessage() {
	fmt.Println(activities.PositionMessage(handoff.QueuePosition{Position: 1, EstimateSeconds: 20}, false, time.Time{}))
	fmt.Println(activities.PositionMessage(handoff.QueuePosition{Position: 4, EstimateSeconds: 2 * 3600}, true, time.Time{}))
	fmt.Println(activities.PositionMessage(handoff.QueuePosition{Position: 2, EstimateSeconds: -1}, false, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)))
	// Output:
	// You're next in line, under a minute.
	// You are number 4 in line, about 2 hours. If you'd rather not wait, we can call you back instead.
	// You are number 2 in line; our team is back Mon 2 Mar 09:00 UTC.
}

// An operator reassigns a waiting handoff to a named person: the queue holds it for them,
// outside its order; they decline, and it waits again until the queue's own offer is taken.
func TestReassignAWaitingHandoff(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), queued(queueSpec("human_agent"), "maria", "james"))
	q := h.withQueue()
	var reassign, again *updateResult
	h.at(30*time.Second, func() {
		reassign = h.update(handoff.UpdateReassign, handoff.ReassignInput{AgentID: "james", By: "operator"})
		again = h.update(handoff.UpdateReassign, handoff.ReassignInput{AgentID: "ana"})
	})
	h.at(35*time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "james"}) })
	h.at(50*time.Second, func() { q.offer("human_agent", "maria", 4) })
	h.at(55*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	reassign.accepted(t, "reassign")
	again.refused(t, "a second reassignment before the first is made", "already being reassigned to james")
	expect(t, "owner", res.Owner, "maria")
	expect(t, "offers", offerResults(res), "james:declined,maria:accepted")
	expect(t, "note", res.Offers[0].Note, "reassigned by operator")
	expect(t, "reports", q.sent(), "human_agent:held:james,human_agent:returned:james+exclude,human_agent:accepted")
}

// An offer open to one person is withdrawn when an operator reassigns the handoff to another.
func TestReassignAnOfferedHandoff(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"))
	var reassign, toMaria, late *updateResult
	h.at(5*time.Second, func() {
		toMaria = h.update(handoff.UpdateReassign, handoff.ReassignInput{AgentID: "maria"})
		reassign = h.update(handoff.UpdateReassign, handoff.ReassignInput{AgentID: "ana", By: "sam"})
	})
	h.at(10*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "ana"}) })
	h.at(2*time.Minute, func() { late = h.update(handoff.UpdateReassign, handoff.ReassignInput{AgentID: "james"}) })
	res := h.run(testInput())
	toMaria.refused(t, "to the person already offered it", "already offered to maria")
	reassign.accepted(t, "reassign")
	expect(t, "owner", res.Owner, "ana")
	expect(t, "offers", offerResults(res), "maria:cancelled,ana:accepted")
	expect(t, "withdrawn", res.Offers[0].Reason, "withdrawn: reassigned to ana by sam")
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:maria,release:maria,reserve:ana,assign:ana")
	late.refused(t, "once a person took it over", "is not waiting for a person (the handoff is monitoring)")
}

func TestSupervisorChangesThePriorityOfAWaitingHandoff(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), queued(queueSpec("human_agent"), "maria"))
	q := h.withQueue()
	var early, change, bad *updateResult
	h.at(0, func() { early = h.update(handoff.UpdatePriority, handoff.PriorityInput{Priority: 5}) })
	h.at(20*time.Second, func() {
		change = h.update(handoff.UpdatePriority, handoff.PriorityInput{Priority: 90, By: "sam"})
		bad = h.update(handoff.UpdatePriority, handoff.PriorityInput{Priority: 5000})
	})
	var during handoff.State
	h.at(25*time.Second, func() {
		during = h.state()
		q.offer("human_agent", "maria", 2)
	})
	h.at(30*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	early.refused(t, "before it waits", "is not waiting in a queue")
	change.accepted(t, "change")
	bad.refused(t, "out of bounds", "priority 5000 is not between -1000 and 1000")
	if o := during.Queues[0].Override; o == nil || *o != 90 {
		t.Fatalf("override %v", o)
	}
	expect(t, "owner", res.Owner, "maria")
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(q.reports) != 2 || q.reports[0].Kind != handoff.ReportPriority || *q.reports[0].Priority != 90 {
		t.Fatalf("reports %+v", q.reports)
	}
}
