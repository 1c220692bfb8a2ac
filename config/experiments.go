package config

import (
	"errors"
	"time"

	"github.com/handoffhq/orchestrator/experiments"
)

// Learning is how the deployment learns from the handoff log: how often a bandit's allocation
// is recomputed, and the learned term in candidate ranking (off by default).
type Learning struct {
	// AllocationEvery is the interval of the Temporal Schedule that recomputes every bandit
	// experiment's allocation from the log.
	AllocationEvery string         `mapstructure:"allocation_every"`
	Routing         LearnedRouting `mapstructure:"routing"`
}

// LearnedRouting adds to candidate ranking, after skills, a bounded term from how the
// handoffs of each (source, target, scenario) went: only past a minimum sample, only when the
// difference is clear, and explained in the ranking's note.
type LearnedRouting struct {
	Enabled bool `mapstructure:"enabled"`
	// MinSample is the handoffs a (source, target, scenario) needs before it counts.
	MinSample int `mapstructure:"min_sample"`
	// MaxTerm bounds the term (a difference of success rates, 0 to 0.5).
	MaxTerm float64 `mapstructure:"max_term"`
	// Window is how far back the log is read; Refresh how often it is read again.
	Window  string `mapstructure:"window"`
	Refresh string `mapstructure:"refresh"`
}

// WindowDuration and RefreshDuration are the parsed durations (validated at load).
func (l LearnedRouting) WindowDuration() time.Duration  { return parseOr(l.Window, 90*24*time.Hour) }
func (l LearnedRouting) RefreshDuration() time.Duration { return parseOr(l.Refresh, 10*time.Minute) }

// AllocationInterval is the bandit Schedule's interval.
func (l Learning) AllocationInterval() time.Duration {
	return parseOr(l.AllocationEvery, 10*time.Minute)
}

func parseOr(s string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return d
	}
	return def
}

func learningDefaults() map[string]any {
	return map[string]any{
		"learning.allocation_every":   "10m",
		"learning.routing.enabled":    false,
		"learning.routing.min_sample": 50,
		"learning.routing.max_term":   0.1,
		"learning.routing.window":     "2160h",
		"learning.routing.refresh":    "10m",
	}
}

// validateExperiments compiles the experiments against the rules, templates and roster, and
// checks the learning section. It runs after the rules compiled.
func (c *Config) validateExperiments() error {
	cat := experiments.Catalog{Known: func(name string) bool {
		for _, a := range c.Agents {
			if a.ID == name || contains(a.Groups, name) {
				return true
			}
		}
		return false
	}, Store: c.Store.URL != ""}
	for _, r := range c.Engine.Rules() {
		cat.Rules = append(cat.Rules, experiments.Rule{Name: r.Name, Scenario: r.Scenario, Safety: r.Safety()})
	}
	for _, t := range c.Templates {
		cat.Templates = append(cat.Templates, t.Name)
	}
	set, err := experiments.Compile(c.Experiments, cat)
	var fe *experiments.FieldError
	if errors.As(err, &fe) {
		return &Error{File: c.File, Key: fe.Field, Reason: fe.Problem}
	}
	if err != nil {
		return &Error{File: c.File, Key: "experiments", Reason: err.Error()}
	}
	c.ExperimentSet = set
	l := c.Learning.Routing
	switch {
	case l.MinSample < 1:
		return &Error{File: c.File, Key: "learning.routing.min_sample", Reason: "must be at least 1"}
	case l.MaxTerm < 0 || l.MaxTerm > 0.5:
		return &Error{File: c.File, Key: "learning.routing.max_term", Reason: "must be between 0 and 0.5 (a difference of success rates)"}
	case l.Enabled && c.Store.URL == "":
		return &Error{File: c.File, Key: "learning.routing.enabled", Reason: "learned routing reads the handoff log: set store.url"}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
