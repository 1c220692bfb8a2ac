package config

import (
	"strconv"
	"strings"
	"time"

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
	if d, err := time.ParseDuration(f.Delay); err != nil || d < time.Minute || d > 90*24*time.Hour {
		return &Error{File: c.File, Key: "handoff.followup.delay", Reason: "must be a duration from 1m to 2160h (90 days), e.g. 24h"}
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

// defaultMonitorCheck: a silent owner is seen within 15 s of a rule's threshold, at the cost
// of a timer and a local activity per check while the owner stays silent.
const defaultMonitorCheck = "15s"

// validateMonitoring compiles the rules against the roster; each error names its key.
func (c *Config) validateMonitoring() error {
	m := &c.Handoff.Monitoring
	if m.Check != "" {
		if d, err := time.ParseDuration(m.Check); err != nil || d < time.Second || d > time.Hour {
			return &Error{File: c.File, Key: "handoff.monitoring.check", Reason: "must be a duration from 1s to 1h, e.g. 15s"}
		}
	}
	rules, err := decision.CompileMonitor("handoff.monitoring.rules", m.Rules, c.Agents)
	if err != nil {
		key, reason, _ := strings.Cut(err.Error(), ": ")
		return &Error{File: c.File, Key: key, Reason: reason}
	}
	m.compiled = rules
	return c.validateFollowUp()
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
