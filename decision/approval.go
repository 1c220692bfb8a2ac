package decision

import (
	"fmt"
	"slices"
	"time"

	"github.com/handoffhq/orchestrator/approval"
	"github.com/handoffhq/orchestrator/handoff"
)

// ApprovalSpec is a rule's team decision as configured (routing.rules[].approval): required
// of approvers (people or groups of people) must approve before the handoff proceeds.
type ApprovalSpec struct {
	Approvers []string `mapstructure:"approvers"`
	Required  int      `mapstructure:"required"`
	// Timeout bounds the vote (10m when empty). When it passes undecided, escalate_to (people
	// or groups) is asked and one vote of theirs decides within escalation_timeout (5m).
	Timeout           string   `mapstructure:"timeout"`
	EscalateTo        []string `mapstructure:"escalate_to"`
	EscalationTimeout string   `mapstructure:"escalation_timeout"`
	// OnTimeout is what happens when nobody decided in time: refuse (the default; the source
	// keeps the customer) or proceed.
	OnTimeout string         `mapstructure:"on_timeout"`
	Unknown   map[string]any `mapstructure:",remain"`
}

// The bounds of a team decision's timeouts.
const (
	MinApprovalTimeout = 5 * time.Second
	MaxApprovalTimeout = 24 * time.Hour
)

// compileApproval checks a rule's approval block against the roster and expands its groups.
func compileApproval(s *ApprovalSpec, ros *roster) (*handoff.ApprovalSpec, error) {
	if s == nil {
		return nil, nil
	}
	for k := range s.Unknown {
		return nil, fmt.Errorf("approval.%s: unknown field (approvers, required, timeout, escalate_to, escalation_timeout, on_timeout)", k)
	}
	out := handoff.ApprovalSpec{Required: s.Required, Timeout: s.Timeout, EscalationTimeout: s.EscalationTimeout, OnTimeout: s.OnTimeout}
	if out.Timeout == "" {
		out.Timeout = "10m"
	}
	if out.OnTimeout == "" {
		out.OnTimeout = handoff.OnTimeoutRefuse
	}
	var err error
	if out.Approvers, err = people(s.Approvers, ros, "approval.approvers"); err != nil {
		return nil, err
	}
	if out.EscalateTo, err = people(s.EscalateTo, ros, "approval.escalate_to"); err != nil {
		return nil, err
	}
	if len(out.EscalateTo) > 0 && out.EscalationTimeout == "" {
		out.EscalationTimeout = "5m"
	}
	for field, v := range map[string]string{"timeout": out.Timeout, "escalation_timeout": out.EscalationTimeout} {
		if v == "" {
			continue
		}
		if _, problem := handoff.CheckDuration(v, MinApprovalTimeout, MaxApprovalTimeout); problem != "" {
			return nil, fmt.Errorf("approval.%s: %s", field, problem)
		}
	}
	if err := approval.Check(out); err != nil {
		return nil, fmt.Errorf("approval.%v", err)
	}
	return &out, nil
}

// people expands names (agent IDs or groups) into the people they are, in order, once each;
// a bot named is an error: only people vote.
func people(names []string, ros *roster, field string) ([]string, error) {
	var out []string
	for _, n := range names {
		ids := ros.groups[n]
		if ros.ids[n] {
			ids = []string{n}
		}
		if len(ids) == 0 {
			return nil, fmt.Errorf("%s: %q is not an agent or group in the roster", field, n)
		}
		for _, id := range ids {
			i := slices.IndexFunc(ros.agents, func(a handoff.Agent) bool { return a.ID == id })
			if i < 0 || !ros.agents[i].Kind.IsPerson() {
				return nil, fmt.Errorf("%s: %q is not a person (human or supervisor): only people vote", field, id)
			}
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out, nil
}
