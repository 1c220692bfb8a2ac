package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/store"
)

func prepExperiment(doc map[string]any, _ string) {
	doc["experiments"] = []any{map[string]any{
		"name": "prep_script", "varies": "preparation_script", "rules": []any{"lead_to_buyer"}, "metric": "conversion",
		"mde": 0.1, "baseline": 0.3,
		"variants": []any{map[string]any{"name": "a"}, map[string]any{"name": "b", "customer_message": "Homes are lined up."}},
	}}
}

// GET /v1/experiments/{name} answers the analysis to operators only, and names every mistake.
func TestExperimentReportRoute(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{Edit: prepExperiment})
	s, err := store.OpenMigrated(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "log.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	at := time.Now().Add(-time.Hour)
	for i := range 40 {
		v := []string{"a", "b"}[i%2]
		conv := fmt.Sprintf("c-%d", i)
		p := 0.5
		if err := s.Record(ctx, store.Handoff{HandoffID: "h-" + conv, ConversationID: conv, Source: "lead_bot", Target: "jorge_buyer_bot",
			Outcome: "completed", StartedAt: at, ClosedMs: 1000, Experiment: "prep_script", Variant: v, Exposed: true, AssignP: &p}); err != nil {
			t.Fatal(err)
		}
		converted := i%4 == 1 || i%8 == 0
		if err := s.ReportOutcome(ctx, store.LateOutcome{ConversationID: conv, ReportedBy: "lead_bot", ReportedAt: at,
			Outcome: analytics.Outcome{Converted: &converted}}); err != nil {
			t.Fatal(err)
		}
	}
	f := &fakeOps{Service: service.New(nil, e.Cfg)}
	e.Serve(t, f, httpapi.Options{Log: s, Analytics: e.Cfg.Analytics, Experiments: e.Cfg.ExperimentSet})

	st, body := e.Do(t, "GET", "/v1/experiments/prep_script", "operator", nil)
	var r experiments.Report
	if err := json.Unmarshal(body, &r); st != 200 || err != nil {
		t.Fatalf("%d %s %v", st, body, err)
	}
	if r.Experiment != "prep_script" || r.Status != experiments.StatusInterim || r.Horizon != 356 || len(r.Arms) != 2 ||
		r.Arms[0].N != 20 || r.Arms[1].N != 20 || r.Arms[1].Successes != 10 || r.Arms[1].Difference == nil || r.Handoffs != 40 {
		t.Fatalf("report %s", body)
	}
	cases := []struct {
		path, token string
		want        int
		says        string
	}{
		{"/v1/experiments/prep_script", "lead_bot", 403, ""},
		{"/v1/experiments/prep_script", "maria", 403, ""},
		{"/v1/experiments/prep_script", "", 401, ""},
		{"/v1/experiments/nope", "operator", 404, `no experiment \"nope\" (the config's: prep_script)`},
		{"/v1/experiments/Not%20A%20Name", "operator", 400, `"field": "name"`},
		{"/v1/experiments/prep_script?from=2026-01-01", "operator", 400, `"field": "from"`},
	}
	for _, c := range cases {
		st, body := e.Do(t, "GET", c.path, c.token, nil)
		if st != c.want || !strings.Contains(string(body), c.says) {
			t.Errorf("GET %s as %q: %d %s, want %d with %q", c.path, c.token, st, body, c.want, c.says)
		}
	}
	// Without a log the route exists and says what is missing.
	e2 := testenv.NewConfig(t, "", testenv.Options{Edit: prepExperiment})
	e2.Serve(t, &fakeOps{Service: service.New(nil, e2.Cfg)}, httpapi.Options{Experiments: e2.Cfg.ExperimentSet})
	if st, body := e2.Do(t, "GET", "/v1/experiments/prep_script", "operator", nil); st != 503 || !strings.Contains(string(body), "store.url") {
		t.Errorf("no log: %d %s", st, body)
	}
}
