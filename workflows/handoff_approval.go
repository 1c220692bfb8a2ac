package workflows

import (
	"fmt"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/approval"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// A team decision: before a handoff whose rule asks for one proceeds, its approvers are asked
// in parallel (each through their notification URL, like an offer) and their votes arrive as
// the vote Update or Signal. The tally is approval.Tally's; the workflow only waits for a
// verdict or the timeout, then escalates or applies the configured default. Handoffs decided
// without an approval (all recorded histories) run no command of this file.

// parseTimeout reads a captured duration, with a default for an empty or broken one.
func parseTimeout(v string, def time.Duration) time.Duration {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return def
	}
	return d
}

// awaitApproval asks the approvers and waits for the verdict. ok is false when the handoff
// must end with the returned outcome; the source keeps the customer then.
func (h *handoffRun) awaitApproval(ctx workflow.Context, spec handoff.ApprovalSpec) (handoff.Outcome, string, bool) {
	h.setPhase(ctx, handoff.PhaseAwaitingApproval)
	h.upsert(ctx, kw(handoff.SAPhase, string(handoff.PhaseAwaitingApproval)))
	h.state.Approval = &handoff.ApprovalStatus{Spec: spec, Votes: []handoff.Vote{}, Verdict: handoff.VerdictPending}
	timeouts := []time.Duration{parseTimeout(spec.Timeout, 10*time.Minute), parseTimeout(spec.EscalationTimeout, 5*time.Minute)}
	for n := 1; ; n++ {
		round, exists := approval.RoundOf(spec, n)
		if !exists {
			break
		}
		verdict, err := h.approvalRound(ctx, round, timeouts[n-1])
		if err != nil {
			o, r := h.failure(ctx, "awaiting the team decision", err)
			return o, r, false
		}
		if o, r, stop := h.stopped(ctx); stop {
			return o, r, false
		}
		switch verdict {
		case handoff.VerdictApproved:
			h.state.Approval.Verdict = verdict
			return "", "", true
		case handoff.VerdictRefused:
			h.state.Approval.Verdict = verdict
			return handoff.OutcomeRejected, "team decision refused: " + h.voteSummary(round), false
		}
	}
	if spec.OnTimeout == handoff.OnTimeoutProceed {
		h.state.Approval.Verdict = handoff.VerdictProceeded
		return "", "", true
	}
	h.state.Approval.Verdict = handoff.VerdictTimedOut
	return handoff.OutcomeConfirmationTimedOut, "nobody decided the team decision in time; the configured default refuses", false
}

// approvalRound asks the round's approvers in parallel and waits for its verdict or timeout.
func (h *handoffRun) approvalRound(ctx workflow.Context, round approval.Round, timeout time.Duration) (string, error) {
	st := h.state.Approval
	st.Round = round.Number
	st.Deadline = workflow.Now(ctx).Add(timeout)
	st.Asked = append(st.Asked, round.Approvers...)
	h.publish(ctx)
	asked := make([]workflow.Future, len(round.Approvers))
	for i, ap := range round.Approvers {
		msg := fmt.Sprintf("Your vote is needed: conversation %s goes from %s to %s by rule %s, which needs %d of %d approvals (round %d). Vote before %s.",
			h.in.ConversationID, h.in.SourceAgent, h.state.Decision.Target, h.state.Decision.Rule, round.Required, len(round.Approvers),
			round.Number, st.Deadline.UTC().Format(time.RFC3339))
		d := h.delivery(handoff.DeliveryApprovalRequest, ap, msg)
		asked[i] = workflow.ExecuteActivity(bestEffortOptions(ctx, "Ask "+ap+" to vote"), a.Alert, activities.AlertInput{Target: ap, Delivery: d})
	}
	decided := func() bool {
		return approval.Tally(round, st.Votes).Verdict != handoff.VerdictPending || h.customerLeft
	}
	_, err := awaitWithTimeout(ctx, timeout, decided)
	// An approver who could not be told may still have voted (the state shows the request).
	for i, f := range asked {
		if ferr := f.Get(ctx, nil); ferr != nil {
			st.Notes = append(st.Notes, round.Approvers[i]+" could not be notified: "+rootMessage(ferr))
		}
	}
	if err != nil {
		return "", err
	}
	return approval.Tally(round, st.Votes).Verdict, nil
}

// voteSummary names who refused and why, for the outcome reason.
func (h *handoffRun) voteSummary(round approval.Round) string {
	c := approval.Tally(round, h.state.Approval.Votes)
	var refusals []string
	for _, v := range h.state.Approval.Votes {
		if v.Round == round.Number && !v.Approve {
			refusals = append(refusals, v.Approver+" ("+cut(v.Reason, 200)+")")
		}
	}
	return fmt.Sprintf("%d approved, %d refused of %d, %d needed; refused by %s",
		c.Approvals, c.Refusals, len(round.Approvers), round.Required, strings.Join(refusals, ", "))
}

// validateVote takes a vote while the team decision is asked, from an approver of the current
// round who has not voted in it.
func (h *handoffRun) validateVote(in handoff.VoteInput) error {
	if err := in.Validate(); err != nil {
		return err
	}
	st := h.state.Approval
	if st == nil || h.state.Phase != handoff.PhaseAwaitingApproval {
		return fmt.Errorf("conversation %s is not awaiting a team decision (the handoff is %s)", h.in.ConversationID, h.state.Phase)
	}
	round, _ := approval.RoundOf(st.Spec, st.Round)
	return approval.MayVote(round, st.Votes, in.Approver)
}

// vote records a vote; the verdict it makes shows in the answer at once (the waiting code
// acts on it next).
func (h *handoffRun) vote(ctx workflow.Context, in handoff.VoteInput) {
	st := h.state.Approval
	st.Votes = append(st.Votes, handoff.Vote{
		Approver: in.Approver, Approve: *in.Approve, Reason: cut(in.Reason, handoff.MaxNoteBytes),
		Round: st.Round, At: workflow.Now(ctx),
	})
	round, _ := approval.RoundOf(st.Spec, st.Round)
	st.Verdict = approval.Tally(round, st.Votes).Verdict
}

// setupCollab registers the vote and note Updates (and their Signals).
func (h *handoffRun) setupCollab(ctx workflow.Context) error {
	err := workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateVote,
		func(ctx workflow.Context, in handoff.VoteInput) (handoff.State, error) {
			h.vote(ctx, in)
			return h.snapshot(), nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.VoteInput) error {
			return h.validateVote(in)
		}})
	if err != nil {
		return err
	}
	onSignalCtx(ctx, handoff.UpdateVote, func(ctx workflow.Context, in handoff.VoteInput) {
		if err := h.validateVote(in); err != nil {
			h.logger.Warn("ignored signal", "signal", handoff.UpdateVote, "reason", err.Error())
			return
		}
		h.vote(ctx, in)
	})
	err = workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateNote,
		func(ctx workflow.Context, in handoff.NoteInput) (handoff.State, error) {
			h.note(ctx, in)
			return h.snapshot(), nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.NoteInput) error {
			return h.validateNote(in)
		}})
	return err
}
