// Package triggereval measures a trigger analyzer against the labelled customer messages in
// decision/testdata/triggers (see its README): precision and recall per trigger and the
// accuracy of the routing decision, per split.
//
// The sets are listed in Sets. labelled.jsonl, split into tune and holdout by id, fresh.jsonl to
// fresh18.jsonl (splits "fresh" to "fresh18") and the training sets train-a.jsonl to
// train-h.jsonl are the development sets: the analyzer was tuned on them, its classifier is
// trained on all of them, and their misses may be listed. Each fresh set was blind once, until
// it had had its one look, after which a set measures nothing new and its lines teach more
// read than counted; the training sets were written to be learned from and never were blind.
// fresh19.jsonl (split "fresh19"), written later by yet another author, is the untouched set
// that makes the figures worth quoting, so this package keeps it blind: for it nothing per
// line is recorded, only counts, and a caller cannot print one of its lines through this
// package even by mistake.
package triggereval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"slices"
	"strings"
)

// Splits of labelled.jsonl, whose lines are tune or holdout by id (SplitOf).
const (
	SplitTune    = "tune"
	SplitHoldout = "holdout"
)

// Sets are the labelled sets after labelled.jsonl, by split, in the order their figures are
// printed. Each is decision/testdata/triggers/<split>.jsonl (SetFile), every line of it
// declares the split, and every id starts with the split and a dash.
var Sets = []string{
	"fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", BlindSplit,
	"train-a", "train-b", "train-c", "train-d", "train-e", "train-f", "train-g", "train-h",
}

// SetFile is the file name of a set in Sets.
func SetFile(split string) string { return split + ".jsonl" }

// BlindSplit is the untouched set's split.
const BlindSplit = "fresh19"

// DevSplits are the development splits, in the order figures are printed: every split but
// the blind one.
var DevSplits = func() []string {
	out := []string{SplitTune, SplitHoldout}
	for _, s := range Sets {
		if s != BlindSplit {
			out = append(out, s)
		}
	}
	return out
}()

// Blind reports whether a split's lines and per-line results must never be shown.
func Blind(split string) bool { return split == BlindSplit }

// Triggers are the labels, in the order figures are printed.
var Triggers = []string{"human_request", "frustration", "distress", "legal"}

// Case is one labelled conversation: the customer's messages, oldest first.
type Case struct {
	ID          string   `json:"id"`
	Lang        string   `json:"lang"`
	Messages    []string `json:"messages"`
	Labels      []string `json:"labels"`
	ExpectHuman bool     `json:"expect_human"`
	Split       string   `json:"split"`
	Note        string   `json:"note,omitempty"`
}

// Has reports whether the case carries a label.
func (c Case) Has(label string) bool { return slices.Contains(c.Labels, label) }

// SplitOf is the split the set's README fixes for an id: FNV-1a 32 of the id, mod 3 == 0 is
// holdout. Adding lines never moves an existing one.
func SplitOf(id string) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	if h.Sum32()%3 == 0 {
		return SplitHoldout
	}
	return SplitTune
}

// expectedSplit is the split a line must declare: a set's split for an id with its prefix
// (a blind id is blind whatever its split field says, so a mislabelled one is not shown
// either), the FNV rule for the others.
func expectedSplit(id string) string {
	for _, s := range Sets {
		if strings.HasPrefix(id, s+"-") {
			return s
		}
	}
	return SplitOf(id)
}

// Load reads a set. A line whose split field disagrees with its id, or that has an unknown
// label, fails the load; the error names development lines only, so a blind line is never
// shown, not even by a typo in it.
func Load(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []Case
	badBlind, badJSON := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var c Case
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			// The decoder's message quotes the line's text: count it, say nothing more.
			badJSON++
			continue
		}
		if problem := check(c); problem != "" {
			if Blind(c.Split) || Blind(expectedSplit(c.ID)) {
				badBlind++
				continue
			}
			return nil, fmt.Errorf("%s: %s: %s", path, c.ID, problem)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if badJSON > 0 {
		return nil, fmt.Errorf("%s: %d lines are not JSON cases (not shown: the file may be the blind set)", path, badJSON)
	}
	if badBlind > 0 {
		return nil, fmt.Errorf("%s: %d %s lines are malformed (not shown: the %s set stays unread)", path, badBlind, BlindSplit, BlindSplit)
	}
	return cases, nil
}

func check(c Case) string {
	switch {
	case c.ID == "" || len(c.Messages) == 0:
		return "id and messages are required"
	case c.Split != expectedSplit(c.ID):
		return fmt.Sprintf("split %q disagrees with the id (%s)", c.Split, expectedSplit(c.ID))
	case c.ExpectHuman != (len(c.Labels) > 0):
		return "expect_human must be true exactly when there are labels"
	}
	for _, l := range c.Labels {
		if !slices.Contains(Triggers, l) {
			return fmt.Sprintf("unknown label %q", l)
		}
	}
	return ""
}

// Prediction is what an analyzer made of one case.
type Prediction struct {
	// Labels holds the triggers it detected.
	Labels map[string]bool
	// Human: the routing decision sends the conversation to a person.
	Human bool
	// Failed: the analyzer could not answer (a model endpoint down); counted, and scored
	// as whatever Labels and Human say (usually the fallback's answer).
	Failed bool
	// Evidence is what the analyzer quoted, shown next to development misses.
	Evidence string
}

// Counts is a confusion matrix.
type Counts struct{ TP, FP, FN, TN int }

func (c *Counts) add(want, got bool) {
	switch {
	case want && got:
		c.TP++
	case got:
		c.FP++
	case want:
		c.FN++
	default:
		c.TN++
	}
}

// Precision is TP / (TP + FP); 1 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN); 1 when there was nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// Accuracy is (TP + TN) / all.
func (c Counts) Accuracy() float64 { return ratio(c.TP+c.TN, c.TP+c.TN+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is one development case the analyzer got wrong.
type Miss struct {
	Case      Case
	Missed    []string // labelled but not detected
	Spurious  []string // detected but not labelled
	RoutedBad bool
	Evidence  string
}

// Result is one split's figures.
type Result struct {
	Split    string
	Cases    int
	Failed   int
	Triggers map[string]*Counts
	Routing  Counts
	// RoutingByLang is the routing decision's confusion matrix per language.
	RoutingByLang map[string]*Counts
	misses        []Miss
}

// Misses are the development cases the analyzer got wrong. Asking for the blind set's is an
// error: nothing was recorded for it.
func (r *Result) Misses() ([]Miss, error) {
	if Blind(r.Split) {
		return nil, fmt.Errorf("the %s split is reported in aggregate only; per-line results exist for %s", r.Split, strings.Join(DevSplits, ", "))
	}
	return r.misses, nil
}

// Evaluate runs predict over the cases of the given split and scores it.
func Evaluate(cases []Case, split string, predict func(Case) Prediction) *Result {
	r := &Result{Split: split, Triggers: map[string]*Counts{}, RoutingByLang: map[string]*Counts{}}
	for _, t := range Triggers {
		r.Triggers[t] = &Counts{}
	}
	for _, c := range cases {
		if c.Split != split {
			continue
		}
		p := predict(c)
		r.Cases++
		if p.Failed {
			r.Failed++
		}
		var m Miss
		for _, t := range Triggers {
			want, got := c.Has(t), p.Labels[t]
			r.Triggers[t].add(want, got)
			switch {
			case want && !got:
				m.Missed = append(m.Missed, t)
			case got && !want:
				m.Spurious = append(m.Spurious, t)
			}
		}
		r.Routing.add(c.ExpectHuman, p.Human)
		if r.RoutingByLang[c.Lang] == nil {
			r.RoutingByLang[c.Lang] = &Counts{}
		}
		r.RoutingByLang[c.Lang].add(c.ExpectHuman, p.Human)
		m.RoutedBad = c.ExpectHuman != p.Human
		if !Blind(split) && (len(m.Missed) > 0 || len(m.Spurious) > 0 || m.RoutedBad) {
			m.Case, m.Evidence = c, p.Evidence
			r.misses = append(r.misses, m)
		}
	}
	return r
}
