package main

import (
	"testing"

	"github.com/handoffhq/orchestrator/decision"
)

// An uncued line the classifier is fairly sure of (0.7) is read at a bar of 0.7 only when the
// floor allows it: the choice takes the lower bar when it reads more within the precision
// asked for, and keeps the highest bar of equal outcomes.
func TestChooseThresholdLowersTheUncuedBarOnlyWithinTheFloor(t *testing.T) {
	var exs []*example
	var p []float64
	add := func(n int, label int8, lexicon, cued bool, prob float64) {
		for range n {
			ex := &example{lexicon: [4]bool{lexicon}}
			ex.label[0] = label
			ex.f.Cued[0] = cued
			exs, p = append(exs, ex), append(p, prob)
		}
	}
	add(90, 1, true, true, 0.95) // the lexicon's right firings
	add(6, 1, false, false, 0.7) // uncued lines the classifier reads at 0.7
	add(4, 0, false, false, 0.7) // and four wrong ones: 98 of 102 is 0.96
	add(2, 1, false, false, 0.9) // uncued and sure: read at any bar
	add(50, 0, false, false, 0.1)

	tau, alone, tp, fp, _ := chooseThreshold(exs, p, 0, 0.9, 3, []float64{0.65, 0.7, 0.8})
	if alone != 0.7 || tau > 0.7 || tp != 8 || fp != 4 {
		t.Fatalf("floor 0.9: threshold %.2f, bar %.2f, +%d right, +%d wrong; want bar 0.70 reading 8 right and 4 wrong", tau, alone, tp, fp)
	}
	tau, alone, tp, fp, _ = chooseThreshold(exs, p, 0, 0.97, 3, []float64{0.65, 0.7, 0.8})
	if alone < 0.8 || alone != tau || tp != 2 || fp != 0 {
		t.Fatalf("floor 0.97: threshold %.2f, bar %.2f, +%d right, +%d wrong; want a bar of at least 0.80, at the threshold, reading the two sure lines only", tau, alone, tp, fp)
	}
}

func TestBarsPerTrigger(t *testing.T) {
	got, err := bars("human_request=0.65:0.8,0.8")
	if err != nil || len(got["human_request"]) != 2 || len(got[""]) != 1 {
		t.Fatalf("%v, %v", got, err)
	}
	o := options{alones: got}
	if a := o.alonesFor(0); a[0] != 0.65 {
		t.Fatalf("human_request's bars %v", a)
	}
	if a := o.alonesFor(3); len(a) != 1 || a[0] != 0.8 {
		t.Fatalf("legal's bars %v", a)
	}
	for _, bad := range []string{"human_request=0.65", "legl=0.7,0.8", "0.5", "frustration=x,0.8"} {
		if _, err := bars(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
	if decision.MinAlone > 0.7 {
		t.Fatal("the test's bars assume MinAlone <= 0.7")
	}
}
