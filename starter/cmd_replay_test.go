package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/internal/testenv"
)

// starter replay passes the recorded histories, and fails, naming the file, on one the code
// would not reproduce: a history whose workflow scheduled another step than this code does.
func TestReplayCommand(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	c := "--config=" + e.Cfg.File
	dir := filepath.Join(testenv.ModuleRoot(t), "testdata", "histories")
	r := cli("", c, "replay", dir)
	r.check(t, 0, "")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	n := 0
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "ok    ") {
			n++
		}
	}
	if n != len(files) || len(files) < 8 || !strings.Contains(r.stdout, "0 failed") {
		t.Fatalf("replayed %d of %d:\n%s", n, len(files), r.stdout)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "lead-to-buyer-bot.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The ranking activity as this history recorded it, renamed.
	loc := regexp.MustCompile(`"name":\s*"RankCandidates"`).FindStringIndex(string(raw))
	if loc == nil {
		t.Fatal("the history schedules no RankCandidates to change")
	}
	changed := string(raw[:loc[0]]) + `"name": "AskTheWeather"` + string(raw[loc[1]:])
	bad := filepath.Join(t.TempDir(), "changed.json")
	if err := os.WriteFile(bad, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	r = cli("", c, "replay", dir, bad)
	r.check(t, 1, fmt.Sprintf("1 of %d histories do not replay with this build", len(files)+1))
	if !strings.Contains(r.stdout, "FAIL  "+bad) || !strings.Contains(r.stdout, "nondeterministic") {
		t.Errorf("replay printed:\n%s", r.stdout)
	}
	cli("", c, "replay", filepath.Join(t.TempDir(), "none")).check(t, 2, "no such file")
	cli("", c, "replay", t.TempDir()).check(t, 1, "no histories")
}
