package workflows

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// What happens when a party fails or repeats itself: answers retried after a timeout, offers
// answered before their notification arrived, a source that cannot be reached, a target that
// cannot take over, availability that cannot be read, and senders that would grow the state
// without bound.

func TestAcceptRetriedGetsTheSameYes(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	var first, again, later, decline *updateResult
	h.at(time.Second, func() { first = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	// The person's first answer timed out on their side: they retry at once, and again once the
	// handoff is already watching the conversation with them.
	h.at(time.Second+time.Millisecond, func() { again = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.at(time.Minute, func() {
		later = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"})
		decline = h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "maria"})
	})
	res := h.run(testInput())
	first.accepted(t, "accept")
	again.accepted(t, "the same accept again")
	later.accepted(t, "the same accept during monitoring")
	decline.refused(t, "a decline after accepting", "their offer ended accepted")
	expect(t, "owner", res.Owner, "maria")
	expect(t, "offers", offerResults(res), "maria:accepted")
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:maria,assign:maria")
}

func TestOfferIsOpenFromItsReservationNotItsNotification(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	h.flaky["maria"] = 2 // the notification takes two retries (1 s, then 2 s) to arrive
	var accept *updateResult
	h.at(500*time.Millisecond, func() { accept = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	accept.accepted(t, "an accept from the offers list before the notification arrived")
	expect(t, "owner", res.Owner, "maria")
}

func TestOfferAnsweredBeforeItsNotificationFailedStands(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"), human("james"))
	h.flaky["maria"] = 3 // every attempt to notify maria fails
	h.at(500*time.Millisecond, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	expect(t, "owner", res.Owner, "maria")
	expect(t, "offers", offerResults(res), "maria:accepted")
}

func TestUndeliveredUnansweredOfferIsWithdrawn(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"), human("james"))
	h.flaky["maria"] = 3
	h.at(10*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"}) })
	res := h.run(testInput())
	expect(t, "offers", offerResults(res), "maria:failed,james:accepted")
	expect(t, "held", strings.Join(h.held(), ","), "james:assigned")
}

func TestUnreachableSourceMeansTheTargetTakesOver(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	h.failing["jorge_seller_bot"] = true
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	// The source answers again two minutes in: it must hear, once, that it no longer owns the
	// customer.
	h.at(2*time.Minute, func() {
		h.mu.Lock()
		h.failing["jorge_seller_bot"] = false
		h.mu.Unlock()
	})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeTakenOver)
	expect(t, "owner", res.Owner, "maria")
	if res.Transfer == nil || !res.Transfer.SourceUnreachable || !strings.HasPrefix(res.Transfer.TellSourceWorkflowID, "tell-source-conv-1-") {
		t.Fatalf("transfer = %+v, want the source unreachable and a TellSource workflow", res.Transfer)
	}
	expect(t, "source deliveries", strings.Join(h.deliveredTo("jorge_seller_bot"), ","), "transferred")
	h.mu.Lock()
	defer h.mu.Unlock()
	var offerWarned, confirmWarned bool
	for _, d := range h.deliveries {
		if d.Agent == "maria" && d.Delivery.Type == handoff.DeliveryOffer {
			offerWarned = d.Delivery.SourceUnreachable
		}
		if d.Agent == "maria" && d.Delivery.Type == handoff.DeliveryTransferred {
			confirmWarned = d.Delivery.SourceUnreachable
		}
	}
	if !offerWarned || !confirmWarned {
		t.Errorf("maria's offer warned=%v, transfer warned=%v: she must know the customer may not have been told", offerWarned, confirmWarned)
	}
}

// A source that answers but will not acknowledge letting go is alive and serving the customer:
// a takeover would give the customer two owners, so the source keeps them.
func TestSourceThatAnswersButWillNotLetGoKeepsTheCustomer(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"), human("james"))
	h.failType["jorge_seller_bot"] = handoff.DeliveryTransferred
	h.at(time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeFailed)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "offers", offerResults(res), "maria:failed")
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:maria,release:maria")
	expect(t, "told to stand down", strings.Join(h.delivered(handoff.DeliveryStandDown), ","), "maria")
	// Told once that it keeps the customer, not again at the end.
	expect(t, "source deliveries", strings.Join(h.deliveredTo("jorge_seller_bot"), ","), "prepare_customer,fallback")
}

func TestBotTargetThatCannotTakeOverGivesTheCustomerBack(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"), bot("luxury_specialist"))
	h.failConfirm["jorge_buyer_bot"] = true
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "luxury_specialist")
	expect(t, "offers", offerResults(res), "jorge_buyer_bot:failed,luxury_specialist:accepted")
	expect(t, "source deliveries", strings.Join(h.deliveredTo("jorge_seller_bot"), ","), "prepare_customer,transferred,fallback,transferred")
	expect(t, "told to stand down", strings.Join(h.delivered(handoff.DeliveryStandDown), ","), "jorge_buyer_bot")
	if res.Transfer == nil || strings.Join(res.Transfer.Reclaimed, ",") != "jorge_buyer_bot" {
		t.Errorf("transfer = %+v, want jorge_buyer_bot reclaimed", res.Transfer)
	}
}

func TestLastTargetThatCannotTakeOverLeavesTheSourceOwner(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	h.failConfirm["jorge_buyer_bot"] = true
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeFailed)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	// Given back once mid-handoff, then told the handoff did not happen.
	expect(t, "source deliveries", strings.Join(h.deliveredTo("jorge_seller_bot"), ","), "prepare_customer,transferred,fallback,fallback")
}

func TestUnreadableAvailabilityIsNeverNoCapacity(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"))
	h.rankErr["maria"] = true
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeFailed)
	expect(t, "offers", offerResults(res), "maria:unknown,james:unknown")
	if res.Callback != nil {
		t.Errorf("callback %+v planned although nobody was known to be busy", res.Callback)
	}
	if !strings.Contains(res.OutcomeReason, "could not be read") {
		t.Errorf("reason %q, want it to say availability could not be read", res.OutcomeReason)
	}
}

func TestEventsKeptInTheStateAreBounded(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	// Each event over the 2 KiB kept per event; together far over the 64 KiB kept in all.
	big := strings.Repeat("<", 3<<10)
	for k := 0; k < 150; k++ {
		h.at(time.Minute+time.Duration(k)*time.Millisecond, func() {
			h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerMessage, Text: big})
		})
	}
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "customer messages counted", res.Monitoring.CustomerMessages, 150)
	if len(res.Events) > handoff.MaxKeptEvents || res.EventsDropped == 0 {
		t.Errorf("kept %d events, dropped %d", len(res.Events), res.EventsDropped)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > handoff.MaxResultBytes {
		t.Errorf("result encodes to %d bytes, over %d", len(b), handoff.MaxResultBytes)
	}
}

func TestHugeSignalsDoNotOverflowTheResult(t *testing.T) {
	d := testDecision("jorge_buyer_bot")
	// 2 × 20 KiB of "&", six bytes each as JSON: about 240 KB encoded, well over the decision's
	// 64 KiB bound (a client starting through Temporal directly meets no API limit).
	d.Signals = map[string]any{"blob": strings.Repeat("&", 20<<10)}
	d.Reasons = []handoff.Reason{{Rule: "r", Condition: "blob is set", Value: strings.Repeat("&", 20<<10), Matched: true, Text: "blob"}}
	h := newHarness(t, d, bot("jorge_buyer_bot"))
	res := h.run(testInput())
	if res.Decision.Signals != nil || len(res.Decision.Reasons[0].Value.(string)) > 256 {
		t.Errorf("decision kept %d signals and a %d-byte reason value, want them bounded", len(res.Decision.Signals), len(res.Decision.Reasons[0].Value.(string)))
	}
	expect(t, "rule kept", res.Decision.Rule, "test_rule")
}
