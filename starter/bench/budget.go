package bench

import "fmt"

// The budget of a bot-to-person handoff, from what it needs rather than what it measured: five
// regular activities for the person's steps (reservation, offer, the source letting go, the
// assignment, the transfer notice), three workflow tasks with local activities (deciding and
// ranking, preparing the customer, the outcome record), the offer's and the monitoring
// window's timers, the accept Update, three upserts (awaiting acceptance, monitoring, closed)
// and the start: 15 actions, one more for a conversation event, at about 60 events. The
// person's entity workflow adds its reservation, assignment and release. See the README's
// Performance section.
const (
	humanEventsBudget         = 60
	humanActionsBudget        = 16
	personEntityEventsBudget  = 17
	personEntityActionsBudget = 5
)

// humanTargets are the lines for handoffs a person takes: the accept at once, and the budget.
func (r *Report) humanTargets(mix *PhaseReport) []Target {
	idle := pOr(r.phase("idle"))
	conflicts, accepts := mix.AcceptConflicts+idle.AcceptConflicts, mix.AcceptRoundTrip.N+idle.AcceptRoundTrip.N
	out := []Target{{Goal: "a person who got an offer can accept it at once: no 409 for an earlier phase",
		Measured: fmt.Sprintf("%d of %d accepts refused with 409 (idle and under load)", conflicts, accepts+conflicts),
		Met:      yes(conflicts == 0 && accepts > 0)}}
	if k := idle.kind(kindBotToHuman); k != nil && k.OK > 0 {
		h := k.History
		out = append(out,
			Target{Goal: fmt.Sprintf("bot-to-person handoff: ≤ %d history events, ≤ %d billable actions (own history)", humanEventsBudget, humanActionsBudget),
				Measured: fmt.Sprintf("%.1f events, %.1f actions (idle)", h.Events, h.Actions),
				Met:      yes(h.Events <= humanEventsBudget && h.Actions <= humanActionsBudget)})
	}
	if mix.AgentEventsPerHumanHandoff > 0 {
		out = append(out,
			Target{Goal: fmt.Sprintf("bot-to-person handoff, the person's entity workflow: ≤ %d events, ≤ %d actions", personEntityEventsBudget, personEntityActionsBudget),
				Measured: fmt.Sprintf("%.1f events, %.1f actions per handoff", mix.AgentEventsPerHumanHandoff, mix.AgentActionsPerHumanHandoff),
				Met:      yes(mix.AgentEventsPerHumanHandoff <= personEntityEventsBudget && mix.AgentActionsPerHumanHandoff <= personEntityActionsBudget)})
	}
	return out
}
