package bench

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/handoffhq/orchestrator/experiments"
)

// checks compares what the reports say with what was planted and what the design promises.
func (s *expSim) checks(r ExpResult, horizon int) []ExpCheck {
	var out []ExpCheck
	add := func(ok bool, what, got string) { out = append(out, ExpCheck{What: what, Got: got, OK: ok}) }

	// The peeking guard: every look before the horizon withheld the verdict; the first at it
	// gave one, finding the better variant.
	first := -1
	for i, l := range r.Looks {
		if l.N[varControl] >= horizon && l.N[varBetter] >= horizon {
			first = i
			break
		}
		if l.Status != experiments.StatusInterim {
			add(false, "A/B: no verdict before the horizon", fmt.Sprintf("look %d (%v) read %s", i, l.N, l.Status))
		}
	}
	if first >= 0 {
		add(true, "A/B: no verdict before the horizon", fmt.Sprintf("%d looks before it, all interim", first))
	} else {
		add(false, "A/B: no verdict before the horizon", fmt.Sprintf("the horizon was not reached (%d looks, all interim)", len(r.Looks)))
	}
	found := strings.HasPrefix(r.AB.Verdict, varBetter+" is better than "+varControl)
	add(r.AB.Status == experiments.StatusComplete && found, fmt.Sprintf("A/B: %s found better at the predicted sample (%d per variant)", varBetter, horizon),
		fmt.Sprintf("%s: %s", r.AB.Status, r.AB.Verdict))
	add(s.exact(expAB, r.AB), "A/B: the report counts exactly the conversions planted", s.counted(expAB, r.AB))

	n := len(s.variants[expBandit])
	from := max(n-s.o.BanditJudged, 0)
	better := 0
	for _, v := range s.variants[expBandit][from:] {
		if v == varBetter {
			better++
		}
	}
	share := float64(better) / float64(max(n-from, 1))
	add(share >= 0.8, fmt.Sprintf("bandit: at least 80 %% of conversations %d-%d on %s", from+1, n, varBetter),
		fmt.Sprintf("%.1f %% (%d of %d)", share*100, better, n-from))
	add(s.exact(expBandit, r.Bandit), "bandit: the report counts exactly the conversions planted", s.counted(expBandit, r.Bandit))

	h := r.HoldOut.HoldOut
	lift, rel := s.o.Truth.HandedOff-s.o.Truth.HeldOut, s.o.Truth.HandedOff/s.o.Truth.HeldOut-1
	add(h != nil && h.Difference.Contains(lift), fmt.Sprintf("hold-out: the planted lift %+.1f points inside its 95 %% interval", lift*100),
		fmt.Sprintf("%+.1f (%+.1f to %+.1f) points", h.Difference.Value*100, h.Difference.Low*100, h.Difference.High*100))
	if h != nil && h.Relative != nil {
		add(h.Relative.Contains(rel), fmt.Sprintf("hold-out: the planted relative lift %+.0f %% inside its 95 %% interval", rel*100),
			fmt.Sprintf("%+.0f %% (%+.0f to %+.0f)", h.Relative.Value*100, h.Relative.Low*100, h.Relative.High*100))
	}
	t := s.planted[expHoldOut]
	held, treated := tallyOf(t, "held_out"), tallyOf(t, varControl)
	add(h != nil && h.HeldOutN == held.N && h.TreatedN == treated.N, "hold-out: the report counts exactly the conversations planted",
		fmt.Sprintf("held out %d = %d, handed off %d = %d", held.N, hn(h, true), treated.N, hn(h, false)))
	return out
}

func tallyOf(m map[string]*tally, k string) tally {
	if t := m[k]; t != nil {
		return *t
	}
	return tally{}
}

func hn(h *experiments.HoldOutResult, held bool) int {
	switch {
	case h == nil:
		return 0
	case held:
		return h.HeldOutN
	}
	return h.TreatedN
}

// exact reports whether the report's arms count what the simulator planted.
func (s *expSim) exact(exp string, r experiments.Report) bool {
	for _, a := range r.Arms {
		t := tallyOf(s.planted[exp], a.Variant)
		if a.N != t.N || a.Successes != t.K {
			return false
		}
	}
	return len(r.Arms) > 0
}

func (s *expSim) counted(exp string, r experiments.Report) string {
	var parts []string
	for _, a := range r.Arms {
		t := tallyOf(s.planted[exp], a.Variant)
		parts = append(parts, fmt.Sprintf("%s planted %d/%d, counted %d/%d", a.Variant, t.K, t.N, a.Successes, a.N))
	}
	return strings.Join(parts, "; ")
}

func (s *expSim) print(w io.Writer, r ExpResult, horizon int) {
	t := s.o.Truth
	fmt.Fprintf(w, "Simulated %d A/B, %d bandit and %d hold-out conversations through the workflow in %s (seed %d, %d errors).\n",
		r.ABConversations, len(s.variants[expBandit]), len(s.variants[expHoldOut]), r.Elapsed.Round(time.Second), s.o.Seed, r.Failed)
	fmt.Fprintf(w, "Planted conversion: %.0f %% after the rule's preparation script (%s), %.0f %% after %s's; %.0f %% handed off, %.0f %% held out.\n\n",
		t.Control*100, varControl, t.Better*100, varBetter, t.HandedOff*100, t.HeldOut*100)

	fmt.Fprintf(w, "== A/B test %s: looks while it ran (the power calculation asks %d per variant) ==\n", expAB, horizon)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s n\t%s n\tdifference (95%% CI)\tp\tstatus\n", varControl, varBetter)
	for _, l := range r.Looks {
		diff, p := "-", "-"
		if l.Difference != nil {
			diff = fmt.Sprintf("%+.1f (%+.1f to %+.1f) points", l.Difference.Value*100, l.Difference.Low*100, l.Difference.High*100)
		}
		if l.P != nil {
			p = fmt.Sprintf("%.4f", *l.P)
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\n", l.N[varControl], l.N[varBetter], diff, p, l.Status)
	}
	_ = tw.Flush()
	fmt.Fprintln(w)
	_ = experiments.WriteText(w, r.AB)

	fmt.Fprintf(w, "\n== Bandit %s: conversations by hundreds, allocation recomputed every %s by the Schedule ==\n", expBandit, s.o.AllocationEvery)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "conversations\tto %s\t%s's share in force at the last\n", varBetter, varBetter)
	for _, b := range r.Blocks {
		fmt.Fprintf(tw, "%d-%d\t%.0f %%\t%.1f %%\n", b.From+1, b.To, 100*float64(b.Better)/float64(max(b.To-b.From, 1)), b.Share*100)
	}
	_ = tw.Flush()
	fmt.Fprintln(w)
	_ = experiments.WriteText(w, r.Bandit)

	fmt.Fprintf(w, "\n== Hold-out %s ==\n", expHoldOut)
	_ = experiments.WriteText(w, r.HoldOut)

	fmt.Fprintln(w, "\nChecks:")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range r.Checks {
		mark := "yes"
		if !c.OK {
			mark = "NO"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", c.What, mark, c.Got)
	}
	_ = tw.Flush()
}
