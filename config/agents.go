package config

import (
	"fmt"
	"reflect"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/handoffhq/orchestrator/handoff"
)

// Pingpong bounds how often one conversation is handed around: after MaxHandoffs completed
// transfers within Window, the handoff stays where it is (0 turns the guard off).
type Pingpong struct {
	MaxHandoffs int    `mapstructure:"max_handoffs"`
	Window      string `mapstructure:"window"`
}

// WindowDuration is the parsed window (valid after Validate).
func (p Pingpong) WindowDuration() time.Duration {
	d, _ := time.ParseDuration(p.Window)
	return d
}

// ReservationLeaseDuration is the parsed handoff.reservation_lease (valid after Validate).
func (c *Config) ReservationLeaseDuration() time.Duration {
	d, _ := time.ParseDuration(c.Handoff.ReservationLease)
	return d
}

// InitialPresence is the presence of a person whose entity workflow has not started yet.
func (c *Config) InitialPresence() handoff.Presence {
	if p := handoff.Presence(c.Handoff.InitialPresence); p.Valid() {
		return p
	}
	return handoff.PresenceOffline
}

// decodeHook is viper's default hook plus the short forms of a rate limit ("5/s", or a bare
// number of handoffs per second). The short form is only kept here and parsed by Validate, so
// a mistake in it is reported with its key like every other.
func decodeHook() mapstructure.DecodeHookFunc {
	return mapstructure.ComposeDecodeHookFunc(
		mapstructure.StringToTimeDurationHookFunc(),
		mapstructure.StringToSliceHookFunc(","),
		rateLimitHook,
	)
}

var rateLimitType = reflect.TypeOf(handoff.RateLimit{})

func rateLimitHook(from, to reflect.Type, data any) (any, error) {
	if to != rateLimitType {
		return data, nil
	}
	switch v := data.(type) {
	case string:
		return handoff.RateLimit{Text: v}, nil
	case int:
		return handoff.RateLimit{PerSecond: float64(v)}, nil
	case float64:
		return handoff.RateLimit{PerSecond: v}, nil
	}
	return data, nil
}

// validateAgentSettings checks what capacity, presence, leases and rate limits depend on.
func (c *Config) validateAgentSettings() error {
	fail := func(key, format string, args ...any) error {
		return &Error{File: c.File, Key: key, Reason: fmt.Sprintf(format, args...)}
	}
	h := c.Handoff
	// In bounds: validateDurations ran first.
	lease, _ := time.ParseDuration(h.ReservationLease)
	// An offer must end (accepted, declined, timed out) before its reservation's lease does,
	// or a slow answer could find its capacity already given to someone else.
	offers := []struct{ key, val string }{{"handoff.offer_timeout", h.OfferTimeout}}
	for i, r := range c.Routing.Rules {
		offers = append(offers, struct{ key, val string }{fmt.Sprintf("routing.rules[%d] (%s).protocol.offer_timeout", i, r.Name), r.Protocol.OfferTimeout})
	}
	for i, p := range c.Routing.Handoffs {
		offers = append(offers, struct{ key, val string }{fmt.Sprintf("routing.handoffs[%d].protocol.offer_timeout", i), p.Protocol.OfferTimeout})
	}
	for _, o := range offers {
		if o.val == "" {
			continue
		}
		d, problem := handoff.CheckDuration(o.val, handoff.MinOfferTimeout, handoff.MaxOfferTimeout)
		if problem != "" {
			return fail(o.key, "%s", problem)
		}
		if d >= lease {
			return fail("handoff.reservation_lease", "%s must exceed every offer timeout, and %s is %s", h.ReservationLease, o.key, o.val)
		}
	}
	if !handoff.Presence(h.InitialPresence).Valid() {
		return fail("handoff.initial_presence", "%q is not one of online, away, offline", h.InitialPresence)
	}
	if h.Pingpong.MaxHandoffs < 0 {
		return fail("handoff.pingpong.max_handoffs", "must not be negative (0 turns the guard off)")
	}
	for i := range c.Agents {
		a := &c.Agents[i]
		if a.RateLimit == nil {
			continue
		}
		key := fmt.Sprintf("agents[%d] (%s).rate_limit", i, a.ID)
		if a.Kind.IsPerson() {
			return fail(key, "applies to bots and specialists only; a person's limit is their capacity")
		}
		if err := a.RateLimit.Normalize(); err != nil {
			return fail(key, "%v", err)
		}
	}
	return nil
}
