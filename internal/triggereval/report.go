package triggereval

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// Targets are the bars for the untouched set (now fresh19): recall per trigger, and
// precision for every trigger.
var Targets = map[string]float64{"human_request": 0.95, "frustration": 0.90, "distress": 0.90, "legal": 0.90}

// TargetPrecision is the precision every trigger must reach.
const TargetPrecision = 0.90

// Below lists the triggers whose figures miss the targets, as "distress recall 0.87".
func (r *Result) Below() []string {
	var out []string
	for _, t := range Triggers {
		c := r.Triggers[t]
		if c.Recall() < Targets[t] {
			out = append(out, fmt.Sprintf("%s recall %.2f < %.2f", t, c.Recall(), Targets[t]))
		}
		if c.Precision() < TargetPrecision {
			out = append(out, fmt.Sprintf("%s precision %.2f < %.2f", t, c.Precision(), TargetPrecision))
		}
	}
	return out
}

// PrintTable writes the figures of each result as a Markdown table, one row per trigger and
// one for the routing decision.
func PrintTable(w io.Writer, analyzer string, results ...*Result) {
	fmt.Fprintf(w, "\nanalyzer: %s\n\n", analyzer)
	fmt.Fprintln(w, "| split | trigger | cases labelled | precision | recall | TP | FP | FN |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		for _, t := range Triggers {
			c := r.Triggers[t]
			fmt.Fprintf(w, "| %s | %s | %d | %.2f | %.2f | %d | %d | %d |\n", r.Split, t, c.TP+c.FN, c.Precision(), c.Recall(), c.TP, c.FP, c.FN)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| split | cases | routing accuracy | to a person: precision | recall | en | es | analyzer failures |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %d | %.3f | %.2f | %.2f | %s | %s | %d |\n", r.Split, r.Cases, r.Routing.Accuracy(),
			r.Routing.Precision(), r.Routing.Recall(), langAccuracy(r, "en"), langAccuracy(r, "es"), r.Failed)
	}
}

func langAccuracy(r *Result, lang string) string {
	c := r.RoutingByLang[lang]
	if c == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", c.Accuracy())
}

// PrintMisses lists a development result's misses; for the blind set it writes why it will
// not.
func PrintMisses(w io.Writer, r *Result) {
	misses, err := r.Misses()
	if err != nil {
		fmt.Fprintf(w, "\n(%v)\n", err)
		return
	}
	fmt.Fprintf(w, "\n%d %s cases missed:\n", len(misses), r.Split)
	for _, m := range misses {
		var what []string
		if len(m.Missed) > 0 {
			what = append(what, "missed "+strings.Join(m.Missed, ","))
		}
		if len(m.Spurious) > 0 {
			what = append(what, "spurious "+strings.Join(m.Spurious, ","))
		}
		if m.RoutedBad {
			what = append(what, fmt.Sprintf("routed to a person: %v", !m.Case.ExpectHuman))
		}
		fmt.Fprintf(w, "- %s [%s] %q\n", m.Case.ID, strings.Join(what, "; "), m.Case.Messages)
		if m.Evidence != "" {
			fmt.Fprintf(w, "    evidence: %s\n", m.Evidence)
		}
	}
}

// Splits reads HANDOFF_EVAL_SPLIT: "dev" while developing (every development split; the blind
// set is not even loaded), "tune" for tune alone, empty or "all" for every split with the
// blind one (make eval). Scoring the blind set is a look at it, so any other value is read as
// "dev": a typo must not spend one.
func Splits() []string {
	switch os.Getenv("HANDOFF_EVAL_SPLIT") {
	case SplitTune:
		return []string{SplitTune}
	case "", "all":
		return append(slices.Clone(DevSplits), BlindSplit)
	}
	return slices.Clone(DevSplits)
}

// Enabled reports whether HANDOFF_EVAL asks for the figures to be printed (make eval).
func Enabled() bool { return os.Getenv("HANDOFF_EVAL") != "" }

// DefaultPath is the first development set (tune and holdout), found from this source file so
// any package's test can load it.
func DefaultPath() string { return setPath("labelled.jsonl") }

// BlindPath is the untouched set. It is added after the work it measures, so it may not
// exist yet.
func BlindPath() string { return setPath(SetFile(BlindSplit)) }

func setPath(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "decision", "testdata", "triggers", name)
}

// LoadSplits loads the cases of the given splits: labelled.jsonl always, the other sets only
// when splits name them. Asking for the blind set before its file exists is an error that
// says so: a blind score that silently covered nothing would read as a pass.
func LoadSplits(splits []string) ([]Case, error) {
	cases, err := Load(DefaultPath())
	if err != nil {
		return nil, err
	}
	for _, set := range Sets {
		if !slices.Contains(splits, set) {
			continue
		}
		path := setPath(SetFile(set))
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && set == BlindSplit {
			return nil, fmt.Errorf("the blind set %s is missing: it has not been added yet, so there is nothing blind to score (make eval-dev scores the development sets)", path)
		}
		more, err := Load(path)
		if err != nil {
			return nil, err
		}
		for _, c := range more {
			if c.Split != set {
				// Load checked ids against splits; another set's id in this file is a mix-up.
				return nil, fmt.Errorf("%s: a line is not in the %s split (not shown)", path, set)
			}
		}
		cases = append(cases, more...)
	}
	return cases, nil
}
