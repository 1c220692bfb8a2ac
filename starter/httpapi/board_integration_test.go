package httpapi_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/service"
)

// TestIntegrationBoard reads the supervisor's board from the real dev server: maria online
// with an offer open shows as such among the people, and the handoff is listed as running
// with its source and IDs, then as closed with its outcome once declined by everyone.
func TestIntegrationBoard(t *testing.T) {
	// People start offline, so the offer goes to maria, the one who goes online.
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s", "initial_presence": "offline"}})
	if status, body := e.Do(t, "POST", "/v1/agents/maria/presence", "maria", map[string]string{"presence": "online"}); status != 200 {
		t.Fatalf("presence: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-board")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	e.WaitFor(t, "c-board", 30*time.Second, "maria's offer", func(s handoff.State) bool {
		return s.CurrentOffer != nil && s.CurrentOffer.Agent == "maria"
	})

	status, body := e.Do(t, "GET", "/v1/agents", "operator", nil)
	if status != http.StatusOK {
		t.Fatalf("people: %d %s", status, body)
	}
	people := decodeJSON[service.People](t, body).People
	i := slices.IndexFunc(people, func(p service.Person) bool { return p.AgentID == "maria" })
	if i < 0 || people[i].Presence != handoff.PresenceOnline || people[i].Offered != 1 || people[i].Kind != handoff.KindHuman || people[i].Error != "" {
		t.Fatalf("maria on the board: %+v", people)
	}
	for _, p := range people {
		if !p.Kind.IsPerson() {
			t.Errorf("%s (a %s) is listed among the people", p.AgentID, p.Kind)
		}
	}

	list := waitForList(t, e, "running", func(h service.HandoffSummary) bool { return h.ConversationID == "c-board" })
	if list.WorkflowID != "handoff-c-board" || list.RunID == "" || list.Source != "jorge_seller_bot" || list.Status != "running" || list.StartedAt.IsZero() {
		t.Fatalf("running handoff listed as %+v", list)
	}

	if status, body := e.Do(t, "POST", "/v1/handoffs/c-board/decline", "maria", map[string]string{"reason": "busy"}); status != 200 {
		t.Fatalf("decline: %d %s", status, body)
	}
	closed := waitForList(t, e, "closed", func(h service.HandoffSummary) bool { return h.ConversationID == "c-board" })
	if closed.Status != "completed" || closed.Outcome == "" || closed.ClosedAt.IsZero() {
		t.Fatalf("closed handoff listed as %+v", closed)
	}
}

// waitForList polls the board's handoff list (visibility lags a moment behind the run) until
// one entry satisfies ok.
func waitForList(t *testing.T, e *testenv.Env, status string, ok func(service.HandoffSummary) bool) service.HandoffSummary {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		code, body := e.Do(t, "GET", "/v1/handoffs?status="+status, "operator", nil)
		if code != http.StatusOK {
			t.Fatalf("list %s: %d %s", status, code, body)
		}
		list := decodeJSON[service.HandoffList](t, body)
		if i := slices.IndexFunc(list.Handoffs, ok); i >= 0 {
			return list.Handoffs[i]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s handoff as wanted within 30s: %s", status, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
