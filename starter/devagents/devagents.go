// Package devagents is a development stand-in for the external agents: the bots' webhooks and
// health checks and the humans' notification service. It records what it receives so tests
// and the README tour can see deliveries, and it can misbehave on purpose (fail, be slow, be
// down) to show retries, fallbacks and no_capacity without real agents.
//
// Like every receiver should, it acts on a delivery once: a delivery whose Idempotency-Key it
// has already taken (a retry after a timeout, or a step re-run after a worker crash) is
// answered 200 again and not acted on, so the customer never hears a message twice.
package devagents

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// maxBody bounds a delivery; a real package is a few kilobytes.
const maxBody = 1 << 20

// defaultKept bounds the deliveries remembered per agent, so a long demo does not grow forever.
const defaultKept = 1000

// maxKeys bounds the idempotency keys remembered per agent. Retries come within minutes of
// the first attempt, so the latest keys are the ones that matter.
const maxKeys = 10000

// Received is one delivery as recorded, with the route it came in on.
type Received struct {
	Agent    string           `json:"agent"`
	Notify   bool             `json:"notify"`
	At       time.Time        `json:"at"`
	Key      string           `json:"idempotency_key"`
	Delivery handoff.Delivery `json:"delivery"`
}

// Agents is the stand-in. Its zero value is not usable; call New.
type Agents struct {
	logger *slog.Logger

	mu         sync.Mutex
	fail       map[string]bool
	failTypes  map[string]map[handoff.DeliveryType]bool
	down       map[string]bool
	slow       map[string]time.Duration
	deliveries map[string][]Received
	// kept is how many deliveries each agent's list remembers (KeepDeliveries).
	kept int
	// seen holds each agent's recent idempotency keys, oldest first in order.
	seen       map[string]map[string]bool
	order      map[string][]string
	duplicates map[string]int
	// The people's calendars (calendar.go): when the stand-in started, who is busy now and
	// until when, whose calendar is down, and how often each was read.
	started       time.Time
	busyNow       map[string][2]time.Time
	calendarDown  map[string]bool
	calendarReads map[string]int
}

// New makes a stand-in where every agent is healthy and answers at once.
func New(logger *slog.Logger) *Agents {
	return &Agents{
		logger:     logger,
		fail:       map[string]bool{},
		failTypes:  map[string]map[handoff.DeliveryType]bool{},
		down:       map[string]bool{},
		slow:       map[string]time.Duration{},
		deliveries: map[string][]Received{},
		kept:       defaultKept,
		seen:       map[string]map[string]bool{},
		order:      map[string][]string{},
		duplicates: map[string]int{},

		started:       time.Now(),
		busyNow:       map[string][2]time.Time{},
		calendarDown:  map[string]bool{},
		calendarReads: map[string]int{},
	}
}

// SetFail makes the agent's webhook and notify routes answer 503 (or stop doing so).
func (a *Agents) SetFail(agent string, on bool) { a.set(a.fail, agent, on) }

// SetFailTypes makes the agent answer 503 to deliveries of these types only (none: stop), to
// fail one step of a handoff and not the others.
func (a *Agents) SetFailTypes(agent string, types ...handoff.DeliveryType) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(types) == 0 {
		delete(a.failTypes, agent)
		return
	}
	m := map[handoff.DeliveryType]bool{}
	for _, t := range types {
		m[t] = true
	}
	a.failTypes[agent] = m
}

// Failing reports whether the agent answers deliveries of this type with 503 now.
func (a *Agents) Failing(agent string, t handoff.DeliveryType) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.fail[agent] || a.failTypes[agent][t]
}

// Duplicates counts the deliveries the agent got again under a key it had already taken.
func (a *Agents) Duplicates(agent string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.duplicates[agent]
}

// KeepDeliveries sets how many deliveries each agent's list remembers (1000 by default): a
// ledger that reads every conversation's deliveries at the end of a long run needs them all.
func (a *Agents) KeepDeliveries(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.kept = max(n, 1)
}

// SetDown makes the agent's health route answer 503 (or stop doing so).
func (a *Agents) SetDown(agent string, on bool) { a.set(a.down, agent, on) }

// SetSlow delays the agent's answers by d (0 removes the delay).
func (a *Agents) SetSlow(agent string, d time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if d <= 0 {
		delete(a.slow, agent)
		return
	}
	a.slow[agent] = d
}

func (a *Agents) set(m map[string]bool, agent string, on bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if on {
		m[agent] = true
	} else {
		delete(m, agent)
	}
}

// Deliveries returns a copy of what the agent received, oldest first.
func (a *Agents) Deliveries(agent string) []Received {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]Received(nil), a.deliveries[agent]...)
}

// Handler serves the agents' routes:
//
//	POST /agents/{id}               webhook (bots, specialists; source agents' preparation)
//	POST /agents/{id}/notify        notification service (humans, supervisors)
//	GET  /agents/{id}/health        health check
//	GET  /agents/{id}/deliveries    what the agent received, for tests and demos
//	GET  /agents/{id}/calendar.ics  the person's calendar feed (maria, james, sam)
func (a *Agents) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /agents/{id}", func(w http.ResponseWriter, r *http.Request) { a.receive(w, r, false) })
	mux.HandleFunc("POST /agents/{id}/notify", func(w http.ResponseWriter, r *http.Request) { a.receive(w, r, true) })
	mux.HandleFunc("GET /agents/{id}/health", a.health)
	mux.HandleFunc("GET /agents/{id}/deliveries", a.list)
	mux.HandleFunc("GET /agents/{id}/calendar.ics", a.calendar)
	return mux
}

func (a *Agents) receive(w http.ResponseWriter, r *http.Request, notify bool) {
	agent := r.PathValue("id")
	if !a.wait(r, agent) {
		return
	}
	var d handoff.Delivery
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	if err := dec.Decode(&d); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "body must be a handoff delivery (JSON): " + err.Error()})
		return
	}
	key := r.Header.Get("Idempotency-Key")
	a.mu.Lock()
	failing := a.fail[agent] || a.failTypes[agent][d.Type]
	duplicate := !failing && key != "" && a.seen[agent][key]
	switch {
	case duplicate:
		a.duplicates[agent]++
	case !failing:
		a.remember(agent, key)
		list := append(a.deliveries[agent], Received{Agent: agent, Notify: notify, At: time.Now().UTC(), Key: key, Delivery: d})
		if len(list) > a.kept {
			list = list[len(list)-a.kept:]
		}
		a.deliveries[agent] = list
	}
	a.mu.Unlock()
	// IDs and the delivery type only: the body carries the customer's details and transcript.
	a.logger.Info("delivery", "agent", agent, "type", d.Type, "handoff", d.HandoffID, "notify", notify, "failing", failing, "duplicate", duplicate)
	switch {
	case failing:
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "agent " + agent + " is failing (--fail)"})
	case duplicate:
		writeJSON(w, http.StatusOK, map[string]string{"status": "duplicate"})
	default:
		writeJSON(w, http.StatusOK, map[string]string{"status": "received"})
	}
}

// remember records a taken key, forgetting the oldest beyond maxKeys. Called with a.mu held.
func (a *Agents) remember(agent, key string) {
	if key == "" {
		return
	}
	if a.seen[agent] == nil {
		a.seen[agent] = map[string]bool{}
	}
	a.seen[agent][key] = true
	a.order[agent] = append(a.order[agent], key)
	if n := len(a.order[agent]); n > maxKeys {
		delete(a.seen[agent], a.order[agent][0])
		a.order[agent] = a.order[agent][1:]
	}
}

func (a *Agents) health(w http.ResponseWriter, r *http.Request) {
	agent := r.PathValue("id")
	if !a.wait(r, agent) {
		return
	}
	a.mu.Lock()
	down := a.down[agent]
	a.mu.Unlock()
	if down {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "down"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (a *Agents) list(w http.ResponseWriter, r *http.Request) {
	got := a.Deliveries(r.PathValue("id"))
	if got == nil {
		got = []Received{}
	}
	writeJSON(w, http.StatusOK, got)
}

// wait applies --slow; it reports false when the caller gave up first.
func (a *Agents) wait(r *http.Request, agent string) bool {
	a.mu.Lock()
	d := a.slow[agent]
	a.mu.Unlock()
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// A write error means the caller hung up; there is no one left to tell.
	_ = enc.Encode(v)
}
