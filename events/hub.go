package events

import (
	"context"
	"slices"
	"sync"

	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
)

// Hub fans the events the API takes in (from the workers, through the ingest route) out to
// the clients of its server-sent-events stream. It keeps the latest events so a client that
// reconnects with Last-Event-ID misses nothing that is still kept, drops events it has seen
// (a retried delivery), and knows each handoff's parties so that agents see only their own
// handoffs' events.
type Hub struct {
	mu      sync.Mutex
	n       uint64 // the stream ID of the latest event
	recent  []Entry
	seen    map[string]bool
	seenIDs []string // seen's keys, oldest first, to bound it
	parties map[string]*Parties
	order   []string // parties' keys, oldest first
	clients map[*Client]struct{}
	keep    int
}

// Entry is one event as the stream numbers it.
type Entry struct {
	// N is the event's ID on the stream (SSE id:), increasing within one API process.
	N     uint64
	Event Event
}

// Parties are the agents of one handoff: its source, the agents it was offered to and its
// owners. Agents see the events of handoffs they are a party to.
type Parties struct {
	Source string
	Agents []string
}

// Has reports whether agent is a party.
func (p *Parties) Has(agent string) bool {
	return p != nil && agent != "" && (p.Source == agent || slices.Contains(p.Agents, agent))
}

// Client is one stream subscriber. C closes when the hub drops it (it fell too far behind, or
// the hub closed): the client reconnects with the last ID it got.
type Client struct {
	C     chan Entry
	allow func(Event, *Parties) bool
}

// clientBuffer is how many events a client may lag behind before it is dropped.
const clientBuffer = 256

// NewHub keeps the latest keep events (and handoffs' parties and seen IDs in proportion); mp
// may be nil.
func NewHub(keep int, mp metric.MeterProvider) (*Hub, error) {
	if keep <= 0 {
		keep = 1000
	}
	h := &Hub{seen: map[string]bool{}, parties: map[string]*Parties{}, clients: map[*Client]struct{}{}, keep: keep}
	if mp == nil {
		mp = noop.NewMeterProvider()
	}
	_, err := mp.Meter(meterName).Int64ObservableGauge(MetricStreamClients,
		metric.WithDescription("Clients connected to the API's event stream."),
		metric.WithInt64Callback(func(_ context.Context, o metric.Int64Observer) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			o.Observe(int64(len(h.clients)))
			return nil
		}))
	return h, err
}

// MetricStreamClients is the stream's client gauge (Prometheus: handoff_events_stream_clients).
const MetricStreamClients = "handoff_events_stream_clients"

// Publish takes in a batch: new events get stream IDs and go to every client allowed to see
// them. The batch's parties are learnt first, so an agent offered the conversation in this
// batch sees the batch's earlier events too.
func (h *Hub) Publish(b Batch) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var fresh []Event
	for _, e := range b.Events {
		if h.seen[e.ID] {
			continue
		}
		h.remember(e.ID)
		fresh = append(fresh, e)
		p := h.partiesOf(e.HandoffID)
		if p.Source == "" {
			p.Source = e.Source
		}
		if (e.Type == TypeOfferMade || e.Type == TypeOwnerChanged) && !p.Has(e.Agent) {
			p.Agents = append(p.Agents, e.Agent)
		}
	}
	for _, e := range fresh {
		h.n++
		entry := Entry{N: h.n, Event: e}
		h.recent = append(h.recent, entry)
		if len(h.recent) > h.keep {
			h.recent = h.recent[len(h.recent)-h.keep:]
		}
		p := h.parties[e.HandoffID]
		for c := range h.clients {
			if !c.allow(e, p) {
				continue
			}
			select {
			case c.C <- entry:
			default:
				// Too far behind: dropping it beats holding every other client up. It
				// reconnects with Last-Event-ID and gets what is still kept.
				h.drop(c)
			}
		}
	}
}

func (h *Hub) remember(id string) {
	h.seen[id] = true
	h.seenIDs = append(h.seenIDs, id)
	if len(h.seenIDs) > 10*h.keep {
		delete(h.seen, h.seenIDs[0])
		h.seenIDs = h.seenIDs[1:]
	}
}

func (h *Hub) partiesOf(handoffID string) *Parties {
	if p, ok := h.parties[handoffID]; ok {
		return p
	}
	p := &Parties{}
	h.parties[handoffID] = p
	h.order = append(h.order, handoffID)
	if len(h.order) > 10*h.keep {
		delete(h.parties, h.order[0])
		h.order = h.order[1:]
	}
	return p
}

// Subscribe adds a client that gets the events allow lets through. When it resumes, it also
// gets the kept events after stream ID after that allow lets through, to send first.
func (h *Hub) Subscribe(resume bool, after uint64, allow func(Event, *Parties) bool) (*Client, []Entry) {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := &Client{C: make(chan Entry, clientBuffer), allow: allow}
	h.clients[c] = struct{}{}
	var backlog []Entry
	if resume {
		for _, e := range h.recent {
			if e.N > after && allow(e.Event, h.parties[e.Event.HandoffID]) {
				backlog = append(backlog, e)
			}
		}
	}
	return c, backlog
}

// Unsubscribe removes a client (safe to call after the hub dropped it).
func (h *Hub) Unsubscribe(c *Client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.drop(c)
}

// Close drops every client, so the API's streams end when it shuts down.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		h.drop(c)
	}
}

func (h *Hub) drop(c *Client) {
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c.C)
	}
}
