package activities

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
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

// OpenTicket posts the handoff, with its package, to its queue's ticket webhook, under a key
// that is the same on every retry; a 4xx is a refusal no retry changes, a 5xx is retried.
func TestOpenTicketPostsToTheQueuesWebhook(t *testing.T) {
	var mu sync.Mutex
	var keys []string
	var got []handoff.Delivery
	status := http.StatusAccepted
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var d handoff.Delivery
		_ = json.NewDecoder(r.Body).Decode(&d)
		mu.Lock()
		keys, got = append(keys, r.Header.Get("Idempotency-Key")), append(got, d)
		code := status
		mu.Unlock()
		w.WriteHeader(code)
	}))
	defer srv.Close()
	cfg := &config.Config{Handoff: config.Handoff{HTTPTimeout: "1s"},
		Agents: []handoff.Agent{{ID: "maria", Kind: handoff.KindHuman, Groups: []string{"human_agent"}}},
		Queues: []config.Queue{{Group: "human_agent", BusinessHours: "Mon-Fri 09:00-18:00", TicketURL: srv.URL + "/tickets"}}}
	acts := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	env := activityEnv(acts)
	pkg := handoff.Package{Version: handoff.PackageVersion, ConversationID: "conv-9", Brief: "seller in distress"}
	in := TicketInput{Group: "human_agent", Delivery: handoff.Delivery{HandoffID: "handoff-conv-9/r1", ConversationID: "conv-9", From: "jorge_seller_bot", To: "human_agent", Package: &pkg}}
	if _, err := env.ExecuteActivity(acts.OpenTicket, in); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	if len(got) != 1 || got[0].Type != handoff.DeliveryTicket || got[0].Package == nil || got[0].Package.Brief != "seller in distress" || keys[0] == "" {
		t.Fatalf("received %+v with keys %v", got, keys)
	}
	status = http.StatusBadRequest
	mu.Unlock()
	_, err := env.ExecuteActivity(acts.OpenTicket, in)
	if errorType(err) != ErrDeliveryRejected {
		t.Fatalf("a 400: %v, want %s", err, ErrDeliveryRejected)
	}
	_, err = env.ExecuteActivity(acts.OpenTicket, TicketInput{Group: "nobody", Delivery: in.Delivery})
	if errorType(err) != ErrNoEndpoint {
		t.Fatalf("a queue without a ticket webhook: %v, want %s", err, ErrNoEndpoint)
	}
}
