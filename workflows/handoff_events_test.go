package workflows

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/stretchr/testify/mock"
)

// publishing records the batches the workflow publishes, standing in for the publisher.
func publishing(h *harness) *[]events.Batch {
	var batches []events.Batch
	h.env.OnActivity(events.ActivityName, mock.Anything, mock.Anything).Return(func(_ context.Context, b events.Batch) error {
		h.mu.Lock()
		defer h.mu.Unlock()
		batches = append(batches, b)
		return nil
	})
	return &batches
}

// describe writes an event as type[:agent][:result|outcome], phases as their name.
func describe(e events.Event) string {
	switch e.Type {
	case events.TypePhase:
		return string(e.Phase)
	case events.TypeOfferMade:
		return "offer:" + e.Agent
	case events.TypeOfferAnswered:
		return e.Agent + ":" + e.Result
	case events.TypeOwnerChanged:
		return "owner:" + e.Agent
	case events.TypeOutcome:
		return "outcome:" + string(e.Outcome)
	}
	return string(e.Type)
}

func TestEventsArePublishedAtMilestones(t *testing.T) {
	d := testDecision("human_agent")
	d.Settings.Events = true
	h := newHarness(t, d, group("james", "maria"))
	batches := publishing(h)
	h.at(10*time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "james"}) })
	h.at(20*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)

	// One batch per wait (each offer, the monitoring window) and one at the close.
	var got []string
	seq := 0
	for i, b := range *batches {
		var names []string
		for _, e := range b.Events {
			seq++
			if e.Seq != seq || e.ID != events.ID(e.HandoffID, seq) || e.HandoffID != b.HandoffID || b.HandoffID == "" {
				t.Fatalf("batch %d event %+v: want seq %d, ID <handoff_id>#%d", i, e, seq, seq)
			}
			if e.ConversationID != "conv-1" || e.Source != "jorge_seller_bot" || e.At.IsZero() {
				t.Fatalf("event %+v lacks its conversation, source or time", e)
			}
			names = append(names, describe(e))
		}
		got = append(got, strings.Join(names, " "))
	}
	want := []string{
		"analyzing selecting checking_availability offer:james preparing_customer briefing awaiting_acceptance",
		"james:declined offer:maria briefing awaiting_acceptance",
		"maria:accepted confirming owner:maria monitoring",
		"recording outcome:completed",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("batches:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestNoEventsWhenTheDecisionHasThemOff(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	batches := publishing(h)
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	if len(*batches) != 0 {
		t.Fatalf("%d batches published with events off", len(*batches))
	}
}

// A cancelled handoff still publishes what happened, up to its outcome.
func TestCancelledHandoffPublishesItsOutcome(t *testing.T) {
	d := testDecision("human_agent")
	d.Settings.Events = true
	h := newHarness(t, d, human("maria"))
	batches := publishing(h)
	h.at(5*time.Second, func() { h.env.CancelWorkflow() })
	h.env.ExecuteWorkflow(Handoff, testInput())
	if !h.env.IsWorkflowCompleted() {
		t.Fatal("workflow did not complete")
	}
	b := *batches
	if len(b) != 2 {
		t.Fatalf("%d batches, want the offer's and the close's", len(b))
	}
	last := b[1].Events[len(b[1].Events)-1]
	if describe(last) != "outcome:cancelled" || describe(b[1].Events[0]) != "maria:cancelled" {
		t.Fatalf("close batch %+v, want maria's offer cancelled ... outcome cancelled", b[1].Events)
	}
}
