package httpapi

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/handoffhq/orchestrator/events"
)

// The event stream: GET /v1/events/stream serves each handoff's state changes as
// server-sent events to consoles, scoped by mayWatch (access.go). The workers feed it through
// POST /v1/events/ingest, a webhook delivery like any other, authenticated by its HMAC
// signature with the stream's secret rather than a bearer token.

// streamHeartbeat keeps idle streams open through proxies that close silent connections.
const streamHeartbeat = 15 * time.Second

// ingestMaxBody bounds one delivery: a batch is a handoff's events since its last milestone,
// a few hundred bytes each.
const ingestMaxBody = 1 << 20

func (s *Server) mountEventIngest(mux *http.ServeMux) {
	if s.opts.Events == nil {
		return
	}
	mux.HandleFunc("POST /v1/events/ingest", s.ingest)
}

// ingest takes a signed batch from a worker into the hub.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, ingestMaxBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", "", "an event batch is at most 1 MiB")
		return
	}
	if err := events.Verify(s.opts.EventsSecret, body, r.Header.Get(events.SignatureHeader), time.Now()); err != nil {
		writeError(w, http.StatusUnauthorized, "unauthorized", "", "event batch signature: "+err.Error())
		return
	}
	setLogPrincipal(r.Context(), "events-stream")
	var b events.Batch
	if err := json.Unmarshal(body, &b); err != nil {
		writeError(w, http.StatusBadRequest, "invalid", "", "event batch: "+err.Error())
		return
	}
	s.opts.Events.Publish(b)
	w.WriteHeader(http.StatusNoContent)
}

// eventStream serves the events the caller may watch, from now on, or first those after the
// ID in Last-Event-ID (or ?last_event_id=; 0 for every event still kept) that the hub still
// keeps. ?conversation_id= narrows it to one conversation.
func (s *Server) eventStream(w http.ResponseWriter, r *http.Request) {
	if s.opts.Events == nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "", "the event stream is off: set events.stream.url (and its secret) for the API and the workers")
		return
	}
	p, _ := PrincipalFrom(r.Context())
	conv := r.URL.Query().Get("conversation_id")
	last, resume := r.Header.Get("Last-Event-ID"), r.Header.Get("Last-Event-ID") != ""
	if !resume {
		last, resume = r.URL.Query().Get("last_event_id"), r.URL.Query().Has("last_event_id")
	}
	after, err := strconv.ParseUint(last, 10, 64)
	if resume && err != nil {
		writeError(w, http.StatusBadRequest, "invalid", "last_event_id", "Last-Event-ID must be a stream ID (a number), not "+strconv.Quote(last))
		return
	}

	rc := http.NewResponseController(w)
	// The server's read timeout would end the stream after 30 s: a stream has no request
	// body left to read, and writes are bounded by the client's own pace (it is dropped when
	// it falls behind).
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	client, backlog := s.opts.Events.Subscribe(resume, after, func(e events.Event, parties *events.Parties) bool {
		return (conv == "" || e.ConversationID == conv) && mayWatch(p, e, parties)
	})
	defer s.opts.Events.Unsubscribe(client)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	// retry: how long a browser's EventSource waits before it reconnects.
	if _, err := fmt.Fprint(w, "retry: 2000\n: connected\n\n"); err != nil {
		return
	}
	for _, e := range backlog {
		if writeEvent(w, e) != nil {
			return
		}
	}
	// Says where the kept events end and live ones begin (EventSource ignores comments).
	if resume {
		if _, err := fmt.Fprint(w, ": caught up\n\n"); err != nil {
			return
		}
	}
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(streamHeartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-client.C:
			if !ok {
				return // dropped (too far behind) or shutting down: the client reconnects
			}
			if writeEvent(w, e) != nil {
				return
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
		}
		if rc.Flush() != nil {
			return
		}
	}
}

func writeEvent(w io.Writer, e events.Entry) error {
	data, err := json.Marshal(e.Event)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "id: %d\nevent: %s\ndata: %s\n\n", e.N, e.Event.Type, data)
	return err
}
