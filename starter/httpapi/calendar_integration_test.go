package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

// The people's calendars, as the stand-in agents publish them for the example config, decide
// who is offered the conversation: maria is in a showing, james's calendar is down (his
// business hours decide, and his offer says so). Nothing of their events is kept.
func TestScenarioCalendarsDecideWhoIsOffered(t *testing.T) {
	logs := &testenv.SyncBuffer{}
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}, Logs: logs,
		// The longest read allowed: on a loaded machine a read cut short would make maria's
		// calendar unread, and her free by business hours.
		Edit: func(doc map[string]any, _ string) {
			for _, a := range doc["agents"].([]any) {
				if cal, ok := a.(map[string]any)["calendar"].(map[string]any); ok {
					cal["timeout"] = "5s"
				}
			}
		}})
	e.Agents.SetBusy("maria", 30*time.Minute)
	e.Agents.SetCalendarDown("james", true)
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-calendar")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	st := e.WaitFor(t, "c-calendar", within, "offer to james", offeredTo("james"))
	maria := st.Offers[0]
	if maria.Agent != "maria" || maria.Result != handoff.OfferUnavailable ||
		!strings.HasPrefix(maria.Reason, "in a calendar event until ") || !strings.HasSuffix(maria.Reason, "(Europe/Madrid)") {
		t.Fatalf("maria's offer %+v, want unavailable for her showing, on her clock", maria)
	}
	want := "calendar of james could not be read (the calendar answered 503 Service Unavailable); using business hours (none are set: open at all hours)"
	if st.CurrentOffer.Note != want {
		t.Fatalf("james's offer note %q, want %q", st.CurrentOffer.Note, want)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-calendar/accept", "james", nil); status != 200 {
		t.Fatalf("accept: %d %s", status, body)
	}
	st = e.WaitFor(t, "c-calendar", within, "closed", closed)
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != "james" {
		t.Fatalf("outcome %q owner %q, want completed by james", st.Outcome, st.Owner)
	}
	state, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	// What the stand-in calendars say of the events (starter/devagents/calendar.go).
	for _, private := range []string{"Calle Mayor", "Ortegas", "Pipeline review", "Hudson", "Kim family", "Private notes"} {
		if strings.Contains(string(state), private) || strings.Contains(string(logs.Bytes()), private) {
			t.Errorf("%q from a calendar event is in the state or the logs", private)
		}
	}
	if e.Agents.CalendarReads("maria") == 0 {
		t.Error("maria's calendar was never read")
	}
}
