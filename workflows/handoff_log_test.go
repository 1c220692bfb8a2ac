package workflows

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// The outcome record carries what the handoff log needs, as numbers and codes: a decline
// reason a person typed reaches the record as a code, never as their words.
func TestOutcomeRecordCarriesTheLogFields(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria", "james"))
	h.at(3*time.Second, func() {
		h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "maria", Reason: "I know Ana Torres from school"})
	})
	h.at(8*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"}) })
	h.at(20*time.Second, func() {
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerRepeated})
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.6})
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventSentiment, Sentiment: 0.2})
	})
	res := h.run(testInput())
	expect(t, "outcome", string(res.Outcome), "completed")
	rec := h.record
	if rec == nil {
		t.Fatal("no outcome record")
	}
	expect(t, "reason code", rec.ReasonCode, "monitoring_window_ended")
	expect(t, "target kind", rec.TargetKind, "human")
	if len(rec.Offers) != 2 || rec.Offers[0].Index != 0 || rec.Offers[1].Index != 1 {
		t.Fatalf("offers %+v", rec.Offers)
	}
	declined, accepted := rec.Offers[0], rec.Offers[1]
	expect(t, "decline", declined.Agent+":"+declined.Result+":"+declined.DeclineCode, "maria:declined:other")
	expect(t, "accept", accepted.Agent+":"+accepted.Result, "james:accepted")
	if declined.AnswerMs == nil || *declined.AnswerMs < 2000 || *declined.AnswerMs > 3000 {
		t.Errorf("maria answered in %v ms, want about 3 s after her offer", declined.AnswerMs)
	}
	if rec.DecidedMs == nil || rec.BriefedMs == nil || rec.AcceptedMs == nil || rec.ConfirmedMs == nil ||
		*rec.AcceptedMs < 8000 || *rec.ConfirmedMs < *rec.AcceptedMs || rec.StartedAt.IsZero() {
		t.Errorf("milestones decided %v briefed %v accepted %v confirmed %v", rec.DecidedMs, rec.BriefedMs, rec.AcceptedMs, rec.ConfirmedMs)
	}
	if rec.CustomerRepeated != 1 || rec.SentimentCount != 2 || rec.MinSentiment == nil || *rec.MinSentiment != -0.6 {
		t.Errorf("repeats %d, sentiments %d, min %v", rec.CustomerRepeated, rec.SentimentCount, rec.MinSentiment)
	}
	b, _ := json.Marshal(rec.Offers)
	if strings.Contains(string(b), "Ana") || strings.Contains(string(b), "school") {
		t.Errorf("the offers carry the decline's words: %s", b)
	}
}

func TestReasonCodes(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), group("maria"))
	h.at(time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "maria", Reason: "busy"}) })
	res := h.run(testInput())
	expect(t, "outcome", string(res.Outcome), "declined")
	expect(t, "reason code", h.record.ReasonCode, "last_offer_declined")
	expect(t, "decline code", h.record.Offers[0].DeclineCode, "busy")
	if h.record.ConfirmedMs != nil || h.record.TakenOver {
		t.Errorf("a declined handoff confirmed %v taken over %t", h.record.ConfirmedMs, h.record.TakenOver)
	}
}
