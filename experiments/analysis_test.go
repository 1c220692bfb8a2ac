package experiments

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/handoff"
)

var now = time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)

func ptr[T any](v T) *T { return &v }

// rows makes n conversations of a variant, k of them converted, each with one exposed handoff.
func rows(variant string, n, k int, exposed bool) []analytics.Handoff {
	out := make([]analytics.Handoff, n)
	for i := range out {
		out[i] = analytics.Handoff{HandoffID: fmt.Sprintf("h-%s-%d", variant, i), ConversationID: fmt.Sprintf("c-%s-%d", variant, i),
			Outcome: "completed", Experiment: "prep", Variant: variant, Exposed: exposed, StartedAt: now.Add(time.Duration(i) * time.Second),
			Late: &analytics.Outcome{Converted: ptr(i < k)}}
		if variant == handoff.VariantHeldOut {
			out[i].Outcome = "held_out"
		}
	}
	return out
}

func concat(parts ...[]analytics.Handoff) []analytics.Handoff {
	var out []analytics.Handoff
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// Before the horizon the report shows the figures and withholds the verdict, even when an
// early look would read "significant": that is the peeking guard.
func TestAnalyzeWithholdsTheVerdictBeforeTheHorizon(t *testing.T) {
	e := mustCompile(t, prepSpec()).Get("prep")
	r := Analyze(e, concat(rows("a", 200, 60, true), rows("b", 200, 110, true)), analytics.Success{}, now, nil)
	if r.RequiredPerArm != 356 || r.Horizon != 356 || r.Status != StatusInterim || !strings.Contains(r.Verdict, "no verdict until every variant has 356") {
		t.Fatalf("required %d horizon %d status %s verdict %q", r.RequiredPerArm, r.Horizon, r.Status, r.Verdict)
	}
	if b := r.Arms[1]; b.N != 200 || b.StillNeeded != 156 || b.P == nil || *b.P > 0.001 {
		t.Fatalf("arm b %+v: the early look is significant, and its figures are shown", b)
	}
	// Stopped before the horizon: a verdict, marked underpowered.
	s := prepSpec()
	s.Stop = "2026-03-10"
	e = mustCompile(t, s).Get("prep")
	r = Analyze(e, concat(rows("a", 200, 60, true), rows("b", 200, 110, true)), analytics.Success{}, now, nil)
	if r.Status != StatusComplete || !strings.HasPrefix(r.Verdict, "stopped before the horizon") || !strings.Contains(r.Verdict, "b is better than a") {
		t.Errorf("stopped early: %s %q", r.Status, r.Verdict)
	}
}

func TestAnalyzeAtTheHorizon(t *testing.T) {
	e := mustCompile(t, prepSpec()).Get("prep")
	// 30 % against 40 %, and conversations that never saw their variant, which must not count.
	hs := concat(rows("a", 360, 108, true), rows("b", 360, 144, true), rows("b", 50, 50, false))
	for i := range hs[720:] {
		hs[720+i].ConversationID += "-unexposed"
	}
	// A conversation's second handoff (another run) keeps its cohort and is not a second unit.
	second := hs[0]
	second.HandoffID, second.Variant, second.StartedAt = "h-again", "b", now.Add(time.Hour)
	hs = append(hs, second)
	r := Analyze(e, hs, analytics.Success{}, now, nil)
	a, b := r.Arms[0], r.Arms[1]
	if a.N != 360 || a.Assigned != 360 || b.N != 360 || b.Assigned != 410 || b.Exposed != 360 || r.Handoffs != 771 {
		t.Fatalf("a %+v b %+v handoffs %d", a, b, r.Handoffs)
	}
	if math.Abs(a.Metric.Value-0.30) > 1e-9 || math.Abs(b.Metric.Value-0.40) > 1e-9 {
		t.Fatalf("rates %v %v", a.Metric, b.Metric)
	}
	if b.Difference == nil || !b.Difference.Contains(0.10) || b.Difference.Low <= 0 || b.Relative == nil || !b.Relative.Contains(1.0/3) {
		t.Fatalf("difference %+v relative %+v", b.Difference, b.Relative)
	}
	if r.Status != StatusComplete || !strings.Contains(r.Verdict, "b is better than a: +10.0 (+3.0 to +16.8) points, p = 0.0049") {
		t.Errorf("verdict %s %q", r.Status, r.Verdict)
	}
	if r.RequiredObserved != 356 {
		t.Errorf("required with the observed control: %d", r.RequiredObserved)
	}
	var text strings.Builder
	if err := WriteText(&text, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"horizon 356 per variant", "Peeking guard: fixed horizon", "b   ", "40.0% (35.1-45.1)", "two-proportion z-test"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("report text lacks %q:\n%s", want, text.String())
		}
	}
}

// The hold-out compares every conversation assigned a handoff with those held out.
func TestAnalyzeHoldOut(t *testing.T) {
	s := prepSpec()
	s.HoldOut = 0.3
	e := mustCompile(t, s).Get("prep")
	hs := concat(rows("held_out", 300, 60, true), rows("a", 350, 105, true), rows("b", 350, 105, false))
	r := Analyze(e, hs, analytics.Success{}, now, nil)
	h := r.HoldOut
	if h == nil || h.HeldOutN != 300 || h.TreatedN != 700 || math.Abs(h.Difference.Value-0.10) > 1e-9 || !h.Difference.Contains(0.10) ||
		h.Difference.Low <= 0 || h.Relative == nil || !h.Relative.Contains(0.5) || h.P > 0.01 {
		t.Fatalf("hold-out %+v", h)
	}
}

func TestAnalyzeMeansAndDirection(t *testing.T) {
	s := prepSpec()
	s.Metric, s.Baseline, s.SD, s.MDE = MetricTransitionTime, 0, 2, 1
	e := mustCompile(t, s).Get("prep")
	var hs []analytics.Handoff
	for i := range 100 {
		for _, v := range []string{"a", "b"} {
			ms := int64(5000 + (i%5)*500)
			if v == "b" {
				ms -= 1500
			}
			hs = append(hs, analytics.Handoff{ConversationID: fmt.Sprintf("%s-%d", v, i), Experiment: "prep", Variant: v, Exposed: true,
				Outcome: "completed", TransitionMs: &ms})
		}
	}
	r := Analyze(e, hs, analytics.Success{}, now, nil)
	if r.Better != "lower" || r.Horizon != 63 || r.Status != StatusComplete || !strings.Contains(r.Verdict, "b is better than a: -1.500") {
		t.Errorf("better %s horizon %d %s %q", r.Better, r.Horizon, r.Status, r.Verdict)
	}
}

func TestAnalyzeBandit(t *testing.T) {
	s := prepSpec()
	s.Mode = ModeBandit
	e := mustCompile(t, s).Get("prep")
	alloc := &Allocation{Version: "x", Weights: map[string]float64{"a": 0.1, "b": 0.9}}
	r := Analyze(e, concat(rows("a", 80, 20, true), rows("b", 300, 120, true)), analytics.Success{}, now, alloc)
	if r.Status != StatusAdaptive || r.Arms[1].ProbBest == nil || *r.Arms[1].ProbBest < 0.95 || !strings.HasPrefix(r.Verdict, "b is the best variant") {
		t.Errorf("%s %q %+v", r.Status, r.Verdict, r.Arms)
	}
	var text strings.Builder
	_ = WriteText(&text, r)
	if !strings.Contains(text.String(), "Allocation in force: a 10.0%, b 90.0%") {
		t.Errorf("report text:\n%s", text.String())
	}
}

// An experiment whose only question is the hold-out's is judged on it, at the horizon too.
func TestHoldOutOnlyVerdict(t *testing.T) {
	s := prepSpec()
	s.HoldOut, s.Baseline, s.Variants = 0.3, 0.2, s.Variants[:1]
	e := mustCompile(t, s).Get("prep")
	r := Analyze(e, concat(rows("held_out", 100, 20, true), rows("a", 250, 75, true)), analytics.Success{}, now, nil)
	if r.Horizon != 294 || r.Status != StatusInterim || !strings.Contains(r.Verdict, "fewest: held out with 100, 194 to go") {
		t.Fatalf("horizon %d %s %q", r.Horizon, r.Status, r.Verdict)
	}
	r = Analyze(e, concat(rows("held_out", 300, 60, true), rows("a", 700, 210, true)), analytics.Success{}, now, nil)
	if r.Status != StatusComplete || !strings.HasPrefix(r.Verdict, "a handoff brings more conversion than none: +10.0 (") {
		t.Fatalf("%s %q", r.Status, r.Verdict)
	}
}
