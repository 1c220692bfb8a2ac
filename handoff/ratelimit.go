package handoff

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RateLimit caps how many handoffs a bot or specialist is offered: PerSecond on average, with
// bursts of up to Burst. In config it is written "5/s" (also "/m" and "/h") or as
// {per_second: 5, burst: 10}.
type RateLimit struct {
	PerSecond float64 `json:"per_second" mapstructure:"per_second"`
	// Burst is how many handoffs may go at once after a quiet spell; 0 means one second's
	// worth, at least 1.
	Burst int `json:"burst,omitempty" mapstructure:"burst"`
	// Text is the short form as written ("5/s"), parsed by Normalize, so a mistake in it is
	// reported with the config key rather than as a decoding failure.
	Text string `json:"-" mapstructure:"-"`
}

// ParseRateLimit reads the short form: a number of handoffs per second ("5/s", or just "5"),
// per minute ("300/m") or per hour ("1000/h").
func ParseRateLimit(s string) (RateLimit, error) {
	num, unit, hasUnit := strings.Cut(strings.TrimSpace(s), "/")
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return RateLimit{}, fmt.Errorf("%q is not a rate such as \"5/s\", \"300/m\" or {per_second: 5, burst: 10}", s)
	}
	per := 1.0
	if hasUnit {
		switch strings.TrimSpace(unit) {
		case "s", "sec", "second":
			per = 1
		case "m", "min", "minute":
			per = 60
		case "h", "hour":
			per = 3600
		default:
			return RateLimit{}, fmt.Errorf("%q: unit must be /s, /m or /h", s)
		}
	}
	r := RateLimit{PerSecond: n / per}
	return r, r.check()
}

// Normalize parses Text when the short form was used and checks the limit.
func (r *RateLimit) Normalize() error {
	if r.Text != "" {
		p, err := ParseRateLimit(r.Text)
		if err != nil {
			return err
		}
		r.PerSecond = p.PerSecond
	}
	return r.check()
}

func (r RateLimit) check() error {
	if !(r.PerSecond > 0) || math.IsInf(r.PerSecond, 0) {
		return fmt.Errorf("per_second must be a positive number, not %v", r.PerSecond)
	}
	if r.Burst < 0 {
		return fmt.Errorf("burst must not be negative, not %d", r.Burst)
	}
	return nil
}

// BurstOrDefault is Burst, or one second's worth of handoffs (at least 1) when unset.
func (r RateLimit) BurstOrDefault() int {
	if r.Burst > 0 {
		return r.Burst
	}
	return max(1, int(math.Ceil(r.PerSecond)))
}

// String is the limit as an operator reads it in a skip reason.
func (r RateLimit) String() string {
	return fmt.Sprintf("%s/s, burst %d", strconv.FormatFloat(r.PerSecond, 'g', 4, 64), r.BurstOrDefault())
}
