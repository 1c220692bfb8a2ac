package experiments

import (
	"fmt"
	"math"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/handoff"
	"gonum.org/v1/gonum/stat"
)

// Statuses of a report.
const (
	// StatusInterim: not every variant reached the horizon; the figures are for watching.
	StatusInterim = "interim"
	// StatusComplete: every variant reached the horizon (or the experiment stopped): the
	// verdict stands.
	StatusComplete = "complete"
	// StatusAdaptive: a bandit; its verdict is each variant's probability of being the best.
	StatusAdaptive = "adaptive"
)

// PeekingGuard says how the analysis guards against deciding on an early look, printed with
// every report.
const PeekingGuard = "fixed horizon: the test is read once, when every variant has its horizon of conversations " +
	"(the power calculation's sample unless declared); looks before it show the figures but no verdict, since " +
	"stopping at the first significant look would find differences that are not there far more often than 5 %"

// PeekingGuardBandit replaces PeekingGuard for a bandit, whose allocation follows the data by
// design.
const PeekingGuardBandit = "none needed for the verdict: a bandit's is each variant's posterior probability of being the best, " +
	"which means what it says at any look; the test and the horizon are shown for reference, and assume the allocation did not " +
	"follow a trend in time"

// ArmResult is one variant's figures, and its comparison with the control.
type ArmResult struct {
	Variant string `json:"variant"`
	// Assigned conversations, and those in which the variant was really used (Exposed);
	// N of these have the metric known (a reported conversion, say).
	Assigned int `json:"assigned"`
	Exposed  int `json:"exposed"`
	N        int `json:"n"`
	// Successes is the count behind a rate (success, conversion).
	Successes int      `json:"successes,omitempty"`
	Metric    Interval `json:"metric"`
	// Difference is the variant minus the control in the metric's unit (points of a rate),
	// Relative the ratio minus 1 (rates only); P and Test are the test against the control.
	Difference *Interval `json:"difference,omitempty"`
	Relative   *Interval `json:"relative,omitempty"`
	P          *float64  `json:"p,omitempty"`
	Test       string    `json:"test,omitempty"`
	// StillNeeded is how many more conversations with the metric this variant needs to reach
	// the horizon.
	StillNeeded int `json:"still_needed"`
	// ProbBest is a bandit's posterior probability that this variant is the best.
	ProbBest *float64 `json:"prob_best,omitempty"`
}

// HoldOutResult compares the conversations held out (kept from any handoff) with the rest of
// the experiment's assigned conversations: the causal effect of handing off, intention to
// treat (every conversation assigned to a handoff counts, whether or not the handoff
// completed).
type HoldOutResult struct {
	HeldOut    Interval `json:"held_out"`
	HeldOutN   int      `json:"held_out_n"`
	Treated    Interval `json:"treated"`
	TreatedN   int      `json:"treated_n"`
	Difference Interval `json:"difference"`
	// Relative is the handoff's lift over no handoff (rates only).
	Relative *Interval `json:"relative,omitempty"`
	P        float64   `json:"p"`
	Test     string    `json:"test"`
}

// Report is the analysis of one experiment: `starter experiments report` and
// GET /v1/experiments/{name}.
type Report struct {
	Experiment string `json:"experiment"`
	Varies     string `json:"varies"`
	Metric     string `json:"metric"`
	// Better is "higher" or "lower" (transition time).
	Better  string `json:"better"`
	Mode    string `json:"mode"`
	Control string `json:"control"`
	// Unit says what one observation is.
	Unit string `json:"unit"`
	// Design: the declared MDE, the baseline or SD the power calculation used, the sample per
	// variant it asks for (RequiredPerArm), and the Horizon the verdict waits for.
	MDE            float64 `json:"mde"`
	Baseline       float64 `json:"baseline,omitempty"`
	SD             float64 `json:"sd,omitempty"`
	RequiredPerArm int     `json:"required_per_arm"`
	// RequiredObserved is the same calculation with the control's observed rate or standard
	// deviation instead of the declared one (0 until the control has a sample).
	RequiredObserved int            `json:"required_observed,omitempty"`
	Horizon          int            `json:"horizon"`
	Alpha            float64        `json:"alpha"`
	Power            float64        `json:"power"`
	Confidence       float64        `json:"confidence"`
	PeekingGuard     string         `json:"peeking_guard"`
	Arms             []ArmResult    `json:"arms"`
	HoldOut          *HoldOutResult `json:"hold_out,omitempty"`
	// Allocation is a bandit's allocation in force (nil for the declared weights).
	Allocation *Allocation `json:"allocation,omitempty"`
	Status     string      `json:"status"`
	Verdict    string      `json:"verdict"`
	// Handoffs counts the log's handoffs in the experiment.
	Handoffs int      `json:"handoffs"`
	Notes    []string `json:"notes,omitempty"`
}

// Analyze reads the experiment's handoffs (the log's rows whose experiment is e, oldest first)
// and reports each variant's figures against the control, the hold-out's effect, and the
// verdict the design allows at this time. One observation is one conversation: its first
// handoff in the experiment decides its variant (later ones keep it), and its first handoff
// in which the variant was used gives its handoff-level metric; conversion and CSAT are the
// conversation's own. alloc is a bandit's allocation in force (nil: none).
func Analyze(e *Experiment, hs []analytics.Handoff, success analytics.Success, now time.Time, alloc *Allocation) Report {
	if len(success.Outcomes) == 0 {
		success = analytics.DefaultSuccess()
	}
	r := Report{Experiment: e.Name, Varies: e.Varies, Metric: e.Metric, Better: "higher", Mode: e.Mode, Control: e.Control(),
		Unit: "a conversation: its first handoff in the experiment decides its variant", MDE: e.MDE, Baseline: e.Baseline, SD: e.SD,
		Alpha: Alpha, Power: Power, Confidence: Confidence, PeekingGuard: PeekingGuard, Allocation: alloc}
	if e.Metric == MetricTransitionTime {
		r.Better = "lower"
	}
	if e.Mode == ModeBandit {
		r.PeekingGuard = PeekingGuardBandit
	}
	k := len(e.Variants)
	alpha := Alpha
	if k > 2 {
		alpha = Alpha / float64(k-1)
		r.Notes = append(r.Notes, fmt.Sprintf("%d variants against the control: each test is at %.4f (Bonferroni), the intervals at 95 %%", k-1, alpha))
	}
	r.RequiredPerArm = e.required(e.Baseline, e.SD, alpha)
	r.Horizon = e.Horizon
	if r.Horizon == 0 {
		r.Horizon = r.RequiredPerArm
	}
	units := e.units(hs, &r)
	samples := map[string]*sample{}
	for _, v := range e.Variants {
		samples[v.Name] = &sample{}
	}
	held, treated := &sample{}, &sample{}
	for _, u := range units {
		if u.variant == handoff.VariantHeldOut {
			held.add(e.metric(u.first, success))
			continue
		}
		s := samples[u.variant]
		if s == nil {
			continue // a variant since removed from the config
		}
		s.assigned++
		treated.add(e.metric(u.first, success))
		if u.exposed != nil {
			s.exposed++
			s.add(e.metric(*u.exposed, success))
		}
	}
	ctrl := samples[e.Control()]
	if ctrl.n() >= 2 {
		if proportion(e.Metric) {
			r.RequiredObserved = PerArmForRates(ctrl.mean(), e.MDE, alpha, Power)
		} else {
			r.RequiredObserved = PerArmForMeans(math.Sqrt(ctrl.variance()), e.MDE, alpha, Power)
		}
	}
	for i, v := range e.Variants {
		r.Arms = append(r.Arms, e.arm(v.Name, samples[v.Name], ctrl, i == 0, r.Horizon))
	}
	if e.HoldOut > 0 || held.n() > 0 {
		r.HoldOut = e.holdOut(held, treated)
	}
	r.Status, r.Verdict = e.verdict(&r, alpha, now)
	return r
}

// convUnit is one conversation of the experiment.
type convUnit struct {
	variant string
	first   analytics.Handoff
	exposed *analytics.Handoff
}

func (e *Experiment) units(hs []analytics.Handoff, r *Report) []*convUnit {
	byConv := map[string]*convUnit{}
	var order []*convUnit
	for i := range hs {
		h := hs[i]
		if h.Experiment != e.Name || h.Variant == "" {
			continue
		}
		r.Handoffs++
		u := byConv[h.ConversationID]
		if u == nil {
			u = &convUnit{variant: h.Variant, first: h}
			byConv[h.ConversationID] = u
			order = append(order, u)
		}
		if u.exposed == nil && h.Exposed && h.Variant == u.variant {
			u.exposed = &hs[i]
		}
	}
	return order
}

// metric is the unit's value of the primary metric; ok is false when it is not known.
func (e *Experiment) metric(h analytics.Handoff, success analytics.Success) (float64, bool) {
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	switch e.Metric {
	case MetricSuccess:
		if !success.Counts(h) {
			return 0, false
		}
		return b(success.Of(h)), true
	case MetricConversion:
		if h.Late == nil || h.Late.Converted == nil {
			return 0, false
		}
		return b(*h.Late.Converted), true
	case MetricCSAT:
		if h.Late == nil || h.Late.CSAT == nil {
			return 0, false
		}
		return float64(*h.Late.CSAT), true
	case MetricPreservation:
		if h.Preservation == nil {
			return 0, false
		}
		return *h.Preservation, true
	case MetricTransitionTime:
		if h.TransitionMs == nil {
			return 0, false
		}
		return float64(*h.TransitionMs) / 1000, true
	}
	return 0, false
}

// sample is one arm's observations.
type sample struct {
	assigned, exposed int
	values            []float64
}

func (s *sample) add(v float64, ok bool) {
	if ok {
		s.values = append(s.values, v)
	}
}
func (s *sample) n() int { return len(s.values) }
func (s *sample) mean() float64 {
	if len(s.values) == 0 {
		return 0
	}
	return stat.Mean(s.values, nil)
}
func (s *sample) variance() float64 {
	if len(s.values) < 2 {
		return 0
	}
	return stat.Variance(s.values, nil)
}
func (s *sample) successes() int {
	k := 0
	for _, v := range s.values {
		if v == 1 {
			k++
		}
	}
	return k
}

// required is the per-arm sample for the MDE at Power and the test level alpha.
func (e *Experiment) required(baseline, sd, alpha float64) int {
	if proportion(e.Metric) {
		return PerArmForRates(baseline, e.MDE, alpha, Power)
	}
	return PerArmForMeans(sd, e.MDE, alpha, Power)
}

// arm is a variant's figures and its comparison with the control.
func (e *Experiment) arm(name string, s, ctrl *sample, control bool, horizon int) ArmResult {
	a := ArmResult{Variant: name, Assigned: s.assigned, Exposed: s.exposed, N: s.n(), StillNeeded: max(0, horizon-s.n())}
	if proportion(e.Metric) {
		a.Successes = s.successes()
		rate := analytics.NewRate(a.Successes, a.N, 1)
		a.Metric = Interval{rate.Value, rate.Low, rate.High}
		if control || a.N == 0 || ctrl.n() == 0 {
			return a
		}
		c := analytics.NewRate(ctrl.successes(), ctrl.n(), 1)
		d := analytics.NewDifference(rate, c)
		a.Difference = &Interval{d.Value, d.Low, d.High}
		if l := analytics.NewLift(rate, c); c.K > 0 && rate.K > 0 {
			a.Relative = &Interval{l.Value, l.Low, l.High}
		}
		_, p := ZTest(rate.K, rate.N, c.K, c.N)
		a.P, a.Test = &p, "two-proportion z-test (pooled), two-sided; difference: Newcombe's interval; relative: Katz's"
		return a
	}
	m := analytics.NewMean(s.values, 1)
	a.Metric = Interval{m.Value, m.Low, m.High}
	if control || a.N < 2 || ctrl.n() < 2 {
		return a
	}
	d := meanDifference(s.mean(), s.variance(), s.n(), ctrl.mean(), ctrl.variance(), ctrl.n(), Confidence)
	a.Difference = &d
	_, _, p := Welch(s.mean(), s.variance(), s.n(), ctrl.mean(), ctrl.variance(), ctrl.n())
	a.P, a.Test = &p, "Welch's t-test, two-sided, with its interval"
	return a
}

func (e *Experiment) holdOut(held, treated *sample) *HoldOutResult {
	h := &HoldOutResult{HeldOutN: held.n(), TreatedN: treated.n()}
	if proportion(e.Metric) {
		hr, tr := analytics.NewRate(held.successes(), held.n(), 1), analytics.NewRate(treated.successes(), treated.n(), 1)
		h.HeldOut, h.Treated = Interval{hr.Value, hr.Low, hr.High}, Interval{tr.Value, tr.Low, tr.High}
		d := analytics.NewDifference(tr, hr)
		h.Difference = Interval{d.Value, d.Low, d.High}
		if hr.K > 0 && tr.K > 0 {
			l := analytics.NewLift(tr, hr)
			h.Relative = &Interval{l.Value, l.Low, l.High}
		}
		_, h.P = ZTest(tr.K, tr.N, hr.K, hr.N)
		h.Test = "two-proportion z-test (pooled), two-sided, intention to treat; difference: Newcombe's interval; relative: Katz's"
		return h
	}
	hm, tm := analytics.NewMean(held.values, 1), analytics.NewMean(treated.values, 1)
	h.HeldOut, h.Treated = Interval{hm.Value, hm.Low, hm.High}, Interval{tm.Value, tm.Low, tm.High}
	h.Difference = meanDifference(treated.mean(), treated.variance(), treated.n(), held.mean(), held.variance(), held.n(), Confidence)
	_, _, h.P = Welch(treated.mean(), treated.variance(), treated.n(), held.mean(), held.variance(), held.n())
	h.Test = "Welch's t-test, two-sided, intention to treat"
	return h
}

// Evidence is what a bandit learns from: per variant, the conversations in which it was used
// whose metric is known, and how many of them succeeded, counted as Analyze counts them.
func Evidence(e *Experiment, hs []analytics.Handoff, success analytics.Success) []Arm {
	if len(success.Outcomes) == 0 {
		success = analytics.DefaultSuccess()
	}
	var r Report
	arms := make([]Arm, len(e.Variants))
	index := map[string]int{}
	for i, v := range e.Variants {
		arms[i].Variant = v.Name
		index[v.Name] = i
	}
	for _, u := range e.units(hs, &r) {
		i, ok := index[u.variant]
		if !ok || u.exposed == nil {
			continue
		}
		if v, known := e.metric(*u.exposed, success); known {
			arms[i].Trials++
			if v == 1 {
				arms[i].Successes++
			}
		}
	}
	return arms
}
