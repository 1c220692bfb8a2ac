package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/store"
)

func TestExperimentsCommands(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{Edit: func(doc map[string]any, _ string) {
		doc["experiments"] = []any{map[string]any{
			"name": "prep_script", "varies": "preparation_script", "rules": []any{"lead_to_buyer"}, "metric": "success",
			"mde": 0.1, "baseline": 0.8, "horizon": 10,
			"variants": []any{map[string]any{"name": "a"}, map[string]any{"name": "b", "customer_message": "Homes are lined up."}},
		}}
	}})
	c := "--config=" + e.Cfg.File
	url := "sqlite://" + filepath.Join(t.TempDir(), "log.db")
	t.Setenv("HANDOFF_STORE_URL", url)
	s, err := store.OpenMigrated(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range 30 {
		v, outcome := []string{"a", "b"}[i%2], "completed"
		if v == "a" && i%6 == 0 {
			outcome = "declined"
		}
		conv := fmt.Sprintf("c-%d", i)
		if err := s.Record(context.Background(), store.Handoff{HandoffID: "h-" + conv, ConversationID: conv, Source: "lead_bot",
			Outcome: outcome, StartedAt: time.Now(), Experiment: "prep_script", Variant: v, Exposed: true}); err != nil {
			t.Fatal(err)
		}
	}
	r := cli("", c, "experiments", "list")
	r.check(t, 0, "")
	if !strings.Contains(r.stdout, "prep_script  preparation_script  success") {
		t.Errorf("list printed %s", r.stdout)
	}
	r = cli("", c, "experiments", "report", "prep_script")
	r.check(t, 0, "")
	for _, want := range []string{"Experiment prep_script: varies preparation_script", "horizon 10 per variant", "Status: complete",
		"b is better than a: +33.3 (+6.0 to +58.3) points, p = 0.0143"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stdout)
		}
	}
	r = cli("", c, "experiments", "report", "prep_script", "--json")
	r.check(t, 0, "")
	var rep experiments.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Arms[0].N != 15 || rep.Arms[0].Successes != 10 || rep.Arms[1].Successes != 15 {
		t.Errorf("json %v: %s", err, r.stdout)
	}
	cli("", c, "experiments", "report", "nope").check(t, 3, `no experiment "nope" (the config's: prep_script)`)
	cli("", c, "experiments", "report", "No Such").check(t, 2, "name:")
	cli("", c, "experiments", "report").check(t, 2, "name one experiment")
	cli("", c, "experiments", "rename").check(t, 2, "unknown subcommand")
}
