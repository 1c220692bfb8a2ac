package decision

import (
	"fmt"

	"github.com/handoffhq/orchestrator/handoff"
)

// Route applies the rules to the analysed signals. It never fails: a missing or odd signal
// makes its conditions false, and the reasons say so. Decision.Settings and FallbackAgent are
// left for the caller.
func (e *Engine) Route(in *handoff.Input, a Analysis) handoff.Decision {
	d := handoff.Decision{
		Analyzer:     a.Analyzer,
		RulesVersion: e.Version(),
		Signals:      a.Signals,
		Reasons:      []handoff.Reason{},
		Candidates:   []handoff.Candidate{},
	}
	if d.Analyzer == "" {
		d.Analyzer = AnalyzerBot
	}
	switch {
	case e == nil:
		d.Reasons = append(d.Reasons, handoff.Reason{Condition: "rules", Text: "no routing rules are loaded: no handoff"})
	case in == nil:
		d.Reasons = append(d.Reasons, handoff.Reason{Condition: "input", Text: "no conversation was given: no handoff"})
	case e.system == SystemLeague:
		if !e.routeRules(in, a, &d, false) {
			e.routeLeague(in, a, &d)
		}
	default:
		e.routeRules(in, a, &d, true)
	}
	return d
}

// routeRules applies the condition rules and reports whether one decided. explain adds, when
// none did, why each failed (the league goes on to its paths instead).
func (e *Engine) routeRules(in *handoff.Input, a Analysis, d *handoff.Decision, explain bool) bool {
	ev := &env{signals: a.Signals, derived: a.Derived, types: e.types}
	source := in.SourceAgent
	var winner *rule
	for _, r := range e.rules {
		if !r.appliesTo(source) || (r.cond != nil && !r.cond.eval(ev)) {
			continue
		}
		if r.consult != nil {
			// A consult rule hands nothing over, so it adds no candidate.
			if winner == nil {
				winner = r
			}
			continue
		}
		if r.target == source {
			d.Reasons = append(d.Reasons, handoff.Reason{
				Rule: r.name, Condition: "target is not the source agent", Value: r.target, Matched: false,
				Text: fmt.Sprintf("rule %s matched, but its target %s is the source agent itself: no handoff by this rule", r.name, r.target),
			})
			continue
		}
		if winner == nil {
			winner = r
		}
		d.Candidates = addCandidate(d.Candidates, source, r.target, r.name, 0)
	}
	if winner == nil && !explain {
		d.Reasons = d.Reasons[:0]
		d.Candidates = d.Candidates[:0]
		return false
	}
	if winner == nil {
		for _, r := range e.rules {
			if r.appliesTo(source) && r.target != source && r.cond != nil {
				d.Reasons = r.cond.explain(ev, false, false, r.name, d.Reasons)
			}
		}
		if len(d.Reasons) == 0 {
			d.Reasons = append(d.Reasons, handoff.Reason{Condition: "rules",
				Text: fmt.Sprintf("no rule applies to conversations from %s: no handoff", source)})
		}
		return false
	}
	if winner.cond == nil {
		d.Reasons = append(d.Reasons, handoff.Reason{Rule: winner.name, Condition: "always", Matched: true,
			Text: fmt.Sprintf("rule %s has no conditions", winner.name)})
	} else {
		d.Reasons = winner.cond.explain(ev, true, false, winner.name, d.Reasons)
	}
	d.Handoff, d.Target, d.Rule = true, winner.target, winner.name
	d.RequiresConfirmation, d.Urgent = winner.confirm, winner.urgent
	d.Scenario, d.Protocol = winner.protocol.Scenario, winner.protocol
	d.Message = winner.protocol.CustomerMessage
	if c := winner.consult; c != nil {
		spec := *c
		if spec.PrimaryAgent == "" {
			spec.PrimaryAgent = source
		}
		d.Handoff, d.Target, d.Consult = false, spec.PrimaryAgent, &spec
		d.Candidates = d.Candidates[:0]
	}
	d.Approval = winner.approval
	return true
}
