package triggereval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// idIn finds a synthetic id that the FNV rule puts in the split.
func idIn(t *testing.T, split string, n int) string {
	t.Helper()
	for i := n; i < n+100; i++ {
		id := fmt.Sprintf("xx-test-%03d", i)
		if SplitOf(id) == split {
			return id
		}
	}
	t.Fatal("no id found")
	return ""
}

func TestSplitOfMatchesTheSetsREADME(t *testing.T) {
	// FNV-1a 32 of "a" is 0xe40c292c = 3826002220; 3826002220 mod 3 = 1: tune.
	if SplitOf("a") != SplitTune {
		t.Fatal(`"a" must be tune`)
	}
	holdout := 0
	for i := 0; i < 300; i++ {
		if SplitOf(fmt.Sprintf("en-x-%03d", i)) == SplitHoldout {
			holdout++
		}
	}
	if holdout < 70 || holdout > 130 {
		t.Fatalf("%d of 300 ids in the holdout; the rule should give about a third", holdout)
	}
}

func TestEvaluateKeepsTheFreshSetBlind(t *testing.T) {
	tuneID, holdID, freshID := idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0), "fresh-en-legal-001"
	cases := []Case{
		{ID: tuneID, Lang: "en", Messages: []string{"tune secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitTune},
		{ID: holdID, Lang: "en", Messages: []string{"holdout line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitHoldout},
		{ID: freshID, Lang: "en", Messages: []string{"fresh secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh},
	}
	miss := func(Case) Prediction {
		return Prediction{Labels: map[string]bool{"frustration": true}, Evidence: "quoted words"}
	}
	tune := Evaluate(cases, SplitTune, miss)
	hold := Evaluate(cases, SplitHoldout, miss)
	fresh := Evaluate(cases, SplitFresh, miss)

	if c := fresh.Triggers["legal"]; fresh.Cases != 1 || c.FN != 1 || fresh.Routing.FN != 1 || fresh.Triggers["frustration"].FP != 1 {
		t.Fatalf("fresh counts %d %+v %+v", fresh.Cases, c, fresh.Routing)
	}
	if _, err := fresh.Misses(); err == nil {
		t.Fatal("the fresh set's misses must be refused")
	}
	if fresh.misses != nil {
		t.Fatal("nothing per line may be recorded for the fresh set")
	}
	for _, r := range []*Result{tune, hold} {
		got, err := r.Misses()
		if err != nil || len(got) != 1 || got[0].Missed[0] != "legal" || got[0].Spurious[0] != "frustration" {
			t.Fatalf("%s misses %+v, %v", r.Split, got, err)
		}
	}

	var out bytes.Buffer
	PrintTable(&out, "test", tune, hold, fresh)
	for _, r := range []*Result{tune, hold, fresh} {
		PrintMisses(&out, r)
	}
	if strings.Contains(out.String(), "fresh secret") || strings.Contains(out.String(), freshID) {
		t.Fatalf("a fresh line was printed:\n%s", out.String())
	}
	for _, want := range []string{"tune secret", "holdout line", holdID, "1 holdout cases missed",
		"| fresh | legal | 1 | 1.00 | 0.00 | 0 | 0 | 1 |", "reported in aggregate only"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSplitsNeverSpendTheFreshSetByMistake(t *testing.T) {
	for env, want := range map[string]string{
		"":        "tune holdout fresh",
		"all":     "tune holdout fresh",
		"dev":     "tune holdout",
		"tune":    "tune",
		"holdotu": "tune holdout", // a typo
		"fresh":   "tune holdout", // not a way to ask for it alone either
	} {
		t.Setenv("HANDOFF_EVAL_SPLIT", env)
		if got := strings.Join(Splits(), " "); got != want {
			t.Errorf("HANDOFF_EVAL_SPLIT=%q: %s, want %s", env, got, want)
		}
	}
}

func TestLoadRefusesMislabelledSplitsWithoutNamingFreshLines(t *testing.T) {
	write := func(lines ...string) string {
		p := filepath.Join(t.TempDir(), "set.jsonl")
		if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	line := func(c Case) string {
		j, _ := json.Marshal(c)
		return string(j)
	}
	freshID := "fresh-es-human-007"
	for _, c := range []Case{
		{ID: freshID, Messages: []string{"x"}, Split: SplitTune},
		{ID: freshID, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: SplitFresh},
	} {
		_, err := Load(write(line(c)))
		if err == nil || strings.Contains(err.Error(), freshID) || !strings.Contains(err.Error(), "1 fresh lines") {
			t.Fatalf("err = %v", err)
		}
	}
	_, err := Load(write(`{"id": "fresh-en-neg-001", "messages": ["secret words"`))
	if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "fresh-en") {
		t.Fatalf("err = %v", err)
	}
	// Development lines are named: the holdout is open for development.
	for _, id := range []string{idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0)} {
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: SplitOf(id)})))
		if err == nil || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), `unknown label "anger"`) {
			t.Fatalf("err = %v", err)
		}
	}
	// A line that claims the fresh split is refused, and kept unshown like any fresh line.
	holdID := idIn(t, SplitHoldout, 0)
	_, err = Load(write(line(Case{ID: holdID, Messages: []string{"x"}, Split: SplitFresh})))
	if err == nil || strings.Contains(err.Error(), holdID) || !strings.Contains(err.Error(), "1 fresh lines") {
		t.Fatalf("a development id cannot claim the fresh split: %v", err)
	}
}

// The real sets load; of the fresh set only counts are looked at.
func TestTheSetsLoad(t *testing.T) {
	dev, err := LoadSplits([]string{SplitTune, SplitHoldout})
	if err != nil || len(dev) < 400 {
		t.Fatalf("the development set: %d cases, %v", len(dev), err)
	}
	all, err := LoadSplits([]string{SplitTune, SplitHoldout, SplitFresh})
	if err != nil {
		t.Fatal(err)
	}
	fresh := 0
	for _, c := range all {
		if c.Split == SplitFresh {
			fresh++
		}
	}
	if fresh < 250 || len(all) != len(dev)+fresh {
		t.Fatalf("%d fresh cases of %d", fresh, len(all))
	}
}
