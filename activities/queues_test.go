package activities

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"go.yaml.in/yaml/v3"
)

// A group with a queue becomes a queued step carrying the queue's settings, and its overflow
// comes right after it, before the escalation parent and the fallback.
func TestSelectTargetPlansTheQueueAndItsOverflow(t *testing.T) {
	raw, err := os.ReadFile("../config/examples/real-estate.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	doc["queues"] = []any{map[string]any{"group": "human_agent", "overflow": "overflow_team", "max_wait": "3m",
		"steps": []any{map[string]any{"min_level": 4, "timeout": "30s"}, map[string]any{}}}}
	// A person who only overflows.
	doc["agents"] = append(doc["agents"].([]any), map[string]any{"id": "olga", "kind": "human", "groups": []any{"overflow_team"},
		"capacity": 1, "notify_url": "http://127.0.0.1:8090/agents/olga/notify"})
	out, err := yaml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(file, out, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadFile(file, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	sample, err := os.ReadFile("../samples/seller-distress.json")
	if err != nil {
		t.Fatal(err)
	}
	var in handoff.Input
	if err := json.Unmarshal(sample, &in); err != nil {
		t.Fatal(err)
	}
	analysis, _ := a.AnalyzeTrigger(context.Background(), in)
	sel, err := a.SelectTarget(context.Background(), SelectInput{Input: in, Analysis: analysis.Analysis})
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, s := range sel.Plan {
		q := ""
		if s.Queue != nil {
			q = " (queue " + s.Queue.Group + ", max wait " + s.Queue.MaxWait + ")"
		}
		steps = append(steps, strings.Join(s.Agents, "+")+q+" via "+s.Via)
	}
	want := "maria+james (queue human_agent, max wait 3m) via rule seller_to_human | olga via overflow from queue human_agent | sam via escalation from maria, james"
	if got := strings.Join(steps, " | "); got != want {
		t.Fatalf("plan\n%s\nwant\n%s", got, want)
	}
	if s := sel.Plan[0].Queue; len(s.Steps) != 2 || s.Steps[0].MinLevel != 4 || s.ServiceLevel != "20s" {
		t.Fatalf("captured spec %+v", s)
	}
}

// With nobody of the group online, a position message promises the time the first of them is
// next free by their hours, and nothing when they are free by their hours but not online.
func TestPositionMessageWithNobodyOnline(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if got := PositionMessage(handoff.QueuePosition{Position: 2, EstimateSeconds: -1}, false, time.Time{}); got != "You are number 2 in line." {
		t.Errorf("nobody online, no schedule: %q", got)
	}
	if got := PositionMessage(handoff.QueuePosition{Position: 2, EstimateSeconds: 3600}, true, at); got != "You are number 2 in line; our team is back Mon 2 Mar 09:00 UTC. If you'd rather not wait, we can call you back instead." {
		t.Errorf("back at nine: %q", got)
	}
}
