package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/store"
	"github.com/handoffhq/orchestrator/whatif"
)

// starter whatif reads the log of the period and prints what the candidate rules would move;
// the log is only read.
func TestWhatIfCommand(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	c := "--config=" + e.Cfg.File
	url := "sqlite://" + filepath.Join(t.TempDir(), "log.db")
	t.Setenv("HANDOFF_STORE_URL", url)
	s, err := store.OpenMigrated(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range 12 {
		signals := map[string]any{"property_value": 1.2e6, "buyer_sophistication": "high"}
		at := time.Now().Add(-time.Hour)
		if i >= 10 {
			at = time.Now().Add(-10 * 24 * time.Hour) // before --since
		}
		d := e.Cfg.Engine.Route(&handoff.Input{ConversationID: "x", SourceAgent: "lead_bot"}, decision.Analysis{Signals: signals})
		conv := fmt.Sprintf("c-%d", i)
		if err := s.Record(ctx, store.Handoff{HandoffID: "h-" + conv, ConversationID: conv, Source: "lead_bot", Target: d.Target,
			Rule: d.Rule, Outcome: "completed", StartedAt: at, Signals: signals}); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(e.Cfg.File)
	if err != nil {
		t.Fatal(err)
	}
	cand := filepath.Join(t.TempDir(), "candidate.yaml")
	edited := strings.Replace(string(raw), `property_value: '> 1M'`, `property_value: '> 1.5M'`, 1)
	if edited == string(raw) {
		t.Fatal("no luxury threshold to edit in the test config")
	}
	if err := os.WriteFile(cand, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Count(ctx)
	r := cli("", c, "whatif", "--rules", cand)
	r.check(t, 0, "")
	if !strings.Contains(r.stdout, "Re-decided 10 of 10 handoffs. 10 would change.") ||
		!strings.Contains(r.stdout, "10 would not be handed off instead of luxury_specialist (rule luxury)") {
		t.Errorf("whatif printed:\n%s", r.stdout)
	}
	r = cli("", c, "whatif", "--rules", cand, "--since", "30d", "--json")
	r.check(t, 0, "")
	var rep whatif.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Changed != 12 || len(rep.Moves[0].Handoffs) != 12 {
		t.Errorf("json %v: %s", err, r.stdout)
	}
	if after, _ := s.Count(ctx); after != before {
		t.Errorf("whatif wrote to the log: %+v then %+v", before, after)
	}
	cli("", c, "whatif").check(t, 2, "--rules FILE is required")
	cli("", c, "whatif", "--rules", cand, "--since", "a week").check(t, 2, "--since")
	cli("", c, "whatif", "--rules", filepath.Join(t.TempDir(), "none.yaml")).check(t, 2, "file not found")
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	_ = os.WriteFile(bad, []byte("routing:\n  rules:\n    - {name: x, precedence: 1, target: nobody}\n"), 0o600)
	cli("", c, "whatif", "--rules", bad).check(t, 2, `routing: rule "x": target "nobody" is not an agent or group in the roster`)
}

// starter rules suggest lists the luxury rule, whose cheaper properties' handoffs failed, with
// the threshold edit that leaves them out.
func TestRulesSuggestCommand(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	c := "--config=" + e.Cfg.File
	url := "sqlite://" + filepath.Join(t.TempDir(), "log.db")
	t.Setenv("HANDOFF_STORE_URL", url)
	s, err := store.OpenMigrated(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	rec := func(id, rule, target string, value float64, ok bool) {
		t.Helper()
		outcome := "completed"
		if !ok {
			outcome = "declined"
		}
		if err := s.Record(ctx, store.Handoff{HandoffID: id, ConversationID: "c-" + id, Source: "lead_bot", Target: target, Rule: rule,
			Outcome: outcome, StartedAt: time.Now().Add(-time.Hour), Signals: map[string]any{"property_value": value, "buyer_sophistication": "high"}}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 60 {
		rec(fmt.Sprintf("lux-low-%d", i), "luxury", "luxury_specialist", 1.1e6, i < 20)
		rec(fmt.Sprintf("lux-high-%d", i), "luxury", "luxury_specialist", 3e6, i < 57)
		rec(fmt.Sprintf("buyer-%d", i), "lead_to_buyer", "jorge_buyer_bot", 5e5, i < 58)
	}
	r := cli("", c, "rules", "suggest")
	r.check(t, 0, "")
	for _, want := range []string{"luxury (to luxury_specialist): 64.2 % success", `candidate edit (threshold): property_value: "> 1M" -> "> 1.1M"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("suggest lacks %q:\n%s", want, r.stdout)
		}
	}
	cli("", c, "rules").check(t, 2, "starter rules suggest")
	cli("", c, "rules", "suggest", "--since", "yesterday").check(t, 2, "--since")
}
