package workflows

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/workflow"
)

// Offers to people: reservations, parallel offers, escalation, abandonment, the ping-pong
// guard and the callback planned when nobody can take the conversation.

func (h *harness) opsOf(prefix string) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, op := range h.ops {
		if strings.HasPrefix(op, prefix) {
			out = append(out, op)
		}
	}
	return out
}

func TestAcceptReservesThenAssigns(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"))
	var accept *updateResult
	h.at(5*time.Second, func() { accept = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	accept.accepted(t, "accept")
	expect(t, "owner", res.Owner, "maria")
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:maria,assign:maria")
}

// The reservation puts the offer in the person's list before the workflow hears back: an
// accept in that moment waits for the reservation rather than being refused.
func TestAcceptWhileTheReservationIsUnderWayIsTaken(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"))
	h.reserveCall.After(3 * time.Second)
	var accept *updateResult
	h.at(time.Second, func() { accept = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	accept.accepted(t, "maria's accept while her reservation is under way")
	expect(t, "owner", res.Owner, "maria")
	expect(t, "offers", offerResults(res), "maria:accepted")
}

// An accept that waited for a reservation which then found no room is refused with the reason,
// and the next person is offered the conversation.
func TestAcceptWhileTheReservationFailsIsRefusedWithTheReason(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"))
	h.reserveCall.After(3 * time.Second)
	h.refuse["maria"] = "maria is at capacity (5 of 5)"
	var early *updateResult
	h.at(time.Second, func() { early = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.at(20*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"}) })
	res := h.run(testInput())
	early.refused(t, "maria's accept when her reservation found no room", "their offer ended unavailable: maria is at capacity")
	expect(t, "owner", res.Owner, "james")
	expect(t, "offers", offerResults(res), "maria:unavailable,james:accepted")
}

func TestDeclineReleasesAndTimeoutSetsAway(t *testing.T) {
	d := testDecision("human_agent")
	d.Settings.AwayOnTimeout = true
	h := newHarness(t, d, group("maria", "james", "ana"))
	h.at(time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "maria"}) })
	// james never answers; ana accepts after james's offer expired.
	h.at(70*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "ana"}) })
	res := h.run(testInput())
	expect(t, "offers", offerResults(res), "maria:declined,james:timed_out,ana:accepted")
	expect(t, "ops", strings.Join(h.ops, ","),
		"reserve:maria,release:maria,reserve:james,away:james,release:james,reserve:ana,assign:ana")
}

func TestParallelOfferFirstAcceptWinsOthersWithdrawnAndReleased(t *testing.T) {
	d := testDecision("human_agent")
	d.Protocol.ParallelOffers = 3
	h := newHarness(t, d, group("maria", "james", "ana"))
	var waiting handoff.State
	var first, late *updateResult
	h.at(2*time.Second, func() {
		waiting = h.state()
		first = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"})
		late = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "ana"})
	})
	res := h.run(testInput())
	first.accepted(t, "james accepts")
	expect(t, "open offers while waiting", len(waiting.OpenOffers), 3)
	expect(t, "owner", res.Owner, "james")
	expect(t, "offers", offerResults(res), "maria:cancelled,james:accepted,ana:cancelled")
	late.refused(t, "ana after james", "accepted first")
	expect(t, "offers sent", strings.Join(h.delivered(handoff.DeliveryOffer), ","), "maria,james,ana")
	withdrawn := h.delivered(handoff.DeliveryStandDown)
	slices.Sort(withdrawn)
	expect(t, "withdrawn", strings.Join(withdrawn, ","), "ana,maria")
	released := h.opsOf("release:")
	slices.Sort(released)
	expect(t, "released", strings.Join(released, ","), "release:ana,release:maria")
	expect(t, "assigned", strings.Join(h.opsOf("assign:"), ","), "assign:james")
}

func TestEverybodyDeclinesThenSupervisorAccepts(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"), activities.Step{Agents: []string{"sam"}, Via: "escalation"})
	h.at(time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "maria"}) })
	h.at(2*time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "james"}) })
	h.at(3*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "sam"}) })
	res := h.run(testInput())
	expect(t, "offers", offerResults(res), "maria:declined,james:declined,sam:accepted")
	expect(t, "owner", res.Owner, "sam")
}

func TestNobodyAtAllEndsNoCapacityWithCallbackPlanned(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"))
	h.unavailable["maria"] = "outside business hours (Mon-Fri 09:00-18:00 America/Chicago)"
	h.refuse["james"] = "james is at capacity (2 of 2)"
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeNoCapacity)
	expect(t, "offers", offerResults(res), "maria:unavailable,james:unavailable")
	expect(t, "capacity reason", res.Offers[1].Reason, "james is at capacity (2 of 2)")
	if res.Callback == nil || res.Callback.At.Sub(res.StartedAt) != 16*time.Hour || !strings.HasPrefix(res.Callback.WorkflowID, "callback-conv-1-") {
		t.Fatalf("callback = %+v, want one planned 16h later", res.Callback)
	}
	expect(t, "fallback to source", strings.Join(h.delivered(handoff.DeliveryFallback), ","), "jorge_seller_bot")
	h.mu.Lock()
	var script string
	for _, d := range h.deliveries {
		if d.Delivery.Type == handoff.DeliveryFallback {
			script = d.Delivery.Message
		}
	}
	h.mu.Unlock()
	if !strings.Contains(script, "call you back") {
		t.Errorf("fallback script %q should promise the callback", script)
	}
}

// What ranking and the callback plan could not check of people's calendars reaches the state,
// and the plan, which reads calendars over HTTP, runs as a regular activity.
func TestCalendarNotesReachTheStateAndTheCallbackPlanIsRegularIO(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"))
	h.unavailable["maria"] = "in a calendar event until 15:30 (America/Chicago)"
	h.rankNotes["james"] = "calendar of james could not be read (no answer within 3s); using business hours"
	h.refuse["james"] = "james is at capacity (2 of 2)"
	h.callbackNotes = []string{"calendar of james could not be read (no answer within 3s); using business hours"}
	var regular []string
	h.env.SetOnActivityStartedListener(func(info *activity.Info, _ context.Context, _ converter.EncodedValues) {
		h.mu.Lock()
		defer h.mu.Unlock()
		regular = append(regular, info.ActivityType.Name)
	})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeNoCapacity)
	expect(t, "maria's reason", res.Offers[0].Reason, "in a calendar event until 15:30 (America/Chicago)")
	expect(t, "james's note", res.Offers[1].Note, h.rankNotes["james"])
	if res.Callback == nil || strings.Join(res.Callback.Notes, "|") != h.callbackNotes[0] {
		t.Fatalf("callback %+v, want the plan's note kept", res.Callback)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !slices.Contains(regular, "PlanCallback") {
		t.Fatalf("regular activities %v, want PlanCallback among them", regular)
	}
}

// A handoff that planned its callback before calendars (business hours, a local activity)
// replays as it ran.
func TestCallbackPlannedBeforeCalendarsStaysLocal(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria"))
	h.unavailable["maria"] = "outside business hours (Mon-Fri 09:00-18:00 America/Chicago)"
	h.env.OnGetVersion(callbackReadsCalendars, workflow.DefaultVersion, 1).Return(workflow.DefaultVersion)
	var local, regular []string
	h.env.SetOnLocalActivityStartedListener(func(info *activity.Info, _ context.Context, _ []any) {
		h.mu.Lock()
		defer h.mu.Unlock()
		local = append(local, info.ActivityType.Name)
	})
	h.env.SetOnActivityStartedListener(func(info *activity.Info, _ context.Context, _ converter.EncodedValues) {
		h.mu.Lock()
		defer h.mu.Unlock()
		regular = append(regular, info.ActivityType.Name)
	})
	res := h.run(testInput())
	if res.Callback == nil {
		t.Fatal("no callback planned")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !slices.Contains(local, "PlanCallback") || slices.Contains(regular, "PlanCallback") {
		t.Fatalf("local %v, regular %v: want PlanCallback local only", local, regular)
	}
}

func TestCustomerLeavesMidOffer(t *testing.T) {
	d := testDecision("human_agent")
	d.Protocol.ParallelOffers = 2
	h := newHarness(t, d, group("maria", "james"))
	h.at(5*time.Second, func() {
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerLeft})
	})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeAbandoned)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "offers", offerResults(res), "maria:cancelled,james:cancelled")
	expect(t, "released", len(h.opsOf("release:")), 2)
	expect(t, "withdrawn", len(h.delivered(handoff.DeliveryStandDown)), 2)
	expect(t, "no fallback script to a customer who left", len(h.delivered(handoff.DeliveryFallback)), 0)
	if res.EndedAt.Sub(res.StartedAt) > 10*time.Second {
		t.Errorf("handoff ran %s after the customer left", res.EndedAt.Sub(res.StartedAt))
	}
}

func TestCapacityFullAndOutsideHoursAreSkippedWithReasons(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james", "ana"))
	h.unavailable["maria"] = "outside business hours"
	h.refuse["james"] = "james is at capacity (2 of 2)"
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "ana"}) })
	res := h.run(testInput())
	expect(t, "offers", offerResults(res), "maria:unavailable,james:unavailable,ana:accepted")
	expect(t, "hours reason", res.Offers[0].Reason, "outside business hours")
	expect(t, "offers sent", strings.Join(h.delivered(handoff.DeliveryOffer), ","), "ana")
}

func TestPingPongGuardSendsToSupervisorAndExcludesEarlierAgents(t *testing.T) {
	d := testDecision("human_agent")
	d.Settings.PingPongMaxHandoffs, d.Settings.PingPongWindow = 3, "1h"
	h := newHarness(t, d, group("maria", "james"))
	h.supervisors = []activities.Step{{Agents: []string{"sam"}, Via: "ping-pong guard"}}
	h.history = activities.ConversationHistory{Handoffs: 3, Declined: []string{"maria"}, HandedAway: []string{"james"}}
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "sam"}) })
	res := h.run(testInput())
	expect(t, "owner", res.Owner, "sam")
	expect(t, "offers", offerResults(res), "sam:accepted")
	expect(t, "excluded", strings.Join(h.excluded, ","), "maria,james")
	last := res.Decision.Reasons[len(res.Decision.Reasons)-1]
	expect(t, "guard reason", last.Rule, "pingpong_guard")

	// Below the limit the plan stands, but earlier decliners are still not offered it.
	h = newHarness(t, d, group("maria", "james"))
	h.supervisors = []activities.Step{{Agents: []string{"sam"}, Via: "ping-pong guard"}}
	h.history = activities.ConversationHistory{Handoffs: 1, Declined: []string{"maria"}}
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"}) })
	res = h.run(testInput())
	expect(t, "offers below limit", offerResults(res), "maria:unavailable,james:accepted")
}

// A conversation the API found no earlier run of has nothing for the guard to read: the plan
// stands and no lookup runs.
func TestPingPongGuardSkipsTheLookupOnAFirstHandoff(t *testing.T) {
	d := testDecision("human_agent")
	d.Settings.PingPongMaxHandoffs, d.Settings.PingPongWindow = 3, "1h"
	h := newHarness(t, d, group("maria", "james"))
	h.supervisors = []activities.Step{{Agents: []string{"sam"}, Via: "ping-pong guard"}}
	h.history = activities.ConversationHistory{Handoffs: 3, Declined: []string{"maria"}}
	local, regular := h.kinds()
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	in := testInput()
	in.FirstHandoff = true
	res := h.run(in)
	expect(t, "offers", offerResults(res), "maria:accepted")
	h.mu.Lock()
	defer h.mu.Unlock()
	if slices.Contains(*local, "ConversationHistory") || slices.Contains(*regular, "ConversationHistory") {
		t.Errorf("local %v, regular %v: want no lookup of earlier handoffs", *local, *regular)
	}
}

func TestPersonWhoseTransferNotificationFailsStillOwns(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	h.failConfirm["maria"] = true
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	// maria accepted through the API and sees the conversation assigned to her: a failed
	// notification must not tell her to stand down while she serves the customer.
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "maria")
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:maria,assign:maria")
	expect(t, "told to stand down", len(h.delivered(handoff.DeliveryStandDown)), 0)
	if res.Transfer == nil || len(res.Transfer.Notes) == 0 || !strings.Contains(res.Transfer.Notes[0], "notifying maria") {
		t.Errorf("transfer = %+v, want a note on the failed notification", res.Transfer)
	}
}

func TestAssignRefusedMeansTheAcceptDoesNotStand(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"), human("james"))
	h.refuseAssign["maria"] = "maria holds no reservation for the handoff (released, or its lease ended)"
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.at(2*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"}) })
	res := h.run(testInput())
	expect(t, "owner", res.Owner, "james")
	expect(t, "offers", offerResults(res), "maria:failed,james:accepted")
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:maria,release:maria,reserve:james,assign:james")
	expect(t, "told to stand down", strings.Join(h.delivered(handoff.DeliveryStandDown), ","), "maria")
	// The source let go for maria, had the customer back, then let go again for james.
	expect(t, "source deliveries", strings.Join(h.deliveredTo("jorge_seller_bot"), ","), "prepare_customer,transferred,fallback,transferred")
}

func TestAcceptDuringAnotherParallelDeliveryCounts(t *testing.T) {
	d := testDecision("human_agent")
	d.Protocol.ParallelOffers = 2
	h := newHarness(t, d, group("maria", "james"))
	h.flaky["james"] = 2 // james's offer takes two retries (1 s, then 2 s) to arrive
	var accept *updateResult
	h.at(1500*time.Millisecond, func() { accept = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	accept.accepted(t, "maria's accept while james's offer is still being delivered")
	expect(t, "owner", res.Owner, "maria")
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
}

// An accept and a cancel arriving together may be seen in either order: before the transfer
// starts (the source keeps the customer and maria is freed) or once it started (it completes,
// and maria keeps the conversation she now owns). Either way there is one owner and capacity
// is held exactly when a person owns.
func TestAcceptAndCancelTogetherLeaveOneOwnerAndNothingStrayHeld(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	h.at(time.Second, func() {
		h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"})
		h.env.CancelWorkflow()
	})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCancelled)
	held := h.held()
	switch res.Owner {
	case "jorge_seller_bot":
		expect(t, "held", strings.Join(held, ","), "")
	case "maria":
		expect(t, "held", strings.Join(held, ","), "maria:assigned")
	default:
		t.Fatalf("owner %q", res.Owner)
	}
}

func TestCustomerLeavesWhileAwaitingConfirmation(t *testing.T) {
	d := testDecision("social-bot-agent")
	d.RequiresConfirmation = true
	h := newHarness(t, d, bot("social-bot-agent"))
	h.at(10*time.Second, func() { h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerLeft}) })
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeAbandoned)
	expect(t, "no fallback script to a customer who left", len(h.delivered(handoff.DeliveryFallback)), 0)
}

// kinds records which activities ran locally and which as regular activities.
func (h *harness) kinds() (local, regular *[]string) {
	local, regular = &[]string{}, &[]string{}
	h.env.SetOnLocalActivityStartedListener(func(info *activity.Info, _ context.Context, _ []any) {
		h.mu.Lock()
		defer h.mu.Unlock()
		*local = append(*local, info.ActivityType.Name)
	})
	h.env.SetOnActivityStartedListener(func(info *activity.Info, _ context.Context, _ converter.EncodedValues) {
		h.mu.Lock()
		defer h.mu.Unlock()
		*regular = append(*regular, info.ActivityType.Name)
	})
	return local, regular
}

// On the fast bot path ranking people, preparing the customer through a bot source and the
// outcome record run locally when a person takes over; the steps from the person's accept to their assignment
// (the source letting go, the assignment, the transfer notice) and those before it (the
// reservation, the offer) stay regular activities, so the accept is answered at once. A
// handoff decided before FastPersonSteps existed replays with all of them regular.
func TestFastPathRanksPreparesAndRecordsLocallyForAPersonTarget(t *testing.T) {
	personSteps := []string{"Reserve", "BriefAgent", "ReleaseSource", "Assign", "ConfirmTarget"}
	sourceSteps := []string{"RankCandidates", "PrepareCustomer", "RecordOutcome"}
	for _, tc := range []struct {
		name          string
		localSourceIO bool
	}{{"decided with FastPersonSteps", true}, {"decided before it existed", false}} {
		t.Run(tc.name, func(t *testing.T) {
			d := testDecision("human_agent")
			d.Settings.FastBotPath, d.Settings.FastPersonSteps = true, tc.localSourceIO
			people := group("maria")
			people.People = true
			h := newHarness(t, d, people)
			local, regular := h.kinds()
			h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
			res := h.run(testInput())
			expect(t, "owner", res.Owner, "maria")
			h.mu.Lock()
			defer h.mu.Unlock()
			for _, s := range personSteps {
				if !slices.Contains(*regular, s) || slices.Contains(*local, s) {
					t.Errorf("%s: local %v, regular %v: want it regular", s, *local, *regular)
				}
			}
			for _, s := range sourceSteps {
				if got := slices.Contains(*local, s) && !slices.Contains(*regular, s); got != tc.localSourceIO {
					t.Errorf("%s local only = %v, want %v (local %v, regular %v)", s, got, tc.localSourceIO, *local, *regular)
				}
			}
		})
	}
}

// A local outcome record that gives up is retried as a regular activity: the log keeps it.
func TestFastPathOutcomeRecordFallsBackToARegularActivity(t *testing.T) {
	d := testDecision("human_agent")
	d.Settings.FastBotPath, d.Settings.FastPersonSteps = true, true
	h := newHarness(t, d, group("maria"))
	local, regular := h.kinds()
	h.recordFailsLocally = true
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.run(testInput())
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.record == nil || h.record.Outcome != handoff.OutcomeCompleted {
		t.Fatalf("record %+v (local %v, regular %v): want the completed outcome recorded", h.record, *local, *regular)
	}
	if !slices.Contains(*local, "RecordOutcome") || !slices.Contains(*regular, "RecordOutcome") {
		t.Fatalf("local %v, regular %v: want the local attempt, then a regular one", *local, *regular)
	}
}
