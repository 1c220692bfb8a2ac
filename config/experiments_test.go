package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/experiments"
)

// withExperiments loads the real-estate example with an experiments section (and more) added.
func withExperiments(t *testing.T, extra string) (*config.Config, error) {
	t.Helper()
	raw, err := os.ReadFile("examples/real-estate.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(file, append(raw, []byte("\n"+extra)...), 0o600); err != nil {
		t.Fatal(err)
	}
	return config.LoadFile(file, nil)
}

const prepExperiment = `experiments:
  - name: prep_script
    varies: preparation_script
    rules: [lead_to_buyer, ready_buyer]
    metric: conversion
    mde: 0.10
    baseline: 0.30
    hold_out: 0.2
    variants:
      - {name: rule_script, weight: 1}
      - {name: homes_ready, weight: 1, customer_message: "Jorge already has three homes lined up for you."}
`

func TestExperimentsLoad(t *testing.T) {
	c, err := withExperiments(t, prepExperiment)
	if err != nil {
		t.Fatal(err)
	}
	e := c.ExperimentSet.Get("prep_script")
	if e == nil || e.Mode != experiments.ModeFixed || e.HoldOut != 0.2 || len(e.Variants) != 2 ||
		e.Variants[1].CustomerMessage == "" || !e.Eligible("ready_buyer", "ready_buyer") || e.Eligible("luxury", "luxury_consultation") {
		t.Fatalf("experiment %+v", e)
	}
	if c.Learning.AllocationEvery != "10m" || c.Learning.Routing.Enabled || c.Learning.Routing.MinSample != 50 {
		t.Errorf("learning defaults %+v", c.Learning)
	}
}

// A hold-out on a safety rule stops the config from loading, naming the file, the key and why.
func TestExperimentHoldOutOnASafetyRuleIsRefused(t *testing.T) {
	cases := []struct{ edit, key, says string }{
		{"rules: [lead_to_buyer, human_safety]", "experiments[0] (prep_script).hold_out", "rule human_safety is a safety rule (urgent, reads distress, reads legal complexity, reads a VIP flag)"},
		{"scenarios: [customer_requested_person]", "experiments[0] (prep_script).hold_out", "rule customer_asked_for_person is a safety rule"},
		{"rules: [lead_to_buyer, no_such_rule]", "experiments[0] (prep_script).rules[1]", `"no_such_rule" is not a routing rule`},
	}
	for _, c := range cases {
		_, err := withExperiments(t, strings.Replace(prepExperiment, "rules: [lead_to_buyer, ready_buyer]", c.edit, 1))
		var ce *config.Error
		if !errors.As(err, &ce) || ce.Key != c.key || !strings.Contains(ce.Reason, c.says) || !strings.HasSuffix(ce.File, "config.yaml") {
			t.Errorf("%s: error %v, want key %q saying %q", c.edit, err, c.key, c.says)
		}
	}
	// A bandit and learned routing read the log.
	_, err := withExperiments(t, strings.Replace(prepExperiment, "hold_out: 0.2", "mode: bandit", 1))
	if err == nil || !strings.Contains(err.Error(), "experiments[0] (prep_script).mode: a bandit learns from the handoff log: set store.url") {
		t.Errorf("bandit without a log: %v", err)
	}
	_, err = withExperiments(t, "learning: {routing: {enabled: true}}\n")
	if err == nil || !strings.Contains(err.Error(), "learning.routing.enabled: learned routing reads the handoff log") {
		t.Errorf("learned routing without a log: %v", err)
	}
	_, err = withExperiments(t, "learning: {allocation_every: 0s}\n")
	if err == nil || !strings.Contains(err.Error(), `learning.allocation_every: "0s" is below the minimum 1s`) {
		t.Errorf("allocation every 0s: %v", err)
	}
}
