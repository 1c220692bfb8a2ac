package analytics

import (
	"fmt"
	"slices"
	"strings"
)

// Success defines a successful handoff. The default (DefaultSuccess) is the seed's intent: the
// target took the conversation over and kept it (completed), nobody had to hand it on again
// within the monitoring window, and the customer was satisfied where we know it: a CSAT of at
// least MinCSAT when one was reported, otherwise no negative sentiment after the transfer.
type Success struct {
	// Outcomes that can count as a success.
	Outcomes []string `json:"outcomes" mapstructure:"outcomes"`
	// NoReEscalation: a handoff handed on again within the window is not a success.
	NoReEscalation bool `json:"no_re_escalation" mapstructure:"no_re_escalation"`
	// MinCSAT is the lowest reported CSAT (1-5) that counts as satisfied; 0 ignores CSAT.
	MinCSAT int `json:"min_csat" mapstructure:"min_csat"`
	// NegativeBelow: a mean sentiment (-1..1) below it is negative. It decides only when no
	// CSAT was reported.
	NegativeBelow float64 `json:"negative_below" mapstructure:"negative_below"`
}

// DefaultSuccess is the documented default definition.
func DefaultSuccess() Success {
	return Success{Outcomes: []string{OutcomeCompleted}, NoReEscalation: true, MinCSAT: 4, NegativeBelow: -0.3}
}

// Validate names the first invalid field.
func (s Success) Validate() error {
	if len(s.Outcomes) == 0 {
		return fmt.Errorf("outcomes: at least one outcome is required")
	}
	if s.MinCSAT < 0 || s.MinCSAT > 5 {
		return fmt.Errorf("min_csat: %d is not 0 (ignore CSAT) or 1 to 5", s.MinCSAT)
	}
	if s.NegativeBelow < -1 || s.NegativeBelow > 1 {
		return fmt.Errorf("negative_below: %v is not between -1 and 1", s.NegativeBelow)
	}
	return nil
}

// Counts reports whether the handoff counts towards the success rate at all: a decision to
// keep the conversation where it is (no_handoff, an experiment's hold-out, a consultation) is
// not a handoff.
func (s Success) Counts(h Handoff) bool {
	return h.Outcome != OutcomeNoHandoff && h.Outcome != OutcomeHeldOut && h.Outcome != OutcomeConsulted
}

// Of judges one handoff.
func (s Success) Of(h Handoff) bool {
	if !slices.Contains(s.Outcomes, h.Outcome) {
		return false
	}
	if s.NoReEscalation && h.ReEscalations > 0 {
		return false
	}
	if h.Late != nil && h.Late.CSAT != nil && s.MinCSAT > 0 {
		return *h.Late.CSAT >= s.MinCSAT
	}
	return h.SentimentMean == nil || *h.SentimentMean >= s.NegativeBelow
}

// String is the definition in words, printed with every report.
func (s Success) String() string {
	parts := []string{"outcome " + strings.Join(s.Outcomes, " or ")}
	if s.NoReEscalation {
		parts = append(parts, "no re-escalation in the monitoring window")
	}
	if s.MinCSAT > 0 {
		parts = append(parts, fmt.Sprintf("CSAT >= %d where reported, else mean sentiment >= %g where known", s.MinCSAT, s.NegativeBelow))
	} else {
		parts = append(parts, fmt.Sprintf("mean sentiment >= %g where known", s.NegativeBelow))
	}
	return strings.Join(parts, ", ")
}
