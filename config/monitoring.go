package config

import (
	"strconv"
	"strings"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

// Monitoring is handoff.monitoring: rules that act on what the monitoring window sees (a
// customer who turns angry, an owner who never answers, a customer asking for someone else).
type Monitoring struct {
	Rules []handoff.MonitorRule `mapstructure:"rules"`
	// Check is how often the rules look again while nothing arrives and the owner has not
	// answered, so a silent owner is noticed (15s when empty).
	Check string `mapstructure:"check"`

	compiled *decision.MonitorRules
}

// FollowUp is handoff.followup: a check-in some hours or days after a handoff whose outcome
// or monitoring rules call for one. Without a delay there are none.
type FollowUp struct {
	Delay string `mapstructure:"delay"`
	// To is "owner" (default) or "source".
	To string `mapstructure:"to"`
}

// validateFollowUp checks handoff.followup; a rule with action followup needs it set.
func (c *Config) validateFollowUp() error {
	f := c.Handoff.FollowUp
	if f.Delay == "" {
		for i, r := range c.Handoff.Monitoring.Rules {
			if r.Action == handoff.ActionFollowUp {
				return &Error{File: c.File, Key: "handoff.followup.delay", Reason: "is required by handoff.monitoring.rules[" + strconv.Itoa(i) + "] (" + r.Name + "), whose action is followup"}
			}
		}
		return nil
	}
	if f.To != "" && f.To != "owner" && f.To != "source" {
		return &Error{File: c.File, Key: "handoff.followup.to", Reason: "must be owner or source"}
	}
	return nil
}

// FollowUpSpec is handoff.followup to capture into a decision; nil when off.
func (c *Config) FollowUpSpec() *handoff.FollowUpSpec {
	f := c.Handoff.FollowUp
	if f.Delay == "" {
		return nil
	}
	to := f.To
	if to == "" {
		to = "owner"
	}
	return &handoff.FollowUpSpec{Delay: f.Delay, To: to}
}

// CSAT is handoff.csat: the satisfaction question put to the customer, through the owner, at
// the end of the monitoring window. Without a question none is asked.
type CSAT struct {
	Question string `mapstructure:"question"`
	// Wait is how long the handoff waits for the answer (2m when empty); a later answer goes
	// through POST /v1/conversations/{id}/outcomes.
	Wait string `mapstructure:"wait"`
}

// validateCSAT checks handoff.csat.
func (c *Config) validateCSAT() error {
	q := c.Handoff.CSAT
	if q.Question == "" {
		if q.Wait != "" {
			return &Error{File: c.File, Key: "handoff.csat.question", Reason: "is required when handoff.csat.wait is set"}
		}
		return nil
	}
	if len(q.Question) > 1000 {
		return &Error{File: c.File, Key: "handoff.csat.question", Reason: "must be at most 1000 bytes"}
	}
	return nil
}

// CSATSpec is handoff.csat to capture into a decision; nil when no question is set.
func (c *Config) CSATSpec() *handoff.CSATSpec {
	q := c.Handoff.CSAT
	if q.Question == "" {
		return nil
	}
	wait := q.Wait
	if wait == "" {
		wait = "2m"
	}
	return &handoff.CSATSpec{Question: q.Question, Wait: wait}
}

// defaultMonitorCheck: a silent owner is seen within 15 s of a rule's threshold, at the cost
// of a timer and a local activity per check while the owner stays silent.
const defaultMonitorCheck = "15s"

// validateMonitoring compiles the rules against the roster; each error names its key.
func (c *Config) validateMonitoring() error {
	m := &c.Handoff.Monitoring
	rules, err := decision.CompileMonitor("handoff.monitoring.rules", m.Rules, c.Agents)
	if err != nil {
		key, reason, _ := strings.Cut(err.Error(), ": ")
		return &Error{File: c.File, Key: key, Reason: reason}
	}
	m.compiled = rules
	if err := c.validateFollowUp(); err != nil {
		return err
	}
	return c.validateCSAT()
}

// MonitorSpec is the monitoring configuration to capture into a decision; nil without rules,
// so handoffs of a deployment without them run (and replay) as before.
func (c *Config) MonitorSpec() *handoff.MonitorSpec {
	m := c.Handoff.Monitoring
	if len(m.Rules) == 0 {
		return nil
	}
	check := ""
	if m.compiled == nil || m.compiled.ReadsOwnerSilence() {
		check = m.Check
		if check == "" {
			check = defaultMonitorCheck
		}
	}
	return &handoff.MonitorSpec{Rules: m.Rules, Check: check, Version: decision.MonitorVersion(m.Rules, check)}
}
