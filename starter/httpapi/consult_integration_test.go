package httpapi_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/devagents"
	"github.com/handoffhq/orchestrator/starter/httpapi"
)

// consultDeadline shortens scenario 3's two minutes for the test (the shortest allowed).
const consultDeadline = 10 * time.Second

func shortConsultDeadline(doc map[string]any, _ string) {
	rules, _ := doc["routing"].(map[string]any)["rules"].([]any)
	for _, r := range rules {
		if rule, ok := r.(map[string]any); ok && rule["name"] == "investment_consultation" {
			rule["consult"].(map[string]any)["deadline"] = consultDeadline.String()
		}
	}
}

// until polls cond every 50 ms until it holds or within passes.
func until(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("%s: not within %s", what, within)
}

func received(e *testenv.Env, agent string, typ handoff.DeliveryType) []devagents.Received {
	var out []devagents.Received
	for _, r := range e.Agents.Deliveries(agent) {
		if r.Delivery.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

// Scenario 3 end to end through the API on the dev server: the investment sample matches the
// consult rule; the buyer bot keeps the customer and is asked to tell them an expert team
// reviews their case; the three experts get the brief in parallel (the tax advisor as an
// offer holding her capacity); two answer at different times, the financing expert too late;
// the merged brief reaches the buyer bot naming the late expert; the quorum of two is met.
func TestScenarioInvestmentConsultation(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Edit: shortConsultDeadline})
	sample, err := os.ReadFile(filepath.Join(testenv.ModuleRoot(t), "samples", "investment-consult.json"))
	if err != nil {
		t.Fatal(err)
	}
	const conv = "conv-invest-3c51d0"
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_buyer_bot", sample); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	st := e.WaitFor(t, conv, within, "consulting", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseConsulting && s.Consultation != nil
	})
	id := st.Consultation.ID
	start := time.Now()

	// The customer hears who reviews their case, through the primary agent.
	until(t, within, "consult_notice to the buyer bot", func() bool { return len(received(e, "jorge_buyer_bot", handoff.DeliveryConsultNotice)) == 1 })
	notice := received(e, "jorge_buyer_bot", handoff.DeliveryConsultNotice)[0]
	if !strings.Contains(notice.Delivery.Message, "our Investment specialist, Financing expert and Tax strategy advisor are reviewing your case") || notice.Key == "" {
		t.Fatalf("customer notice: %+v", notice)
	}
	for _, ex := range []string{"investment_specialist", "financing_expert", "tax_strategy_advisor"} {
		until(t, within, "consult brief to "+ex, func() bool { return len(received(e, ex, handoff.DeliveryConsult)) == 1 })
		b := received(e, ex, handoff.DeliveryConsult)[0]
		if b.Delivery.Consultation == nil || b.Delivery.Consultation.ConsultationID != id || b.Key != id+"/"+ex+"/consult" {
			t.Fatalf("%s's brief: key %q %+v", ex, b.Key, b.Delivery.Consultation)
		}
		if strings.Contains(string(mustJSON(t, b.Delivery)), "Priya") || strings.Contains(string(mustJSON(t, b.Delivery)), "natarajan-holdings") {
			t.Fatalf("%s's brief carries the customer's identity", ex)
		}
	}
	if !received(e, "tax_strategy_advisor", handoff.DeliveryConsult)[0].Notify {
		t.Error("the tax advisor is a person: her brief goes to the notification service")
	}
	// The person's capacity is held while she considers it.
	if status, body := e.Do(t, "GET", "/v1/agents/tax_strategy_advisor", "tax_strategy_advisor", nil); status != 200 ||
		len(decodeJSON[handoff.AgentState](t, body).Reservations) != 1 {
		t.Fatalf("tax advisor's load while asked: %d %s", status, body)
	}

	// Scope: only the primary agent and operators read it; only its experts answer, as themselves.
	if status, _ := e.Do(t, "GET", "/v1/consultations/"+id, "financing_expert", nil); status != 403 {
		t.Errorf("an expert read the consultation: %d", status)
	}
	if status, _ := e.Do(t, "POST", "/v1/consultations/"+id+"/answers", "lead_bot", `{"recommendation":"x","confidence":0.5}`); status != 403 {
		t.Errorf("a non-expert answered: %d", status)
	}
	if status, _ := e.Do(t, "POST", "/v1/consultations/"+id+"/answers", "investment_specialist", `{"expert":"financing_expert","recommendation":"x","confidence":0.5}`); status != 403 {
		t.Errorf("an expert answered for another: %d", status)
	}
	status, body := e.Do(t, "POST", "/v1/consultations/"+id+"/answers", "investment_specialist", `{"recommendation":"x","confidence":1.5}`)
	if status != 400 || fieldOf(t, body) != "confidence" {
		t.Errorf("confidence 1.5: %d %s", status, body)
	}

	// Two experts answer at different times.
	status, body = e.Do(t, "POST", "/v1/consultations/"+id+"/answers", "investment_specialist",
		`{"recommendation":"Buy the East 11th fourplex first","confidence":0.8,"notes":"5.9% cap rate after taxes"}`)
	if ans := decodeJSON[httpapi.ExpertAnswer](t, body); status != 200 || ans.Expert.Status != handoff.ExpertAnswered || strings.Contains(string(body), "tax_strategy_advisor") {
		t.Fatalf("investment specialist's answer: %d %s", status, body)
	}
	time.Sleep(time.Second) // the second expert answers a moment later: the arrival order must not matter
	if status, body := e.Do(t, "POST", "/v1/consultations/"+id+"/answers", "tax_strategy_advisor",
		`{"recommendation":"buy the East 11th fourplex first.","confidence":0.7,"notes":"cost segregation study in year one"}`); status != 200 {
		t.Fatalf("tax advisor's answer: %d %s", status, body)
	}
	// Her capacity is released as soon as she answered, before the deadline.
	until(t, within, "tax advisor released", func() bool {
		_, body := e.Do(t, "GET", "/v1/agents/tax_strategy_advisor", "tax_strategy_advisor", nil)
		return len(decodeJSON[handoff.AgentState](t, body).Reservations) == 0
	})
	if time.Since(start) >= consultDeadline {
		t.Fatalf("the test was too slow to check the release before the deadline")
	}

	st = e.WaitFor(t, conv, consultDeadline+within, "closed", closed)
	if st.Outcome != handoff.OutcomeConsulted || st.Owner != "jorge_buyer_bot" || len(st.Offers) != 0 ||
		st.Consultation.Outcome != handoff.ConsultSucceeded || st.Consultation.Answered != 2 {
		t.Fatalf("handoff: outcome %s owner %s offers %v consultation %+v (%s)", st.Outcome, st.Owner, st.Offers, st.Consultation, st.OutcomeReason)
	}
	// The financing expert is too late: refused, and named in the brief.
	status, body = e.Do(t, "POST", "/v1/consultations/"+id+"/answers", "financing_expert", `{"recommendation":"DSCR loan","confidence":0.9}`)
	if status != 409 || !strings.Contains(string(body), "is closed") {
		t.Errorf("late answer: %d %s", status, body)
	}
	advisory := received(e, "jorge_buyer_bot", handoff.DeliveryAdvisory)
	if len(advisory) != 1 || advisory[0].Delivery.Advisory == nil {
		t.Fatalf("advisory deliveries to the buyer bot: %+v", advisory)
	}
	b := advisory[0].Delivery.Advisory
	if b.Outcome != handoff.ConsultSucceeded || b.Consensus != "Buy the East 11th fourplex first" || b.Answered != 2 ||
		len(b.Missing) != 1 || b.Missing[0].Agent != "financing_expert" || b.Missing[0].Status != handoff.ExpertLate {
		t.Fatalf("advisory brief %+v", b)
	}
	if got := received(e, "financing_expert", handoff.DeliveryStandDown); len(got) != 1 {
		t.Errorf("the late expert got %d stand-downs, want 1", len(got))
	}
	// The primary agent never let go: no handoff delivery reached anyone.
	for _, agent := range []string{"jorge_buyer_bot", "luxury_specialist", "investment_specialist"} {
		for _, typ := range deliveryTypes(e.Agents.Deliveries(agent)) {
			if slices.Contains([]handoff.DeliveryType{handoff.DeliveryPrepareCustomer, handoff.DeliveryTransferred, handoff.DeliveryBriefing}, typ) {
				t.Errorf("%s got a %s delivery during a consultation", agent, typ)
			}
		}
	}
	status, body = e.Do(t, "GET", "/v1/consultations/"+id, "jorge_buyer_bot", nil)
	if cs := decodeJSON[handoff.ConsultationState](t, body); status != 200 || !cs.BriefDelivered || !cs.CustomerTold || cs.Brief == nil {
		t.Fatalf("consultation state for its primary: %d %s", status, body)
	}
	t.Logf("advisory brief:\n%s", b.Text)
}

// An advisory request: any agent asks about its own conversation with no handoff; a bad
// request names the field; the customer leaving ends it and frees the person's capacity.
func TestAdvisoryRequestCustomerLeaves(t *testing.T) {
	e := testenv.Start(t, testenv.Options{})
	req := func(reqID, experts string) string {
		return `{"request_id":"` + reqID + `","conversation":{"conversation_id":"c-advice","source_agent":"jorge_seller_bot",` +
			`"messages":[{"role":"customer","text":"Is now the time to sell?"}]},` +
			`"consult":{"consulting_experts":` + experts + `,"coordination_method":"live","customer_awareness":"silent","deadline":"5m","question":"Sell now or wait?"}}`
	}
	for _, tc := range []struct{ body, field string }{
		{req("r1", `["ghost"]`), "consult.consulting_experts[0]"},
		{req("r1", `[]`), "consult.consulting_experts"},
		{strings.Replace(req("r1", `["maria"]`), `"live"`, `"loud"`, 1), "consult.coordination_method"},
		{strings.Replace(req("r1", `["maria"]`), `"5m"`, `"5"`, 1), "consult.deadline"},
		{req("bad id!", `["maria"]`), "request_id"},
	} {
		status, body := e.Do(t, "POST", "/v1/consultations", "jorge_seller_bot", tc.body)
		if status != 400 || fieldOf(t, body) != tc.field {
			t.Errorf("want 400 naming %s: %d %s", tc.field, status, body)
		}
	}
	if status, _ := e.Do(t, "POST", "/v1/consultations", "lead_bot", req("r1", `["maria"]`)); status != 403 {
		t.Errorf("lead_bot asking about the seller bot's conversation: %d", status)
	}
	status, body := e.Do(t, "POST", "/v1/consultations", "jorge_seller_bot", req("r1", `["maria","luxury_specialist"]`))
	started := decodeJSON[struct {
		ID string `json:"consultation_id"`
	}](t, body)
	if status != 201 || started.ID != "consultation-c-advice.r1" {
		t.Fatalf("start: %d %s", status, body)
	}
	if status, _ := e.Do(t, "POST", "/v1/consultations", "jorge_seller_bot", req("r1", `["maria","luxury_specialist"]`)); status != 200 {
		t.Errorf("the same request again: %d, want 200 (the same consultation)", status)
	}
	until(t, within, "maria reserved", func() bool {
		_, body := e.Do(t, "GET", "/v1/agents/maria", "maria", nil)
		return len(decodeJSON[handoff.AgentState](t, body).Reservations) == 1
	})
	// Her offers list it, with the route that answers it.
	_, body = e.Do(t, "GET", "/v1/agents/maria/offers", "maria", nil)
	if !strings.Contains(string(body), `"accept_path": "/v1/consultations/consultation-c-advice.r1/answers"`) {
		t.Errorf("maria's offers: %s", body)
	}
	// Live coordination: the primary hears the specialist's answer at once.
	if status, body := e.Do(t, "POST", "/v1/consultations/"+started.ID+"/answers", "luxury_specialist", `{"recommendation":"List in spring","confidence":0.6}`); status != 200 {
		t.Fatalf("answer: %d %s", status, body)
	}
	until(t, within, "advice relayed", func() bool { return len(received(e, "jorge_seller_bot", handoff.DeliveryAdvice)) == 1 })
	if status, body := e.Do(t, "POST", "/v1/consultations/"+started.ID+"/events", "jorge_seller_bot", `{"type":"customer_left"}`); status != 202 {
		t.Fatalf("customer_left: %d %s", status, body)
	}
	until(t, within, "consultation abandoned", func() bool {
		_, body := e.Do(t, "GET", "/v1/consultations/"+started.ID, "operator", nil)
		return decodeJSON[handoff.ConsultationState](t, body).EndedAt.After(time.Time{})
	})
	_, body = e.Do(t, "GET", "/v1/consultations/"+started.ID, "operator", nil)
	if cs := decodeJSON[handoff.ConsultationState](t, body); cs.Outcome != handoff.ConsultAbandoned || cs.BriefDelivered {
		t.Fatalf("after the customer left: %s", body)
	}
	_, body = e.Do(t, "GET", "/v1/agents/maria", "maria", nil)
	if n := len(decodeJSON[handoff.AgentState](t, body).Reservations); n != 0 {
		t.Errorf("maria still holds %d reservations after the customer left", n)
	}
	if len(received(e, "maria", handoff.DeliveryStandDown)) != 1 || len(received(e, "jorge_seller_bot", handoff.DeliveryAdvisory)) != 0 {
		t.Errorf("maria's stand-downs %d, advisory briefs to the primary %d",
			len(received(e, "maria", handoff.DeliveryStandDown)), len(received(e, "jorge_seller_bot", handoff.DeliveryAdvisory)))
	}
}

// fieldOf is the field an error body names.
func fieldOf(t *testing.T, body []byte) string {
	return decodeJSON[httpapi.ErrorBody](t, body).Error.Field
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
