// Package approval counts a team decision's votes: k of n approvers must say yes before a
// handoff proceeds. It is pure (no Temporal, no I/O) so the workflow's verdict can be tested
// and benchmarked on its own, and replays the same from the same votes.
package approval

import (
	"fmt"
	"slices"

	"github.com/handoffhq/orchestrator/handoff"
)

// Round is who is asked and how many of them must approve. Round 1 is the rule's approvers;
// round 2, the escalation, where one vote decides.
type Round struct {
	Number    int
	Approvers []string
	Required  int
}

// RoundOf is the spec's round n (1 or 2); ok is false when there is no such round.
func RoundOf(spec handoff.ApprovalSpec, n int) (Round, bool) {
	switch {
	case n == 1:
		return Round{Number: 1, Approvers: spec.Approvers, Required: spec.Required}, true
	case n == 2 && len(spec.EscalateTo) > 0:
		return Round{Number: 2, Approvers: spec.EscalateTo, Required: 1}, true
	}
	return Round{}, false
}

// Count is where a round stands.
type Count struct {
	Approvals, Refusals int
	// Waiting are the approvers of the round who have not voted, in the round's order.
	Waiting []string
	// Verdict is handoff.VerdictApproved once Required approved, VerdictRefused once so many
	// refused that Required can no longer be reached, else VerdictPending.
	Verdict string
}

// Tally counts the round's votes. Votes of other rounds, and of people not in the round, do
// not count; an approver's first vote in the round is the one that counts.
func Tally(r Round, votes []handoff.Vote) Count {
	var c Count
	seen := make(map[string]bool, len(r.Approvers))
	for _, v := range votes {
		if v.Round != r.Number || seen[v.Approver] || !slices.Contains(r.Approvers, v.Approver) {
			continue
		}
		seen[v.Approver] = true
		if v.Approve {
			c.Approvals++
		} else {
			c.Refusals++
		}
	}
	for _, a := range r.Approvers {
		if !seen[a] {
			c.Waiting = append(c.Waiting, a)
		}
	}
	switch {
	case c.Approvals >= r.Required:
		c.Verdict = handoff.VerdictApproved
	case len(r.Approvers)-c.Refusals < r.Required:
		c.Verdict = handoff.VerdictRefused
	default:
		c.Verdict = handoff.VerdictPending
	}
	return c
}

// MayVote explains why the approver may not vote now in the round, or returns nil: only the
// round's named approvers vote, once each, while the round is undecided.
func MayVote(r Round, votes []handoff.Vote, approver string) error {
	if !slices.Contains(r.Approvers, approver) {
		return fmt.Errorf("%s is not an approver of this handoff (round %d asks %v)", approver, r.Number, r.Approvers)
	}
	for _, v := range votes {
		if v.Round == r.Number && v.Approver == approver {
			return fmt.Errorf("%s already voted in round %d", approver, r.Number)
		}
	}
	if c := Tally(r, votes); c.Verdict != handoff.VerdictPending {
		return fmt.Errorf("the team decision is already %s", c.Verdict)
	}
	return nil
}

// Check reports what is wrong with a spec, naming the field, or returns nil. Field names are
// relative to the rule's approval block.
func Check(spec handoff.ApprovalSpec) error {
	switch {
	case len(spec.Approvers) == 0:
		return &handoff.FieldError{Field: "approvers", Problem: "is required: at least one person"}
	case spec.Required < 1 || spec.Required > len(spec.Approvers):
		return &handoff.FieldError{Field: "required", Problem: fmt.Sprintf("must be 1 to %d (the number of approvers), not %d", len(spec.Approvers), spec.Required)}
	case spec.OnTimeout != handoff.OnTimeoutRefuse && spec.OnTimeout != handoff.OnTimeoutProceed:
		return &handoff.FieldError{Field: "on_timeout", Problem: fmt.Sprintf("%s is not one of refuse, proceed", handoff.Quote(spec.OnTimeout))}
	}
	seen := map[string]bool{}
	for _, a := range spec.Approvers {
		if seen[a] {
			return &handoff.FieldError{Field: "approvers", Problem: fmt.Sprintf("%s is named twice", a)}
		}
		seen[a] = true
	}
	return nil
}
