package config

import (
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
)

// Store is the handoff log (package store): where every handoff is recorded for analytics.
// Without a URL nothing is recorded there; outcomes are still logged and posted.
type Store struct {
	// URL is sqlite://PATH or postgres://USER@HOST:PORT/DB?sslmode=... (HANDOFF_STORE_URL).
	// Keep a PostgreSQL password out of it: PGPASSWORD or PGPASSFILE give it.
	URL string `mapstructure:"url"`
	// Retention is how long handoffs and outcomes are kept ("8760h" is a year); the worker
	// purges older ones at start-up and daily. Empty keeps everything.
	Retention string `mapstructure:"retention"`
}

// RetentionDuration is the parsed retention, 0 when everything is kept.
func (s Store) RetentionDuration() time.Duration {
	d, _ := time.ParseDuration(s.Retention)
	return d
}

// Analytics tunes the figures `starter stats` and GET /v1/stats report.
type Analytics struct {
	// Success defines a successful handoff (analytics.DefaultSuccess documents the default).
	Success analytics.Success `mapstructure:"success"`
	// MinSample is the smallest sample a figure is judged on (default 30).
	MinSample int `mapstructure:"min_sample"`
}

// Options are the analytics options for a report grouped by groupBy.
func (a Analytics) Options(groupBy string) analytics.Options {
	return analytics.Options{Success: a.Success, MinSample: a.MinSample, GroupBy: groupBy}
}

// storeDefaults are the defaults of the store and analytics sections.
func storeDefaults() map[string]any {
	s := analytics.DefaultSuccess()
	return map[string]any{
		"store.url":                          "",
		"store.retention":                    "",
		"analytics.success.outcomes":         s.Outcomes,
		"analytics.success.no_re_escalation": s.NoReEscalation,
		"analytics.success.min_csat":         s.MinCSAT,
		"analytics.success.negative_below":   s.NegativeBelow,
		"analytics.min_sample":               analytics.DefaultMinSample,
	}
}

func (c *Config) validateStore() error {
	u := c.Store.URL
	if u != "" && !strings.HasPrefix(u, "sqlite://") && !strings.HasPrefix(u, "postgres://") && !strings.HasPrefix(u, "postgresql://") {
		return &Error{File: c.File, Key: "store.url", Reason: "want sqlite://PATH or postgres://USER@HOST:PORT/DB"}
	}
	if u == "sqlite://" {
		return &Error{File: c.File, Key: "store.url", Reason: "no file after sqlite://"}
	}
	if err := c.Analytics.Success.Validate(); err != nil {
		return &Error{File: c.File, Key: "analytics.success", Reason: err.Error()}
	}
	if c.Analytics.MinSample < 1 {
		return &Error{File: c.File, Key: "analytics.min_sample", Reason: "must be at least 1"}
	}
	return nil
}
