package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

// A supervisor cannot reassign a waiting handoff to a person who is offline: the API answers
// 409 naming the person's presence and the handoff keeps its place in line. Once the person is
// online the queue offers it to them.
func TestIntegrationReassignRefusesAnOfflinePerson(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Queues: true,
		Handoff: map[string]any{"offer_timeout": "2m", "initial_presence": "offline"}})
	in := testenv.Sample(t, "seller-distress.json")
	if code, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); code != http.StatusCreated {
		t.Fatalf("start: %d %s", code, body)
	}
	e.WaitFor(t, in.ConversationID, 30*time.Second, "queued", func(st handoff.State) bool { return st.Phase == handoff.PhaseQueued })

	code, body := e.Do(t, "POST", "/v1/handoffs/"+in.ConversationID+"/reassign", "operator", map[string]string{"agent_id": "maria"})
	if code != http.StatusConflict || !strings.Contains(string(body), "maria is offline") {
		t.Fatalf("reassign to offline maria: %d %s, want 409 naming her presence", code, body)
	}
	if st, err := e.Service.Status(context.Background(), in.ConversationID); err != nil || st.Phase != handoff.PhaseQueued {
		t.Fatalf("after the refusal the handoff is %s (%v), want still queued", st.Phase, err)
	}

	if code, body := e.Do(t, "POST", "/v1/agents/maria/presence", "maria", map[string]string{"presence": "online"}); code != http.StatusOK {
		t.Fatalf("maria online: %d %s", code, body)
	}
	e.WaitFor(t, in.ConversationID, 30*time.Second, "an offer to maria", func(st handoff.State) bool {
		return st.CurrentOffer != nil && st.CurrentOffer.Agent == "maria"
	})
}
