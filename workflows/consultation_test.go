package workflows

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/testsuite"
)

// Scenario 3's consultation: the buyer bot keeps the customer while two bots and one person
// advise it, two answers needed within ten minutes.
func testConsultation() handoff.ConsultationInput {
	in := testInput()
	in.SourceAgent = "jorge_buyer_bot"
	return handoff.ConsultationInput{
		Spec: handoff.ConsultSpec{
			PrimaryAgent: "jorge_buyer_bot", Experts: []string{"investment_specialist", "financing_expert", "ana"},
			Coordination: handoff.CoordinationBackground, CustomerAwareness: handoff.AwarenessTransparent,
			Deadline: "10m", Quorum: 2, Question: "Which property, and how to finance it?",
			CustomerMessage: "{experts} are reviewing your case.",
		},
		Brief:       handoff.NewConsultationBrief(in, "Which property, and how to finance it?"),
		RequestedBy: "jorge_buyer_bot",
		ExpertNames: map[string]string{"investment_specialist": "Investment specialist", "financing_expert": "Financing expert", "ana": "Ana"},
		People:      []string{"ana"},
	}
}

func advice(expert, rec string, conf float64) handoff.AdviceInput {
	return handoff.AdviceInput{Expert: expert, Recommendation: rec, Confidence: conf, Notes: "from " + expert}
}

func (h *harness) runConsultation(in handoff.ConsultationInput) handoff.ConsultationState {
	h.t.Helper()
	h.env.ExecuteWorkflow(Consultation, in)
	if !h.env.IsWorkflowCompleted() {
		h.t.Fatal("consultation did not complete")
	}
	if err := h.env.GetWorkflowError(); err != nil {
		h.t.Fatalf("consultation error: %v", err)
	}
	var st handoff.ConsultationState
	if err := h.env.GetWorkflowResult(&st); err != nil {
		h.t.Fatal(err)
	}
	return st
}

// advisory is the brief the primary agent received, or nil.
func (h *harness) advisory() *handoff.AdvisoryBrief {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, d := range h.deliveries {
		if d.Delivery.Type == handoff.DeliveryAdvisory {
			return d.Delivery.Advisory
		}
	}
	return nil
}

func (h *harness) countOps(op string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, o := range h.ops {
		if o == op {
			n++
		}
	}
	return n
}

func TestConsultationAllAnswer(t *testing.T) {
	h := newHarness(t, testDecision("x"))
	var early, dup *updateResult
	h.at(time.Minute, func() {
		h.update(handoff.UpdateConsultAnswer, advice("investment_specialist", "Buy the fourplex", 0.8))
	})
	h.at(2*time.Minute, func() { dup = h.update(handoff.UpdateConsultAnswer, advice("investment_specialist", "Buy both", 0.9)) })
	h.at(3*time.Minute, func() { early = h.update(handoff.UpdateConsultAnswer, advice("sam", "x", 0.5)) })
	h.at(4*time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("financing_expert", "buy the fourplex.", 0.7)) })
	h.at(5*time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("ana", "Hold both for the 1031", 0.9)) })
	st := h.runConsultation(testConsultation())
	dup.refused(t, "a second answer", "already answered")
	early.refused(t, "an answer from a non-expert", "sam is not an expert")
	if st.Outcome != handoff.ConsultSucceeded || st.Brief.Answered != 3 || !st.BriefDelivered || !st.CustomerTold {
		t.Fatalf("state %+v", st)
	}
	// All three answered at 5 minutes: the brief does not wait for the deadline.
	if got := st.EndedAt.Sub(st.StartedAt); got > 6*time.Minute {
		t.Errorf("ended after %s, want right after the last answer", got)
	}
	b := h.advisory()
	if b == nil || b.Consensus != "Buy the fourplex" || len(b.Missing) != 0 {
		t.Fatalf("advisory brief %+v", b)
	}
	notice := h.deliveredOf(handoff.DeliveryConsultNotice)
	if len(notice) != 1 || notice[0].Agent != "jorge_buyer_bot" ||
		notice[0].Delivery.Message != "our Investment specialist, Financing expert and Ana are reviewing your case." {
		t.Fatalf("customer notice %+v", notice)
	}
	asked := h.deliveredOf(handoff.DeliveryConsult)
	if len(asked) != 3 {
		t.Fatalf("consult deliveries %d, want 3", len(asked))
	}
	for _, d := range asked {
		if d.Key != st.ID+"/"+d.Agent+"/consult" || d.Delivery.Consultation == nil {
			t.Errorf("consult delivery to %s: key %q brief %v", d.Agent, d.Key, d.Delivery.Consultation)
		}
		if c := d.Delivery.Consultation; c != nil && strings.Contains(strings.Join(c.CustomerSaid, " ")+c.Summary, "Dana") {
			t.Errorf("the brief names the customer: %+v", c)
		}
	}
	// The person was reserved and released once; nothing was withdrawn.
	if h.countOps("reserve:ana") != 1 || h.countOps("release:ana") != 1 || len(h.delivered(handoff.DeliveryStandDown)) != 0 {
		t.Fatalf("ops %v, stand-downs %v", h.ops, h.delivered(handoff.DeliveryStandDown))
	}
}

func TestConsultationOneLate(t *testing.T) {
	h := newHarness(t, testDecision("x"))
	h.at(2*time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("financing_expert", "Use a DSCR loan", 0.6)) })
	h.at(7*time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("investment_specialist", "Use a DSCR loan", 0.8)) })
	st := h.runConsultation(testConsultation())
	if st.Outcome != handoff.ConsultSucceeded {
		t.Fatalf("outcome %s, want succeeded with 2 of 3 (quorum 2)", st.Outcome)
	}
	if got := st.EndedAt.Sub(st.StartedAt); got != 10*time.Minute {
		t.Errorf("ended after %s, want at the 10m deadline", got)
	}
	b := h.advisory()
	if b == nil || len(b.Missing) != 1 || b.Missing[0].Agent != "ana" || b.Missing[0].Status != handoff.ExpertLate || !strings.Contains(b.Text, "ana: late") {
		t.Fatalf("advisory brief %+v", b)
	}
	if !slices.Equal(h.delivered(handoff.DeliveryStandDown), []string{"ana"}) || h.countOps("release:ana") != 1 {
		t.Fatalf("late person: stand-downs %v ops %v", h.delivered(handoff.DeliveryStandDown), h.ops)
	}
}

func TestConsultationOneFails(t *testing.T) {
	h := newHarness(t, testDecision("x"))
	h.failType["financing_expert"] = handoff.DeliveryConsult
	h.refuse["ana"] = "ana is offline"
	h.at(time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("investment_specialist", "Buy", 0.8)) })
	var refused *updateResult
	h.at(30*time.Second, func() { refused = h.update(handoff.UpdateConsultAnswer, advice("ana", "Hold", 0.8)) })
	st := h.runConsultation(testConsultation())
	refused.refused(t, "an answer from an expert who was never asked", "ana was not asked")
	// Every expert is resolved after the first answer: no need to wait for the deadline.
	if st.Outcome != handoff.ConsultQuorumNotMet || st.EndedAt.Sub(st.StartedAt) > 2*time.Minute {
		t.Fatalf("outcome %s after %s", st.Outcome, st.EndedAt.Sub(st.StartedAt))
	}
	b := h.advisory()
	want := map[string]string{"financing_expert": handoff.ExpertFailed, "ana": handoff.ExpertUnavailable}
	if b == nil || len(b.Missing) != 2 {
		t.Fatalf("advisory brief %+v", b)
	}
	for _, m := range b.Missing {
		if want[m.Agent] != m.Status || m.Reason == "" {
			t.Errorf("missing %+v, want status %s with a reason", m, want[m.Agent])
		}
	}
	if h.countOps("reserve:ana") != 0 || h.countOps("release:ana") != 0 {
		t.Errorf("an unavailable person holds nothing: ops %v", h.ops)
	}
}

func TestConsultationQuorumNotMet(t *testing.T) {
	h := newHarness(t, testDecision("x"))
	h.at(time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("ana", "Hold", 0.7)) })
	h.at(3*time.Minute, func() {
		h.update(handoff.UpdateConsultAnswer, handoff.AdviceInput{Expert: "financing_expert", Decline: true, Reason: "conflict of interest"})
	})
	var after *updateResult
	h.at(11*time.Minute, func() { after = h.update(handoff.UpdateConsultAnswer, advice("investment_specialist", "Buy", 0.9)) })
	st := h.runConsultation(testConsultation())
	if after != nil {
		t.Errorf("an answer after the deadline reached a closed consultation: %+v", after)
	}
	b := h.advisory()
	if st.Outcome != handoff.ConsultQuorumNotMet || b == nil || b.Answered != 1 || !strings.Contains(b.Text, "quorum NOT met") {
		t.Fatalf("outcome %s brief %+v", st.Outcome, b)
	}
	if h.countOps("release:ana") != 1 {
		t.Errorf("ana answered: her capacity is released once, ops %v", h.ops)
	}
}

// The customer leaving ends the consultation at once: no brief, every expert who had not
// answered is withdrawn, and the person's capacity is released.
func TestConsultationCustomerLeaves(t *testing.T) {
	h := newHarness(t, testDecision("x"))
	h.at(time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("investment_specialist", "Buy", 0.8)) })
	h.at(2*time.Minute, func() { h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerLeft}) })
	st := h.runConsultation(testConsultation())
	if st.Outcome != handoff.ConsultAbandoned || st.EndedAt.Sub(st.StartedAt) != 2*time.Minute || st.BriefDelivered {
		t.Fatalf("state %+v", st)
	}
	if h.advisory() != nil {
		t.Error("the primary got an advisory brief for a customer who left")
	}
	got := h.delivered(handoff.DeliveryStandDown)
	slices.Sort(got)
	if !slices.Equal(got, []string{"ana", "financing_expert"}) || h.countOps("release:ana") != 1 {
		t.Fatalf("stand-downs %v ops %v", got, h.ops)
	}
}

// A consult rule's handoff keeps the source as the owner and ends consulted; the customer
// leaving reaches the consultation through the handoff's own event path.
func TestHandoffConsultRule(t *testing.T) {
	for _, leave := range []bool{false, true} {
		d := testDecision("jorge_buyer_bot")
		d.Handoff, d.Rule = false, "investment_consultation"
		ci := testConsultation()
		d.Consult = &ci.Spec
		h := newHarness(t, d)
		h.consultation = &ci
		in := testInput()
		in.SourceAgent = "jorge_buyer_bot"
		// Experts answer the child workflow, by its ID, as the API does.
		child := handoff.ConsultationID("conv-1", "default-test-run-id")
		answer := func(in handoff.AdviceInput) {
			_ = h.env.UpdateWorkflowByID(child, handoff.UpdateConsultAnswer, "answer/"+in.Expert, &testsuite.TestUpdateCallback{
				OnAccept: func() {}, OnReject: func(err error) { t.Errorf("answer refused: %v", err) }, OnComplete: func(any, error) {},
			}, in)
		}
		h.at(time.Minute, func() { answer(advice("investment_specialist", "Buy", 0.8)) })
		h.at(2*time.Minute, func() { answer(advice("financing_expert", "Buy", 0.6)) })
		if leave {
			h.at(90*time.Second, func() { h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerLeft}) })
		}
		res := h.run(in)
		c := res.Consultation
		switch {
		case res.Owner != "jorge_buyer_bot" || len(res.Offers) != 0 || c == nil:
			t.Fatalf("leave=%v: owner %s offers %v consultation %+v", leave, res.Owner, res.Offers, c)
		case leave && (res.Outcome != handoff.OutcomeAbandoned || c.Outcome != handoff.ConsultAbandoned || h.countOps("release:ana") != 1):
			t.Fatalf("customer left: outcome %s consultation %+v ops %v", res.Outcome, c, h.ops)
		case !leave && (res.Outcome != handoff.OutcomeConsulted || c.Outcome != handoff.ConsultSucceeded || c.Answered != 2):
			t.Fatalf("outcome %s (%s) consultation %+v brief %+v", res.Outcome, res.OutcomeReason, c, h.advisory())
		}
		if n := len(h.delivered(handoff.DeliveryFallback)); n != 0 {
			t.Errorf("leave=%v: the source was sent %d fallback scripts; it never let go", leave, n)
		}
		if h.record == nil || (!leave && h.record.ReasonCode != "consultation_succeeded") {
			t.Errorf("leave=%v: record %+v", leave, h.record)
		}
	}
}

func (h *harness) deliveredOf(typ handoff.DeliveryType) []activities.DeliveryInput {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []activities.DeliveryInput
	for _, d := range h.deliveries {
		if d.Delivery.Type == typ {
			out = append(out, d)
		}
	}
	return out
}

// Live coordination relays each answer to the primary agent as it arrives, once, before the
// merged brief; a silent consultation tells the customer nothing.
func TestConsultationLiveRelaysEachAnswer(t *testing.T) {
	h := newHarness(t, testDecision("x"))
	in := testConsultation()
	in.Spec.Coordination, in.Spec.CustomerAwareness = handoff.CoordinationLive, handoff.AwarenessSilent
	h.at(time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("financing_expert", "DSCR loan", 0.6)) })
	h.at(2*time.Minute, func() { h.update(handoff.UpdateConsultAnswer, advice("investment_specialist", "Buy", 0.8)) })
	st := h.runConsultation(in)
	relayed := h.deliveredOf(handoff.DeliveryAdvice)
	if len(relayed) != 2 || relayed[0].Delivery.Advice.Expert != "financing_expert" || relayed[0].Key != st.ID+"/jorge_buyer_bot/advice/financing_expert" {
		t.Fatalf("relayed %+v", relayed)
	}
	if st.CustomerTold || len(h.delivered(handoff.DeliveryConsultNotice)) != 0 || h.advisory() == nil {
		t.Fatalf("silent mode: told %v notices %v brief %v", st.CustomerTold, h.delivered(handoff.DeliveryConsultNotice), h.advisory())
	}
}
