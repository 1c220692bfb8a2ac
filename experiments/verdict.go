package experiments

import (
	"fmt"
	"strings"
	"time"
)

// ProbBestToDecide is the posterior probability at which a bandit's report names a variant the
// best.
const ProbBestToDecide = 0.95

// verdict is the report's status and the one sentence the design allows now.
func (e *Experiment) verdict(r *Report, alpha float64, now time.Time) (string, string) {
	if e.Mode == ModeBandit {
		return StatusAdaptive, e.banditVerdict(r)
	}
	if len(r.Arms) == 1 && r.HoldOut != nil {
		return e.holdOutVerdict(r, now)
	}
	fewest := r.Arms[0]
	for _, a := range r.Arms {
		if a.N < fewest.N {
			fewest = a
		}
	}
	prefix := ""
	if fewest.N < r.Horizon {
		if !e.Stopped(now) {
			return StatusInterim, fmt.Sprintf("interim look: no verdict until every variant has %d conversations with the metric (fewest: %s with %d, %d to go)",
				r.Horizon, fewest.Variant, fewest.N, r.Horizon-fewest.N)
		}
		prefix = fmt.Sprintf("stopped before the horizon (%s has %d of %d), so underpowered: ", fewest.Variant, fewest.N, r.Horizon)
	}
	var found []string
	for _, a := range r.Arms[1:] {
		if a.P == nil || a.Difference == nil {
			found = append(found, fmt.Sprintf("%s cannot be compared (no observations)", a.Variant))
			continue
		}
		d := a.Difference
		better := d.Value > 0
		if r.Better == "lower" {
			better = d.Value < 0
		}
		word := "better"
		if !better {
			word = "worse"
		}
		if *a.P < alpha {
			found = append(found, fmt.Sprintf("%s is %s than %s: %s, p = %s", a.Variant, word, r.Control, r.span(*d), pval(*a.P)))
		} else {
			found = append(found, fmt.Sprintf("no difference of the declared size found between %s and %s: %s, p = %s",
				a.Variant, r.Control, r.span(*d), pval(*a.P)))
		}
	}
	return StatusComplete, prefix + strings.Join(found, "; ")
}

func (e *Experiment) banditVerdict(r *Report) string {
	arms := make([]Arm, len(r.Arms))
	for i, a := range r.Arms {
		arms[i] = Arm{Variant: a.Variant, Trials: a.N, Successes: a.Successes}
	}
	best, _ := Thompson(e.Name+"\x00report", arms, 0)
	top := r.Arms[0].Variant
	for i := range r.Arms {
		p := best[r.Arms[i].Variant]
		r.Arms[i].ProbBest = &p
		if p > best[top] {
			top = r.Arms[i].Variant
		}
	}
	if best[top] >= ProbBestToDecide {
		return fmt.Sprintf("%s is the best variant with probability %.3f (the posterior of Thompson sampling over %s)", top, best[top], e.Metric)
	}
	return fmt.Sprintf("no variant is the best with probability %.2f yet: %s leads with %.3f", ProbBestToDecide, top, best[top])
}

func pval(p float64) string {
	if p < 0.0001 {
		return "< 0.0001"
	}
	return fmt.Sprintf("%.4f", p)
}

// holdOutVerdict reads an experiment whose only question is the hold-out's: what a handoff
// adds over keeping the conversation with its source. The same horizon applies to both sides.
func (e *Experiment) holdOutVerdict(r *Report, now time.Time) (string, string) {
	h := r.HoldOut
	fewest, n := "held out", h.HeldOutN
	if h.TreatedN < n {
		fewest, n = "handed off", h.TreatedN
	}
	prefix := ""
	if n < r.Horizon {
		if !e.Stopped(now) {
			return StatusInterim, fmt.Sprintf("interim look: no verdict until the held-out and the handed-off conversations each number %d (fewest: %s with %d, %d to go)",
				r.Horizon, fewest, n, r.Horizon-n)
		}
		prefix = fmt.Sprintf("stopped before the horizon (%s has %d of %d), so underpowered: ", fewest, n, r.Horizon)
	}
	if h.P < Alpha {
		word := "more"
		if h.Difference.Value < 0 {
			word = "less"
		}
		return StatusComplete, prefix + fmt.Sprintf("a handoff brings %s %s than none: %s, p = %s", word, e.Metric, r.span(h.Difference), pval(h.P))
	}
	return StatusComplete, prefix + fmt.Sprintf("no difference of the declared size found between a handoff and none: %s, p = %s", r.span(h.Difference), pval(h.P))
}
