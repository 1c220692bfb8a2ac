package analytics

import "testing"

// A consultation kept the conversation with its source: it is no handoff tried, so it counts
// neither for nor against the success rate.
func TestConsultedDoesNotCount(t *testing.T) {
	var s Success
	if s.Counts(Handoff{Outcome: OutcomeConsulted}) || !s.Counts(Handoff{Outcome: OutcomeCompleted}) {
		t.Fatal("consulted counted towards the success rate, or completed did not")
	}
	if (Handoff{Outcome: OutcomeConsulted}).Moved() {
		t.Fatal("a consultation moved the conversation")
	}
}
