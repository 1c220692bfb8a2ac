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

func TestEvaluateKeepsHoldoutBlind(t *testing.T) {
	tuneID, holdID := idIn(t, SplitTune, 0), idIn(t, SplitHoldout, 0)
	cases := []Case{
		{ID: tuneID, Lang: "en", Messages: []string{"tune secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitTune},
		{ID: holdID, Lang: "en", Messages: []string{"holdout secret"}, Labels: []string{"legal"}, ExpectHuman: true, Split: SplitHoldout},
	}
	miss := func(Case) Prediction { return Prediction{Labels: map[string]bool{"frustration": true}} }
	tune := Evaluate(cases, SplitTune, miss)
	hold := Evaluate(cases, SplitHoldout, miss)

	if c := hold.Triggers["legal"]; c.FN != 1 || hold.Routing.FN != 1 || hold.Triggers["frustration"].FP != 1 {
		t.Fatalf("holdout counts %+v %+v", c, hold.Routing)
	}
	if _, err := hold.Misses(); err == nil {
		t.Fatal("the holdout's misses must be refused")
	}
	got, err := tune.Misses()
	if err != nil || len(got) != 1 || got[0].Case.ID != tuneID || got[0].Missed[0] != "legal" || got[0].Spurious[0] != "frustration" {
		t.Fatalf("tune misses %+v, %v", got, err)
	}

	var out bytes.Buffer
	PrintTable(&out, "test", tune, hold)
	PrintMisses(&out, tune)
	PrintMisses(&out, hold)
	if strings.Contains(out.String(), "holdout secret") || strings.Contains(out.String(), holdID) {
		t.Fatalf("a holdout line was printed:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "tune secret") || !strings.Contains(out.String(), "| holdout | legal | 1 | 1.00 | 0.00 | 0 | 0 | 1 |") {
		t.Fatalf("output:\n%s", out.String())
	}
}

func TestLoadRefusesMislabelledSplitsWithoutNamingHoldoutLines(t *testing.T) {
	write := func(cs ...Case) string {
		var b strings.Builder
		for _, c := range cs {
			j, _ := json.Marshal(c)
			b.Write(j)
			b.WriteByte('\n')
		}
		p := filepath.Join(t.TempDir(), "set.jsonl")
		if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	holdID := idIn(t, SplitHoldout, 0)
	_, err := Load(write(Case{ID: holdID, Messages: []string{"x"}, Split: SplitTune}))
	if err == nil || strings.Contains(err.Error(), holdID) || !strings.Contains(err.Error(), "1 holdout lines") {
		t.Fatalf("err = %v", err)
	}
	tuneID := idIn(t, SplitTune, 0)
	_, err = Load(write(Case{ID: tuneID, Messages: []string{"x"}, Labels: []string{"anger"}, ExpectHuman: true, Split: SplitTune}))
	if err == nil || !strings.Contains(err.Error(), tuneID) || !strings.Contains(err.Error(), `unknown label "anger"`) {
		t.Fatalf("err = %v", err)
	}
	cases, err := Load(DefaultPath())
	if err != nil || len(cases) < 300 {
		t.Fatalf("the labelled set: %d cases, %v", len(cases), err)
	}
}
