package triggereval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

func TestEvaluateKeepsTheFresh2SetBlind(t *testing.T) {
	tuneID, holdID, freshID, fresh2ID := idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0), "fresh-en-legal-001", "fresh2-en-legal-001"
	cases := []Case{
		{ID: tuneID, Lang: "en", Messages: []string{"tune secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitTune},
		{ID: holdID, Lang: "en", Messages: []string{"holdout line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitHoldout},
		{ID: freshID, Lang: "en", Messages: []string{"fresh line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh},
		{ID: fresh2ID, Lang: "en", Messages: []string{"fresh2 secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh2},
	}
	miss := func(Case) Prediction {
		return Prediction{Labels: map[string]bool{"frustration": true}, Evidence: "quoted words"}
	}
	tune := Evaluate(cases, SplitTune, miss)
	hold := Evaluate(cases, SplitHoldout, miss)
	fresh := Evaluate(cases, SplitFresh, miss)
	fresh2 := Evaluate(cases, SplitFresh2, miss)

	if c := fresh2.Triggers["legal"]; fresh2.Cases != 1 || c.FN != 1 || fresh2.Routing.FN != 1 || fresh2.Triggers["frustration"].FP != 1 {
		t.Fatalf("fresh2 counts %d %+v %+v", fresh2.Cases, c, fresh2.Routing)
	}
	if _, err := fresh2.Misses(); err == nil {
		t.Fatal("the fresh2 set's misses must be refused")
	}
	if fresh2.misses != nil {
		t.Fatal("nothing per line may be recorded for the fresh2 set")
	}
	// The fresh set had its one blind look; it is development data now.
	for _, r := range []*Result{tune, hold, fresh} {
		got, err := r.Misses()
		if err != nil || len(got) != 1 || got[0].Missed[0] != "legal" || got[0].Spurious[0] != "frustration" {
			t.Fatalf("%s misses %+v, %v", r.Split, got, err)
		}
	}

	var out bytes.Buffer
	PrintTable(&out, "test", tune, hold, fresh, fresh2)
	for _, r := range []*Result{tune, hold, fresh, fresh2} {
		PrintMisses(&out, r)
	}
	if strings.Contains(out.String(), "fresh2 secret") || strings.Contains(out.String(), fresh2ID) {
		t.Fatalf("a fresh2 line was printed:\n%s", out.String())
	}
	for _, want := range []string{"tune secret", "holdout line", "fresh line", holdID, freshID, "1 holdout cases missed",
		"1 fresh cases missed", "| fresh2 | legal | 1 | 1.00 | 0.00 | 0 | 0 | 1 |", "reported in aggregate only"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSplitsNeverSpendTheFresh2SetByMistake(t *testing.T) {
	for env, want := range map[string]string{
		"":        "tune holdout fresh fresh2",
		"all":     "tune holdout fresh fresh2",
		"dev":     "tune holdout fresh",
		"tune":    "tune",
		"holdotu": "tune holdout fresh", // a typo
		"fresh2":  "tune holdout fresh", // not a way to ask for it alone either
	} {
		t.Setenv("HANDOFF_EVAL_SPLIT", env)
		if got := strings.Join(Splits(), " "); got != want {
			t.Errorf("HANDOFF_EVAL_SPLIT=%q: %s, want %s", env, got, want)
		}
	}
}

func TestLoadRefusesMislabelledSplitsWithoutNamingFresh2Lines(t *testing.T) {
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
	fresh2ID := "fresh2-es-human-007"
	for _, c := range []Case{
		{ID: fresh2ID, Messages: []string{"x"}, Split: SplitTune},
		{ID: fresh2ID, Messages: []string{"x"}, Split: SplitFresh},
		{ID: fresh2ID, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: SplitFresh2},
	} {
		_, err := Load(write(line(c)))
		if err == nil || strings.Contains(err.Error(), fresh2ID) || !strings.Contains(err.Error(), "1 fresh2 lines") {
			t.Fatalf("err = %v", err)
		}
	}
	_, err := Load(write(`{"id": "fresh2-en-neg-001", "messages": ["secret words"`))
	if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "fresh2-en") {
		t.Fatalf("err = %v", err)
	}
	// Development lines are named: the holdout and the fresh set are open for development.
	for _, id := range []string{idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0), "fresh-en-frus-003"} {
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: expectedSplit(id)})))
		if err == nil || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), `unknown label "anger"`) {
			t.Fatalf("err = %v", err)
		}
	}
	// A line that claims the fresh2 split is refused, and kept unshown like any fresh2 line.
	for _, id := range []string{idIn(t, SplitHoldout, 0), "fresh-en-neg-002"} {
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Split: SplitFresh2})))
		if err == nil || strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "1 fresh2 lines") {
			t.Fatalf("a development id cannot claim the fresh2 split: %v", err)
		}
	}
}

// The real sets load; of the fresh2 set only counts are looked at.
func TestTheSetsLoad(t *testing.T) {
	first, err := LoadSplits([]string{SplitTune, SplitHoldout})
	if err != nil || len(first) < 400 {
		t.Fatalf("the first set: %d cases, %v", len(first), err)
	}
	dev, err := LoadSplits(DevSplits)
	if err != nil || len(dev) < len(first)+250 {
		t.Fatalf("the development sets: %d cases, %v", len(dev), err)
	}
	all, err := LoadSplits(append(slices.Clone(DevSplits), SplitFresh2))
	if err != nil {
		t.Fatal(err)
	}
	fresh2 := 0
	for _, c := range all {
		if c.Split == SplitFresh2 {
			fresh2++
		}
	}
	if fresh2 < 300 || len(all) != len(dev)+fresh2 {
		t.Fatalf("%d fresh2 cases of %d", fresh2, len(all))
	}
}
