package httpapi_test

import (
	"context"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

// TestContextAckThroughTheAPI: the buyer bot that received a qualified lead says it misses
// the budget; the workflow re-sends it, and the preservation score says what arrived. Only the
// receiving agent may acknowledge.
func TestContextAckThroughTheAPI(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"monitoring_window": "30s"}})
	in := testenv.Sample(t, "lead-qualified.json")
	conv := in.ConversationID
	if status, body := e.Do(t, "POST", "/v1/handoffs", "lead_bot", in); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	e.WaitFor(t, conv, within, "monitoring", func(s handoff.State) bool { return s.Phase == handoff.PhaseMonitoring })

	budget := "conversation_state.preference_profile.budget"
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/context_ack", "lead_bot", handoff.ContextAckInput{Missing: []string{budget}}); status != 409 {
		t.Fatalf("ack by the source: %d %s, want 409", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/context_ack", "jorge_buyer_bot", handoff.ContextAckInput{AgentID: "lead_bot"}); status != 403 {
		t.Fatalf("ack for another agent: %d %s, want 403", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/context_ack", "jorge_buyer_bot", handoff.ContextAckInput{Missing: []string{budget}}); status != 200 {
		t.Fatalf("ack by the receiver: %d %s", status, body)
	}
	st := e.WaitFor(t, conv, within, "the budget re-sent", func(s handoff.State) bool {
		return s.Context != nil && len(s.Context.Resent) == 1
	})
	if st.Context.Resent[0] != budget || st.Context.Preservation != 1 {
		t.Fatalf("context %+v, want the budget re-sent and preservation 1", st.Context)
	}
	resends := 0
	for _, d := range e.Agents.Deliveries("jorge_buyer_bot") {
		if d.Delivery.Type == handoff.DeliveryContextResend {
			resends++
			if d.Delivery.Package == nil || !d.Delivery.Package.Resend {
				t.Errorf("re-send delivery without a re-send package: %+v", d.Delivery.Package)
			}
		}
	}
	if resends != 1 {
		t.Errorf("buyer bot got %d re-sends, want 1", resends)
	}
	// A customer who had to repeat themselves counts against preservation.
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/events", "jorge_buyer_bot", handoff.Event{Type: handoff.EventCustomerRepeated}); status != 202 {
		t.Fatalf("event: %d %s", status, body)
	}
	st = e.WaitFor(t, conv, within, "the repeat counted", func(s handoff.State) bool { return s.Context.Repeats == 1 })
	if st.Context.Preservation >= 1 {
		t.Errorf("preservation %v after a repeat, want below 1", st.Context.Preservation)
	}
	_ = e.Service.Cancel(context.Background(), conv)
}
