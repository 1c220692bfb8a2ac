package analytics

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.4f, want %.4f (±%g)", what, got, want, tol)
	}
}

// Known Wilson intervals (Newcombe 1998, table I).
func TestWilsonKnownValues(t *testing.T) {
	for _, c := range []struct {
		k, n   int
		lo, hi float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	} {
		r := NewRate(c.k, c.n, 30)
		near(t, "low", r.Low, c.lo, 5e-4)
		near(t, "high", r.High, c.hi, 5e-4)
		if !r.Contains(r.Value) {
			t.Errorf("%d/%d: interval [%v, %v] lacks its own estimate", c.k, c.n, r.Low, r.High)
		}
	}
	if r := NewRate(3, 29, 30); r.Enough {
		t.Error("29 < 30 judged enough")
	}
	if r := NewRate(0, 0, 30); r.N != 0 || r.Enough || r.Contains(0) {
		t.Errorf("empty rate %+v", r)
	}
}

// The interval covers the true rate about 95 % of the time, also near the edges.
func TestWilsonCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range []float64{0.03, 0.3, 0.9, 0.97} {
		covered := 0
		const trials = 4000
		for range trials {
			k := 0
			for range 200 {
				if rng.Float64() < p {
					k++
				}
			}
			if NewRate(k, 200, 30).Contains(p) {
				covered++
			}
		}
		if c := float64(covered) / trials; c < 0.925 || c > 0.975 {
			t.Errorf("p=%v: coverage %.3f, want about 0.95", p, c)
		}
	}
}

// Newcombe 1998, table II, example (a): 56/70 against 48/80, method 10.
func TestDifferenceNewcombe(t *testing.T) {
	d := NewDifference(NewRate(56, 70, 30), NewRate(48, 80, 30))
	near(t, "difference", d.Value, 0.2, 1e-9)
	near(t, "low", d.Low, 0.0524, 5e-4)
	near(t, "high", d.High, 0.3339, 5e-4)
	if !d.Enough {
		t.Error("70 and 80 are enough")
	}
}

func TestLiftKatz(t *testing.T) {
	l := NewLift(NewRate(30, 100, 30), NewRate(20, 100, 30))
	near(t, "lift", l.Value, 0.5, 1e-9)
	near(t, "low", l.Low, -0.0840, 1e-3)
	near(t, "high", l.High, 1.4565, 1e-3)
	if l := NewLift(NewRate(0, 100, 30), NewRate(20, 100, 30)); l.Enough || l.Value != 0 {
		t.Errorf("no conversion on one side judged: %+v", l)
	}
}

func TestQuantileInterval(t *testing.T) {
	v := make([]float64, 100)
	for i := range v {
		v[i] = float64(i + 1)
	}
	q := NewQuantile(0.5, v)
	near(t, "median", q.Value, 50, 1e-9)
	// The order statistics 40 and 61 bracket the median of 100 at 95 % (Conover).
	if !q.Bounded || q.Low != 40 || q.High != 61 {
		t.Errorf("median interval [%v, %v] bounded %t, want [40, 61]", q.Low, q.High, q.Bounded)
	}
	if q := NewQuantile(0.99, v[:50]); q.Bounded {
		t.Errorf("the p99 of 50 values has no upper bound, got %+v", q)
	}
	// Coverage of the p90 of exponential samples.
	rng := rand.New(rand.NewPCG(3, 4))
	truth := -math.Log(0.1)
	covered := 0
	for range 2000 {
		s := make([]float64, 300)
		for i := range s {
			s[i] = rng.ExpFloat64()
		}
		q := NewQuantile(0.9, sortedCopy(s))
		if q.Low <= truth && truth <= q.High {
			covered++
		}
	}
	if c := float64(covered) / 2000; c < 0.93 || c > 0.985 {
		t.Errorf("p90 coverage %.3f, want at least about 0.95", c)
	}
}

func TestMean(t *testing.T) {
	m := NewMean([]float64{1, 2, 3, 4, 5}, 3)
	near(t, "mean", m.Value, 3, 1e-12)
	// t(0.975, 4) = 2.7764, sd = 1.5811.
	near(t, "low", m.Low, 3-2.7764*1.5811/math.Sqrt(5), 1e-3)
	if !m.Enough {
		t.Error("5 >= 3 is enough")
	}
}

func ptr[T any](v T) *T { return &v }

func TestSuccessDefinition(t *testing.T) {
	s := DefaultSuccess()
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		h    Handoff
		want bool
	}{
		{"completed, nothing known", Handoff{Outcome: "completed"}, true},
		{"taken_over is not completed", Handoff{Outcome: "taken_over"}, false},
		{"declined", Handoff{Outcome: "declined"}, false},
		{"re-escalated", Handoff{Outcome: "completed", ReEscalations: 1}, false},
		{"CSAT 4", Handoff{Outcome: "completed", Late: &Outcome{CSAT: ptr(4)}}, true},
		{"CSAT 3", Handoff{Outcome: "completed", Late: &Outcome{CSAT: ptr(3)}}, false},
		{"CSAT beats sentiment", Handoff{Outcome: "completed", SentimentMean: ptr(-0.9), Late: &Outcome{CSAT: ptr(5)}}, true},
		{"negative sentiment", Handoff{Outcome: "completed", SentimentMean: ptr(-0.5)}, false},
		{"mild sentiment", Handoff{Outcome: "completed", SentimentMean: ptr(-0.2)}, true},
	}
	for _, c := range cases {
		if got := s.Of(c.h); got != c.want {
			t.Errorf("%s: success %t, want %t", c.name, got, c.want)
		}
	}
	if s.Counts(Handoff{Outcome: "no_handoff"}) || s.Counts(Handoff{Outcome: "held_out"}) || !s.Counts(Handoff{Outcome: "declined"}) {
		t.Error("no_handoff or held_out counted as a handoff, or a declined one not")
	}
	for _, bad := range []Success{{}, {Outcomes: []string{"completed"}, MinCSAT: 6}, {Outcomes: []string{"completed"}, NegativeBelow: -2}} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%+v validated", bad)
		}
	}
}

// mkHandoffs makes n handoffs of one pair with k successes (CSAT 5 against 2).
func mkHandoffs(src, dst, kind string, n, k int) []Handoff {
	var hs []Handoff
	for i := range n {
		csat := 2
		if i < k {
			csat = 5
		}
		hs = append(hs, Handoff{Source: src, Target: dst, TargetKind: kind, Outcome: "completed", StartedAt: time.Unix(0, 0),
			TransitionMs: ptr(int64(1000 + i)), Preservation: ptr(1.0), Late: &Outcome{CSAT: ptr(csat), Converted: ptr(i%3 == 0)},
			Offers: []Offer{{Agent: dst, Kind: kind, Result: "accepted", AnswerMs: ptr(int64(500))}}})
	}
	return hs
}

func TestComputeGroupsAndTargets(t *testing.T) {
	hs := append(mkHandoffs("lead_bot", "jorge_buyer_bot", "bot", 200, 196), mkHandoffs("jorge_seller_bot", "maria", "human", 10, 5)...)
	hs = append(hs, Handoff{Source: "lead_bot", Outcome: "no_handoff"})
	var convs []Conversation
	for i := range 400 {
		convs = append(convs, Conversation{HandedOff: i < 200, Outcome: Outcome{Converted: ptr(i < 200 && i%2 == 0 || i >= 200 && i%5 == 0)}})
	}
	r, err := Compute(hs, convs, Options{GroupBy: "pair"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total.Handoffs != 211 || r.Total.Success.N != 210 || r.Total.Success.K != 201 {
		t.Errorf("total %d handoffs, success %d/%d", r.Total.Handoffs, r.Total.Success.K, r.Total.Success.N)
	}
	if len(r.Groups) != 3 {
		t.Fatalf("groups %v", r.Groups)
	}
	byKey := map[string]Group{}
	for _, g := range r.Groups {
		byKey[g.Key] = g
	}
	if g := byKey["jorge_seller_bot→maria"]; g.Judged || !strings.Contains(g.Note, "too small") || g.Success.K != 5 {
		t.Errorf("small group %+v", g)
	}
	if g := byKey["lead_bot→jorge_buyer_bot"]; !g.Judged || g.Success.K != 196 || g.OfferAcceptance.Value != 0 {
		t.Errorf("bot group %+v (offers to bots are not person offers)", g)
	}
	if g := byKey["jorge_seller_bot→maria"]; g.OfferAcceptance.K != 10 || g.TimeToAcceptP50.Value != 500 {
		t.Errorf("person offers %+v", g)
	}
	if c := r.Conversion; c.AfterHandoff.Value != 0.5 || c.Baseline.Value != 0.2 || c.Lift.Value < 1.49 || c.Lift.Value > 1.51 {
		t.Errorf("conversion %+v", c)
	}
	verdicts := map[string]string{}
	for _, tr := range r.Targets {
		verdicts[tr.Measure] = tr.Verdict
	}
	// Success 201/210 = 95.7 %: the interval spans 95 %. Preservation is 1 everywhere. The
	// transition is about 1 s. Conversion 0.5 against 0.2 is far above +15 %.
	want := map[string]string{"success": NotEnoughData, "preservation": Met, "transition_p90": Met, "conversion_lift": Met}
	for k, v := range want {
		if verdicts[k] != v {
			t.Errorf("target %s: %s, want %s", k, verdicts[k], v)
		}
	}
	if _, err := Compute(hs, nil, Options{GroupBy: "colour"}); err == nil || !strings.Contains(err.Error(), "group_by") {
		t.Errorf("bad grouping: %v", err)
	}

	var tbl, csvOut bytes.Buffer
	if err := WriteTable(&tbl, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"lead_bot→jorge_buyer_bot", "too small to judge", "Targets", "MET", "conversion +15 %"} {
		if !strings.Contains(tbl.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, tbl.String())
		}
	}
	if err := WriteCSV(&csvOut, r); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(csvOut.String(), "\n"); lines != 5 {
		t.Errorf("CSV has %d lines, want header, total and 3 groups:\n%s", lines, csvOut.String())
	}
}

func TestMissedTarget(t *testing.T) {
	hs := mkHandoffs("a", "b", "bot", 500, 400)
	r, err := Compute(hs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tr := r.Targets[0]; tr.Verdict != Missed {
		t.Errorf("success 80 %% of 500 against > 95 %%: %+v", tr)
	}
	if tr := r.Targets[3]; tr.Verdict != NotEnoughData {
		t.Errorf("no baseline: %+v", tr)
	}
}

// The normal shortcut for large samples picks the ranks the exact binomial picks, within one.
func TestRanksApproximation(t *testing.T) {
	for _, c := range []struct {
		n int
		q float64
	}{{500, 0.5}, {2000, 0.9}, {20000, 0.99}} {
		l, u := ranks(c.n, c.q)
		b := distuv.Binomial{N: float64(c.n), P: c.q}
		alpha := (1 - Confidence) / 2
		el := searchRank(c.n, func(r int) bool { return b.CDF(float64(r-1)) > alpha }) - 1
		eu := searchRank(c.n, func(r int) bool { return 1-b.CDF(float64(r-1)) <= alpha })
		if abs(l-el) > 1 || abs(u-eu) > 1 {
			t.Errorf("n=%d q=%v: ranks %d..%d, exact %d..%d", c.n, c.q, l, u, el, eu)
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// A sample large enough that still cannot be judged says why, not that it is too small.
func TestTargetsSayWhyALargeSampleIsNotJudged(t *testing.T) {
	r := Report{MinSample: 30}
	r.Conversion.AfterHandoff = NewRate(0, 100, 30)
	r.Conversion.Baseline = NewRate(10, 100, 30)
	r.Conversion.Lift = NewLift(r.Conversion.AfterHandoff, r.Conversion.Baseline)
	res := JudgeTargets(r, SeedTargets())
	lift := res[3]
	if lift.Verdict != NotEnoughData || !strings.Contains(lift.Why, "no conversions on one side") {
		t.Errorf("lift with no conversions after handoffs: %+v", lift)
	}
	if success := res[0]; !strings.Contains(success.Why, "sample of 0 under the 30") {
		t.Errorf("success with no handoffs: %+v", success)
	}
}
