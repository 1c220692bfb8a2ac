package events

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.temporal.io/sdk/temporal"
)

var secret = []byte("0123456789abcdef-test-secret")

func TestSignatureRoundTrip(t *testing.T) {
	body := []byte(`{"events":[]}`)
	now := time.Unix(1_800_000_000, 0)
	h := Sign(secret, body, now)
	if err := Verify(secret, body, h, now.Add(time.Minute)); err != nil {
		t.Fatalf("a fresh signature is refused: %v", err)
	}
	for name, tc := range map[string]struct {
		secret []byte
		body   string
		header string
		at     time.Time
	}{
		"other secret":    {[]byte("another-secret-of-16+"), string(body), h, now},
		"changed body":    {secret, `{"events":[{}]}`, h, now},
		"too old":         {secret, string(body), h, now.Add(MaxSkew + time.Second)},
		"from the future": {secret, string(body), h, now.Add(-MaxSkew - time.Second)},
		"no header":       {secret, string(body), "", now},
		"no v1":           {secret, string(body), strings.Split(h, ",")[0], now},
	} {
		if err := Verify(tc.secret, []byte(tc.body), tc.header, tc.at); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// receiver is a webhook subscriber as a customer would write one: it checks the signature,
// answers 500 to the first `fail` deliveries, and keeps each event once by its ID.
type receiver struct {
	t    *testing.T
	fail int

	mu         sync.Mutex
	deliveries int
	byID       map[string]Event
	order      []string
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if err := Verify(secret, body, r.Header.Get(SignatureHeader), time.Now()); err != nil {
		rc.t.Errorf("delivery with a bad signature: %v", err)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.deliveries++
	if rc.deliveries <= rc.fail {
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	var b Batch
	if err := json.Unmarshal(body, &b); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, e := range b.Events {
		if _, dup := rc.byID[e.ID]; !dup {
			rc.byID[e.ID] = e
			rc.order = append(rc.order, e.ID)
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

func batch(handoffID string, types ...Type) Batch {
	b := Batch{HandoffID: handoffID}
	for i, typ := range types {
		b.Events = append(b.Events, Event{ID: ID(handoffID, i+1), Seq: i + 1, Type: typ, HandoffID: handoffID, Source: "bot_a"})
	}
	return b
}

func TestPublisherRetriesUntilDeliveredAndReceiverDedups(t *testing.T) {
	down := &receiver{t: t, fail: 2, byID: map[string]Event{}}
	up := &receiver{t: t, byID: map[string]Event{}}
	downSrv, upSrv := httptest.NewServer(down), httptest.NewServer(up)
	defer downSrv.Close()
	defer upSrv.Close()
	p, err := NewPublisher([]Subscription{
		{Name: "down", URL: downSrv.URL, Secret: secret},
		{Name: "outcomes", URL: upSrv.URL, Secret: secret, Types: []Type{TypeOutcome}},
	}, time.Second, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err != nil {
		t.Fatal(err)
	}
	b := batch("handoff-c/r1", TypePhase, TypeOfferMade, TypeOutcome)

	// Temporal runs the activity again after each failure; here the loop stands in for it.
	attempts := 0
	for {
		attempts++
		err := p.PublishEvents(context.Background(), b)
		if err == nil {
			break
		}
		var appErr *temporal.ApplicationError
		if !errors.As(err, &appErr) || appErr.NonRetryable() || appErr.Type() != ErrDeliveryFailed || !strings.Contains(err.Error(), "down") {
			t.Fatalf("attempt %d: %v, want a retryable %s naming the subscription", attempts, err, ErrDeliveryFailed)
		}
		if attempts > 5 {
			t.Fatal("never delivered")
		}
	}
	if attempts != 3 || down.deliveries != 3 {
		t.Fatalf("attempts %d, deliveries to the failing receiver %d; want 3 and 3 (two 500s, then taken)", attempts, down.deliveries)
	}
	want := []string{"handoff-c/r1#1", "handoff-c/r1#2", "handoff-c/r1#3"}
	if !slices.Equal(down.order, want) {
		t.Fatalf("kept %v, want %v", down.order, want)
	}
	// Every attempt re-sent the batch to the healthy subscriber too; its receiver kept each
	// event once, and its filter let only the outcome through.
	if up.deliveries != 3 || !slices.Equal(up.order, []string{"handoff-c/r1#3"}) {
		t.Fatalf("filtered subscriber: %d deliveries, kept %v; want 3 deliveries of the outcome only", up.deliveries, up.order)
	}
}

func TestPublisherDoesNotRetryARefusal(t *testing.T) {
	var n int
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		mu.Unlock()
		http.Error(w, "unknown subscriber", http.StatusGone)
	}))
	defer srv.Close()
	p, _ := NewPublisher([]Subscription{{Name: "gone", URL: srv.URL, Secret: secret}}, time.Second, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err := p.PublishEvents(context.Background(), batch("h/r", TypePhase)); err != nil {
		t.Fatalf("a 410 should be given up, not retried: %v", err)
	}
	if n != 1 {
		t.Fatalf("%d deliveries, want 1", n)
	}
}

func TestHubScopesDedupsAndReplays(t *testing.T) {
	h, err := NewHub(10, nil)
	if err != nil {
		t.Fatal(err)
	}
	watch := func(agent string) func(Event, *Parties) bool {
		return func(e Event, p *Parties) bool { return agent == "" || e.Source == agent || p.Has(agent) }
	}
	all, _ := h.Subscribe(false, 0, watch(""))
	maria, _ := h.Subscribe(false, 0, watch("maria"))

	one := batch("h1/r", TypePhase, TypeOfferMade, TypeOwnerChanged)
	one.Events[1].Agent, one.Events[2].Agent = "maria", "maria"
	other := batch("h2/r", TypePhase, TypeOfferMade)
	other.Events[1].Agent = "james"
	h.Publish(one)
	h.Publish(other)
	h.Publish(one) // a retried delivery: nothing new

	got := func(c *Client) (ids []string) {
		for {
			select {
			case e := <-c.C:
				ids = append(ids, e.Event.ID)
			default:
				return ids
			}
		}
	}
	if ids := got(all); len(ids) != 5 {
		t.Fatalf("operator got %v, want the 5 distinct events", ids)
	}
	// maria was offered h1 in its second event and sees the whole batch, h2 not at all.
	if ids := got(maria); !slices.Equal(ids, []string{"h1/r#1", "h1/r#2", "h1/r#3"}) {
		t.Fatalf("maria got %v, want h1's three events only", ids)
	}
	// A reconnect after stream ID 3 gets what followed and it may see.
	_, backlog := h.Subscribe(true, 3, watch("james"))
	if len(backlog) != 2 || backlog[0].Event.ID != "h2/r#1" || backlog[0].N != 4 {
		t.Fatalf("james's backlog after 3: %+v, want h2's two events from stream ID 4", backlog)
	}
}

func TestHubDropsAClientThatFallsBehind(t *testing.T) {
	h, _ := NewHub(10, nil)
	slow, _ := h.Subscribe(false, 0, func(Event, *Parties) bool { return true })
	for i := range clientBuffer + 1 {
		h.Publish(batch("h/r"+string(rune('a'+i%26))+string(rune('a'+i/26)), TypePhase))
	}
	n := 0
	for range slow.C {
		n++
	}
	if n != clientBuffer {
		t.Fatalf("the slow client got %d events before its channel closed, want %d", n, clientBuffer)
	}
}
