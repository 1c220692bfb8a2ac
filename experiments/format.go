package experiments

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// WriteText prints a report for a terminal.
func WriteText(w io.Writer, r Report) error {
	fmt.Fprintf(w, "Experiment %s: varies %s, primary metric %s (%s is better), mode %s, control %s.\n",
		r.Experiment, r.Varies, r.Metric, r.Better, r.Mode, r.Control)
	base := fmt.Sprintf("a baseline of %s", r.value(r.Baseline))
	if r.SD > 0 {
		base = fmt.Sprintf("a standard deviation of %.3g", r.SD)
	}
	fmt.Fprintf(w, "Design: MDE %s from %s needs %d conversations per variant for %.0f %% power at α %.2f (two-sided); horizon %d per variant.",
		r.delta(r.MDE), base, r.RequiredPerArm, r.Power*100, r.Alpha, r.Horizon)
	if r.RequiredObserved > 0 {
		fmt.Fprintf(w, " With the control's observed figure: %d.", r.RequiredObserved)
	}
	fmt.Fprintf(w, "\nPeeking guard: %s.\nUnit: %s; %d handoffs in the log.\n\n", r.PeekingGuard, r.Unit, r.Handoffs)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header := fmt.Sprintf("variant\tassigned\texposed\tn\t%s (95%% CI)\tvs %s (95%% CI)\trelative\tp\tstill needed", r.Metric, r.Control)
	if r.Mode == ModeBandit {
		header += "\tP(best)\tallocation"
	}
	fmt.Fprintln(tw, header)
	for _, a := range r.Arms {
		name := a.Variant
		if name == r.Control {
			name += " (control)"
		}
		diff, rel, p := "-", "-", "-"
		if a.Difference != nil {
			diff = r.span(*a.Difference)
		}
		if a.Relative != nil {
			rel = fmt.Sprintf("%+.0f%% (%+.0f to %+.0f)", a.Relative.Value*100, a.Relative.Low*100, a.Relative.High*100)
		}
		if a.P != nil {
			p = pval(*a.P)
		}
		line := fmt.Sprintf("%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%d", name, a.Assigned, a.Exposed, a.N, r.ci(a.Metric, a.N), diff, rel, p, a.StillNeeded)
		if r.Mode == ModeBandit {
			pb, share := "-", "-"
			if a.ProbBest != nil {
				pb = fmt.Sprintf("%.3f", *a.ProbBest)
			}
			if r.Allocation != nil {
				share = fmt.Sprintf("%.1f%%", r.Allocation.Weights[a.Variant]*100)
			}
			line += "\t" + pb + "\t" + share
		}
		fmt.Fprintln(tw, line)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if h := r.HoldOut; h != nil {
		fmt.Fprintf(w, "\nHold-out (intention to treat): held out %s n=%d; assigned a handoff %s n=%d; difference %s",
			r.ci(h.HeldOut, h.HeldOutN), h.HeldOutN, r.ci(h.Treated, h.TreatedN), h.TreatedN, r.span(h.Difference))
		if h.Relative != nil {
			fmt.Fprintf(w, ", relative %+.0f%% (%+.0f to %+.0f)", h.Relative.Value*100, h.Relative.Low*100, h.Relative.High*100)
		}
		fmt.Fprintf(w, ", p = %s (%s).\n", pval(h.P), h.Test)
	}
	if a := r.Allocation; a != nil {
		fmt.Fprintf(w, "\nAllocation in force: %s (version %s, from", shares(a.Weights), a.Version)
		for _, arm := range a.Arms {
			fmt.Fprintf(w, " %s %d/%d", arm.Variant, arm.Successes, arm.Trials)
		}
		fmt.Fprintln(w, ").")
	}
	for _, a := range r.Arms {
		if a.Test != "" {
			fmt.Fprintf(w, "\nTest: %s.", a.Test)
			break
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "\nNote: %s.", n)
	}
	fmt.Fprintf(w, "\n\nStatus: %s. Verdict: %s.\n", r.Status, r.Verdict)
	return nil
}

// value prints a level of the metric.
func (r Report) value(v float64) string {
	if r.Metric == MetricSuccess || r.Metric == MetricConversion {
		return fmt.Sprintf("%.1f %%", v*100)
	}
	return fmt.Sprintf("%.3g", v)
}

// delta prints a difference of the metric.
func (r Report) delta(v float64) string {
	switch r.Metric {
	case MetricSuccess, MetricConversion:
		return fmt.Sprintf("%.1f points", v*100)
	case MetricTransitionTime:
		return fmt.Sprintf("%.2f s", v)
	}
	return fmt.Sprintf("%.3g", v)
}

func (r Report) ci(i Interval, n int) string {
	if n == 0 {
		return "-"
	}
	if r.Metric == MetricSuccess || r.Metric == MetricConversion {
		return fmt.Sprintf("%.1f%% (%.1f-%.1f)", i.Value*100, i.Low*100, i.High*100)
	}
	return fmt.Sprintf("%.3f (%.3f-%.3f)", i.Value, i.Low, i.High)
}

func (r Report) span(i Interval) string {
	if r.Metric == MetricSuccess || r.Metric == MetricConversion {
		return fmt.Sprintf("%+.1f (%+.1f to %+.1f) points", i.Value*100, i.Low*100, i.High*100)
	}
	return fmt.Sprintf("%+.3f (%+.3f to %+.3f)", i.Value, i.Low, i.High)
}

func shares(w map[string]float64) string {
	names := make([]string, 0, len(w))
	for n := range w {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %.1f%%", n, w[n]*100)
	}
	return strings.Join(parts, ", ")
}
