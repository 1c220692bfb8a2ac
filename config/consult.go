package config

import (
	"fmt"

	"github.com/handoffhq/orchestrator/handoff"
)

// ConsultationInput prepares a consultation of the conversation's primary agent (its source)
// with the roster's view of the experts: who is a person (offered through their entity
// workflow) and their names (for the customer's message). The brief carries the minimum
// context, no customer identity.
func (c *Config) ConsultationInput(in handoff.Input, spec handoff.ConsultSpec) handoff.ConsultationInput {
	if spec.PrimaryAgent == "" {
		spec.PrimaryAgent = in.SourceAgent
	}
	if spec.Question == "" {
		spec.Question = "How should " + spec.PrimaryAgent + " advise this customer?"
	}
	ci := handoff.ConsultationInput{
		Spec:             spec,
		Brief:            handoff.NewConsultationBrief(in, spec.Question),
		RequestedBy:      in.SourceAgent,
		Channel:          in.Channel,
		ReservationLease: c.Handoff.ReservationLease,
		ExpertNames:      map[string]string{},
	}
	for _, e := range spec.Experts {
		ag, ok := c.Agent(e)
		if !ok {
			continue
		}
		ci.ExpertNames[e] = ag.Name
		if ag.Kind.IsPerson() {
			ci.People = append(ci.People, e)
		}
	}
	return ci
}

// CheckConsultation explains what is wrong with an advisory request against the roster, or
// returns nil: the primary agent and every expert must be on it.
func (c *Config) CheckConsultation(primary string, spec handoff.ConsultSpec) error {
	if _, ok := c.Agent(primary); !ok {
		return &handoff.FieldError{Field: "conversation.source_agent", Problem: fmt.Sprintf("%s is not an agent in the roster", handoff.Quote(primary))}
	}
	for i, e := range spec.Experts {
		if _, ok := c.Agent(e); !ok {
			return &handoff.FieldError{Field: fmt.Sprintf("consult.consulting_experts[%d]", i), Problem: fmt.Sprintf("%s is not an agent in the roster", handoff.Quote(e))}
		}
	}
	return nil
}
