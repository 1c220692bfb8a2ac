package decision

import (
	"errors"
	"fmt"

	"github.com/handoffhq/orchestrator/handoff"
)

// ConsultSpec is a consult rule's `consult:` block, after the seed's collaboration scenario:
// the primary agent keeps the customer while experts advise it.
type ConsultSpec struct {
	// PrimaryAgent keeps the customer throughout. When set, the rule applies to conversations
	// from it only; when empty, the source agent is the primary.
	PrimaryAgent      string   `mapstructure:"primary_agent"`
	Experts           []string `mapstructure:"consulting_experts"`
	Coordination      string   `mapstructure:"coordination_method"`
	CustomerAwareness string   `mapstructure:"customer_awareness"`
	// Deadline bounds the wait for answers (handoff.DefaultConsultDeadline when empty).
	Deadline string `mapstructure:"deadline"`
	// Quorum is how many answers make it a success; all experts when 0.
	Quorum          int            `mapstructure:"quorum"`
	Question        string         `mapstructure:"question"`
	CustomerMessage string         `mapstructure:"customer_message"`
	Unknown         map[string]any `mapstructure:",remain"`
}

// compileConsult checks a rule's action and consult block. It returns nil for a handoff rule,
// and refuses a consult block on one, so nothing in the file is silently ignored.
func compileConsult(s *RuleSpec, ros *roster) (*handoff.ConsultSpec, error) {
	c := s.Consult
	given := c.PrimaryAgent != "" || len(c.Experts) > 0 || c.Coordination != "" || c.CustomerAwareness != "" ||
		c.Deadline != "" || c.Quorum != 0 || c.Question != "" || c.CustomerMessage != "" || len(c.Unknown) > 0
	switch s.Action {
	case "", "handoff":
		if given {
			return nil, errors.New("consult: only a rule with action: consult takes a consult block")
		}
		return nil, nil
	case handoff.ActionConsult:
	default:
		return nil, fmt.Errorf("action: %q is not handoff or consult", s.Action)
	}
	if err := unknownKeys("consult", c.Unknown); err != nil {
		return nil, err
	}
	if s.Target != "" {
		return nil, errors.New("target: a consult rule hands nothing over; name the experts under consult.consulting_experts")
	}
	if s.RequiresConfirmation {
		return nil, errors.New("requires_confirmation: a consult rule hands nothing over, so there is nothing to confirm")
	}
	if !given {
		return nil, errors.New("consult: action consult needs a consult block (consulting_experts, coordination_method, customer_awareness)")
	}
	if c.PrimaryAgent != "" {
		if !ros.ids[c.PrimaryAgent] {
			return nil, fmt.Errorf("consult.primary_agent: %q is not an agent in the roster", c.PrimaryAgent)
		}
		for _, f := range s.From {
			if f != c.PrimaryAgent {
				return nil, fmt.Errorf("from: %q is not the primary agent %q; a consult rule applies to the primary agent's conversations only", f, c.PrimaryAgent)
			}
		}
		s.From = []string{c.PrimaryAgent}
	}
	if c.Deadline == "" {
		c.Deadline = handoff.DefaultConsultDeadline
	}
	spec := &handoff.ConsultSpec{
		PrimaryAgent: c.PrimaryAgent, Experts: c.Experts, Coordination: c.Coordination,
		CustomerAwareness: c.CustomerAwareness, Deadline: c.Deadline, Quorum: c.Quorum,
		Question: c.Question, CustomerMessage: c.CustomerMessage,
	}
	if err := spec.Check("consult."); err != nil {
		return nil, err
	}
	for i, e := range c.Experts {
		if !ros.ids[e] {
			return nil, fmt.Errorf("consult.consulting_experts[%d]: %q is not an agent in the roster", i, e)
		}
	}
	return spec, nil
}
