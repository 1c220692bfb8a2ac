package telemetry_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/telemetry"
)

// A queue's and its people's metrics move as handoffs wait, are answered and leave, and as a
// person records a disposition: every name in telemetry.QueueMetrics is exported.
func TestQueueMetricsMove(t *testing.T) {
	tel := newTelemetry(t, nil)
	e := testenv.Start(t, testenv.Options{Telemetry: tel, Handoff: map[string]any{"offer_timeout": "30s"},
		Edit: func(doc map[string]any, _ string) {
			doc["queues"] = []any{map[string]any{"group": "human_agent", "max_wait": "5m"}}
		}})
	for _, p := range []string{"maria", "james", "sam"} {
		if code, body := e.Do(t, "POST", "/v1/agents/"+p+"/presence", p, map[string]string{"presence": "offline"}); code != 200 {
			t.Fatalf("%s offline: %d %s", p, code, body)
		}
	}
	var convs []string
	for i := range 2 {
		in := testenv.Sample(t, "seller-distress.json")
		in.ConversationID = fmt.Sprintf("%s-q%d", in.ConversationID, i)
		if code, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); code != 201 {
			t.Fatalf("start: %d %s", code, body)
		}
		e.WaitFor(t, in.ConversationID, 30*time.Second, "queued", func(st handoff.State) bool { return st.Phase == handoff.PhaseQueued })
		convs = append(convs, in.ConversationID)
	}
	// Both in line (the queued phase comes a moment before the join), the second leaves it (its
	// bot cancels it); maria comes online and answers the first.
	deadline := time.Now().Add(30 * time.Second)
	for {
		st, err := e.Service.QueueStats(context.Background(), "human_agent")
		if err == nil && st.Waiting == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not both in line within 30 s: %+v %v", st, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code, body := e.Do(t, "POST", "/v1/handoffs/"+convs[1]+"/cancel", "jorge_seller_bot", nil); code != 202 {
		t.Fatalf("cancel: %d %s", code, body)
	}
	if code, body := e.Do(t, "POST", "/v1/agents/maria/presence", "maria", map[string]string{"presence": "online"}); code != 200 {
		t.Fatalf("maria online: %d %s", code, body)
	}
	e.WaitFor(t, convs[0], 30*time.Second, "an offer to maria", func(st handoff.State) bool {
		return st.CurrentOffer != nil && st.CurrentOffer.Agent == "maria"
	})
	if code, body := e.Do(t, "POST", "/v1/handoffs/"+convs[0]+"/accept", "maria", nil); code != 200 {
		t.Fatalf("accept: %d %s", code, body)
	}
	e.WaitFor(t, convs[0], 30*time.Second, "maria owns it", func(st handoff.State) bool { return st.Owner == "maria" })
	if code, body := e.Do(t, "POST", "/v1/agents/maria/release", "maria", map[string]string{"conversation_id": convs[0], "disposition": "resolved"}); code != 200 {
		t.Fatalf("release: %d %s", code, body)
	}
	checks := []metricCheck{
		{"handoff_queue_answered_total", []string{`queue="human_agent"`}, 1},
		{"handoff_queue_left_total", []string{`queue="human_agent"`, `reason="cancelled"`}, 1},
		{"handoff_queue_wait_seconds_count", []string{`queue="human_agent"`}, 1},
		{"handoff_queue_service_level", []string{`queue="human_agent"`}, 0},
		{"handoff_queue_people_online", []string{`queue="human_agent"`}, 1},
		{"handoff_agent_load", []string{`agent="maria"`}, 0},
		{"handoff_dispositions_total", []string{`agent="maria"`, `code="resolved"`}, 1},
	}
	after := awaitMetrics(t, tel, checks)
	for _, name := range telemetry.QueueMetrics {
		found := false
		for k := range after {
			m, _, _ := strings.Cut(k, "{")
			if m == name || strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m, "_bucket"), "_count"), "_sum") == name {
				found = true
			}
		}
		if !found {
			t.Errorf("metric %s is listed in telemetry.QueueMetrics but not exported", name)
		}
	}
	for k := range after {
		for _, c := range convs {
			if strings.Contains(k, c) {
				t.Errorf("metric %s names a conversation", k)
			}
		}
	}
	if t.Failed() {
		for _, c := range convs {
			if st, err := e.Service.Status(context.Background(), c); err == nil {
				t.Logf("%s: %s %s (%s), queues %+v", c, st.Phase, st.Outcome, st.OutcomeReason, st.Queues)
			}
		}
		var keys []string
		for k := range after {
			if strings.HasPrefix(k, "handoff_queue") || strings.HasPrefix(k, "handoff_agent") || strings.HasPrefix(k, "handoff_disp") {
				keys = append(keys, fmt.Sprintf("%s %v", k, after[k]))
			}
		}
		slices.Sort(keys)
		t.Logf("queue metrics:\n%s", strings.Join(keys, "\n"))
	}
}
