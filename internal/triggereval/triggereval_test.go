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

func TestEvaluateKeepsTheFresh3SetBlind(t *testing.T) {
	tuneID, holdID, freshID, fresh2ID, fresh3ID := idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0), "fresh-en-legal-001", "fresh2-en-legal-001", "fresh3-en-legal-001"
	cases := []Case{
		{ID: tuneID, Lang: "en", Messages: []string{"tune secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitTune},
		{ID: holdID, Lang: "en", Messages: []string{"holdout line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitHoldout},
		{ID: freshID, Lang: "en", Messages: []string{"fresh line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh},
		{ID: fresh2ID, Lang: "en", Messages: []string{"fresh2 line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh2},
		{ID: fresh3ID, Lang: "en", Messages: []string{"fresh3 secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh3},
	}
	miss := func(Case) Prediction {
		return Prediction{Labels: map[string]bool{"frustration": true}, Evidence: "quoted words"}
	}
	var dev []*Result
	for _, s := range DevSplits {
		dev = append(dev, Evaluate(cases, s, miss))
	}
	fresh3 := Evaluate(cases, SplitFresh3, miss)

	if c := fresh3.Triggers["legal"]; fresh3.Cases != 1 || c.FN != 1 || fresh3.Routing.FN != 1 || fresh3.Triggers["frustration"].FP != 1 {
		t.Fatalf("fresh3 counts %d %+v %+v", fresh3.Cases, c, fresh3.Routing)
	}
	if _, err := fresh3.Misses(); err == nil {
		t.Fatal("the fresh3 set's misses must be refused")
	}
	if fresh3.misses != nil {
		t.Fatal("nothing per line may be recorded for the fresh3 set")
	}
	// The fresh and fresh2 sets had their one blind look; they are development data now.
	for _, r := range dev {
		got, err := r.Misses()
		if err != nil || len(got) != 1 || got[0].Missed[0] != "legal" || got[0].Spurious[0] != "frustration" {
			t.Fatalf("%s misses %+v, %v", r.Split, got, err)
		}
	}

	var out bytes.Buffer
	all := append(dev, fresh3)
	PrintTable(&out, "test", all...)
	for _, r := range all {
		PrintMisses(&out, r)
	}
	if strings.Contains(out.String(), "fresh3 secret") || strings.Contains(out.String(), fresh3ID) {
		t.Fatalf("a fresh3 line was printed:\n%s", out.String())
	}
	for _, want := range []string{"tune secret", "holdout line", "fresh line", "fresh2 line", holdID, freshID, fresh2ID,
		"1 holdout cases missed", "1 fresh cases missed", "1 fresh2 cases missed", "| fresh3 | legal | 1 | 1.00 | 0.00 | 0 | 0 | 1 |",
		"reported in aggregate only"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSplitsNeverSpendTheFresh3SetByMistake(t *testing.T) {
	for env, want := range map[string]string{
		"":        "tune holdout fresh fresh2 fresh3",
		"all":     "tune holdout fresh fresh2 fresh3",
		"dev":     "tune holdout fresh fresh2",
		"tune":    "tune",
		"holdotu": "tune holdout fresh fresh2", // a typo
		"fresh3":  "tune holdout fresh fresh2", // not a way to ask for it alone either
	} {
		t.Setenv("HANDOFF_EVAL_SPLIT", env)
		if got := strings.Join(Splits(), " "); got != want {
			t.Errorf("HANDOFF_EVAL_SPLIT=%q: %s, want %s", env, got, want)
		}
	}
}

func TestLoadRefusesMislabelledSplitsWithoutNamingFresh3Lines(t *testing.T) {
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
	fresh3ID := "fresh3-es-human-007"
	for _, c := range []Case{
		{ID: fresh3ID, Messages: []string{"x"}, Split: SplitTune},
		{ID: fresh3ID, Messages: []string{"x"}, Split: SplitFresh2},
		{ID: fresh3ID, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: SplitFresh3},
	} {
		_, err := Load(write(line(c)))
		if err == nil || strings.Contains(err.Error(), fresh3ID) || !strings.Contains(err.Error(), "1 fresh3 lines") {
			t.Fatalf("err = %v", err)
		}
	}
	_, err := Load(write(`{"id": "fresh3-en-neg-001", "messages": ["secret words"`))
	if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "fresh3-en") {
		t.Fatalf("err = %v", err)
	}
	// Development lines are named: the holdout and the fresh sets are open for development.
	for _, id := range []string{idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0), "fresh-en-frus-003", "fresh2-en-frus-003"} {
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: expectedSplit(id)})))
		if err == nil || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), `unknown label "anger"`) {
			t.Fatalf("err = %v", err)
		}
	}
	// A line that claims the fresh3 split is refused, and kept unshown like any fresh3 line.
	for _, id := range []string{idIn(t, SplitHoldout, 0), "fresh-en-neg-002", "fresh2-en-neg-002"} {
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Split: SplitFresh3})))
		if err == nil || strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "1 fresh3 lines") {
			t.Fatalf("a development id cannot claim the fresh3 split: %v", err)
		}
	}
}

// The real sets load; of the fresh3 set only counts are looked at. Until fresh3.jsonl is
// added, asking for it must fail and name the file, never score nothing and pass.
func TestTheSetsLoad(t *testing.T) {
	first, err := LoadSplits([]string{SplitTune, SplitHoldout})
	if err != nil || len(first) < 400 {
		t.Fatalf("the first set: %d cases, %v", len(first), err)
	}
	dev, err := LoadSplits(DevSplits)
	if err != nil || len(dev) < len(first)+250+300 {
		t.Fatalf("the development sets: %d cases, %v", len(dev), err)
	}
	all, err := LoadSplits(append(slices.Clone(DevSplits), SplitFresh3))
	if _, statErr := os.Stat(Fresh3Path()); os.IsNotExist(statErr) {
		if err == nil || !strings.Contains(err.Error(), "fresh3.jsonl") || !strings.Contains(err.Error(), "missing") {
			t.Fatalf("without fresh3.jsonl, loading it must fail and name the file: %v", err)
		}
		t.Log("fresh3.jsonl is not there yet; loading it fails as it should")
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	fresh3 := 0
	for _, c := range all {
		if c.Split == SplitFresh3 {
			fresh3++
		}
	}
	if fresh3 == 0 || len(all) != len(dev)+fresh3 {
		t.Fatalf("%d fresh3 cases of %d", fresh3, len(all))
	}
}
