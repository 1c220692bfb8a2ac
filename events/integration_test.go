package events_test

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	enumspb "go.temporal.io/api/enums/v1"
)

// hook is a webhook subscriber as a customer would write one: it checks every signature,
// answers 500 to the first `fail` deliveries, and keeps each event once by its ID.
type hook struct {
	t      *testing.T
	secret []byte
	fail   int

	mu         sync.Mutex
	deliveries int
	kept       map[string]events.Event
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if err := events.Verify(h.secret, body, r.Header.Get(events.SignatureHeader), time.Now()); err != nil {
		h.t.Errorf("webhook delivery with a bad signature: %v", err)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.deliveries++
	if h.deliveries <= h.fail {
		http.Error(w, "down for maintenance", http.StatusInternalServerError)
		return
	}
	var b events.Batch
	if err := json.Unmarshal(body, &b); err != nil {
		h.t.Errorf("webhook body: %v", err)
		return
	}
	for _, e := range b.Events {
		h.kept[e.ID] = e
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *hook) ids() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var ids []string
	for id := range h.kept {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// stream reads the API's event stream as one token: the events it got, and (for a resumed
// stream) whether the replayed ones ended.
type stream struct {
	mu       sync.Mutex
	got      []events.Event
	caughtUp bool
}

func (s *stream) events() []events.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.got)
}

func openStream(t *testing.T, e *testenv.Env, token, query string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", e.API.URL+"/v1/events/stream"+query, nil)
	req.Header.Set("Authorization", "Bearer "+e.Secrets[token])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream as %s: %s %s", token, resp.Status, resp.Header.Get("Content-Type"))
	}
	s := &stream{}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			switch {
			case line == ": caught up":
				s.caughtUp = true
			case strings.HasPrefix(line, "data: "):
				var ev events.Event
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev); err == nil {
					s.got = append(s.got, ev)
				}
			}
			s.mu.Unlock()
		}
	}()
	return s
}

// waitFor polls until ok or the deadline.
func waitFor(t *testing.T, within time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func ids(evs []events.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	slices.Sort(out)
	return out
}

func conversations(evs []events.Event) []string {
	var out []string
	for _, e := range evs {
		if !slices.Contains(out, e.ConversationID) {
			out = append(out, e.ConversationID)
		}
	}
	slices.Sort(out)
	return out
}

// Two bot handoffs from lead_bot, one to each of two bots. A webhook that fails twice gets
// every event once it is back; the stream gets them once each, and each agent sees only the
// handoffs it is a party to.
func TestWebhookAndStreamGetEveryStateChange(t *testing.T) {
	secret := []byte(rand.Text())
	secretFile := filepath.Join(t.TempDir(), "crm-secret")
	if err := os.WriteFile(secretFile, secret, 0o600); err != nil {
		t.Fatal(err)
	}
	rx := &hook{t: t, secret: secret, fail: 2, kept: map[string]events.Event{}}
	hookSrv := httptest.NewServer(rx)
	defer hookSrv.Close()
	e := testenv.Start(t, testenv.Options{EventStream: true, Edit: func(doc map[string]any, _ string) {
		doc["events"].(map[string]any)["subscriptions"] = []any{map[string]any{"name": "crm", "url": hookSrv.URL, "secret_file": secretFile}}
	}})

	operator := openStream(t, e, "operator", "")
	buyer := openStream(t, e, "jorge_buyer_bot", "")
	toBuyer, toSeller := testenv.Sample(t, "lead-qualified.json"), testenv.Sample(t, "seller-ready.json")
	for _, in := range []handoff.Input{toBuyer, toSeller} {
		if code, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); code != http.StatusCreated {
			t.Fatalf("start %s: %d %s", in.ConversationID, code, body)
		}
	}
	outcomes := func(evs []events.Event) int {
		n := 0
		for _, ev := range evs {
			if ev.Type == events.TypeOutcome {
				n++
			}
		}
		return n
	}
	waitFor(t, 60*time.Second, "both outcomes on the operator's stream", func() bool { return outcomes(operator.events()) == 2 })
	waitFor(t, 60*time.Second, "every streamed event at the webhook", func() bool { return slices.Equal(rx.ids(), ids(operator.events())) })

	all := operator.events()
	if got := ids(all); len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Fatalf("the stream repeated events (the retried batches must be dropped by the hub): %v", got)
	}
	for _, conv := range []string{toBuyer.ConversationID, toSeller.ConversationID} {
		var types []events.Type
		seq := 0
		for _, ev := range all {
			if ev.ConversationID != conv {
				continue
			}
			seq++
			if ev.Seq != seq || ev.ID != events.ID(ev.HandoffID, seq) {
				t.Fatalf("%s: event %+v out of order, want seq %d", conv, ev, seq)
			}
			types = append(types, ev.Type)
		}
		for _, want := range events.Types {
			if !slices.Contains(types, want) {
				t.Errorf("%s: no %s event among %v", conv, want, types)
			}
		}
		if types[len(types)-1] != events.TypeOutcome {
			t.Errorf("%s: last event %s, want the outcome", conv, types[len(types)-1])
		}
	}
	rx.mu.Lock()
	deliveries := rx.deliveries
	rx.mu.Unlock()
	if deliveries <= 2 {
		t.Errorf("webhook deliveries %d: the two refused ones were not retried", deliveries)
	}

	// Scoping: the buyer bot's live stream carries its own handoff only.
	waitFor(t, 10*time.Second, "the buyer bot's outcome", func() bool { return outcomes(buyer.events()) == 1 })
	if got := conversations(buyer.events()); !slices.Equal(got, []string{toBuyer.ConversationID}) {
		t.Errorf("jorge_buyer_bot's stream carries %v, want only %s", got, toBuyer.ConversationID)
	}
	// Replayed from the start, each token's stream holds what it may see and nothing else.
	for token, want := range map[string][]string{
		"operator":         conversations(all),
		"lead_bot":         conversations(all), // the source of both
		"jorge_buyer_bot":  {toBuyer.ConversationID},
		"jorge_seller_bot": {toSeller.ConversationID},
		"maria":            nil, // a party to neither
	} {
		s := openStream(t, e, token, "?last_event_id=0")
		waitFor(t, 10*time.Second, token+"'s replay", func() bool {
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.caughtUp
		})
		if got := conversations(s.events()); !slices.Equal(got, want) {
			t.Errorf("%s sees %v, want %v", token, got, want)
		}
	}
	// Codec tokens read no stream.
	if code, _ := e.Do(t, "GET", "/v1/events/stream", "codec", nil); code != http.StatusForbidden && code != http.StatusUnauthorized {
		t.Errorf("codec token on the stream: %d, want 403", code)
	}
	// The ingest route refuses what is not signed with the stream's secret.
	if code, _ := e.Do(t, "POST", "/v1/events/ingest", "", `{"handoff_id":"x","events":[]}`); code != http.StatusUnauthorized {
		t.Errorf("unsigned ingest: %d, want 401", code)
	}
}

// What publishing costs in history: the same bot-to-bot handoff with events on and off.
func TestEventsHistoryCost(t *testing.T) {
	in := testenv.Sample(t, "lead-qualified.json")
	count := func(e *testenv.Env) (total, publishes int) {
		if code, body := e.Do(t, "POST", "/v1/handoffs?wait=true", in.SourceAgent, in); code != http.StatusCreated && code != http.StatusOK {
			t.Fatalf("start: %d %s", code, body)
		}
		it := e.Client.GetWorkflowHistory(context.Background(), handoff.WorkflowID(in.ConversationID), "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		for it.HasNext() {
			ev, err := it.Next()
			if err != nil {
				t.Fatal(err)
			}
			total++
			if a := ev.GetActivityTaskScheduledEventAttributes(); a != nil && a.GetActivityType().GetName() == events.ActivityName {
				publishes++
			}
		}
		return total, publishes
	}
	off, _ := count(testenv.Start(t, testenv.Options{}))
	on, batches := count(testenv.Start(t, testenv.Options{EventStream: true}))
	t.Logf("bot-to-bot handoff: %d history events with events off, %d with events on (%d batches, +%d events)", off, on, batches, on-off)
	if batches != 2 {
		t.Errorf("%d batches, want 2 (monitoring, close)", batches)
	}
	// Each batch is an activity (scheduled, started, completed) and at most one more workflow
	// task (scheduled, started, completed).
	if on-off > 6*batches {
		t.Errorf("publishing added %d history events for %d batches, want at most %d", on-off, batches, 6*batches)
	}
}
