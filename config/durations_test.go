package config_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

// Every duration key has both bounds; a value outside them fails at load with the file, the
// key and the bound. Env overrides are checked like the file.
func TestDurationsAreBounded(t *testing.T) {
	person := "agents:\n  - {id: maria, kind: human, groups: [human_agent]}\n"
	cases := []struct{ name, yaml, key, reason string }{
		{"monitoring window of 292 years", "handoff: {monitoring_window: 2562047h}\n", "handoff.monitoring_window", `"2562047h" is above the maximum 24h`},
		{"monitoring window of 1ns", "handoff: {monitoring_window: 1ns}\n", "handoff.monitoring_window", `"1ns" is below the minimum 1s`},
		{"offer timeout", "handoff: {offer_timeout: 2h, reservation_lease: 3h}\n", "handoff.offer_timeout", `"2h" is above the maximum 1h`},
		{"confirmation timeout", "handoff: {confirmation_timeout: 48h}\n", "handoff.confirmation_timeout", "above the maximum 24h"},
		{"breakpoint wait", "handoff: {breakpoint_wait: 11m}\n", "handoff.breakpoint_wait", "above the maximum 10m"},
		{"negative quiet period", "handoff: {quiet_period: -1s}\n", "handoff.quiet_period", "below the minimum 0s"},
		{"http timeout", "handoff: {http_timeout: 10ms}\n", "handoff.http_timeout", "below the minimum 100ms"},
		{"reservation lease", "handoff: {reservation_lease: 25h}\n", "handoff.reservation_lease", "above the maximum 24h"},
		{"ping-pong window", "handoff: {pingpong: {max_handoffs: 3, window: 10s}}\n", "handoff.pingpong.window", "below the minimum 1m"},
		{"shutdown timeout", "worker: {shutdown_timeout: 1h}\n", "worker.shutdown_timeout", "above the maximum 10m"},
		{"crm timeout", "crm: {url: 'https://crm.example.com', timeout: 5m}\n", "crm.timeout", "above the maximum 2m"},
		{"console session of a week", "api: {console_session_ttl: 168h}\n", "api.console_session_ttl", "above the maximum 24h"},
		{"console session of a second", "api: {console_session_ttl: 1s}\n", "api.console_session_ttl", "below the minimum 5m"},
		{"a rule's offer timeout", "", "routing.rules[0] (to_human).protocol.offer_timeout", `"90h" is above the maximum 1h`},
		{"a long bad value is quoted briefly", "handoff: {monitoring_window: " + strings.Repeat("9", 5000) + "}\n", "handoff.monitoring_window", "(5000 bytes) is not a duration"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			routing := agentsRouting
			if c.yaml == "" {
				routing = strings.Replace(routing, "offer_timeout: 90s", "offer_timeout: 90h", 1)
			}
			_, err := loadYAML(t, person+c.yaml+routing)
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a *config.Error", err)
			}
			if ce.Key != c.key || !strings.Contains(ce.Reason, c.reason) || !strings.HasSuffix(ce.File, "config.yaml") || len(ce.Reason) > 200 {
				t.Fatalf("error %.300q, want key %q and a reason with %q", err, c.key, c.reason)
			}
		})
	}

	t.Setenv("HANDOFF_HANDOFF_MONITORING_WINDOW", "2562047h")
	_, err := loadYAML(t, person+agentsRouting)
	if err == nil || !strings.HasSuffix(err.Error(), `config.yaml: handoff.monitoring_window: "2562047h" is above the maximum 24h`) {
		t.Fatalf("env override: %v", err)
	}
}

// The bounds themselves load: the lowest and highest value of every key.
func TestDurationBoundsAreInclusive(t *testing.T) {
	_, err := loadYAML(t, `agents:
  - {id: maria, kind: human, groups: [human_agent]}
handoff: {monitoring_window: 24h, offer_timeout: 1s, confirmation_timeout: 1s, breakpoint_wait: 0s, quiet_period: 10m,
  http_timeout: 100ms, reservation_lease: 24h, pingpong: {max_handoffs: 1, window: 720h}}
worker: {shutdown_timeout: 10m}
api: {console_session_ttl: 5m}
crm: {url: 'https://crm.example.com', timeout: 2m}
`+agentsRouting)
	if err != nil {
		t.Fatal(err)
	}
}

// The README's configuration table states each key's bounds as the code has them.
func TestREADMEListsTheDurationBounds(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for _, k := range config.DurationKeys() {
		name := k.Key[strings.LastIndex(k.Key, ".")+1:]
		bounds := handoff.FormatDuration(k.Min) + ".." + handoff.FormatDuration(k.Max)
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, "| `") && strings.Contains(l, name) && strings.Contains(l, bounds) {
				found = true
			}
		}
		if !found {
			t.Errorf("README's configuration table has no row for %s saying %s", k.Key, bounds)
		}
	}
}
