package analytics

import "fmt"

// Verdicts of a target.
const (
	Met           = "met"
	Missed        = "missed"
	NotEnoughData = "not enough data"
)

// Target is one of the seed's targets: a measure of the report, a threshold, and which side
// of it is good.
type Target struct {
	Name    string `json:"name"`
	Measure string `json:"measure"`
	// Above: the figure must exceed Threshold (else stay under it).
	Above     bool    `json:"above"`
	Threshold float64 `json:"threshold"`
	// Unit formats the figures: "%" (a share), "ms" or "" (a lift, shown as a percentage).
	Unit string `json:"unit"`
}

// SeedTargets are the real-estate seed's four: success above 95 %, context preservation above
// 98 %, transition under 30 s, conversion 15 % above conversations with no handoff. The
// transition is judged at its 90th percentile: "under 30 s" for nine handoffs in ten, as a
// median would hide the slow tail a waiting customer feels.
func SeedTargets() []Target {
	return []Target{
		{Name: "success > 95 %", Measure: "success", Above: true, Threshold: 0.95, Unit: "%"},
		{Name: "context preservation > 98 %", Measure: "preservation", Above: true, Threshold: 0.98, Unit: "%"},
		{Name: "transition < 30 s (p90)", Measure: "transition_p90", Above: false, Threshold: 30000, Unit: "ms"},
		{Name: "conversion +15 % vs no handoff", Measure: "conversion_lift", Above: true, Threshold: 0.15, Unit: "lift"},
	}
}

// TargetResult is a target judged on a report: its figure, the interval, and the verdict. A
// target is met only when the whole interval is on the good side, missed when the whole
// interval is on the bad side; otherwise the data cannot tell yet.
type TargetResult struct {
	Target
	Value   float64 `json:"value"`
	Low     float64 `json:"low"`
	High    float64 `json:"high"`
	N       int     `json:"n"`
	Verdict string  `json:"verdict"`
	Why     string  `json:"why"`
}

// JudgeTargets judges each target on the report's totals.
func JudgeTargets(r Report, targets []Target) []TargetResult {
	out := make([]TargetResult, 0, len(targets))
	for _, t := range targets {
		res := TargetResult{Target: t}
		enough := false
		// why is the reason a sample that is large enough still cannot be judged.
		why := ""
		switch t.Measure {
		case "success":
			s := r.Total.Success
			res.Value, res.Low, res.High, res.N, enough = s.Value, s.Low, s.High, s.N, s.Enough
		case "preservation":
			p := r.Total.Preservation
			res.Value, res.Low, res.High, res.N, enough = p.Value, p.Low, p.High, p.N, p.Enough
		case "transition_p90":
			q := r.Total.TransitionP90
			res.Value, res.Low, res.High, res.N, enough = q.Value, q.Low, q.High, q.N, q.Bounded && q.N >= r.MinSample
			if !q.Bounded {
				why = "too few transitions for the 90th percentile's interval to have an upper bound"
			}
		case "conversion_lift":
			l := r.Conversion.Lift
			res.Value, res.Low, res.High, enough = l.Value, l.Low, l.High, l.Enough
			res.N = r.Conversion.AfterHandoff.N + r.Conversion.Baseline.N
			if a, b := r.Conversion.AfterHandoff, r.Conversion.Baseline; a.N >= r.MinSample && b.N >= r.MinSample && (a.K == 0 || b.K == 0) {
				why = "no conversions on one side: a lift has no interval"
			}
		}
		res.Verdict, res.Why = judge(t, res, enough, r.MinSample)
		if !enough && why != "" && res.N >= r.MinSample {
			res.Why = why
		}
		out = append(out, res)
	}
	return out
}

func judge(t Target, r TargetResult, enough bool, minN int) (string, string) {
	if !enough {
		return NotEnoughData, fmt.Sprintf("sample of %d under the %d needed", r.N, minN)
	}
	good := func(v float64) bool {
		if t.Above {
			return v > t.Threshold
		}
		return v < t.Threshold
	}
	switch {
	case good(r.Low) && good(r.High):
		return Met, "the whole 95 % interval is on the target's side"
	case !good(r.Low) && !good(r.High):
		return Missed, "the whole 95 % interval misses the target"
	}
	return NotEnoughData, "the 95 % interval spans the target"
}
