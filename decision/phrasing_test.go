package decision_test

import (
	"os"
	"strings"
	"testing"
)

// TestPhrasings checks the analyzer on my own phrasings (testdata/phrasings.tsv): texting
// shorthand, stretched letters, Spanglish, Spanish without accents, indirect requests, emoji,
// capitals and run-on sentences, with hard negatives. They were written by meaning class, not
// copied from any labelled set; a regression guard, not a measure (the analyzer was fixed
// until it read them).
func TestPhrasings(t *testing.T) {
	b, err := os.ReadFile("testdata/phrasings.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || (f[1] != "0" && f[1] != "1") {
			t.Fatalf("phrasings.tsv:%d: want trigger<TAB>0|1<TAB>messages", i+1)
		}
		checkTrigger(t, f[0], f[1] == "1", strings.Split(f[2], " || ")...)
		n++
	}
	if n < 300 {
		t.Fatalf("%d phrasings read", n)
	}
}
