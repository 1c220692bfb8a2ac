package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

func TestStoreCommands(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	c := "--config=" + e.Cfg.File
	cli("", c, "stats").check(t, 1, "no handoff log: set store.url")
	t.Setenv("HANDOFF_STORE_URL", "sqlite://"+filepath.Join(t.TempDir(), "log.db"))

	r := cli("", c, "store", "migrate")
	r.check(t, 0, "")
	if !strings.Contains(r.stdout, "00001_handoff_log.sql") || !strings.Contains(r.stdout, "00002_experiments.sql") || !strings.Contains(r.stdout, "00003_handoff_votes.sql") || !strings.Contains(r.stdout, `"version": 3`) {
		t.Fatalf("migrate printed %s", r.stdout)
	}
	cli("", c, "outcome", "--conversation", "c-1", "--converted", "maybe").check(t, 2, "--converted")
	cli("", c, "outcome", "--conversation", "c-1", "--csat", "9").check(t, 2, "--csat: 9 is not 1 to 5")
	cli("", c, "outcome", "--conversation", "c-1", "--label", "Ana said yes").check(t, 2, "--label")
	cli("", c, "outcome", "--conversation", "c-1").check(t, 2, "reports nothing")
	cli("", c, "outcome", "--conversation", "c-1", "--converted", "yes", "--revenue", "1200", "--as", "lead_bot").check(t, 0, "")
	cli("", c, "outcome", "--conversation", "c-2", "--converted", "no").check(t, 0, "")

	cli("", c, "stats", "--from", "yesterday").check(t, 2, "--from")
	cli("", c, "stats", "--group-by", "colour").check(t, 2, "--group-by")
	cli("", c, "stats", "--json", "--csv").check(t, 2, "pick one")
	r = cli("", c, "stats", "--json")
	r.check(t, 0, "")
	var rep analytics.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Conversion.Baseline.N != 2 || rep.Conversion.Baseline.K != 1 || len(rep.Targets) != 4 {
		t.Fatalf("report %+v", rep.Conversion)
	}
	r = cli("", c, "stats", "--group-by", "pair")
	r.check(t, 0, "")
	for _, want := range []string{"group", "success", "Targets (the seed's):", "NOT ENOUGH DATA"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
	r = cli("", c, "stats", "--csv")
	r.check(t, 0, "")
	if !strings.HasPrefix(r.stdout, "group,handoffs,success") {
		t.Errorf("csv %q", r.stdout)
	}
	cli("", c, "store", "purge").check(t, 2, "--before DATE is required")
	r = cli("", c, "store", "purge", "--before", "2999-01-01")
	r.check(t, 0, "")
	if !strings.Contains(r.stdout, `"outcomes": 2`) {
		t.Errorf("purge printed %s", r.stdout)
	}
	r = cli("", c, "store", "chain", "--conversation", "c-1")
	r.check(t, 0, "")
	cli("", c, "store", "vacuum").check(t, 2, "unknown store command")
}
