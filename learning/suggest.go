package learning

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/decision"
)

// Kinds of candidate edit.
const (
	// EditThreshold raises (or lowers) a numeric threshold of the rule, leaving out the band
	// of its handoffs that did worst.
	EditThreshold = "threshold"
	// EditFrom narrows the rule's sources, leaving out the one whose handoffs did worst.
	EditFrom = "from"
)

// Suggestion is a candidate edit of an underperforming rule, with the evidence for it.
type Suggestion struct {
	Kind string `json:"kind"`
	// Edit is the change in the config's words, e.g. `property_value: "> 1M" -> "> 1.5M"`.
	Edit string `json:"edit"`
	// Left and Kept are the success of the rule's handoffs the edit leaves out and keeps.
	Left     analytics.Rate `json:"left_out"`
	Kept     analytics.Rate `json:"kept"`
	Evidence string         `json:"evidence"`
}

// Finding is a rule whose handoffs succeed less than the rest, with candidate edits.
type Finding struct {
	Rule        string         `json:"rule"`
	Target      string         `json:"target"`
	Success     analytics.Rate `json:"success"`
	Others      analytics.Rate `json:"others"`
	Suggestions []Suggestion   `json:"suggestions"`
}

// SuggestReport is `starter rules suggest`.
type SuggestReport struct {
	Handoffs  int       `json:"handoffs"`
	MinSample int       `json:"min_sample"`
	Success   string    `json:"success_definition"`
	Findings  []Finding `json:"findings"`
}

// Suggest finds the rules whose handoffs underperform: past the minimum sample, with the 95 %
// interval of their success wholly below the success of every other rule's handoffs. For each
// it proposes edits the log supports: a threshold moved past the band of handoffs that did
// worst (from the decision inputs the log keeps), or a source left out. An edit is proposed
// only when what it leaves out did clearly worse than the rest (intervals apart) and what it
// keeps is not clearly worse than the other rules: evidence, not proof; `starter whatif`
// shows where the left-out handoffs would go.
func Suggest(rules []decision.RuleInfo, hs []analytics.Handoff, success analytics.Success, minSample int) SuggestReport {
	if len(success.Outcomes) == 0 {
		success = analytics.DefaultSuccess()
	}
	minSample = max(minSample, 1)
	r := SuggestReport{MinSample: minSample, Success: success.String()}
	byRule := map[string][]*analytics.Handoff{}
	for i := range hs {
		h := &hs[i]
		if !success.Counts(*h) || h.Rule == "" {
			continue
		}
		r.Handoffs++
		byRule[h.Rule] = append(byRule[h.Rule], h)
	}
	for _, rule := range rules {
		mine := byRule[rule.Name]
		if len(mine) < minSample {
			continue
		}
		var others []*analytics.Handoff
		for name, rows := range byRule {
			if name != rule.Name {
				others = append(others, rows...)
			}
		}
		f := Finding{Rule: rule.Name, Target: rule.Target, Success: rate(mine, success, minSample), Others: rate(others, success, minSample)}
		if f.Others.N == 0 || f.Success.High >= f.Others.Value {
			continue
		}
		for _, t := range rule.Thresholds {
			if s, ok := thresholdEdit(t, mine, f.Others, success, minSample); ok {
				f.Suggestions = append(f.Suggestions, s)
			}
		}
		if s, ok := fromEdit(rule, mine, f.Others, success, minSample); ok {
			f.Suggestions = append(f.Suggestions, s)
		}
		r.Findings = append(r.Findings, f)
	}
	sort.SliceStable(r.Findings, func(i, j int) bool { return r.Findings[i].Success.Value < r.Findings[j].Success.Value })
	return r
}

func rate(hs []*analytics.Handoff, success analytics.Success, minSample int) analytics.Rate {
	k := 0
	for _, h := range hs {
		if success.Of(*h) {
			k++
		}
	}
	return analytics.NewRate(k, len(hs), minSample)
}

// thresholdEdit tries moving a numeric threshold to the quartiles of the values the rule's
// handoffs had, and proposes the move whose left-out band did clearly worst.
func thresholdEdit(t decision.Threshold, mine []*analytics.Handoff, others analytics.Rate, success analytics.Success, minSample int) (Suggestion, bool) {
	raise := t.Op == ">" || t.Op == ">="
	if !raise && t.Op != "<" && t.Op != "<=" {
		return Suggestion{}, false
	}
	type row struct {
		v float64
		h *analytics.Handoff
	}
	var rows []row
	for _, h := range mine {
		if v, ok := h.Signals[t.Signal].(float64); ok {
			rows = append(rows, row{v, h})
		}
	}
	band := max(minSample/2, 10)
	if len(rows) < 2*band {
		return Suggestion{}, false
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].v < rows[j].v })
	var best Suggestion
	found := false
	for _, q := range []float64{0.25, 0.5, 0.75} {
		cut := rows[int(q*float64(len(rows)))].v
		var left, kept []*analytics.Handoff
		for _, r := range rows {
			if (raise && r.v <= cut) || (!raise && r.v >= cut) {
				left = append(left, r.h)
			} else {
				kept = append(kept, r.h)
			}
		}
		if len(left) < band || len(kept) < band {
			continue
		}
		l, k := rate(left, success, minSample), rate(kept, success, minSample)
		if l.High >= k.Low || k.High < others.Value {
			continue
		}
		if found && k.Value-l.Value <= best.Kept.Value-best.Left.Value {
			continue
		}
		op := ">"
		if !raise {
			op = "<"
		}
		best = Suggestion{Kind: EditThreshold, Left: l, Kept: k,
			Edit: fmt.Sprintf("%s: %q -> %q", t.Signal, t.Op+" "+t.Written, op+" "+Number(cut)),
			Evidence: fmt.Sprintf("its %d handoffs with %s %s %s succeeded %.1f %% (%.1f-%.1f); the %d above it %.1f %% (%.1f-%.1f); the other rules' %.1f %%",
				len(left), t.Signal, map[bool]string{true: "up to", false: "from"}[raise], Number(cut), l.Value*100, l.Low*100, l.High*100,
				len(kept), k.Value*100, k.Low*100, k.High*100, others.Value*100)}
		if !raise {
			best.Evidence = strings.Replace(best.Evidence, "above it", "below it", 1)
		}
		found = true
	}
	return best, found
}

// fromEdit proposes leaving out the rule's worst source when its handoffs did clearly worse
// than the rule's others and those are not clearly worse than the other rules.
func fromEdit(rule decision.RuleInfo, mine []*analytics.Handoff, others analytics.Rate, success analytics.Success, minSample int) (Suggestion, bool) {
	bySource := map[string][]*analytics.Handoff{}
	for _, h := range mine {
		bySource[h.Source] = append(bySource[h.Source], h)
	}
	if len(bySource) < 2 {
		return Suggestion{}, false
	}
	band := max(minSample/2, 10)
	worst, worstRate := "", analytics.Rate{Value: math.Inf(1)}
	for src, rows := range bySource {
		if r := rate(rows, success, minSample); len(rows) >= band && (r.Value < worstRate.Value || r.Value == worstRate.Value && src < worst) {
			worst, worstRate = src, r
		}
	}
	if worst == "" {
		return Suggestion{}, false
	}
	var kept []*analytics.Handoff
	var keep []string
	for src, rows := range bySource {
		if src != worst {
			kept = append(kept, rows...)
			keep = append(keep, src)
		}
	}
	slices.Sort(keep)
	k := rate(kept, success, minSample)
	if len(kept) < band || worstRate.High >= k.Low || k.High < others.Value {
		return Suggestion{}, false
	}
	was := "any source"
	if len(rule.From) > 0 {
		was = "[" + strings.Join(rule.From, ", ") + "]"
	}
	return Suggestion{Kind: EditFrom, Left: worstRate, Kept: k,
		Edit: fmt.Sprintf("from: %s -> [%s]", was, strings.Join(keep, ", ")),
		Evidence: fmt.Sprintf("its %d handoffs from %s succeeded %.1f %% (%.1f-%.1f); those from the others %.1f %% (%.1f-%.1f) n=%d",
			worstRate.N, worst, worstRate.Value*100, worstRate.Low*100, worstRate.High*100, k.Value*100, k.Low*100, k.High*100, k.N)}, true
}

// Number writes a threshold the way the config's shorthand does: 1.5M, 750K, 0.85.
func Number(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1e6 && math.Mod(v, 1e4) == 0:
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + "M"
	case a >= 1e3 && math.Mod(v, 10) == 0:
		return strconv.FormatFloat(v/1e3, 'f', -1, 64) + "K"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
