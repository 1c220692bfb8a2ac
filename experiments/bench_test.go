package experiments

import (
	"fmt"
	"testing"

	"github.com/handoffhq/orchestrator/analytics"
)

// BenchmarkAssign is the cost an experiment adds to a handoff's decision.
func BenchmarkAssign(b *testing.B) {
	s := prepSpec()
	s.HoldOut = 0.2
	set, err := Compile([]Spec{s}, catalog)
	if err != nil {
		b.Fatal(err)
	}
	e := set.Get("prep")
	alloc := &Allocation{Version: "v", Weights: map[string]float64{"a": 0.3, "b": 0.7}}
	i := 0
	for b.Loop() {
		i++
		e.Assign(fmt.Sprintf("conv-%d", i), alloc, nil)
	}
}

// BenchmarkThompson is one bandit allocation (the Schedule's work per experiment).
func BenchmarkThompson(b *testing.B) {
	arms := []Arm{{"a", 4000, 1200}, {"b", 4000, 1600}, {"c", 4000, 1500}}
	for b.Loop() {
		Thompson("x", arms, 0.05)
	}
}

// BenchmarkAnalyze100k is a report over 100,000 conversations.
func BenchmarkAnalyze100k(b *testing.B) {
	set, err := Compile([]Spec{prepSpec()}, catalog)
	if err != nil {
		b.Fatal(err)
	}
	hs := concat(rows("a", 50_000, 15_000, true), rows("b", 50_000, 20_000, true))
	b.ResetTimer()
	for b.Loop() {
		Analyze(set.Get("prep"), hs, analytics.Success{}, now, nil)
	}
}
