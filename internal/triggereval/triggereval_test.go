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

// idOf is a synthetic id of the split: one the FNV rule puts there for tune and holdout,
// the set's prefix for the others.
func idOf(t *testing.T, split, group string) string {
	t.Helper()
	if split == SplitTune || split == SplitHoldout {
		return idIn(t, split, 0)
	}
	return split + "-en-" + group + "-001"
}

func TestEvaluateKeepsTheBlindSetBlind(t *testing.T) {
	var cases []Case
	for _, s := range append(slices.Clone(DevSplits), BlindSplit) {
		cases = append(cases, Case{ID: idOf(t, s, "legal"), Lang: "en", Messages: []string{s + " line"}, Labels: []string{"legal"}, ExpectHuman: true, Split: s})
	}
	miss := func(Case) Prediction {
		return Prediction{Labels: map[string]bool{"frustration": true}, Evidence: "quoted words"}
	}
	var dev []*Result
	for _, s := range DevSplits {
		dev = append(dev, Evaluate(cases, s, miss))
	}
	blind := Evaluate(cases, BlindSplit, miss)

	if c := blind.Triggers["legal"]; blind.Cases != 1 || c.FN != 1 || blind.Routing.FN != 1 || blind.Triggers["frustration"].FP != 1 {
		t.Fatalf("blind counts %d %+v %+v", blind.Cases, c, blind.Routing)
	}
	if _, err := blind.Misses(); err == nil {
		t.Fatal("the blind set's misses must be refused")
	}
	if blind.misses != nil {
		t.Fatal("nothing per line may be recorded for the blind set")
	}
	// The other sets had their one blind look or never were blind; they are development data.
	for _, r := range dev {
		got, err := r.Misses()
		if err != nil || len(got) != 1 || got[0].Missed[0] != "legal" || got[0].Spurious[0] != "frustration" {
			t.Fatalf("%s misses %+v, %v", r.Split, got, err)
		}
	}

	var out bytes.Buffer
	all := append(dev, blind)
	PrintTable(&out, "test", all...)
	for _, r := range all {
		PrintMisses(&out, r)
	}
	if strings.Contains(out.String(), BlindSplit+" line") || strings.Contains(out.String(), idOf(t, BlindSplit, "legal")) {
		t.Fatalf("a blind line was printed:\n%s", out.String())
	}
	want := []string{"| " + BlindSplit + " | legal | 1 | 1.00 | 0.00 | 0 | 0 | 1 |", "reported in aggregate only"}
	for _, s := range DevSplits {
		want = append(want, s+" line", fmt.Sprintf("1 %s cases missed", s))
		if s != SplitTune {
			want = append(want, idOf(t, s, "legal"))
		}
	}
	for _, w := range want {
		if !strings.Contains(out.String(), w) {
			t.Fatalf("output lacks %q:\n%s", w, out.String())
		}
	}
}

func TestSplitsNeverSpendTheBlindSetByMistake(t *testing.T) {
	dev := strings.Join(DevSplits, " ")
	for env, want := range map[string]string{
		"":         dev + " " + BlindSplit,
		"all":      dev + " " + BlindSplit,
		"dev":      dev,
		"tune":     "tune",
		"holdotu":  dev, // a typo
		BlindSplit: dev, // not a way to ask for it alone either
	} {
		t.Setenv("HANDOFF_EVAL_SPLIT", env)
		if got := strings.Join(Splits(), " "); got != want {
			t.Errorf("HANDOFF_EVAL_SPLIT=%q: %s, want %s", env, got, want)
		}
	}
}

func TestLoadRefusesMislabelledSplitsWithoutNamingBlindLines(t *testing.T) {
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
	blindID := BlindSplit + "-es-human-007"
	malformed := fmt.Sprintf("1 %s lines", BlindSplit)
	lastDev := DevSplits[len(DevSplits)-1]
	for _, c := range []Case{
		{ID: blindID, Messages: []string{"x"}, Split: SplitTune},
		{ID: blindID, Messages: []string{"x"}, Split: lastDev},
		{ID: blindID, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: BlindSplit},
	} {
		_, err := Load(write(line(c)))
		if err == nil || strings.Contains(err.Error(), blindID) || !strings.Contains(err.Error(), malformed) {
			t.Fatalf("err = %v", err)
		}
	}
	_, err := Load(write(`{"id": "` + BlindSplit + `-en-neg-001", "messages": ["secret words"`))
	if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), BlindSplit+"-en") {
		t.Fatalf("err = %v", err)
	}
	// Development lines are named: every other set is open for development.
	for _, s := range DevSplits {
		id := idOf(t, s, "frus")
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: expectedSplit(id)})))
		if err == nil || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), `unknown label "anger"`) {
			t.Fatalf("err = %v", err)
		}
	}
	// A line that claims the blind split is refused, and kept unshown like any blind line.
	for _, s := range DevSplits[1:] {
		id := idOf(t, s, "neg")
		_, err = Load(write(line(Case{ID: id, Messages: []string{"x"}, Split: BlindSplit})))
		if err == nil || strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), malformed) {
			t.Fatalf("a development id cannot claim the blind split: %v", err)
		}
	}
}

// The real sets load; of the blind set only counts are looked at. Until its file is added,
// asking for it must fail and name the file, never score nothing and pass.
func TestTheSetsLoad(t *testing.T) {
	first, err := LoadSplits([]string{SplitTune, SplitHoldout})
	if err != nil || len(first) < 400 {
		t.Fatalf("the first set: %d cases, %v", len(first), err)
	}
	dev, err := LoadSplits(DevSplits)
	if err != nil || len(dev) < len(first)+250*(len(DevSplits)-2) {
		t.Fatalf("the development sets: %d cases, %v", len(dev), err)
	}
	bySplit := map[string]int{}
	for _, c := range dev {
		bySplit[c.Split]++
	}
	for _, s := range DevSplits {
		if bySplit[s] == 0 {
			t.Errorf("no %s cases loaded", s)
		}
	}
	all, err := LoadSplits(append(slices.Clone(DevSplits), BlindSplit))
	if _, statErr := os.Stat(BlindPath()); os.IsNotExist(statErr) {
		if err == nil || !strings.Contains(err.Error(), filepath.Base(BlindPath())) || !strings.Contains(err.Error(), "missing") {
			t.Fatalf("without the blind set's file, loading it must fail and name the file: %v", err)
		}
		t.Logf("%s is not there yet; loading it fails as it should", filepath.Base(BlindPath()))
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	blind := 0
	for _, c := range all {
		if c.Split == BlindSplit {
			blind++
		}
	}
	if blind == 0 || len(all) != len(dev)+blind {
		t.Fatalf("%d blind cases of %d", blind, len(all))
	}
}
