package config_test

import (
	"strings"
	"testing"
)

const monitorAgents = `agents:
  - {id: jorge_buyer_bot, kind: bot}
  - {id: maria, kind: human, groups: [human_agent]}
  - {id: sam, kind: supervisor}
`

func TestMonitoringRulesAreCapturedWithTheirVersion(t *testing.T) {
	c, err := loadYAML(t, monitorAgents+agentsRouting+`handoff:
  monitoring:
    rules:
      - {name: angry, when: "sentiment_last < -0.5", action: reescalate, target: human_agent, script: "Let me bring in a colleague."}
      - {name: silent, when: "owner_silent_seconds > 60", action: reescalate, target: human_agent}
      - {name: wants_previous, when: asked_for_previous, action: handback}
`)
	if err != nil {
		t.Fatal(err)
	}
	s := c.Settings().Monitoring
	if s == nil || len(s.Rules) != 3 || s.Rules[0].Script != "Let me bring in a colleague." || s.Check != "15s" || s.Version == "" {
		t.Fatalf("captured %+v", s)
	}
	// No rules: nothing captured, so such handoffs run and replay as before.
	c, err = loadYAML(t, monitorAgents+agentsRouting)
	if err != nil {
		t.Fatal(err)
	}
	if c.Settings().Monitoring != nil {
		t.Fatal("no rules must capture nothing")
	}
}

func TestMonitoringRuleErrorsNameTheKey(t *testing.T) {
	cases := []struct{ rules, want string }{
		{`[{name: a, when: "sentiment < 0", action: alert, target: sam}]`, "handoff.monitoring.rules[0] (a).when: cel"},
		{`[{name: a, when: distress, action: escalate, target: sam}]`, "handoff.monitoring.rules[0] (a).action"},
		{`[{name: a, when: distress, action: reescalate, target: nobody}]`, "handoff.monitoring.rules[0] (a).target"},
		{`[{name: a, when: distress, action: alert, target: sam}, {name: a, when: distress, action: alert, target: sam}]`, "handoff.monitoring.rules[1].name"},
	}
	for _, tc := range cases {
		_, err := loadYAML(t, monitorAgents+agentsRouting+"handoff:\n  monitoring:\n    rules: "+tc.rules+"\n")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one naming %q", tc.rules, err, tc.want)
		}
	}
	_, err := loadYAML(t, monitorAgents+agentsRouting+"handoff:\n  monitoring:\n    check: 10ms\n")
	if err == nil || !strings.Contains(err.Error(), "handoff.monitoring.check") {
		t.Errorf("check 10ms: %v", err)
	}
}

func TestFollowUpSettings(t *testing.T) {
	c, err := loadYAML(t, monitorAgents+agentsRouting+"handoff:\n  followup: {delay: 24h}\n")
	if err != nil {
		t.Fatal(err)
	}
	if f := c.Settings().FollowUp; f == nil || f.Delay != "24h" || f.To != "owner" {
		t.Fatalf("captured %+v", f)
	}
	for text, want := range map[string]string{
		"handoff:\n  followup: {delay: 5s}\n":                                                               "handoff.followup.delay",
		"handoff:\n  followup: {delay: 1h, to: everyone}\n":                                                 "handoff.followup.to",
		"handoff:\n  monitoring:\n    rules: [{name: sad, when: 'sentiment_mean < 0', action: followup}]\n": "handoff.followup.delay: is required by handoff.monitoring.rules[0] (sad)",
	} {
		if _, err := loadYAML(t, monitorAgents+agentsRouting+text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want one naming %q", text, err, want)
		}
	}
}

func TestCSATSettings(t *testing.T) {
	c, err := loadYAML(t, monitorAgents+agentsRouting+"handoff:\n  csat: {question: 'How did we do, 1 to 5?'}\n")
	if err != nil {
		t.Fatal(err)
	}
	if q := c.Settings().CSAT; q == nil || q.Wait != "2m" || q.Question == "" {
		t.Fatalf("captured %+v", q)
	}
	if _, err := loadYAML(t, monitorAgents+agentsRouting+"handoff:\n  csat: {question: q, wait: 2d}\n"); err == nil || !strings.Contains(err.Error(), "handoff.csat.wait") {
		t.Errorf("wait 2d: %v", err)
	}
}
