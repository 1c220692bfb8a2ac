// Package activities holds the handoff's steps that the workflow runs as activities: the pure
// decision steps (run as local activities) and the I/O steps that reach agents' webhooks,
// health checks and notification services (run as regular activities, so each is retried by
// Temporal and survives a worker crash).
package activities

import (
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
	"github.com/sony/gobreaker/v2"
	"go.opentelemetry.io/otel/metric"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"golang.org/x/time/rate"
)

// Activities holds the dependencies of every activity: config, HTTP client, breakers, and a
// Temporal client for the steps that talk to other workflows (the agents' entity workflows).
type Activities struct {
	cfg      *config.Config
	logger   *slog.Logger
	http     *http.Client
	temporal client.Client

	// log is the handoff log RecordOutcome writes to, nil when store.url is not set.
	log HandoffLog

	// decoder is the external intent decoder, nil when routing.decoder.url is not configured;
	// model the language model, nil when routing.decoder.model is not.
	decoder *IntentDecoder
	model   *ModelAnalyzer

	mu       sync.Mutex
	breakers map[string]*gobreaker.CircuitBreaker[*http.Response]
	// limiters are the bots' rate limits (see agents.go), made on first use.
	limiters map[string]*rate.Limiter
	// monitors are compiled monitoring rule sets, by version (monitor.go).
	monitors map[string]*decision.MonitorRules
	// transitions counts breaker state changes once Instrument is called (telemetry.go).
	transitions metric.Int64Counter
	// calendars caches what people's calendars say (see calendars.go).
	calendars calendarCache
	// allocs caches bandit allocations read from the log (experiments.go).
	allocs allocationCache
	// learned is learned routing's table (learned.go).
	learned learnedRouting
}

// New builds the activities for a config. cl may be nil where no activity that reaches other
// workflows runs (unit tests of the pure steps).
func New(cfg *config.Config, logger *slog.Logger, cl client.Client) *Activities {
	timeout, err := time.ParseDuration(cfg.Handoff.HTTPTimeout)
	if err != nil || timeout <= 0 {
		timeout = 5 * time.Second
	}
	a := &Activities{
		cfg:      cfg,
		logger:   logger,
		temporal: cl,
		http:     &http.Client{Timeout: timeout},
		breakers: map[string]*gobreaker.CircuitBreaker[*http.Response]{},
	}
	if cfg.Engine != nil {
		switch d := cfg.Engine.Decoder(); {
		case d.Model.Enabled():
			a.model = NewModelAnalyzer(d.Model, cfg.ModelAPIKey, d.TimeoutDuration(), cfg.Agents, DefaultDecoderBreaker)
		case d.Enabled():
			a.decoder = NewIntentDecoder(d.URL, d.TimeoutDuration())
		}
	}
	return a
}

// Register registers the activities' methods under their method names.
func Register(r worker.ActivityRegistry, a *Activities) {
	r.RegisterActivity(a)
}

// failing reports whether the agent's delivery endpoint has its breaker open: it failed
// repeatedly just now, so ranking skips it rather than offer it and wait for the failure.
func (a *Activities) failing(agentID string) bool {
	a.mu.Lock()
	b, ok := a.breakers[deliverBreaker(agentID)]
	a.mu.Unlock()
	return ok && b.State() == gobreaker.StateOpen
}

func deliverBreaker(agentID string) string { return "deliver:" + agentID }

// breaker returns the circuit breaker of one agent endpoint. A failing bot stops costing every
// handoff a full timeout: after five consecutive failures calls fail fast for 30 s, then one
// trial call decides whether it is back.
func (a *Activities) breaker(name string) *gobreaker.CircuitBreaker[*http.Response] {
	a.mu.Lock()
	defer a.mu.Unlock()
	if b, ok := a.breakers[name]; ok {
		return b
	}
	b := gobreaker.NewCircuitBreaker[*http.Response](gobreaker.Settings{
		Name:    name,
		Timeout: 30 * time.Second,
		ReadyToTrip: func(c gobreaker.Counts) bool {
			return c.ConsecutiveFailures >= 5
		},
		OnStateChange: func(name string, from, to gobreaker.State) {
			a.logger.Warn("circuit breaker changed state", "endpoint", name, "from", from.String(), "to", to.String())
			a.breakerChanged(name, to)
		},
	})
	a.breakers[name] = b
	return b
}
