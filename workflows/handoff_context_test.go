package workflows

import (
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// Context preservation: completeness as sent, the receiver's context_ack, re-sends of what it
// missed, flags for what the source never sent, and repeats counted against the score.

var emotionTemplate = handoff.Template{
	Name:     "human_test",
	Required: []string{"relationship_context.emotional_state", "business_context.timeline_pressure"},
	Sections: map[string][]string{"emotional_context": {"relationship_context.emotional_state", "business_context.timeline_pressure"}},
}

func contextInput() handoff.Input {
	in := testInput()
	in.RelationshipContext.EmotionalState = "overwhelmed"
	in.BusinessContext.TimelinePressure = "must sell within 60 days"
	return in
}

func TestContextAckMissingFieldIsResentAndRepeatsCountAgainst(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	h.templates = map[string]handoff.Template{"maria": emotionTemplate}
	var early, wrong, ack *updateResult
	h.at(time.Second, func() {
		early = h.update(handoff.UpdateContextAck, handoff.ContextAckInput{AgentID: "maria"})
		h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"})
	})
	h.at(time.Minute, func() {
		wrong = h.update(handoff.UpdateContextAck, handoff.ContextAckInput{AgentID: "james"})
		ack = h.update(handoff.UpdateContextAck, handoff.ContextAckInput{AgentID: "maria", Missing: []string{"relationship_context.emotional_state"}})
	})
	h.at(2*time.Minute, func() {
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerRepeated})
	})
	res := h.run(contextInput())

	early.refused(t, "ack before acceptance", "no context package has been accepted")
	wrong.refused(t, "ack from james", "james did not receive the context")
	ack.accepted(t, "ack from maria")
	c := res.Context
	if c == nil {
		t.Fatal("no context status in the result")
	}
	expect(t, "template", c.Template, "human_test")
	expect(t, "completeness as sent", c.Completeness, 1.0)
	expect(t, "resent", strings.Join(c.Resent, ","), "relationship_context.emotional_state")
	expect(t, "re-sent to", strings.Join(h.delivered(handoff.DeliveryContextResend), ","), "maria")
	// Both fields now reached maria, but the customer had to repeat themselves once: 2 / (2+1).
	expect(t, "preservation", c.Preservation, 2.0/3.0)
	expect(t, "repeats", c.Repeats, 1)
	expect(t, "flag", c.Flag, "")
}

func TestRequiredFieldNeverSentIsFlagged(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	h.templates = map[string]handoff.Template{"jorge_buyer_bot": emotionTemplate}
	in := contextInput()
	in.BusinessContext.TimelinePressure = ""
	res := h.run(in)
	c := res.Context
	if c == nil {
		t.Fatal("no context status in the result")
	}
	expect(t, "completeness", c.Completeness, 0.5)
	expect(t, "not sent", strings.Join(c.NotSent, ","), "business_context.timeline_pressure")
	if !strings.Contains(c.Flag, "never sent: business_context.timeline_pressure") {
		t.Errorf("flag %q should name the field the source never sent", c.Flag)
	}
	expect(t, "preservation", c.Preservation, 0.5)
}
