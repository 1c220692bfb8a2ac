package workflows

import (
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

func csatDecision() handoff.Decision {
	d := testDecision("jorge_buyer_bot")
	d.Settings.CSAT = &handoff.CSATSpec{Question: "How did we do today, from 1 to 5?", Wait: "2m"}
	return d
}

func TestCSATAnsweredAfterTheQuestionAtTheWindowsEnd(t *testing.T) {
	h := newHarness(t, csatDecision(), bot("jorge_buyer_bot"))
	h.event(5*time.Minute+30*time.Second, handoff.Event{Type: handoff.EventCSAT, CSAT: 4, Text: "Dana Reyes says: quick and kind", From: "jorge_buyer_bot"})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "asked", strings.Join(h.delivered(handoff.DeliveryCSATQuestion), ","), "jorge_buyer_bot")
	c := res.CSAT
	if c == nil || c.AskedAt.IsZero() || c.Answer == nil || c.Answer.Score != 4 || c.Answer.Comment == "" || c.Note != "" {
		t.Fatalf("csat %+v", c)
	}
	if h.record.CSAT == nil || *h.record.CSAT != 4 {
		t.Fatalf("record csat %v, want 4", h.record.CSAT)
	}
	// The answer ends the wait: the handoff closes at once, not at the wait's end.
	if got := res.EndedAt.Sub(res.StartedAt); got > 6*time.Minute {
		t.Errorf("closed after %s", got)
	}
}

func TestCSATGivenEarlyIsNotAskedAgain(t *testing.T) {
	h := newHarness(t, csatDecision(), bot("jorge_buyer_bot"))
	h.event(time.Minute, handoff.Event{Type: handoff.EventCSAT, CSAT: 5})
	res := h.run(testInput())
	expect(t, "asked", len(h.delivered(handoff.DeliveryCSATQuestion)), 0)
	if res.CSAT == nil || res.CSAT.Answer == nil || res.CSAT.Answer.Score != 5 || *h.record.CSAT != 5 {
		t.Fatalf("csat %+v", res.CSAT)
	}
}

func TestCSATNotAnsweredInTheWindowGoesThroughTheAPILater(t *testing.T) {
	h := newHarness(t, csatDecision(), bot("jorge_buyer_bot"))
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	c := res.CSAT
	if c == nil || c.AskedAt.IsZero() || c.Answer != nil || !strings.Contains(c.Note, "no answer within 2m0s") {
		t.Fatalf("csat %+v", c)
	}
	if h.record.CSAT != nil {
		t.Fatalf("record csat %v, want none", *h.record.CSAT)
	}
	if got := res.EndedAt.Sub(res.StartedAt); got < 7*time.Minute {
		t.Errorf("closed after %s, want the window and the 2m wait", got)
	}
}

func TestCSATBeforeTheTransferIsIgnored(t *testing.T) {
	h := newHarness(t, csatDecision(), human("maria"))
	h.event(time.Second, handoff.Event{Type: handoff.EventCSAT, CSAT: 1})
	h.at(10*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.event(6*time.Minute, handoff.Event{Type: handoff.EventCSAT, CSAT: 3})
	res := h.run(testInput())
	if res.CSAT == nil || res.CSAT.Answer == nil || res.CSAT.Answer.Score != 3 {
		t.Fatalf("csat %+v", res.CSAT)
	}
}

func TestCSATNotAskedOfACustomerWhoLeft(t *testing.T) {
	h := newHarness(t, csatDecision(), bot("jorge_buyer_bot"))
	h.event(time.Minute, handoff.Event{Type: handoff.EventCustomerLeft})
	res := h.run(testInput())
	expect(t, "asked", len(h.delivered(handoff.DeliveryCSATQuestion)), 0)
	if res.CSAT == nil || res.CSAT.Note != "not asked: the customer left" {
		t.Fatalf("csat %+v", res.CSAT)
	}
}
