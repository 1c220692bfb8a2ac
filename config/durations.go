package config

import (
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// durationKey is one duration key of the config with the range it accepts. Every duration
// has both ends: "292y" parks workflows and people's capacity for centuries, "1ns" times out
// before anyone can act. The README's configuration table lists the same bounds.
type durationKey struct {
	key    string
	lo, hi time.Duration
	value  func(c *Config) string
	// optional keys may be empty (the code then uses its own default).
	optional bool
}

var durationKeys = []durationKey{
	{key: "handoff.monitoring_window", lo: handoff.MinMonitoringWindow, hi: handoff.MaxMonitoringWindow,
		value: func(c *Config) string { return c.Handoff.MonitoringWindow }},
	{key: "handoff.offer_timeout", lo: handoff.MinOfferTimeout, hi: handoff.MaxOfferTimeout,
		value: func(c *Config) string { return c.Handoff.OfferTimeout }},
	// A person asked to confirm may be in a meeting; a day is the longest a handoff waits.
	{key: "handoff.confirmation_timeout", lo: time.Second, hi: 24 * time.Hour,
		value: func(c *Config) string { return c.Handoff.ConfirmationTimeout }},
	// The customer waits while a handoff looks for a natural pause: 0 turns waiting off.
	{key: "handoff.breakpoint_wait", lo: 0, hi: 10 * time.Minute,
		value: func(c *Config) string { return c.Handoff.BreakpointWait }},
	{key: "handoff.quiet_period", lo: 0, hi: 10 * time.Minute,
		value: func(c *Config) string { return c.Handoff.QuietPeriod }},
	// Each webhook call; an activity retries after it, so minutes would only stall retries.
	{key: "handoff.http_timeout", lo: 100 * time.Millisecond, hi: 2 * time.Minute,
		value: func(c *Config) string { return c.Handoff.HTTPTimeout }},
	// It must also exceed every offer timeout (validateAgentSettings).
	{key: "handoff.reservation_lease", lo: time.Minute, hi: 24 * time.Hour,
		value: func(c *Config) string { return c.Handoff.ReservationLease }},
	{key: "handoff.pingpong.window", lo: time.Minute, hi: 30 * 24 * time.Hour,
		value: func(c *Config) string { return c.Handoff.Pingpong.Window }},
	// SIGTERM drain; orchestrators kill a process that takes much longer anyway.
	{key: "worker.shutdown_timeout", lo: time.Second, hi: 10 * time.Minute,
		value: func(c *Config) string { return c.Worker.ShutdownTimeout }},
	// The handoff log's retention: at least a day (the purge runs daily), at most ten years.
	{key: "store.retention", lo: 24 * time.Hour, hi: 10 * 365 * 24 * time.Hour, optional: true,
		value: func(c *Config) string { return c.Store.Retention }},
	{key: "crm.timeout", lo: 100 * time.Millisecond, hi: 2 * time.Minute, optional: true,
		value: func(c *Config) string { return c.CRM.Timeout }},
	// One delivery attempt to one event subscriber; retries follow.
	{key: "events.timeout", lo: 100 * time.Millisecond, hi: time.Minute,
		value: func(c *Config) string { return c.Events.Timeout }},
	// A silent owner is checked for at this interval while monitoring rules read silence.
	{key: "handoff.monitoring.check", lo: time.Second, hi: time.Hour, optional: true,
		value: func(c *Config) string { return c.Handoff.Monitoring.Check }},
	{key: "handoff.followup.delay", lo: time.Minute, hi: 90 * 24 * time.Hour, optional: true,
		value: func(c *Config) string { return c.Handoff.FollowUp.Delay }},
	// A console sign-in: long enough for a shift, never past a day (the token signs in again).
	{key: "api.console_session_ttl", lo: 5 * time.Minute, hi: 24 * time.Hour,
		value: func(c *Config) string { return c.API.ConsoleSessionTTL }},
	{key: "handoff.csat.wait", lo: time.Second, hi: 24 * time.Hour, optional: true,
		value: func(c *Config) string { return c.Handoff.CSAT.Wait }},
	// The bandit Schedule: seconds for a simulation, hours for a slow experiment.
	{key: "learning.allocation_every", lo: time.Second, hi: 24 * time.Hour,
		value: func(c *Config) string { return c.Learning.AllocationEvery }},
	// How far back learned routing reads the log: a day to a year.
	{key: "learning.routing.window", lo: 24 * time.Hour, hi: 365 * 24 * time.Hour,
		value: func(c *Config) string { return c.Learning.Routing.Window }},
	{key: "learning.routing.refresh", lo: time.Second, hi: 24 * time.Hour,
		value: func(c *Config) string { return c.Learning.Routing.Refresh }},
	// A person's after-conversation time; their capacity stays held meanwhile.
	{key: "handoff.wrap_up", lo: 0, hi: time.Hour, optional: true,
		value: func(c *Config) string { return c.Handoff.WrapUp }},
}

// validateDurations checks every duration key against its bounds.
func (c *Config) validateDurations() error {
	for _, k := range durationKeys {
		v := k.value(c)
		if v == "" && k.optional {
			continue
		}
		if _, problem := handoff.CheckDuration(v, k.lo, k.hi); problem != "" {
			return &Error{File: c.File, Key: k.key, Reason: problem}
		}
	}
	return nil
}

// DurationBound is the range a duration key accepts.
type DurationBound struct {
	Key      string
	Min, Max time.Duration
}

// DurationKeys lists the duration keys and their bounds, for documentation and its test.
func DurationKeys() []DurationBound {
	out := make([]DurationBound, 0, len(durationKeys)+len(queueDurations)+1)
	for _, k := range durationKeys {
		out = append(out, DurationBound{Key: k.key, Min: k.lo, Max: k.hi})
	}
	// Each queue's keys are checked by validateQueues, naming the queue.
	for _, k := range queueDurations {
		out = append(out, DurationBound{Key: "queues[]." + k.name, Min: k.lo, Max: k.hi})
	}
	return append(out, DurationBound{Key: "queues[].steps[].timeout", Min: stepTimeoutMin, Max: stepTimeoutMax})
}
