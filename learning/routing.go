// Package learning reads the handoff log for what the rules and the ranking could do better: a
// bounded, explained term for candidate ranking from how each (source, target, scenario)'s
// handoffs went (learned routing, off by default), and the rules and thresholds whose handoffs
// underperform, with a candidate edit and the evidence (rules suggest). It is pure: the store
// reads the rows, this package computes, and nothing here decides on its own; learned routing
// only breaks ties that skills leave, and a suggestion is checked with `starter whatif`.
package learning

import (
	"fmt"
	"math"

	"github.com/handoffhq/orchestrator/analytics"
)

// Key is a source, a target agent and a scenario.
type Key struct {
	Source, Target, Scenario string
}

// Table is what learned routing knows: each (source, target, scenario)'s success, and that of
// every target of the (source, scenario) together.
type Table struct {
	rates     map[Key]analytics.Rate
	pooled    map[Key]analytics.Rate // Target empty
	minSample int
	maxTerm   float64
	// Handoffs counts the rows learned from.
	Handoffs int
}

// Learn builds the table from the log's handoffs. A handoff counts for the target that took it
// or was last tried, under the success definition; handoffs that were not tried (no handoff,
// held out) do not count.
func Learn(hs []analytics.Handoff, success analytics.Success, minSample int, maxTerm float64) *Table {
	if len(success.Outcomes) == 0 {
		success = analytics.DefaultSuccess()
	}
	type tally struct{ k, n int }
	per, pool := map[Key]*tally{}, map[Key]*tally{}
	bump := func(m map[Key]*tally, k Key, ok bool) {
		if m[k] == nil {
			m[k] = &tally{}
		}
		m[k].n++
		if ok {
			m[k].k++
		}
	}
	t := &Table{rates: map[Key]analytics.Rate{}, pooled: map[Key]analytics.Rate{}, minSample: max(minSample, 1), maxTerm: maxTerm}
	for i := range hs {
		h := &hs[i]
		if !success.Counts(*h) || h.Target == "" {
			continue
		}
		t.Handoffs++
		ok := success.Of(*h)
		bump(per, Key{h.Source, h.Target, h.Scenario}, ok)
		bump(pool, Key{h.Source, "", h.Scenario}, ok)
	}
	for k, v := range per {
		t.rates[k] = analytics.NewRate(v.k, v.n, t.minSample)
	}
	for k, v := range pool {
		t.pooled[k] = analytics.NewRate(v.k, v.n, t.minSample)
	}
	return t
}

// Term is the target's ranking term for a handoff from source in scenario, and why. It is not
// zero only past the minimum sample and when the target's 95 % interval lies wholly above or
// below the success of all the (source, scenario)'s targets together; it is that difference,
// bounded by the table's maximum, rounded to hundredths. Ranking puts it after skills, so it
// only orders people and bots that skills rank alike.
func (t *Table) Term(source, target, scenario string) (float64, string) {
	if t == nil {
		return 0, ""
	}
	r, ok := t.rates[Key{source, target, scenario}]
	if !ok || r.N < t.minSample {
		return 0, ""
	}
	p := t.pooled[Key{source, "", scenario}]
	var term float64
	switch {
	case r.Low > p.Value:
		term = math.Min(r.Value-p.Value, t.maxTerm)
	case r.High < p.Value:
		term = math.Max(r.Value-p.Value, -t.maxTerm)
	default:
		return 0, ""
	}
	term = math.Round(term*100) / 100
	if term == 0 {
		return 0, ""
	}
	return term, fmt.Sprintf("learned: %.1f %% success (%.1f-%.1f) over %d handoffs from %s in %s, against %.1f %% for all its targets: %+.2f (bounded at %.2f)",
		r.Value*100, r.Low*100, r.High*100, r.N, source, scenarioName(scenario), p.Value*100, term, t.maxTerm)
}

func scenarioName(s string) string {
	if s == "" {
		return "no scenario"
	}
	return s
}
