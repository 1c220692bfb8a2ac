package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
)

// Handbacks and warm transfers through the API on the real dev server and worker, the agents
// played by devagents on httptest.

// personOwns starts the seller's handoff, has the person accept it and waits until it closed
// (the test config's monitoring window is two seconds) with them as the owner.
func personOwns(t *testing.T, e *testenv.Env, conv, person string) handoff.State {
	t.Helper()
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput(conv)); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	e.WaitFor(t, conv, within, "offer to "+person, offeredTo(person))
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/accept", person, nil); status != 200 {
		t.Fatalf("accept: %d %s", status, body)
	}
	st := e.WaitFor(t, conv, within, "closed", closed)
	if st.Owner != person {
		t.Fatalf("owner %q after the accept (%s %s)", st.Owner, st.Outcome, st.OutcomeReason)
	}
	return st
}

// holds reports whether the person's workflow holds capacity for the conversation.
func holds(t *testing.T, e *testenv.Env, person, conv string) bool {
	t.Helper()
	status, body := e.Do(t, "GET", "/v1/agents/"+person, person, nil)
	if status != 200 {
		t.Fatalf("agent %s: %d %s", person, status, body)
	}
	for _, r := range decodeJSON[handoff.AgentState](t, body).Reservations {
		if r.ConversationID == conv {
			return true
		}
	}
	return false
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, within)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func chainOf(t *testing.T, e *testenv.Env, conv, token string) (int, httpapi.Chain) {
	t.Helper()
	status, body := e.Do(t, "GET", "/v1/conversations/"+conv+"/handoffs", token, nil)
	if status != 200 {
		return status, httpapi.Chain{}
	}
	return status, decodeJSON[httpapi.Chain](t, body)
}

// TestIntegrationHandbackChain: bot -> maria -> (handback to a failing bot: maria keeps it)
// -> bot, one chain of linked handoffs, the bot's delivery carrying the end-of-stretch marker
// and maria's late message refused.
func TestIntegrationHandbackChain(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	first := personOwns(t, e, "c-hb", "maria")
	body := `{"summary":{"promised":["valuation visit Thursday 10:00"],"changed":["asking price now 2.4M"]},
		"messages":[{"role":"agent","text":"I've booked the valuation visit for Thursday at 10."}]}`

	// Bad requests name the field; only the owner hands back.
	status, resp := e.Do(t, "POST", "/v1/conversations/c-hb/handback", "maria", `{"summary":{}}`)
	if status != 400 || !strings.Contains(string(resp), `"field": "summary"`) {
		t.Fatalf("empty summary: %d %s", status, resp)
	}
	if status, resp := e.Do(t, "POST", "/v1/conversations/c-hb/handback", "maria", `{"to":"james","summary":{"notes":"x"}}`); status != 400 {
		t.Fatalf("handback to a person: %d %s", status, resp)
	}
	if status, resp := e.Do(t, "POST", "/v1/conversations/c-hb/handback", "james", body); status != 409 {
		t.Fatalf("handback by james, who does not own it: %d %s", status, resp)
	}
	if status, resp := e.Do(t, "POST", "/v1/conversations/c-hb/handback", "jorge_seller_bot", body); status != 403 {
		t.Fatalf("handback by a bot: %d %s", status, resp)
	}

	// The bot's webhook fails: maria keeps the customer and her capacity.
	e.Agents.SetFail("jorge_seller_bot", true)
	if status, resp := e.Do(t, "POST", "/v1/conversations/c-hb/handback", "maria", body); status != 201 {
		t.Fatalf("handback: %d %s", status, resp)
	}
	failed := e.WaitFor(t, "c-hb", within, "failed handback closed", func(s handoff.State) bool {
		return s.Kind == handoff.LinkHandback && s.Phase == handoff.PhaseClosed
	})
	if failed.Outcome != handoff.OutcomeFailed || failed.Owner != "maria" || failed.StretchEnded != nil {
		t.Fatalf("handback to a failing bot: outcome %s owner %s marker %+v", failed.Outcome, failed.Owner, failed.StretchEnded)
	}
	if !holds(t, e, "maria", "c-hb") {
		t.Fatal("maria lost her assignment though she kept the customer")
	}

	// The bot is back: the handback goes through.
	e.Agents.SetFail("jorge_seller_bot", false)
	if status, resp := e.Do(t, "POST", "/v1/conversations/c-hb/handback", "maria", body); status != 201 {
		t.Fatalf("handback: %d %s", status, resp)
	}
	st := e.WaitFor(t, "c-hb", within, "handback closed", func(s handoff.State) bool {
		return s.Kind == handoff.LinkHandback && s.Phase == handoff.PhaseClosed && s.HandoffID != failed.HandoffID
	})
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != "jorge_seller_bot" || st.Predecessor != failed.HandoffID {
		t.Fatalf("handback: outcome %s (%s) owner %s predecessor %s", st.Outcome, st.OutcomeReason, st.Owner, st.Predecessor)
	}
	var letGo, tookOver time.Time
	var marker *handoff.EndOfStretch
	for _, r := range e.Agents.Deliveries("maria") {
		if r.Delivery.Type == handoff.DeliveryTransferred && r.Delivery.HandoffID == st.HandoffID {
			letGo = r.At
		}
	}
	for _, r := range e.Agents.Deliveries("jorge_seller_bot") {
		if r.Delivery.Type == handoff.DeliveryTransferred && r.Delivery.HandoffID == st.HandoffID {
			tookOver, marker = r.At, r.Delivery.EndOfStretch
		}
	}
	if letGo.IsZero() || tookOver.IsZero() || tookOver.Before(letGo) {
		t.Fatalf("maria let go at %v, the bot took over at %v: the person's stretch must end first", letGo, tookOver)
	}
	if marker == nil || marker.Person != "maria" || marker.ReleasedAt.IsZero() || len(marker.Summary.Promised) != 1 || len(marker.Since) != 1 {
		t.Fatalf("the bot's delivery carries no complete end-of-stretch marker: %+v", marker)
	}
	eventually(t, "maria's capacity freed", func() bool { return !holds(t, e, "maria", "c-hb") })

	// maria's late message is refused; the bot's is taken.
	status, resp = e.Do(t, "POST", "/v1/handoffs/c-hb/events", "maria", `{"type":"customer_message","text":"one more thing"}`)
	if status != 403 || !strings.Contains(string(resp), "handed conversation c-hb back") {
		t.Fatalf("maria's late message: %d %s", status, resp)
	}

	// The chain: three linked handoffs, to the parties and operators only.
	status, chain := chainOf(t, e, "c-hb", "operator")
	if status != 200 || len(chain.Handoffs) != 3 {
		t.Fatalf("chain: %d %+v", status, chain)
	}
	h := chain.Handoffs
	if h[0].HandoffID != first.HandoffID || h[0].Kind != handoff.LinkHandoff || h[0].Owner != "maria" ||
		h[1].Kind != handoff.LinkHandback || h[1].Predecessor != h[0].HandoffID || h[1].Outcome != handoff.OutcomeFailed ||
		h[2].Predecessor != h[1].HandoffID || h[2].From != "maria" || h[2].To != "jorge_seller_bot" || h[2].Owner != "jorge_seller_bot" {
		t.Fatalf("chain links: %+v", h)
	}
	if status, _ := chainOf(t, e, "c-hb", "maria"); status != 200 {
		t.Fatalf("maria reading the chain: %d", status)
	}
	if status, _ := chainOf(t, e, "c-hb", "james"); status != 403 {
		t.Fatalf("james, no party, reading the chain: %d", status)
	}
}

// TestIntegrationWarmTransfer: maria transfers to james, they exchange notes before he
// accepts, and maria keeps the conversation until then; james's transfer back to maria is
// declined and he keeps it, with nothing held on maria.
func TestIntegrationWarmTransfer(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	personOwns(t, e, "c-wt", "maria")
	if status, resp := e.Do(t, "POST", "/v1/conversations/c-wt/transfer", "maria", `{"to":"lead_bot"}`); status != 400 {
		t.Fatalf("transfer to a bot: %d %s", status, resp)
	}
	status, resp := e.Do(t, "POST", "/v1/conversations/c-wt/transfer", "maria", `{"to":"james","brief":"Second opinion on financing; she is anxious about timing."}`)
	if status != 201 || decodeJSON[service.StartResult](t, resp).Existing {
		t.Fatalf("transfer: %d %s", status, resp)
	}
	e.WaitFor(t, "c-wt", within, "offer to james", offeredTo("james"))
	if status, resp := e.Do(t, "POST", "/v1/handoffs/c-wt/notes", "james", `{"text":"Did you promise her a rate?"}`); status != 200 {
		t.Fatalf("james's note: %d %s", status, resp)
	}
	status, resp = e.Do(t, "POST", "/v1/handoffs/c-wt/notes", "maria", `{"text":"No rate, only a call back today."}`)
	st := decodeJSON[handoff.State](t, resp)
	if status != 200 || len(st.Notes) != 2 || st.Owner != "maria" {
		t.Fatalf("maria's note: %d notes %d owner %s", status, len(st.Notes), st.Owner)
	}
	if status, resp := e.Do(t, "POST", "/v1/handoffs/c-wt/notes", "sam", `{"text":"hi"}`); status != 403 {
		t.Fatalf("a note by sam, no party: %d %s", status, resp)
	}
	if status, resp := e.Do(t, "POST", "/v1/handoffs/c-wt/notes", "maria", `{"text":""}`); status != 400 {
		t.Fatalf("an empty note: %d %s", status, resp)
	}
	if status, resp := e.Do(t, "POST", "/v1/handoffs/c-wt/accept", "james", nil); status != 200 {
		t.Fatalf("james accepts: %d %s", status, resp)
	}
	st = e.WaitFor(t, "c-wt", within, "transfer closed", closed)
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != "james" || st.Kind != handoff.LinkTransfer {
		t.Fatalf("transfer: %s (%s) owner %s", st.Outcome, st.OutcomeReason, st.Owner)
	}
	eventually(t, "maria's capacity freed", func() bool { return !holds(t, e, "maria", "c-wt") })
	if !holds(t, e, "james", "c-wt") {
		t.Fatal("james owns the conversation but holds no capacity for it")
	}

	// James transfers back; maria declines: james keeps it and maria holds nothing.
	if status, resp := e.Do(t, "POST", "/v1/conversations/c-wt/transfer", "james", `{"to":"maria"}`); status != 201 {
		t.Fatalf("transfer back: %d %s", status, resp)
	}
	e.WaitFor(t, "c-wt", within, "offer to maria", offeredTo("maria"))
	if status, resp := e.Do(t, "POST", "/v1/handoffs/c-wt/decline", "maria", `{"reason":"busy with a closing"}`); status != 200 {
		t.Fatalf("maria declines: %d %s", status, resp)
	}
	st = e.WaitFor(t, "c-wt", within, "declined transfer closed", closed)
	if st.Outcome != handoff.OutcomeDeclined || st.Owner != "james" {
		t.Fatalf("declined transfer: %s owner %s", st.Outcome, st.Owner)
	}
	if holds(t, e, "maria", "c-wt") || !holds(t, e, "james", "c-wt") {
		t.Fatal("after the decline maria must hold nothing and james keep his assignment")
	}
	if status, chain := chainOf(t, e, "c-wt", "james"); status != 200 || len(chain.Handoffs) != 3 {
		t.Fatalf("chain: %d %+v", status, chain)
	}
}

// TestIntegrationTeamDecision: a listing over 2M waits for 2 of 3 senior people; votes go
// through the API, once each, from named approvers only, and the handoff then proceeds.
func TestIntegrationTeamDecision(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	in := sellerInput("c-vote")
	in.Messages = []handoff.Message{{Role: "customer", Text: "We would like to list the house on the hill, valued at 2.6 million."}}
	in.Signals = map[string]any{"property_value": "2.6M"}
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", in); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	st := e.WaitFor(t, "c-vote", within, "awaiting approval", func(s handoff.State) bool { return s.Phase == handoff.PhaseAwaitingApproval })
	if st.Decision.Rule != "high_value_listing" || st.Approval == nil || len(st.Approval.Asked) != 3 {
		t.Fatalf("rule %s approval %+v", st.Decision.Rule, st.Approval)
	}
	eventually(t, "approvers notified", func() bool {
		for _, p := range []string{"maria", "james", "sam"} {
			if !containsType(deliveryTypes(e.Agents.Deliveries(p)), handoff.DeliveryApprovalRequest) {
				return false
			}
		}
		return true
	})
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-vote/votes", "maria", `{"approve":true}`); status != 200 {
		t.Fatalf("maria's vote: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-vote/votes", "maria", `{"approve":true}`); status != 409 || !strings.Contains(string(body), "already voted") {
		t.Fatalf("maria's second vote: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-vote/votes", "james", `{"approve":false}`); status != 400 || !strings.Contains(string(body), "reason") {
		t.Fatalf("a refusal without a reason: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-vote/votes", "james", `{"approve":true,"approver":"sam"}`); status != 403 {
		t.Fatalf("james voting as sam: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-vote/votes", "jorge_seller_bot", `{"approve":true}`); status != 403 {
		t.Fatalf("a bot's vote: %d %s", status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-vote/votes", "james", `{"approve":false,"reason":"fully booked this week"}`); status != 200 {
		t.Fatalf("james's refusal: %d %s", status, body)
	}
	status, body := e.Do(t, "POST", "/v1/handoffs/c-vote/votes", "sam", `{"approve":true}`)
	st = decodeJSON[handoff.State](t, body)
	if status != 200 || st.Approval.Verdict != handoff.VerdictApproved || len(st.Approval.Votes) != 3 {
		t.Fatalf("sam's vote: %d %+v", status, st.Approval)
	}
	e.WaitFor(t, "c-vote", within, "offered after the approval", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseAwaitingAcceptance && s.CurrentOffer != nil
	})
}

func containsType(list []handoff.DeliveryType, t handoff.DeliveryType) bool {
	for _, v := range list {
		if v == t {
			return true
		}
	}
	return false
}

// TestIntegrationHandbackDuringMonitoring: maria is done before the five-minute monitoring
// window of the handoff that gave her the conversation ends. Her handback closes that window
// (an outcome report, as a receiver's always could) and goes through at once.
func TestIntegrationHandbackDuringMonitoring(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s", "monitoring_window": "5m"}})
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-hbm")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	e.WaitFor(t, "c-hbm", within, "offer to maria", offeredTo("maria"))
	if status, body := e.Do(t, "POST", "/v1/handoffs/c-hbm/accept", "maria", nil); status != 200 {
		t.Fatalf("accept: %d %s", status, body)
	}
	first := e.WaitFor(t, "c-hbm", within, "monitoring with maria", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseMonitoring && s.Owner == "maria"
	})
	body := `{"summary":{"notes":"Answered the fee question; nothing promised."}}`
	if status, resp := e.Do(t, "POST", "/v1/conversations/c-hbm/handback", "maria", body); status != 201 {
		t.Fatalf("handback during monitoring: %d %s", status, resp)
	}
	// The handback has its own window (five minutes here): the bot owns the conversation in it.
	st := e.WaitFor(t, "c-hbm", within, "the bot owning it", func(s handoff.State) bool {
		return s.Kind == handoff.LinkHandback && s.Phase == handoff.PhaseMonitoring
	})
	if st.Owner != "jorge_seller_bot" || st.Predecessor != first.HandoffID {
		t.Fatalf("handback: owner %s predecessor %s", st.Owner, st.Predecessor)
	}
	status, chain := chainOf(t, e, "c-hbm", "operator")
	if status != 200 || len(chain.Handoffs) != 2 || chain.Handoffs[0].Outcome != handoff.OutcomeCompleted {
		t.Fatalf("chain: %d %+v", status, chain)
	}
	eventually(t, "maria's capacity freed", func() bool { return !holds(t, e, "maria", "c-hbm") })
}
