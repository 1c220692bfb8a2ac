package decision_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
)

// wordModel is a classifier that knows one made-up word as distress, and nothing else: what
// the mechanics do, apart from what any training taught.
func wordModel(t *testing.T) *decision.TriggerModel {
	t.Helper()
	f := decision.TriggerFeatures([]string{"zorblax"})
	idx := slices.Clone(f.Index)
	slices.Sort(idx)
	idx = slices.Compact(idx)
	ts := make([]decision.TriggerWeights, len(decision.TriggerNames))
	for i, name := range decision.TriggerNames {
		ts[i] = decision.TriggerWeights{Name: name, Threshold: 1}
	}
	ts[2].Index, ts[2].Threshold, ts[2].Bias = idx, 0.9, -4
	for range idx {
		ts[2].Weight = append(ts[2].Weight, 3)
	}
	m, err := decision.NewTriggerModel(ts, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The classifier fires where the lexicon is silent, says so in the reason with the words that
// weighed most, and raises the score past the threshold so a rule reading it agrees.
func TestClassifierFiresAndQuotes(t *testing.T) {
	e := example(t, "real-estate").WithTriggerModel(wordModel(t))
	a := e.Analyze(conv("lead_bot", nil, "the zorblax came back last night"))
	if a.Signals["emotional_distress"] != true {
		t.Fatalf("emotional_distress = %v: %v", a.Signals["emotional_distress"], a.Derived)
	}
	if v, _ := a.Signals["customer_emotional_distress"].(float64); v <= 0.7 {
		t.Errorf("score %v not raised past the threshold", v)
	}
	if note := a.Derived["emotional_distress"]; !strings.Contains(note, "classifier") || !strings.Contains(note, `"zorblax"`) {
		t.Errorf("reason %q does not name the classifier and quote its word", note)
	}
	if a := e.WithTriggerModel(nil).Analyze(conv("lead_bot", nil, "the zorblax came back last night")); a.Signals["emotional_distress"] == true {
		t.Errorf("without the model, distress is read: %v", a.Derived)
	}
}

// A cue the lexicon took back vetoes the classifier for that trigger.
func TestClassifierVetoedByNegation(t *testing.T) {
	e := example(t, "real-estate").WithTriggerModel(wordModel(t))
	a := e.Analyze(conv("lead_bot", nil, "I'm not stressed about the zorblax"))
	if a.Signals["emotional_distress"] == true {
		t.Fatalf("a negated cue did not veto the classifier: %v", a.Derived)
	}
}

// roundTrip encodes the model and decodes it again, as `make train` writes and the worker reads.
func roundTrip(t *testing.T, m *decision.TriggerModel) *decision.TriggerModel {
	t.Helper()
	b, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := decision.DecodeTriggerModel(b)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func TestTriggerModelRoundTrip(t *testing.T) {
	for _, m := range []*decision.TriggerModel{wordModel(t), decision.DefaultTriggerModel()} {
		back := roundTrip(t, m)
		msgs := []string{"the zorblax came back", "my dad died last week and I can't think straight"}
		if got, want := back.Probabilities(msgs), m.Probabilities(msgs); got != want {
			t.Errorf("probabilities %v after a round trip, %v before", got, want)
		}
	}
}

// A classifier that is only fairly sure (between its threshold and AloneThreshold) fires where
// the lexicon read a cue of the trigger it did not score high enough, and not where the lexicon
// read nothing at all: a fair guess on words no labelled line had is not enough alone.
func TestClassifierAloneNeedsConfidence(t *testing.T) {
	ts := make([]decision.TriggerWeights, len(decision.TriggerNames))
	for i, name := range decision.TriggerNames {
		ts[i] = decision.TriggerWeights{Name: name, Threshold: 1}
	}
	// No weights: every conversation gets Sigmoid(0.85) = 0.70, past 0.6 and short of 0.8.
	ts[2].Bias, ts[2].Threshold = 0.85, 0.6
	m, err := decision.NewTriggerModel(ts, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := example(t, "real-estate")
	for msg, want := range map[string]bool{
		"Is the house on Cedar Ridge still available?": false,
		"I'm a little nervous about the closing":       true,
	} {
		lexicon := e.WithTriggerModel(nil).Analyze(conv("lead_bot", nil, msg))
		if lexicon.Signals["emotional_distress"] == true {
			t.Fatalf("%q: the lexicon alone reads distress; the case shows nothing", msg)
		}
		a := e.WithTriggerModel(m).Analyze(conv("lead_bot", nil, msg))
		if got := a.Signals["emotional_distress"] == true; got != want {
			t.Errorf("%q: emotional_distress %v, want %v: %v", msg, got, want, a.Derived["emotional_distress"])
		}
	}
}

// A trigger's own bar for an uncued firing (chosen by training) replaces AloneThreshold for it
// alone, survives the model file, and may not sit under the trigger's threshold.
func TestClassifierAloneBarPerTrigger(t *testing.T) {
	ts := make([]decision.TriggerWeights, len(decision.TriggerNames))
	for i, name := range decision.TriggerNames {
		ts[i] = decision.TriggerWeights{Name: name, Threshold: 1}
	}
	// Sigmoid(0.85) = 0.70 for every conversation: under AloneThreshold, over a bar of 0.65.
	ts[2].Bias, ts[2].Threshold, ts[2].Alone = 0.85, 0.6, 0.65
	ts[3].Bias, ts[3].Threshold = 0.85, 0.6
	m, err := decision.NewTriggerModel(ts, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	back := roundTrip(t, m)
	if got := back.Triggers()[2].Alone; got != 0.65 {
		t.Fatalf("alone %v after a round trip, want 0.65", got)
	}
	e := example(t, "real-estate")
	a := e.WithTriggerModel(back).Analyze(conv("lead_bot", nil, "Is the house on Cedar Ridge still available?"))
	if a.Signals["emotional_distress"] != true {
		t.Errorf("distress's own bar 0.65 should let 0.70 fire uncued: %v", a.Derived["emotional_distress"])
	}
	if a.Signals["legal_complexity"] == "high" {
		t.Errorf("legal keeps AloneThreshold; 0.70 uncued must not fire: %v", a.Derived["legal_complexity"])
	}

	ts[2].Alone = 0.55
	if _, err := decision.NewTriggerModel(ts, true, nil); err == nil || !strings.Contains(err.Error(), "alone") {
		t.Fatalf("a bar under the threshold must be refused: %v", err)
	}
}
