package experiments

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

var catalog = Catalog{
	Rules: []Rule{
		{Name: "customer_asked_for_person", Scenario: "customer_requested_person", Safety: "urgent"},
		{Name: "seller_to_human", Scenario: "seller_to_human", Safety: "reads emotional_distress"},
		{Name: "lead_to_buyer", Scenario: "lead_to_buyer"},
		{Name: "ready_buyer", Scenario: "ready_buyer"},
	},
	Templates: []string{"buyer_bot", "human"},
	Known:     func(n string) bool { return n == "human_agent" || n == "jorge_buyer_bot" },
	Store:     true,
}

func prepSpec() Spec {
	return Spec{Name: "prep", Varies: VariesPreparationScript, Rules: []string{"lead_to_buyer"}, Metric: MetricConversion,
		MDE: 0.10, Baseline: 0.30,
		Variants: []VariantSpec{{Name: "a", Weight: 50}, {Name: "b", Weight: 50, CustomerMessage: "Jorge has homes lined up for you."}}}
}

func mustCompile(t *testing.T, specs ...Spec) *Set {
	t.Helper()
	set, err := Compile(specs, catalog)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// Every mistake names its key; a hold-out never reaches a safety rule.
func TestCompileNamesTheField(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(s *Spec)
		field string
		says  string
	}{
		{"hold-out on a safety rule", func(s *Spec) { s.HoldOut = 0.2; s.Rules = []string{"lead_to_buyer", "seller_to_human"} },
			"experiments[0] (prep).hold_out", "rule seller_to_human is a safety rule (reads emotional_distress)"},
		{"hold-out on a safety scenario", func(s *Spec) { s.HoldOut = 0.2; s.Rules = nil; s.Scenarios = []string{"customer_requested_person"} },
			"experiments[0] (prep).hold_out", "customer_asked_for_person is a safety rule"},
		{"hold-out on everything", func(s *Spec) { s.HoldOut = 0.1; s.Rules = nil }, "experiments[0] (prep).hold_out", "needs rules or scenarios"},
		{"hold-out on a handoff metric", func(s *Spec) { s.HoldOut = 0.1; s.Metric = MetricSuccess }, "experiments[0] (prep).hold_out", "use metric conversion or csat"},
		{"hold-out too large", func(s *Spec) { s.HoldOut = 0.6 }, "experiments[0] (prep).hold_out", "between 0 and 0.5"},
		{"unknown rule", func(s *Spec) { s.Rules = []string{"nope"} }, "experiments[0] (prep).rules[0]", "not a routing rule"},
		{"unknown scenario", func(s *Spec) { s.Scenarios = []string{"nope"} }, "experiments[0] (prep).scenarios[0]", "not the scenario"},
		{"the wrong field for what varies", func(s *Spec) { s.Variants[1].Target = "human_agent" }, "experiments[0] (prep).variants[1] (b).target", "set customer_message only"},
		{"a variant without its setting", func(s *Spec) { s.Variants[1].CustomerMessage = "" }, "experiments[0] (prep).variants[1] (b).customer_message", "is required"},
		{"unknown template", func(s *Spec) {
			s.Varies = VariesContextTemplate
			s.Variants[1] = VariantSpec{Name: "b", Template: "nope"}
		}, "experiments[0] (prep).variants[1] (b).template", "not a template"},
		{"unknown routing target", func(s *Spec) {
			s.Varies = VariesRouting
			s.Variants[1] = VariantSpec{Name: "b", Target: "nobody"}
		}, "experiments[0] (prep).variants[1] (b).target", "not an agent or group"},
		{"timing out of bounds", func(s *Spec) {
			s.Varies = VariesTiming
			s.Variants[1] = VariantSpec{Name: "b", BreakpointWait: "11m"}
		}, "experiments[0] (prep).variants[1] (b).breakpoint_wait", "above the maximum 10m"},
		{"offer strategy", func(s *Spec) {
			s.Varies = VariesOfferStrategy
			s.Variants[1] = VariantSpec{Name: "b", ParallelOffers: 11}
		}, "experiments[0] (prep).variants[1] (b).parallel_offers", "1 (one person at a time) to 10"},
		{"no baseline", func(s *Spec) { s.Baseline = 0 }, "experiments[0] (prep).baseline", "is required"},
		{"no mde", func(s *Spec) { s.MDE = 0 }, "experiments[0] (prep).mde", "is required"},
		{"a mean without sd", func(s *Spec) { s.Metric = MetricCSAT; s.Baseline = 0 }, "experiments[0] (prep).sd", "is required"},
		{"unknown metric", func(s *Spec) { s.Metric = "revenue" }, "experiments[0] (prep).metric", "not one of"},
		{"unknown varies", func(s *Spec) { s.Varies = "colour" }, "experiments[0] (prep).varies", "not one of"},
		{"bad name", func(s *Spec) { s.Name = "Prep Test" }, "experiments[0] (Prep Test).name", "lower-case"},
		{"variant named held_out", func(s *Spec) { s.Variants[0].Name = "held_out" }, "experiments[0] (prep).variants[0] (held_out).name", "not held_out"},
		{"duplicate variant", func(s *Spec) { s.Variants[1].Name = "a" }, "experiments[0] (prep).variants[1] (a).name", "another variant"},
		{"bandit on a mean", func(s *Spec) { s.Mode = ModeBandit; s.Metric = MetricCSAT; s.Baseline = 0; s.SD = 1 }, "experiments[0] (prep).mode", "learns from a rate"},
		{"bandit floor", func(s *Spec) { s.Mode = ModeBandit; s.Floor = 0.5 }, "experiments[0] (prep).floor", "under 1/2"},
		{"floor without a bandit", func(s *Spec) { s.Floor = 0.1 }, "experiments[0] (prep).floor", "for mode bandit"},
		{"stop before start", func(s *Spec) { s.Start = "2026-03-02"; s.Stop = "2026-03-01" }, "experiments[0] (prep).stop", "after start"},
		{"a date that is not", func(s *Spec) { s.Start = "tomorrow" }, "experiments[0] (prep).start", "not a date"},
		{"an unknown key", func(s *Spec) { s.Unknown = map[string]any{"weights": 1} }, "experiments[0] (prep)", `unknown key "weights"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := prepSpec()
			c.edit(&s)
			_, err := Compile([]Spec{s}, catalog)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != c.field || !strings.Contains(fe.Problem, c.says) {
				t.Fatalf("error %v, want field %q saying %q", err, c.field, c.says)
			}
		})
	}
	// A bandit needs the log it learns from.
	s := prepSpec()
	s.Mode = ModeBandit
	noStore := catalog
	noStore.Store = false
	if _, err := Compile([]Spec{s}, noStore); err == nil || !strings.Contains(err.Error(), "set store.url") {
		t.Errorf("bandit without a store: %v", err)
	}
	if _, err := Compile([]Spec{prepSpec(), prepSpec()}, catalog); err == nil || !strings.Contains(err.Error(), "experiments[1] (prep).name") {
		t.Errorf("duplicate experiment: %v", err)
	}
	// A hold-out on plain rules with a conversation-level metric is fine.
	s = prepSpec()
	s.HoldOut = 0.3
	mustCompile(t, s)
}

// The assignment is a function of the experiment and the conversation: the same on every call,
// in the declared proportions, with the hold-out share held out, and sticky once made.
func TestAssignIsDeterministicAndProportional(t *testing.T) {
	s := prepSpec()
	s.HoldOut = 0.2
	s.Variants[0].Weight, s.Variants[1].Weight = 25, 75
	e := mustCompile(t, s).Get("prep")
	count := map[string]int{}
	const n = 20000
	for i := range n {
		conv := fmt.Sprintf("conv-%d", i)
		a := e.Assign(conv, nil, nil)
		if b := e.Assign(conv, nil, nil); b.Variant != a.Variant {
			t.Fatalf("%s: %s then %s", conv, a.Variant, b.Variant)
		}
		count[a.Variant]++
		want := map[string]float64{"held_out": 0.2, "a": 0.25 * 0.8, "b": 0.75 * 0.8}[a.Variant]
		if math.Abs(a.Probability-want) > 1e-9 || a.Varies != VariesPreparationScript || a.Experiment != "prep" {
			t.Fatalf("%s: %+v, probability want %v", conv, a, want)
		}
	}
	for v, share := range map[string]float64{"held_out": 0.2, "a": 0.2, "b": 0.6} {
		sd := math.Sqrt(share * (1 - share) / n)
		if got := float64(count[v]) / n; math.Abs(got-share) > 4*sd {
			t.Errorf("%s got %.4f of conversations, want %.2f ± %.4f", v, got, share, 4*sd)
		}
	}
	// A bandit's allocation moves the shares; a conversation assigned before keeps its variant.
	alloc := &Allocation{Version: "v2", Weights: map[string]float64{"a": 0.05, "b": 0.95}}
	moved := 0
	for i := range 2000 {
		conv := fmt.Sprintf("conv-%d", i)
		before := e.Assign(conv, nil, nil)
		after := e.Assign(conv, alloc, nil)
		if after.AllocationVersion != "v2" || after.Allocation["b"] != 0.95 {
			t.Fatalf("allocation not captured: %+v", after)
		}
		if before.Variant != after.Variant {
			moved++
		}
		if kept := e.Assign(conv, alloc, &before); kept.Variant != before.Variant || !kept.Sticky || kept.Probability != before.Probability {
			t.Fatalf("%s: earlier %s, got %+v", conv, before.Variant, kept)
		}
	}
	if moved == 0 {
		t.Error("the allocation moved nobody: it is not used")
	}
	// An allocation that does not fit the variants falls back to the declared weights.
	if a := e.Assign("x", &Allocation{Weights: map[string]float64{"a": 1}}, nil); a.AllocationVersion != "" || a.Allocation["b"] != 0.75 {
		t.Errorf("unfit allocation used: %+v", a)
	}
	// An earlier variant the experiment no longer has is not kept.
	if a := e.Assign("conv-1", nil, &handoff.Assignment{Variant: "gone"}); a.Sticky {
		t.Errorf("a removed variant was kept: %+v", a)
	}
}

func TestEligibilityAndWindow(t *testing.T) {
	s := prepSpec()
	s.Start, s.Stop = "2026-03-01", "2026-04-01T12:00:00Z"
	s2 := prepSpec()
	s2.Name, s2.Rules, s2.Scenarios = "second", nil, []string{"lead_to_buyer", "ready_buyer"}
	set := mustCompile(t, s, s2)
	in := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		rule, scenario string
		at             time.Time
		want           string
	}{
		{"lead_to_buyer", "lead_to_buyer", in, "prep"}, // both match: the first declared
		{"lead_to_buyer", "lead_to_buyer", in.AddDate(0, 1, 0), "second"},
		{"ready_buyer", "ready_buyer", in, "second"},
		{"seller_to_human", "seller_to_human", in, ""},
		{"", "", in, ""},
		{"lead_to_buyer", "", time.Date(2026, 2, 28, 23, 0, 0, 0, time.UTC), ""},
	}
	for _, c := range cases {
		got := ""
		if e := set.For(c.rule, c.scenario, c.at); e != nil {
			got = e.Name
		}
		if got != c.want {
			t.Errorf("For(%s, %s, %s) = %q, want %q", c.rule, c.scenario, c.at, got, c.want)
		}
	}
}

// The sample size is the textbook one: 30 % against 40 % needs 356 per arm at 80 % power.
func TestSampleSizes(t *testing.T) {
	if n := PerArmForRates(0.30, 0.10, 0.05, 0.80); n != 356 {
		t.Errorf("30%% vs 40%%: %d per arm, want 356", n)
	}
	if n := PerArmForRates(0.10, 0.05, 0.05, 0.90); n != 918 {
		t.Errorf("10%% vs 15%% at 90%% power: %d per arm, want 918", n)
	}
	// 2 (1.96 + 0.8416)^2 sd^2 / d^2 = 15.70 for sd = d.
	if n := PerArmForMeans(1, 1, 0.05, 0.80); n != 16 {
		t.Errorf("means, sd = mde: %d per arm, want 16", n)
	}
	if z, p := ZTest(40, 100, 30, 100); math.Abs(z-1.4834) > 1e-3 || math.Abs(p-0.1380) > 1e-3 {
		t.Errorf("z-test 40/100 vs 30/100: z %.4f p %.4f, want 1.4834 and 0.1380", z, p)
	}
	// Welch on known moments: t = 2 / sqrt(1/10 + 4/20) = 3.6515, df 27.98.
	if tt, df, p := Welch(12, 1, 10, 10, 4, 20); math.Abs(tt-3.6515) > 1e-3 || math.Abs(df-27.98) > 0.05 || p > 0.002 {
		t.Errorf("Welch: t %.4f df %.2f p %.4f", tt, df, p)
	}
}

// The power calculation's promise, checked by simulation: at its sample size a true difference
// of the MDE is found about 80 % of the time, and no difference about 5 % of the time.
func TestPowerCalculationHoldsBySimulation(t *testing.T) {
	n := PerArmForRates(0.30, 0.10, Alpha, Power)
	rng := rand.New(rand.NewPCG(11, 12))
	draw := func(p float64) int {
		k := 0
		for range n {
			if rng.Float64() < p {
				k++
			}
		}
		return k
	}
	rate := func(p1 float64) float64 {
		const reps = 2000
		found := 0
		for range reps {
			if _, p := ZTest(draw(p1), n, draw(0.30), n); p < Alpha {
				found++
			}
		}
		return float64(found) / reps
	}
	if got := rate(0.40); got < 0.77 || got > 0.83 {
		t.Errorf("found a 10-point difference in %.3f of experiments at n = %d, want about 0.80", got, n)
	}
	if got := rate(0.30); got < 0.035 || got > 0.065 {
		t.Errorf("found a difference that is not there in %.3f of experiments, want about 0.05", got)
	}
}

func TestThompson(t *testing.T) {
	arms := []Arm{{"a", 400, 120}, {"b", 400, 160}}
	best, alloc := Thompson("x", arms, 0.05)
	if best["b"] < 0.99 || math.Abs(alloc["a"]+alloc["b"]-1) > 1e-9 || alloc["a"] < 0.05 || alloc["b"] > 0.95 {
		t.Errorf("b far ahead: best %v alloc %v", best, alloc)
	}
	again, _ := Thompson("x", arms, 0.05)
	if again["b"] != best["b"] {
		t.Errorf("the same evidence gave %v then %v", best, again)
	}
	even, alloc := Thompson("x", []Arm{{"a", 0, 0}, {"b", 0, 0}}, 0.05)
	if math.Abs(even["a"]-0.5) > 0.03 || math.Abs(alloc["a"]-0.5) > 0.03 {
		t.Errorf("no evidence: best %v alloc %v, want about even", even, alloc)
	}
}

// banditRun simulates one bandit experiment of n conversations with true rates 30 % (a) and
// 40 % (b), the allocation recomputed every batch conversations from all outcomes so far (as
// the Schedule does), and returns which variant each conversation got.
func banditRun(seed uint64, n, batch int) []int {
	rng := rand.New(rand.NewPCG(seed, 3))
	arms := []Arm{{"a", 0, 0}, {"b", 0, 0}}
	alloc := map[string]float64{"a": 0.5, "b": 0.5}
	got := make([]int, n)
	for i := range got {
		if i > 0 && i%batch == 0 {
			_, alloc = Thompson(fmt.Sprint("sim", seed, i), arms, DefaultFloor)
		}
		v := 0
		if rng.Float64() < alloc["b"] {
			v = 1
		}
		got[i] = v
		arms[v].Trials++
		if rng.Float64() < 0.3+0.1*float64(v) {
			arms[v].Successes++
		}
	}
	return got
}

// The claim the README and the simulation state: with a 10-point better variant and the
// default floor, the bandit sends at least 80 % of conversations 800 to 1,000 to it. Thompson
// sampling can start on the wrong foot and take long to recover, so this holds for most runs,
// not all: here in at least 85 % of 40 seeded runs (measured while choosing N: 90 % of 200).
func TestBanditPutsTrafficOnTheBetterVariant(t *testing.T) {
	if testing.Short() {
		t.Skip("60 simulated bandits")
	}
	met := 0
	const runs = 40
	for seed := range uint64(runs) {
		got := banditRun(seed, 1000, 40)
		b := 0
		for _, v := range got[800:] {
			b += v
		}
		if b >= 160 {
			met++
		}
	}
	if met < runs*85/100 {
		t.Errorf("b had 80 %% of conversations 800-1000 in %d of %d runs, want 85 %% of them", met, runs)
	}
	if testing.Verbose() {
		t.Logf("b had 80 %% of conversations 800-1000 in %d of %d runs", met, runs)
	}
}
