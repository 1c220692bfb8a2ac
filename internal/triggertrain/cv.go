package main

import (
	"fmt"
	"math"
	"os"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/triggereval"
)

// splitFigures are one split's figures, as the model file records them.
type splitFigures struct {
	// Triggers holds precision and recall per trigger.
	Triggers map[string][2]float64 `json:"triggers"`
	// Routing is the routing decision's accuracy; the phrasings have none.
	Routing float64 `json:"routing_accuracy,omitempty"`
}

type cvFigures struct{ combined, lexicon map[string]splitFigures }

// crossValidated scores every line with the model of the fold that left it out, and with the
// lexicon alone, through the engine's rules; it prints both and returns them. showMisses
// lists the cross-validated misses of the development sets.
func crossValidated(e *decision.Engine, agents []handoff.Agent, cases, phr []triggereval.Case, models []*decision.TriggerModel, folds int, showMisses bool) *cvFigures {
	byFold := make([]func(triggereval.Case) triggereval.Prediction, folds)
	for o, m := range models {
		byFold[o] = triggereval.Predictor(e.WithTriggerModel(m), agents, analyze(e.WithTriggerModel(m)))
	}
	combined := func(c triggereval.Case) triggereval.Prediction { return byFold[setFold("outer", c, folds)](c) }
	lexicon := triggereval.Predictor(e.WithTriggerModel(nil), agents, analyze(e.WithTriggerModel(nil)))
	cv := &cvFigures{combined: map[string]splitFigures{}, lexicon: map[string]splitFigures{}}
	for _, a := range []struct {
		name    string
		predict func(triggereval.Case) triggereval.Prediction
		into    map[string]splitFigures
	}{{"lexicon alone", lexicon, cv.lexicon}, {fmt.Sprintf("lexicon + classifier, %d-fold cross-validated", folds), combined, cv.combined}} {
		var results []*triggereval.Result
		for _, s := range triggereval.DevSplits {
			r := triggereval.Evaluate(cases, s, a.predict)
			results = append(results, r)
			sf := splitFigures{Triggers: map[string][2]float64{}, Routing: round3(r.Routing.Accuracy())}
			for _, t := range triggereval.Triggers {
				sf.Triggers[t] = [2]float64{round3(r.Triggers[t].Precision()), round3(r.Triggers[t].Recall())}
			}
			a.into[s] = sf
		}
		triggereval.PrintTable(os.Stdout, a.name, results...)
		a.into[splitPhrasings] = phrasingFigures(phr, a.predict)
		fmt.Printf("phrasings (%s):", a.name)
		for _, t := range triggereval.Triggers {
			f := a.into[splitPhrasings].Triggers[t]
			fmt.Printf(" %s P%.2f/R%.2f", t, f[0], f[1])
		}
		fmt.Println()
		if showMisses && a.into[triggereval.SplitTune].Triggers != nil && a.name != "lexicon alone" {
			for _, r := range results {
				triggereval.PrintMisses(os.Stdout, r)
			}
		}
	}
	fmt.Println()
	return cv
}

// phrasingFigures are precision and recall on the phrasings, each scored for the one
// trigger it speaks of.
func phrasingFigures(phr []triggereval.Case, predict func(triggereval.Case) triggereval.Prediction) splitFigures {
	var tp, fp, fn [4]int
	for _, c := range phr {
		t := indexOf(c.Note)
		want, got := c.Has(c.Note), predict(c).Labels[c.Note]
		switch {
		case want && got:
			tp[t]++
		case got:
			fp[t]++
		case want:
			fn[t]++
		}
	}
	sf := splitFigures{Triggers: map[string][2]float64{}}
	for t, name := range decision.TriggerNames {
		sf.Triggers[name] = [2]float64{round3(ratio(tp[t], tp[t]+fp[t])), round3(ratio(tp[t], tp[t]+fn[t]))}
	}
	return sf
}

func indexOf(name string) int {
	for t, n := range decision.TriggerNames {
		if n == name {
			return t
		}
	}
	panic("unknown trigger " + name)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
