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

func TestEvaluateKeepsTheFresh7SetBlind(t *testing.T) {
	tuneID, holdID, freshID, fresh2ID, fresh3ID, fresh4ID, fresh5ID, fresh6ID, fresh7ID := idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0), "fresh-en-legal-001", "fresh2-en-legal-001", "fresh3-en-legal-001", "fresh4-en-legal-001", "fresh5-en-legal-001", "fresh6-en-legal-001", "fresh7-en-legal-001"
	cases := []Case{
		{ID: tuneID, Lang: "en", Messages: []string{"tune secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitTune},
		{ID: holdID, Lang: "en", Messages: []string{"holdout line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitHoldout},
		{ID: freshID, Lang: "en", Messages: []string{"fresh line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh},
		{ID: fresh2ID, Lang: "en", Messages: []string{"fresh2 line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh2},
		{ID: fresh3ID, Lang: "en", Messages: []string{"fresh3 line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh3},
		{ID: fresh4ID, Lang: "en", Messages: []string{"fresh4 line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh4},
		{ID: fresh5ID, Lang: "en", Messages: []string{"fresh5 line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh5},
		{ID: fresh6ID, Lang: "en", Messages: []string{"fresh6 line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh6},
		{ID: fresh7ID, Lang: "en", Messages: []string{"fresh7 secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitFresh7},
	}
	miss := func(Case) Prediction {
		return Prediction{Labels: map[string]bool{"frustration": true}, Evidence: "quoted words"}
	}
	var dev []*Result
	for _, s := range DevSplits {
		dev = append(dev, Evaluate(cases, s, miss))
	}
	fresh7 := Evaluate(cases, SplitFresh7, miss)

	if c := fresh7.Triggers["legal"]; fresh7.Cases != 1 || c.FN != 1 || fresh7.Routing.FN != 1 || fresh7.Triggers["frustration"].FP != 1 {
		t.Fatalf("fresh7 counts %d %+v %+v", fresh7.Cases, c, fresh7.Routing)
	}
	if _, err := fresh7.Misses(); err == nil {
		t.Fatal("the fresh7 set's misses must be refused")
	}
	if fresh7.misses != nil {
		t.Fatal("nothing per line may be recorded for the fresh7 set")
	}
	// The fresh to fresh6 sets had their one blind look; they are development data now.
	for _, r := range dev {
		got, err := r.Misses()
		if err != nil || len(got) != 1 || got[0].Missed[0] != "legal" || got[0].Spurious[0] != "frustration" {
			t.Fatalf("%s misses %+v, %v", r.Split, got, err)
		}
	}

	var out bytes.Buffer
	all := append(dev, fresh7)
	PrintTable(&out, "test", all...)
	for _, r := range all {
		PrintMisses(&out, r)
	}
	if strings.Contains(out.String(), "fresh7 secret") || strings.Contains(out.String(), fresh7ID) {
		t.Fatalf("a fresh7 line was printed:\n%s", out.String())
	}
	for _, want := range []string{"tune secret", "holdout line", "fresh line", "fresh2 line", "fresh3 line", "fresh4 line", "fresh5 line", "fresh6 line", holdID, freshID, fresh2ID, fresh3ID, fresh4ID, fresh5ID, fresh6ID,
		"1 holdout cases missed", "1 fresh cases missed", "1 fresh2 cases missed", "1 fresh3 cases missed", "1 fresh4 cases missed", "1 fresh5 cases missed", "1 fresh6 cases missed", "| fresh7 | legal | 1 | 1.00 | 0.00 | 0 | 0 | 1 |",
		"reported in aggregate only"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSplitsNeverSpendTheFresh7SetByMistake(t *testing.T) {
	for env, want := range map[string]string{
		"":        "tune holdout fresh fresh2 fresh3 fresh4 fresh5 fresh6 fresh7",
		"all":     "tune holdout fresh fresh2 fresh3 fresh4 fresh5 fresh6 fresh7",
		"dev":     "tune holdout fresh fresh2 fresh3 fresh4 fresh5 fresh6",
		"tune":    "tune",
		"holdotu": "tune holdout fresh fresh2 fresh3 fresh4 fresh5 fresh6", // a typo
		"fresh7":  "tune holdout fresh fresh2 fresh3 fresh4 fresh5 fresh6", // not a way to ask for it alone either
	} {
		t.Setenv("HANDOFF_EVAL_SPLIT", env)
		if got := strings.Join(Splits(), " "); got != want {
			t.Errorf("HANDOFF_EVAL_SPLIT=%q: %s, want %s", env, got, want)
		}
	}
}

func TestLoadRefusesMislabelledSplitsWithoutNamingFresh7Lines(t *testing.T) {
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
	fresh7ID := "fresh7-es-human-007"
	for _, c := range []Case{
		{ID: fresh7ID, Messages: []string{"x"}, Split: SplitTune},
		{ID: fresh7ID, Messages: []string{"x"}, Split: SplitFresh6},
		{ID: fresh7ID, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: SplitFresh7},
	} {
		_, err := Load(write(line(c)))
		if err == nil || strings.Contains(err.Error(), fresh7ID) || !strings.Contains(err.Error(), "1 fresh7 lines") {
			t.Fatalf("err = %v", err)
		}
	}
	_, err := Load(write(`{"id": "fresh7-en-neg-001", "messages": ["secret words"`))
	if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "fresh7-en") {
		t.Fatalf("err = %v", err)
	}
	// Development lines are named: the holdout and the fresh sets are open for development.
	for _, id := range []string{idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0), "fresh-en-frus-003", "fresh2-en-frus-003", "fresh3-en-frus-003", "fresh4-en-frus-003", "fresh5-en-frus-003", "fresh6-en-frus-003"} {
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: expectedSplit(id)})))
		if err == nil || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), `unknown label "anger"`) {
			t.Fatalf("err = %v", err)
		}
	}
	// A line that claims the fresh7 split is refused, and kept unshown like any fresh7 line.
	for _, id := range []string{idIn(t, SplitHoldout, 0), "fresh-en-neg-002", "fresh2-en-neg-002", "fresh3-en-neg-002", "fresh4-en-neg-002", "fresh5-en-neg-002", "fresh6-en-neg-002"} {
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Split: SplitFresh7})))
		if err == nil || strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "1 fresh7 lines") {
			t.Fatalf("a development id cannot claim the fresh7 split: %v", err)
		}
	}
}

// The real sets load; of the fresh7 set only counts are looked at. Until fresh7.jsonl is
// added, asking for it must fail and name the file, never score nothing and pass.
func TestTheSetsLoad(t *testing.T) {
	first, err := LoadSplits([]string{SplitTune, SplitHoldout})
	if err != nil || len(first) < 400 {
		t.Fatalf("the first set: %d cases, %v", len(first), err)
	}
	dev, err := LoadSplits(DevSplits)
	if err != nil || len(dev) < len(first)+250+300+300+330+330+330 {
		t.Fatalf("the development sets: %d cases, %v", len(dev), err)
	}
	all, err := LoadSplits(append(slices.Clone(DevSplits), SplitFresh7))
	if _, statErr := os.Stat(Fresh7Path()); os.IsNotExist(statErr) {
		if err == nil || !strings.Contains(err.Error(), "fresh7.jsonl") || !strings.Contains(err.Error(), "missing") {
			t.Fatalf("without fresh7.jsonl, loading it must fail and name the file: %v", err)
		}
		t.Log("fresh7.jsonl is not there yet; loading it fails as it should")
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	fresh7 := 0
	for _, c := range all {
		if c.Split == SplitFresh7 {
			fresh7++
		}
	}
	if fresh7 == 0 || len(all) != len(dev)+fresh7 {
		t.Fatalf("%d fresh7 cases of %d", fresh7, len(all))
	}
}
