// Command triggertrain trains the built-in trigger analyzer's classifier (`make train`) and
// writes decision/model/triggers.json, which the decision package embeds.
//
// It learns from the development sets only (triggereval.DevSplits: labelled.jsonl's tune and
// holdout, the fresh sets that had their blind look, the training sets) and the phrasings; the
// blind set is never loaded, so it stays a measure of the result. Before the final fit it cross-validates the whole procedure,
// threshold and regularisation choice included, and prints what the analyzer (lexicon and
// classifier together, through the real-estate rules) scores on lines it was not trained on.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/triggereval"
)

// splitPhrasings names the phrasings in the figures; they are no labelled set's split.
const splitPhrasings = "phrasings"

type options struct {
	folds   int
	lambdas []float64
	// cost is what a wrong firing of the classifier costs against a right one (see
	// chooseThreshold); used when precision is 0.
	cost float64
	// precisions: the out-of-fold precision, lexicon and classifier together, that a
	// trigger's threshold is chosen to keep (see chooseThreshold). The first makes the model
	// written; the others are cross-validated beside it, for comparison.
	precisions []float64
	// alones: per trigger name, the bars for a firing without a lexicon cue among which
	// inner cross-validation chooses; "" holds those of the triggers not named.
	alones  map[string][]float64
	lexicon bool
	misses  bool
}

// alonesFor are trigger t's candidate bars for an uncued firing.
func (o options) alonesFor(t int) []float64 {
	if a, ok := o.alones[decision.TriggerNames[t]]; ok {
		return a
	}
	return o.alones[""]
}

func main() {
	cfgPath := flag.String("config", "config/examples/real-estate.yaml", "the config whose rules the figures are measured through")
	phrasings := flag.String("phrasings", "decision/testdata/phrasings.tsv", "the phrasings file")
	out := flag.String("out", "decision/model/triggers.json", "where the model is written; empty writes nothing")
	folds := flag.Int("folds", len(authors()), "cross-validation folds for the phrasings; each labelled set's author is a fold of its own")
	// One strength: every trigger chose 0.00003 among 0.00003, 0.0001 and 0.0003 in every run
	// since fresh4, and with sixteen authors each candidate costs the whole inner
	// cross-validation again.
	lambdas := flag.String("lambdas", "0.00003", "L2 strengths tried, per trigger, by inner cross-validation (a comma-separated list)")
	cost := flag.Float64("cost", 3, "with -precision 0: a wrong firing of the classifier weighs this many right ones")
	// 0.96, not 0.99: leaving one author out, 0.99 kept the classifier from firing for
	// requests for a person on fresh4, the one set no lexicon pattern was written from; with
	// decision.AloneThreshold, floors from 0.96 to 0.98 read the same lines (the README's
	// "Leave one author out").
	precision := flag.String("precision", "0.96", "the out-of-fold precision per trigger, lexicon and classifier together, the threshold keeps; 0 chooses by -cost. A list is cross-validated floor by floor and the first one's model is written")
	// With the seven training sets in, leaving one author out chose 0.65 to 0.75 for every
	// trigger. Requests for a person and frustration stay at 0.75 or above: at 0.65-0.7 the
	// classifier fired on calm lines no labelled set has ("k whatever works for you", "is
	// waiting 2 days for the appraisal normal?"), and on "someone" wherever it stood.
	alones := flag.String("alone", "human_request=0.75:0.8,frustration=0.75:0.8,0.65:0.7:0.75:0.8", "the bars, from decision.MinAlone, among which inner cross-validation chooses per trigger the probability the classifier needs where the lexicon read no cue: trigger=a:b:...  for a trigger, a:b:... for the others")
	lexicon := flag.Bool("lexicon-features", false, "give the classifier the lexicon's own reading as features (cross-validation found it learns little else then: the lexicon is right on nearly every line it was written from)")
	misses := flag.Bool("misses", false, "list the cross-validated misses of the development sets")
	flag.Parse()
	opt := options{folds: *folds, cost: *cost, lexicon: *lexicon, misses: *misses}
	if opt.folds < len(authors()) {
		fail(fmt.Errorf("-folds %d: at least one per labelled set's author (%d)", opt.folds, len(authors())))
	}
	var err error
	if opt.lambdas, err = floats(*lambdas); err != nil {
		fail(fmt.Errorf("-lambdas: %w", err))
	}
	if opt.precisions, err = floats(*precision); err != nil {
		fail(fmt.Errorf("-precision: %w", err))
	}
	if opt.alones, err = bars(*alones); err != nil {
		fail(fmt.Errorf("-alone: %w", err))
	}
	if err := run(*cfgPath, *phrasings, *out, opt); err != nil {
		fail(err)
	}
}

func floats(list string) ([]float64, error) {
	var out []float64
	for _, s := range strings.Split(list, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// bars reads -alone: "trigger=a:b:..." for a named trigger, "a:b:..." for the others, comma
// separated; each bar in [decision.MinAlone, 1].
func bars(list string) (map[string][]float64, error) {
	out := map[string][]float64{}
	for _, part := range strings.Split(list, ",") {
		name, vs, named := strings.Cut(strings.TrimSpace(part), "=")
		if !named {
			name, vs = "", name
		} else if !slices.Contains(decision.TriggerNames[:], name) {
			return nil, fmt.Errorf("%q: the trigger is one of %s", part, strings.Join(decision.TriggerNames[:], ", "))
		}
		for _, v := range strings.Split(vs, ":") {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < decision.MinAlone || f > 1 {
				return nil, fmt.Errorf("%q: a bar is a number in [%g, 1]", part, decision.MinAlone)
			}
			out[name] = append(out[name], f)
		}
	}
	if len(out[""]) == 0 {
		return nil, fmt.Errorf("%q: no bars for the triggers not named", list)
	}
	return out, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "triggertrain:", err)
	os.Exit(1)
}

func run(cfgPath, phrasingsPath, out string, opt options) error {
	cfg, err := config.LoadFile(cfgPath, nil)
	if err != nil {
		return err
	}
	// The development splits by name: LoadSplits reads the blind set only when asked for it.
	cases, err := triggereval.LoadSplits(triggereval.DevSplits)
	if err != nil {
		return err
	}
	phr, err := loadPhrasings(phrasingsPath)
	if err != nil {
		return err
	}
	lexicon := triggereval.Predictor(cfg.Engine.WithTriggerModel(nil), cfg.Agents, analyze(cfg.Engine.WithTriggerModel(nil)))
	var exs []*example
	for _, c := range append(cases, phr...) {
		ex := &example{id: c.ID, split: c.Split, messages: c.Messages, f: decision.TriggerFeatures(c.Messages), fold: setFold("outer", c, opt.folds)}
		got := lexicon(c).Labels
		for t, name := range decision.TriggerNames {
			ex.label[t] = -1
			if c.Split != splitPhrasings || c.Note == name {
				ex.label[t] = boolInt(c.Has(name))
			}
			ex.lexicon[t] = got[name]
		}
		exs = append(exs, ex)
	}
	fmt.Printf("training on %d labelled conversations (%s) and %d phrasings; %s is not loaded\n\n", len(cases), strings.Join(triggereval.DevSplits, ", "), len(phr), triggereval.BlindSplit)

	// Cross-validation of the whole procedure: each fold's model is trained, its thresholds
	// and L2 strengths chosen, without the fold's lines, and scores them. A labelled set is a
	// fold of its own (leave one set out): each was written by another author, and a model
	// must be judged on an author it has not read, as it will meet the next one. Tune and
	// holdout are halves of one author's set, so they are one fold.
	byFloor := make([][]*decision.TriggerModel, len(opt.precisions))
	for j := range byFloor {
		byFloor[j] = make([]*decision.TriggerModel, opt.folds)
	}
	for o := range opt.folds {
		var train []*example
		for _, ex := range exs {
			if ex.fold != o {
				train = append(train, ex)
			}
		}
		ms, _ := trainModel(train, opt, fmt.Sprintf("inner%d", o), nil)
		for j, m := range ms {
			byFloor[j][o] = m
		}
	}
	var cv *cvFigures
	for j := len(opt.precisions) - 1; j >= 0; j-- {
		fmt.Printf("precision floor %g:\n", opt.precisions[j])
		// The first floor's figures are printed last and recorded with the model.
		cv = crossValidated(cfg.Engine, cfg.Agents, cases, phr, byFloor[j], opt.folds, opt.misses && j == 0)
	}
	finals, records := trainModel(exs, opt, "final", cv)
	final, record := finals[0], records[0]
	for t, tw := range final.Triggers() {
		fmt.Printf("final %-13s lambda %g, threshold %.2f, uncued %.2f, %d weights; in-sample out-of-fold: the classifier adds %d right and %d wrong firings\n",
			tw.Name, tw.Lambda, tw.Threshold, record.Triggers[t].Alone, len(tw.Index), record.Triggers[t].AddedTP, record.Triggers[t].AddedFP)
	}
	if out == "" {
		return nil
	}
	b, err := final.Encode()
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}

func analyze(e *decision.Engine) func(*handoff.Input) (decision.Analysis, bool) {
	return func(in *handoff.Input) (decision.Analysis, bool) { return e.Analyze(in), false }
}

func boolInt(b bool) int8 {
	if b {
		return 1
	}
	return 0
}

// setFold is a line's fold: its labelled set's author's place in authors(), or for a phrasing
// a fold by its id (foldOf). A labelled set is held out whole, with the other half of its
// author's set if it has one.
func setFold(salt string, c triggereval.Case, k int) int {
	split := c.Split
	if split == triggereval.SplitHoldout {
		split = triggereval.SplitTune
	}
	if i := slices.Index(authors(), split); i >= 0 {
		return i
	}
	return foldOf(salt, c.ID, k)
}

// authors are the development splits, one per author: the holdout is tune's author's.
// trainedOn names the files the model learns from, for its record.
func trainedOn() string {
	files := []string{"labelled.jsonl (tune, holdout)"}
	for _, s := range triggereval.Sets {
		if !triggereval.Blind(s) {
			files = append(files, triggereval.SetFile(s))
		}
	}
	return strings.Join(append(files, "phrasings.tsv"), ", ")
}

func authors() []string {
	return slices.DeleteFunc(slices.Clone(triggereval.DevSplits), func(s string) bool { return s == triggereval.SplitHoldout })
}

// foldOf assigns a line to a fold by its id alone, so adding lines moves none; salt keeps the
// inner folds independent of the outer ones.
func foldOf(salt, id string, k int) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(salt + "/" + id))
	return int(h.Sum32() % uint32(k))
}

// loadPhrasings reads phrasings.tsv as cases: the trigger a line speaks of is in Note, and
// Labels holds it when the line wants it.
func loadPhrasings(path string) ([]triggereval.Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []triggereval.Case
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) != 3 || (fs[1] != "0" && fs[1] != "1") {
			return nil, fmt.Errorf("%s:%d: want trigger<TAB>0|1<TAB>messages", path, n)
		}
		c := triggereval.Case{ID: fmt.Sprintf("phrasing-%d", n), Split: splitPhrasings, Note: fs[0], Messages: strings.Split(fs[2], " || ")}
		if fs[1] == "1" {
			c.Labels = []string{fs[0]}
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// trainRecord is how a model was made, kept in its file.
type trainRecord struct {
	Data            string                  `json:"data"`
	Folds           int                     `json:"folds"`
	Cost            float64                 `json:"cost,omitempty"`
	Precision       float64                 `json:"precision,omitempty"`
	LexiconFeatures bool                    `json:"lexicon_features"`
	Triggers        []triggerRecord         `json:"triggers"`
	CrossValidated  map[string]splitFigures `json:"cross_validated,omitempty"`
	Lexicon         map[string]splitFigures `json:"lexicon_alone,omitempty"`
}

type triggerRecord struct {
	Name      string  `json:"name"`
	Lambda    float64 `json:"lambda"`
	Threshold float64 `json:"threshold"`
	Alone     float64 `json:"alone"`
	AddedTP   int     `json:"oof_added_right"`
	AddedFP   int     `json:"oof_added_wrong"`
}

// inner is a line's fold inside trainModel: leave one set out again, among the sets exs holds.
func inner(salt string, ex *example, k int) int {
	return setFold(salt, triggereval.Case{ID: ex.id, Split: ex.split}, k)
}

// trainModel chooses, per trigger, the L2 strength and threshold by cross-validation inside
// exs, then fits on all of exs: one model per precision floor in opt.precisions, in that
// order. The inner fits depend only on the L2 strength, so every floor shares them: comparing
// floors costs one cross-validation, not one each.
func trainModel(exs []*example, opt options, salt string, cv *cvFigures) ([]*decision.TriggerModel, []trainRecord) {
	skip := map[uint32]bool{}
	if !opt.lexicon {
		for _, i := range decision.LexiconSigns() {
			skip[i] = true
		}
	}
	nf := len(opt.precisions)
	ts := make([][]decision.TriggerWeights, nf)
	recs := make([][]triggerRecord, nf)
	for j := range nf {
		ts[j] = make([]decision.TriggerWeights, len(decision.TriggerNames))
		recs[j] = make([]triggerRecord, len(decision.TriggerNames))
	}
	var wg sync.WaitGroup
	for t := range decision.TriggerNames {
		wg.Go(func() {
			best := make([]triggerRecord, nf)
			bestGain := make([]float64, nf)
			for j := range nf {
				best[j] = triggerRecord{Name: decision.TriggerNames[t], Threshold: 1, Alone: 1}
				bestGain[j] = -1
			}
			for _, lambda := range opt.lambdas {
				p := make([]float64, len(exs))
				for k := range opt.folds {
					var train []*example
					for _, ex := range exs {
						if inner(salt, ex, opt.folds) != k {
							train = append(train, ex)
						}
					}
					if len(train) == len(exs) {
						continue // the set held out by the outer fold
					}
					s := newScorer(fit(train, t, lambda, skip))
					for i, ex := range exs {
						if inner(salt, ex, opt.folds) == k {
							p[i] = s.prob(ex.f)
						}
					}
				}
				for j, floor := range opt.precisions {
					tau, alone, tp, fp, gain := chooseThreshold(exs, p, t, floor, opt.cost, opt.alonesFor(t))
					if gain > bestGain[j] {
						bestGain[j] = gain
						best[j] = triggerRecord{Name: decision.TriggerNames[t], Lambda: lambda, Threshold: tau, Alone: alone, AddedTP: tp, AddedFP: fp}
					}
				}
			}
			fits := map[float64]decision.TriggerWeights{}
			for j := range nf {
				tw := decision.TriggerWeights{Name: best[j].Name, Lambda: best[j].Lambda, Threshold: 1}
				// A trigger the classifier never fires for keeps no weights: nothing it
				// computes could matter.
				if best[j].Threshold < 1 {
					f, ok := fits[best[j].Lambda]
					if !ok {
						f = fit(exs, t, best[j].Lambda, skip)
						fits[best[j].Lambda] = f
					}
					tw = f
					tw.Threshold, tw.Alone = best[j].Threshold, best[j].Alone
				}
				ts[j][t], recs[j][t] = tw, best[j]
			}
		})
	}
	wg.Wait()
	models := make([]*decision.TriggerModel, nf)
	records := make([]trainRecord, nf)
	for j, floor := range opt.precisions {
		rec := trainRecord{Data: trainedOn(), Folds: opt.folds, Cost: opt.cost, Precision: floor, LexiconFeatures: opt.lexicon, Triggers: recs[j]}
		if cv != nil {
			rec.CrossValidated, rec.Lexicon = cv.combined, cv.lexicon
		}
		raw, err := json.Marshal(rec)
		if err != nil {
			panic(err)
		}
		m, err := decision.NewTriggerModel(ts[j], true, raw)
		if err != nil {
			panic(err)
		}
		models[j], records[j] = m, rec
	}
	return models, records
}
