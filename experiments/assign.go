package experiments

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// Experiment is a compiled Spec.
type Experiment struct {
	Spec
	key              string
	rules, scenarios map[string]bool
	start, stop      time.Time
}

// Set is the config's experiments, in the order declared.
type Set struct{ list []*Experiment }

// All lists the experiments in the order declared.
func (s *Set) All() []*Experiment {
	if s == nil {
		return nil
	}
	return s.list
}

// Get returns the experiment with the name, nil when there is none.
func (s *Set) Get(name string) *Experiment {
	for _, e := range s.All() {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// For returns the experiment a handoff decided by rule (with scenario) takes part in at the
// time, nil when none: the first running experiment, in the order declared, whose rules or
// scenarios match. A handoff is in one experiment at most, so two experiments never confound
// each other's variants.
func (s *Set) For(rule, scenario string, at time.Time) *Experiment {
	for _, e := range s.All() {
		if e.Running(at) && e.Eligible(rule, scenario) {
			return e
		}
	}
	return nil
}

// Bandits lists the experiments in bandit mode.
func (s *Set) Bandits() []*Experiment {
	var out []*Experiment
	for _, e := range s.All() {
		if e.Mode == ModeBandit {
			out = append(out, e)
		}
	}
	return out
}

// Eligible reports whether a handoff decided by the rule, with the scenario, is in the
// experiment's population. With neither rules nor scenarios declared, every decided handoff is.
func (e *Experiment) Eligible(rule, scenario string) bool {
	if rule == "" {
		return false
	}
	if len(e.rules) == 0 && len(e.scenarios) == 0 {
		return true
	}
	return e.rules[rule] || (scenario != "" && e.scenarios[scenario])
}

// Running reports whether the experiment assigns conversations at the time.
func (e *Experiment) Running(at time.Time) bool {
	return (e.start.IsZero() || !at.Before(e.start)) && (e.stop.IsZero() || at.Before(e.stop))
}

// Stopped reports whether the experiment's stop has passed at the time.
func (e *Experiment) Stopped(at time.Time) bool { return !e.stop.IsZero() && !at.Before(e.stop) }

// Control is the control variant's name (the first declared).
func (e *Experiment) Control() string { return e.Variants[0].Name }

// Variant returns the variant with the name.
func (e *Experiment) Variant(name string) (VariantSpec, bool) {
	for _, v := range e.Variants {
		if v.Name == name {
			return v, true
		}
	}
	return VariantSpec{}, false
}

// Weights are the declared weights, normalised to sum to 1.
func (e *Experiment) Weights() map[string]float64 {
	total := 0.0
	for _, v := range e.Variants {
		total += v.Weight
	}
	w := make(map[string]float64, len(e.Variants))
	for _, v := range e.Variants {
		w[v.Name] = v.Weight / total
	}
	return w
}

// Allocation is a bandit's shares of the variants, computed from the outcomes logged so far.
type Allocation struct {
	Experiment string `json:"experiment"`
	// Version identifies the allocation in decisions and the log (its computation time).
	Version string             `json:"version"`
	At      time.Time          `json:"at"`
	Weights map[string]float64 `json:"weights"`
	// Arms are the evidence it was computed from.
	Arms []Arm `json:"arms"`
}

// fits reports whether the allocation has a share for every variant of the experiment.
func (a *Allocation) fits(e *Experiment) bool {
	if a == nil || len(a.Weights) != len(e.Variants) {
		return false
	}
	total := 0.0
	for _, v := range e.Variants {
		w, ok := a.Weights[v.Name]
		if !ok || w < 0 || math.IsNaN(w) {
			return false
		}
		total += w
	}
	return math.Abs(total-1) < 1e-6
}

// Assign places a conversation in the experiment. The draw is a hash of the experiment's name
// and the conversation ID, so it is the same on every worker, every retry and every replay.
// earlier is the conversation's assignment in an earlier handoff (nil: none): it is kept, so a
// customer's cohort survives transfers even when a bandit's allocation moved since. alloc is
// the bandit's allocation in force (nil, or one that does not fit the variants: the declared
// weights).
func (e *Experiment) Assign(conv string, alloc *Allocation, earlier *handoff.Assignment) handoff.Assignment {
	a := handoff.Assignment{Experiment: e.Name, Varies: e.Varies, Allocation: e.Weights()}
	if alloc.fits(e) {
		a.Allocation, a.AllocationVersion = alloc.Weights, alloc.Version
	}
	if earlier != nil && (earlier.Variant == handoff.VariantHeldOut && e.HoldOut > 0 || e.known(earlier.Variant)) {
		a.Variant, a.Probability, a.Sticky = earlier.Variant, earlier.Probability, true
		return a
	}
	if e.HoldOut > 0 && unit(e.Name+"\x00hold_out", conv) < e.HoldOut {
		a.Variant, a.Probability = handoff.VariantHeldOut, e.HoldOut
		return a
	}
	u := unit(e.Name, conv)
	cum := 0.0
	for i, v := range e.Variants {
		w := a.Allocation[v.Name]
		cum += w
		if u < cum || i == len(e.Variants)-1 {
			a.Variant, a.Probability = v.Name, w*(1-e.HoldOut)
			break
		}
	}
	return a
}

func (e *Experiment) known(variant string) bool {
	_, ok := e.Variant(variant)
	return ok
}

// unit is a uniform number in [0, 1) drawn from the key: the top 53 bits of its SHA-256.
func unit(parts ...string) float64 {
	h := sha256.New()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return float64(binary.BigEndian.Uint64(sum[:8])>>11) / (1 << 53)
}
