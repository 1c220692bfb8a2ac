package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

const agentsRouting = `routing:
  system: real_estate
  rules:
    - name: to_human
      precedence: 1
      target: human_agent
      protocol: {offer_timeout: 90s}
`

func loadYAML(t *testing.T, text string) (*config.Config, error) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return config.LoadFile(file, nil)
}

func TestAgentSettingsDefaultsAndRateLimitForms(t *testing.T) {
	c, err := loadYAML(t, `agents:
  - {id: fast_bot, kind: bot, rate_limit: 5/s}
  - {id: slow_bot, kind: bot, rate_limit: 30/m}
  - {id: burst_bot, kind: specialist, rate_limit: {per_second: 5, burst: 10}}
  - {id: bare_bot, kind: bot, rate_limit: 2}
  - {id: free_bot, kind: bot}
  - {id: maria, kind: human, groups: [human_agent]}
`+agentsRouting)
	if err != nil {
		t.Fatal(err)
	}
	h := c.Handoff
	if h.ReservationLease != "10m" || !h.AwayOnTimeout || c.InitialPresence() != handoff.PresenceOffline ||
		h.Pingpong.MaxHandoffs != 3 || h.Pingpong.Window != "1h" {
		t.Fatalf("defaults %+v", h)
	}
	s := c.Settings()
	if s.ReservationLease != "10m" || !s.AwayOnTimeout || s.PingPongMaxHandoffs != 3 || s.PingPongWindow != "1h" {
		t.Fatalf("settings captured into decisions: %+v", s)
	}
	want := map[string]string{"fast_bot": "5/s, burst 5", "slow_bot": "0.5/s, burst 1", "burst_bot": "5/s, burst 10", "bare_bot": "2/s, burst 2"}
	for id, limit := range want {
		a, _ := c.Agent(id)
		if a.RateLimit == nil || a.RateLimit.String() != limit {
			t.Errorf("%s: rate limit %v, want %s", id, a.RateLimit, limit)
		}
	}
	if a, _ := c.Agent("free_bot"); a.RateLimit != nil {
		t.Errorf("free_bot has a rate limit %v", a.RateLimit)
	}
}

// Each mistake fails at load with the file, the key and the reason.
func TestAgentSettingsMistakesFailAtLoad(t *testing.T) {
	person := "  - {id: maria, kind: human, groups: [human_agent]}\n"
	cases := []struct{ name, agents, handoff, key, reason string }{
		{"rate limit unit", "  - {id: b, kind: bot, rate_limit: 5/day}\n", "", "agents[0] (b).rate_limit", "unit must be /s, /m or /h"},
		{"rate limit text", "  - {id: b, kind: bot, rate_limit: fast}\n", "", "agents[0] (b).rate_limit", `"fast" is not a rate`},
		{"rate limit zero", "  - {id: b, kind: bot, rate_limit: {per_second: 0}}\n", "", "agents[0] (b).rate_limit", "per_second must be a positive number"},
		{"negative burst", "  - {id: b, kind: bot, rate_limit: {per_second: 1, burst: -1}}\n", "", "agents[0] (b).rate_limit", "burst must not be negative"},
		{"rate limit on a person", "  - {id: maria, kind: human, groups: [human_agent], rate_limit: 1/s}\n", "", "agents[0] (maria).rate_limit", "bots and specialists only"},
		{"lease not a duration", person, "  reservation_lease: soon\n", "handoff.reservation_lease", `"soon" is not a duration`},
		{"lease shorter than an offer", person, "  reservation_lease: 60s\n", "handoff.reservation_lease", "must exceed every offer timeout, and handoff.offer_timeout is 60s"},
		{"lease shorter than a rule's offer", person, "  reservation_lease: 75s\n", "handoff.reservation_lease", "routing.rules[0] (to_human).protocol.offer_timeout is 90s"},
		{"initial presence", person, "  initial_presence: busy\n", "handoff.initial_presence", `"busy" is not one of online, away, offline`},
		{"pingpong window", person, "  pingpong: {max_handoffs: 3, window: forever}\n", "handoff.pingpong.window", `"forever" is not a duration`},
		{"pingpong count", person, "  pingpong: {max_handoffs: -1, window: 1h}\n", "handoff.pingpong.max_handoffs", "must not be negative"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := "agents:\n" + tc.agents
			if !strings.Contains(tc.agents, "maria") {
				text += person
			}
			if tc.handoff != "" {
				text += "handoff:\n" + tc.handoff
			}
			_, err := loadYAML(t, text+agentsRouting)
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a *config.Error", err)
			}
			if ce.Key != tc.key || !strings.Contains(ce.Reason, tc.reason) || !strings.HasSuffix(ce.File, "config.yaml") {
				t.Fatalf("error %q (key %q), want key %q and a reason with %q", err, ce.Key, tc.key, tc.reason)
			}
		})
	}
}
