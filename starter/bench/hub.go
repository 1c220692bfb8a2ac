package bench

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// hub sees every delivery the stand-in agents receive, before they record it: it tells the
// driver when a handoff's target was briefed and when the transfer was confirmed to it, and
// it hands offers to the simulated people. Looking at deliveries costs the engine nothing (no
// queries), and it is what the customer experiences: the moment the receiver has the context.
type hub struct {
	next http.Handler

	mu     sync.Mutex
	tracks map[string]*track // by conversation ID
	// onOffer is called (in its own goroutine) for every offer delivered to a person.
	onOffer func(agent, conversationID string)
}

// track is what the hub saw of one conversation.
type track struct {
	briefedAt     time.Time
	transferredAt time.Time
	// transferredTo is the agent told it owns the conversation.
	transferredTo string
	transferred   chan struct{}
}

func newHub(next http.Handler) *hub {
	return &hub{next: next, tracks: map[string]*track{}}
}

// watch starts tracking a conversation; call it before starting the workflow.
func (h *hub) watch(convID string) *track {
	t := &track{transferred: make(chan struct{})}
	h.mu.Lock()
	h.tracks[convID] = t
	h.mu.Unlock()
	return t
}

// forget stops tracking a conversation.
func (h *hub) forget(convID string) {
	h.mu.Lock()
	delete(h.tracks, convID)
	h.mu.Unlock()
}

// times returns when the target was briefed and when the transfer reached it (zero if not).
func (h *hub) times(t *track) (briefed, transferred time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return t.briefedAt, t.transferredAt
}

// peek is the part of a delivery the hub reads.
type peek struct {
	Type           handoff.DeliveryType `json:"type"`
	ConversationID string               `json:"conversation_id"`
	From           string               `json:"from"`
	To             string               `json:"to"`
}

func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || !strings.HasPrefix(r.URL.Path, "/agents/") {
		h.next.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	r.Body.Close()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var d peek
	if json.Unmarshal(body, &d) == nil && d.ConversationID != "" {
		h.observe(d)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	h.next.ServeHTTP(w, r)
}

func (h *hub) observe(d peek) {
	now := time.Now()
	h.mu.Lock()
	t := h.tracks[d.ConversationID]
	if t != nil {
		switch d.Type {
		case handoff.DeliveryBriefing, handoff.DeliveryOffer:
			if t.briefedAt.IsZero() {
				t.briefedAt = now
			}
		case handoff.DeliveryTransferred:
			// The source hears first (To == From), then the target.
			if d.To != d.From && t.transferredAt.IsZero() {
				t.transferredAt, t.transferredTo = now, d.To
				close(t.transferred)
			}
		}
	}
	onOffer := h.onOffer
	h.mu.Unlock()
	if d.Type == handoff.DeliveryOffer && onOffer != nil {
		go onOffer(d.To, d.ConversationID)
	}
}
