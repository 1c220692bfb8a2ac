package httpapi_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/devagents"
)

// Each outcome driven end to end through the HTTP API: real dev server, real worker with the
// workflow and activities, agents played by devagents on httptest. Timings are seconds (see
// testenv), so every wait is a poll with a deadline.

const within = 20 * time.Second

func offeredTo(agent string) func(handoff.State) bool {
	return func(s handoff.State) bool {
		return s.Phase == handoff.PhaseAwaitingAcceptance && s.CurrentOffer != nil && s.CurrentOffer.Agent == agent
	}
}

func closed(s handoff.State) bool { return s.Phase == handoff.PhaseClosed }

func deliveryTypes(list []devagents.Received) []handoff.DeliveryType {
	var out []handoff.DeliveryType
	for _, r := range list {
		out = append(out, r.Delivery.Type)
	}
	return out
}

func TestScenarioBotTargetCompletes(t *testing.T) {
	e := testenv.Start(t, testenv.Options{})
	status, body := e.Do(t, "POST", "/v1/handoffs?wait=true", "lead_bot", buyerInput("c-bot"))
	st := decodeJSON[handoff.State](t, body)
	if status != 201 || st.Outcome != handoff.OutcomeCompleted || st.Owner != "jorge_buyer_bot" {
		t.Fatalf("wait=true: %d outcome %q owner %q: %s", status, st.Outcome, st.Owner, body)
	}
	got := deliveryTypes(e.Agents.Deliveries("jorge_buyer_bot"))
	for _, want := range []handoff.DeliveryType{handoff.DeliveryBriefing, handoff.DeliveryTransferred} {
		if !slices.Contains(got, want) {
			t.Errorf("jorge_buyer_bot got %v, missing %s", got, want)
		}
	}
	if got := deliveryTypes(e.Agents.Deliveries("lead_bot")); !slices.Contains(got, handoff.DeliveryPrepareCustomer) {
		t.Errorf("lead_bot got %v, missing %s", got, handoff.DeliveryPrepareCustomer)
	}
	// A finished handoff still answers its state, to any role.
	status, body = e.Do(t, "GET", "/v1/handoffs/c-bot", "operator", nil)
	if st := decodeJSON[handoff.State](t, body); status != 200 || st.Outcome != handoff.OutcomeCompleted {
		t.Fatalf("state after: %d %s", status, body)
	}
}

func TestScenarioHumanAcceptsAndCompletes(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-human")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	e.WaitFor(t, "c-human", within, "offer to maria", offeredTo("maria"))

	// James was not offered: the workflow's validator refuses, and the API says why.
	status, body := e.Do(t, "POST", "/v1/handoffs/c-human/accept", "james", nil)
	if status != 409 || !strings.Contains(string(body), "agent james has no open offer for conversation c-human") {
		t.Fatalf("accept by james: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-human/accept", "maria", `{"agent_id":"james"}`); status != 403 {
		t.Fatalf("maria answering for james: %d %s", status, body)
	}
	status, body = e.Do(t, "POST", "/v1/handoffs/c-human/accept", "maria", nil)
	ans := decodeJSON[struct {
		Answer string        `json:"answer"`
		State  handoff.State `json:"state"`
	}](t, body)
	if status != 200 || ans.Answer != "accepted" || ans.State.Offers[0].Result != handoff.OfferAccepted {
		t.Fatalf("accept by maria: %d %s", status, body)
	}
	e.WaitFor(t, "c-human", within, "monitoring", func(s handoff.State) bool { return s.Phase == handoff.PhaseMonitoring })
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-human/events", "maria", `{"type":"sentiment","sentiment":0.6}`); status != 202 {
		t.Fatalf("event: %d %s", status, body)
	}
	st := e.WaitFor(t, "c-human", within, "closed", closed)
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != "maria" {
		t.Fatalf("outcome %q owner %q (%s)", st.Outcome, st.Owner, st.OutcomeReason)
	}
	if st.Monitoring == nil || !slices.Contains(st.Monitoring.Sentiments, 0.6) {
		t.Fatalf("monitoring did not see the sentiment: %+v", st.Monitoring)
	}
}

func TestScenarioDeclined(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-decline")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	// The human_agent group declines, then its escalation parent, the supervisor sam.
	for _, agent := range []string{"maria", "james", "sam"} {
		e.WaitFor(t, "c-decline", within, "offer to "+agent, offeredTo(agent))
		if status, body := e.Do(t, "POST", "/v1/handoffs/c-decline/decline", agent, `{"reason":"with another client"}`); status != 200 {
			t.Fatalf("decline by %s: %d %s", agent, status, body)
		}
	}
	st := e.WaitFor(t, "c-decline", within, "closed", closed)
	if st.Outcome != handoff.OutcomeDeclined || st.Owner != "jorge_seller_bot" {
		t.Fatalf("outcome %q owner %q (%s)", st.Outcome, st.Owner, st.OutcomeReason)
	}
}

func TestScenarioTimedOut(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "1s"}})
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-timeout")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	st := e.WaitFor(t, "c-timeout", within, "closed", closed)
	if st.Outcome != handoff.OutcomeTimedOut || st.Owner != "jorge_seller_bot" {
		t.Fatalf("outcome %q owner %q (%s)", st.Outcome, st.Owner, st.OutcomeReason)
	}
	// A late answer finds no handoff to answer.
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-timeout/accept", "maria", nil); status != 404 {
		t.Fatalf("late accept: %d %s", status, body)
	}
}

func TestScenarioNoCapacity(t *testing.T) {
	e := testenv.Start(t, testenv.Options{})
	e.Agents.SetDown("jorge_buyer_bot", true)
	if status, body := e.Do(t, "POST", "/v1/handoffs", "lead_bot", buyerInput("c-down")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	st := e.WaitFor(t, "c-down", within, "closed", closed)
	if st.Outcome != handoff.OutcomeNoCapacity || st.Owner != "lead_bot" {
		t.Fatalf("outcome %q owner %q (%s)", st.Outcome, st.Owner, st.OutcomeReason)
	}
	if got := e.Agents.Deliveries("jorge_buyer_bot"); len(got) != 0 {
		t.Fatalf("a down agent was delivered to: %v", deliveryTypes(got))
	}
}

func TestScenarioCancelled(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-cancel")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	e.WaitFor(t, "c-cancel", within, "offer to maria", offeredTo("maria"))
	// Nothing awaits confirmation: the validator refuses.
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-cancel/confirm", "jorge_seller_bot", `{"yes":true}`); status != 409 {
		t.Fatalf("confirm with nothing to confirm: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-cancel/cancel", "lead_bot", nil); status != 403 {
		t.Fatalf("cancel by a bot that is not the source: %d %s", status, body)
	}
	first, err := e.Client.DescribeWorkflowExecution(t.Context(), handoff.WorkflowID("c-cancel"), "")
	if err != nil {
		t.Fatal(err)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-cancel/cancel", "jorge_seller_bot", nil); status != 202 {
		t.Fatalf("cancel: %d %s", status, body)
	}
	// Starting again at once must start a new handoff, not return the one being cancelled.
	status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-cancel"))
	res := decodeJSON[struct {
		RunID    string `json:"run_id"`
		Existing bool   `json:"existing"`
	}](t, body)
	firstRun := first.GetWorkflowExecutionInfo().GetExecution().GetRunId()
	if status != 201 || res.Existing || res.RunID == firstRun {
		t.Fatalf("start right after the cancel: %d %s (cancelled run %s)", status, body, firstRun)
	}
	var st handoff.State
	if err := e.Client.GetWorkflow(t.Context(), handoff.WorkflowID("c-cancel"), firstRun).Get(t.Context(), &st); err != nil {
		t.Fatalf("the cancelled run's result: %v", err)
	}
	if st.Outcome != handoff.OutcomeCancelled || st.Owner != "jorge_seller_bot" {
		t.Fatalf("outcome %q owner %q (%s)", st.Outcome, st.Owner, st.OutcomeReason)
	}
	if got := deliveryTypes(e.Agents.Deliveries("maria")); !slices.Contains(got, handoff.DeliveryStandDown) {
		t.Errorf("maria was not told to stand down: %v", got)
	}
}
