package workflows

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/stretchr/testify/mock"
)

// Team decisions, handbacks and warm transfers in the time-skipping environment.

func approvalDecision(onTimeout string, escalate ...string) handoff.Decision {
	d := testDecision("luxury_specialist")
	d.Approval = &handoff.ApprovalSpec{Approvers: []string{"maria", "james", "sam"}, Required: 2, Timeout: "10m",
		EscalateTo: escalate, EscalationTimeout: "5m", OnTimeout: onTimeout}
	return d
}

// withAlerts records approval requests (sent through the Alert activity) as deliveries.
func withAlerts(h *harness) *harness {
	h.env.OnActivity(a.Alert, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.AlertInput) ([]string, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.deliveries = append(h.deliveries, activities.DeliveryInput{Agent: in.Target, Delivery: in.Delivery})
			return []string{in.Target}, nil
		})
	return h
}

func yes(who string) handoff.VoteInput {
	v := true
	return handoff.VoteInput{Approver: who, Approve: &v}
}
func no(who, why string) handoff.VoteInput {
	v := false
	return handoff.VoteInput{Approver: who, Approve: &v, Reason: why}
}

func votes(st *handoff.ApprovalStatus) string {
	var parts []string
	for _, v := range st.Votes {
		parts = append(parts, v.Approver+":"+map[bool]string{true: "yes", false: "no"}[v.Approve])
	}
	return strings.Join(parts, ",")
}

func TestTeamDecisionTwoOfThreeApproved(t *testing.T) {
	h := withAlerts(newHarness(t, approvalDecision(handoff.OnTimeoutRefuse), bot("luxury_specialist")))
	var waiting handoff.State
	var first, stranger, twice, refusal, second *updateResult
	h.at(time.Minute, func() {
		waiting = h.state()
		first = h.update(handoff.UpdateVote, yes("maria"))
		stranger = h.update(handoff.UpdateVote, yes("eve"))
	})
	h.at(2*time.Minute, func() {
		twice = h.update(handoff.UpdateVote, yes("maria"))
		refusal = h.update(handoff.UpdateVote, no("james", "we are short of people this week"))
	})
	h.at(3*time.Minute, func() { second = h.update(handoff.UpdateVote, yes("sam")) })
	res := h.run(testInput())
	first.accepted(t, "maria's vote")
	stranger.refused(t, "eve's vote", "not an approver")
	twice.refused(t, "maria's second vote", "already voted")
	refusal.accepted(t, "james's refusal")
	second.accepted(t, "sam's vote")
	expect(t, "phase while asked", waiting.Phase, handoff.PhaseAwaitingApproval)
	// Asked in parallel: in any order.
	asked := h.delivered(handoff.DeliveryApprovalRequest)
	slices.Sort(asked)
	expect(t, "asked", strings.Join(asked, ","), "james,maria,sam")
	expect(t, "verdict", res.Approval.Verdict, handoff.VerdictApproved)
	expect(t, "votes", votes(res.Approval), "maria:yes,james:no,sam:yes")
	expect(t, "refusal reason kept", res.Approval.Votes[1].Reason, "we are short of people this week")
	expect(t, "owner", res.Owner, "luxury_specialist")
	expect(t, "briefed after the verdict", res.BriefedAt.Sub(res.StartedAt) >= 3*time.Minute, true)
	expect(t, "logged votes", len(h.record.Votes), 3)
	logged, _ := json.Marshal(h.record)
	expect(t, "the reason stays out of the log", strings.Contains(string(logged), "short of people"), false)
}

func TestTeamDecisionRefusedKeepsSource(t *testing.T) {
	h := withAlerts(newHarness(t, approvalDecision(handoff.OnTimeoutProceed), bot("luxury_specialist")))
	var missing *updateResult
	h.at(time.Minute, func() {
		h.update(handoff.UpdateVote, no("maria", "the seller is already listed with another agency"))
		missing = h.update(handoff.UpdateVote, handoff.VoteInput{Approver: "sam"})
	})
	h.at(2*time.Minute, func() { h.update(handoff.UpdateVote, no("sam", "agree with maria")) })
	res := h.run(testInput())
	missing.refused(t, "a vote without approve", "approve: is required")
	expect(t, "outcome", res.Outcome, handoff.OutcomeRejected)
	expect(t, "verdict", res.Approval.Verdict, handoff.VerdictRefused)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "nobody briefed", len(h.delivered(handoff.DeliveryBriefing)), 0)
	expect(t, "source told it keeps the customer", strings.Join(h.delivered(handoff.DeliveryFallback), ","), "jorge_seller_bot")
	if !strings.Contains(res.OutcomeReason, "maria (the seller is already listed") {
		t.Errorf("outcome reason %q does not say who refused and why", res.OutcomeReason)
	}
}

func TestTeamDecisionTimesOutEscalatesAndTheSupervisorDecides(t *testing.T) {
	h := withAlerts(newHarness(t, approvalDecision(handoff.OnTimeoutRefuse, "sam"), bot("luxury_specialist")))
	var early *updateResult
	h.at(time.Minute, func() { h.update(handoff.UpdateVote, yes("maria")) })
	// Round 2 is sam's alone: james, of round 1, no longer votes.
	h.at(11*time.Minute, func() {
		early = h.update(handoff.UpdateVote, yes("james"))
		h.update(handoff.UpdateVote, yes("sam"))
	})
	res := h.run(testInput())
	early.refused(t, "james in the escalation", "not an approver")
	asked := h.delivered(handoff.DeliveryApprovalRequest)
	slices.Sort(asked)
	expect(t, "asked", strings.Join(asked, ","), "james,maria,sam,sam")
	expect(t, "round", res.Approval.Round, 2)
	expect(t, "verdict", res.Approval.Verdict, handoff.VerdictApproved)
	expect(t, "owner", res.Owner, "luxury_specialist")
}

func TestTeamDecisionTimedOutRefusesByDefault(t *testing.T) {
	h := withAlerts(newHarness(t, approvalDecision(handoff.OnTimeoutRefuse, "sam"), bot("luxury_specialist")))
	h.at(time.Minute, func() { h.update(handoff.UpdateVote, yes("maria")) })
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeConfirmationTimedOut)
	expect(t, "verdict", res.Approval.Verdict, handoff.VerdictTimedOut)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "closed after both rounds", res.EndedAt.Sub(res.StartedAt) >= 15*time.Minute, true)
}

// handbackInput is maria handing conversation conv-1 back to the seller bot it came from.
func handbackInput() handoff.Input {
	in := testInput()
	in.SourceAgent = "maria"
	since := []handoff.Message{{Role: "agent", Text: "I've booked the valuation visit for Thursday."}}
	in.Messages = append(in.Messages, since...)
	in.Handback = &handoff.Handback{To: "jorge_seller_bot", Since: since,
		Summary: handoff.HandbackSummary{Promised: []string{"valuation visit Thursday 10:00"}, Changed: []string{"asking price lowered to 2.4M"}}}
	in.Lineage = []handoff.Link{{HandoffID: "handoff-conv-1/run-1", Kind: handoff.LinkHandoff, From: "jorge_seller_bot", To: "human_agent", Owner: "maria", Outcome: handoff.OutcomeCompleted}}
	return in
}

func handbackDecision() handoff.Decision {
	d := testDecision("jorge_seller_bot")
	d.Rule, d.Scenario = "handback", "handback"
	return d
}

func TestHandbackEndsTheStretchBeforeTheBotAnswers(t *testing.T) {
	h := newHarness(t, handbackDecision(), bot("jorge_seller_bot"))
	h.sourceIsPerson = true
	// After the bot owns the conversation, a late message from maria is dropped; the bot's is kept.
	h.event(time.Minute, handoff.Event{Type: handoff.EventAgentMessage, From: "maria", Text: "one more thing"})
	h.event(2*time.Minute, handoff.Event{Type: handoff.EventAgentMessage, From: "jorge_seller_bot", Text: "Hi again"})
	res := h.run(handbackInput())
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "kind", res.Kind, handoff.LinkHandback)
	expect(t, "predecessor", res.Predecessor, "handoff-conv-1/run-1")
	if res.StretchEnded == nil || res.StretchEnded.ReleasedAt.IsZero() {
		t.Fatalf("no end-of-stretch marker with a release time: %+v", res.StretchEnded)
	}
	expect(t, "released before the bot took over", !res.StretchEnded.ReleasedAt.After(res.Transfer.TargetConfirmedAt), true)
	// maria is told to let go before the bot is told it owns the conversation.
	var order []string
	var marker *handoff.EndOfStretch
	for _, d := range h.deliveries {
		if d.Delivery.Type == handoff.DeliveryTransferred {
			order = append(order, d.Agent)
			if d.Agent == "jorge_seller_bot" {
				marker = d.Delivery.EndOfStretch
			}
		}
	}
	expect(t, "transfer order", strings.Join(order, ","), "maria,jorge_seller_bot")
	if marker == nil || marker.ReleasedAt.IsZero() || marker.Summary.Promised[0] != "valuation visit Thursday 10:00" || len(marker.Since) != 1 {
		t.Fatalf("the bot's delivery carries no complete marker: %+v", marker)
	}
	expect(t, "maria's capacity freed", strings.Join(h.opsOf("release:"), ","), "release:maria")
	var kept []string
	for _, e := range res.Events {
		kept = append(kept, e.From)
	}
	expect(t, "events kept", strings.Join(kept, ","), "jorge_seller_bot")
}

func TestHandbackToAFailingBotLeavesThePersonTheOwner(t *testing.T) {
	h := newHarness(t, handbackDecision(), bot("jorge_seller_bot"))
	h.sourceIsPerson = true
	h.failBriefing["jorge_seller_bot"] = true
	res := h.run(handbackInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeFailed)
	expect(t, "owner", res.Owner, "maria")
	expect(t, "no marker", res.StretchEnded == nil, true)
	expect(t, "maria keeps her capacity", len(h.opsOf("release:")), 0)
	expect(t, "maria never told to let go", strings.Contains(strings.Join(h.deliveredTo("maria"), ","), "transferred"), false)
	expect(t, "maria told she keeps the customer", strings.Join(h.delivered(handoff.DeliveryFallback), ","), "maria")
}

func transferInput() handoff.Input {
	in := testInput()
	in.SourceAgent = "maria"
	in.WarmTransfer = &handoff.WarmTransfer{To: "james", Brief: "buyer wants a second opinion on financing"}
	return in
}

func transferDecision() handoff.Decision {
	d := testDecision("james")
	d.Rule, d.Scenario = "warm_transfer", "warm_transfer"
	return d
}

func TestWarmTransferNotesThenAccept(t *testing.T) {
	h := newHarness(t, transferDecision(), human("james"))
	h.sourceIsPerson = true
	var ask, answer, stranger *updateResult
	var before handoff.State
	h.at(10*time.Second, func() {
		ask = h.update(handoff.UpdateNote, handoff.NoteInput{From: "james", Text: "Did you promise them a rate?"})
	})
	h.at(20*time.Second, func() {
		answer = h.update(handoff.UpdateNote, handoff.NoteInput{From: "maria", Text: "No rate promised, only a call today."})
		stranger = h.update(handoff.UpdateNote, handoff.NoteInput{From: "sam", Text: "hello"})
	})
	h.at(30*time.Second, func() {
		before = h.state()
		h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"})
	})
	res := h.run(transferInput())
	ask.accepted(t, "james's note")
	answer.accepted(t, "maria's note")
	stranger.refused(t, "sam's note", "neither the sender")
	expect(t, "owner before the accept", before.Owner, "maria")
	expect(t, "notes", len(res.Notes), 2)
	expect(t, "owner", res.Owner, "james")
	// maria lets go (her assignment released) before james is assigned: never both at once.
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:james,release:maria,assign:james")
}

func TestWarmTransferDeclinedSenderKeepsItNothingHeld(t *testing.T) {
	h := newHarness(t, transferDecision(), human("james"))
	h.sourceIsPerson = true
	h.at(15*time.Second, func() {
		h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "james", Reason: "at capacity with a closing"})
	})
	res := h.run(transferInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeDeclined)
	expect(t, "owner", res.Owner, "maria")
	expect(t, "held", strings.Join(h.held(), ","), "")
	expect(t, "ops", strings.Join(h.ops, ","), "reserve:james,release:james")
	expect(t, "maria told she keeps it", strings.Join(h.delivered(handoff.DeliveryFallback), ","), "maria")
}

func TestWarmTransferTimedOutSenderKeepsIt(t *testing.T) {
	h := newHarness(t, transferDecision(), human("james"))
	h.sourceIsPerson = true
	res := h.run(transferInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeTimedOut)
	expect(t, "owner", res.Owner, "maria")
	expect(t, "held", strings.Join(h.held(), ","), "")
}

// The bot is briefed but cannot be told it owns the conversation: maria, who had let go and
// been released, is given the customer and the assignment back.
func TestHandbackWhoseBotCannotTakeOverGivesThePersonItBack(t *testing.T) {
	h := newHarness(t, handbackDecision(), bot("jorge_seller_bot"))
	h.sourceIsPerson = true
	h.failConfirm["jorge_seller_bot"] = true
	res := h.run(handbackInput())
	expect(t, "owner", res.Owner, "maria")
	expect(t, "no marker", res.StretchEnded == nil, true)
	// Released as she let go, then reserved and assigned again, in that order.
	var marias []string
	for _, op := range h.opsOf("") {
		if strings.HasSuffix(op, ":maria") {
			marias = append(marias, op)
		}
	}
	expect(t, "maria's ops", strings.Join(marias, ","), "release:maria,reserve:maria,assign:maria")
	// Told at once that she keeps the customer (and again, as every source, when no one else
	// could take them).
	expect(t, "maria told she keeps the customer", strings.Join(h.delivered(handoff.DeliveryFallback), ","), "maria,maria")
}
