package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

const queuePeople = `agents:
  - {id: maria, kind: human, groups: [human_agent], capacity: 2, skills: {seller: 5}, channels: {email: 0.25}}
  - {id: james, kind: human, groups: [human_agent], capacity: 2, skills: {seller: 2}}
  - {id: sam, kind: supervisor, groups: [supervisors], capacity: 3}
  - {id: bot_a, kind: bot, webhook_url: "http://127.0.0.1:1/a"}
`

func TestQueuesLoadWithDefaultsAndResolveWeights(t *testing.T) {
	c, err := loadYAML(t, queuePeople+`handoff: {wrap_up: 30s, dispositions: [resolved, sale]}
queues:
  - group: human_agent
    overflow: supervisors
    steps: [{min_level: 4, timeout: 30s}, {min_level: 2, timeout: 30s}, {}]
    channels: {chat: 1, voice: whole}
    priority: {vip: 50, urgent: 20, value_per: 100000, value_max: 10}
  - group: supervisors
    max_wait: 2m
    wrap_up: 10s
`+agentsRouting)
	if err != nil {
		t.Fatal(err)
	}
	spec, ok := c.QueueSpec("human_agent")
	if !ok {
		t.Fatal("no queue for human_agent")
	}
	if spec.MaxWait != "10m" || spec.ServiceLevel != "20s" || spec.HandleTime != "5m" || spec.WrapUp != "30s" || len(spec.Steps) != 3 ||
		spec.Steps[0] != (handoff.TargetStep{MinLevel: 4, Timeout: "30s"}) || spec.Priority.VIP != 50 {
		t.Fatalf("spec %+v", spec)
	}
	if _, ok := c.QueueSpec("nobody"); ok {
		t.Fatal("a queue for a group without one")
	}
	for _, w := range []struct {
		agent, channel string
		want           float64
	}{
		{"maria", "email", 0.25}, // her own weight beats the group's and everyone's
		{"maria", "voice", 2},    // whole: her capacity
		{"james", "email", 0.5},  // everyone's default
		{"james", "", 1},         // chat
		{"sam", "voice", 3},      // the default "whole", his capacity
	} {
		if got := c.Weight(w.agent, w.channel); got != w.want {
			t.Errorf("weight of %s for %s = %v, want %v", w.channel, w.agent, got, w.want)
		}
	}
	if got := strings.Join(c.QueuesOf("maria"), ","); got != "human_agent" {
		t.Errorf("maria's queues %q", got)
	}
	if c.WrapUp("sam") != "10s" || c.WrapUp("maria") != "30s" {
		t.Errorf("wrap-ups %q %q", c.WrapUp("sam"), c.WrapUp("maria"))
	}
	members := c.QueueMembers("human_agent")
	if len(members) != 2 || members[0].Agent != "maria" || members[0].Weights["email"] != 0.25 || members[0].Weight("voice") != 2 || members[1].Weight("chat") != 1 {
		t.Fatalf("members %+v", members)
	}
}

// A mistake in a queue fails at load naming the queue and the key.
func TestQueueMistakesNameTheKey(t *testing.T) {
	cases := []struct{ name, yaml, key, reason string }{
		{"unknown key", "queues: [{group: human_agent, max_wiat: 1m}]", "queues[0] (human_agent).max_wiat", "unknown key"},
		{"no group", "queues: [{max_wait: 1m}]", "queues[0].group", "is required"},
		{"a group of bots", "queues: [{group: nobody}]", "queues[0] (nobody).group", "not a group of people"},
		{"twice", "queues: [{group: human_agent}, {group: human_agent}]", "queues[1] (human_agent).group", "a second queue"},
		{"max wait", "queues: [{group: human_agent, max_wait: 2s}]", "queues[0] (human_agent).max_wait", "below the minimum 10s"},
		{"position", "queues: [{group: human_agent, position_every: 1s}]", "queues[0] (human_agent).position_every", "below the minimum 10s"},
		{"step level", "queues: [{group: human_agent, steps: [{min_level: 7, timeout: 30s}]}]", "queues[0] (human_agent).steps[0].min_level", "from 0 (anyone) to 5"},
		{"step without timeout", "queues: [{group: human_agent, steps: [{min_level: 4}, {}]}]", "queues[0] (human_agent).steps[0].timeout", "is required"},
		{"step key", "queues: [{group: human_agent, steps: [{level: 4}]}]", "queues[0] (human_agent).steps[0].level", "unknown key"},
		{"overflow", "queues: [{group: human_agent, overflow: nobody}]", "queues[0] (human_agent).overflow", `unknown agent or group "nobody"`},
		{"ticket without hours", "queues: [{group: human_agent, ticket_url: 'https://desk.example.com/t'}]", "queues[0] (human_agent).ticket_url", "needs business_hours"},
		{"hours", "queues: [{group: human_agent, business_hours: 'Mon-Fry 9-5'}]", "queues[0] (human_agent).business_hours", ""},
		{"max waiting", "queues: [{group: human_agent, max_waiting: 5000}]", "queues[0] (human_agent).max_waiting", "between 1 and 1000"},
		{"priority", "queues: [{group: human_agent, priority: {vip: 500}}]", "queues[0] (human_agent).priority.vip", "between -100 and 100"},
		{"priority key", "queues: [{group: human_agent, priority: {vipp: 5}}]", "queues[0] (human_agent).priority.vipp", "unknown key"},
		{"weight", "queues: [{group: human_agent, channels: {chat: heavy}}]", "queues[0] (human_agent).channels.chat", "is not a weight"},
		{"unknown channel", "queues: [{group: human_agent, channels: {fax: 1}}]", "queues[0] (human_agent).channels.fax", "unknown channel"},
		{"global weight", "handoff: {channels: {chat: 0}}", "handoff.channels.chat", "is not a weight"},
		{"a bot's weights", "handoff: {channels: {chat: 1, email: 0.5, voice: whole}}", "agents[3] (bot_a).channels", "people only"},
		{"disposition", "handoff: {dispositions: [Resolved!]}", "handoff.dispositions[0]", "must be a code"},
		{"wrap-up", "handoff: {wrap_up: 2h}", "handoff.wrap_up", "above the maximum 1h"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			people := queuePeople
			if c.name == "a bot's weights" {
				people = strings.Replace(people, `webhook_url: "http://127.0.0.1:1/a"`, `webhook_url: "http://127.0.0.1:1/a", channels: {chat: 1}`, 1)
			}
			_, err := loadYAML(t, people+c.yaml+"\n"+agentsRouting)
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a *config.Error", err)
			}
			if ce.Key != c.key || !strings.Contains(ce.Reason, c.reason) {
				t.Fatalf("error %q, want key %q and a reason with %q", err, c.key, c.reason)
			}
		})
	}
}

// A rule's priority is bounded like the rest of its protocol.
func TestRulePriorityIsBounded(t *testing.T) {
	_, err := loadYAML(t, queuePeople+strings.Replace(agentsRouting, "offer_timeout: 90s", "offer_timeout: 90s, priority: 500", 1))
	if err == nil || !strings.Contains(err.Error(), "protocol.priority 500 must be between -100 and 100") {
		t.Fatalf("error %v", err)
	}
}
