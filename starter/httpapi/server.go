// Package httpapi is the HTTP/JSON API of the handoff orchestrator for bots, humans and
// operators. Every route but /healthz, /readyz and /openapi.yaml needs a bearer token, or the
// session of a person signed in to the web console it mounts at /console; the operations
// themselves are the service package's, shared with the CLI.
package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/console"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/api"
	"github.com/handoffhq/orchestrator/starter/service"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

// Ops are the operations the API serves; *service.Service implements them.
type Ops interface {
	ValidateInput(in *handoff.Input) error
	Start(ctx context.Context, in handoff.Input) (service.StartResult, error)
	Result(ctx context.Context, convID, runID string) (handoff.State, error)
	Status(ctx context.Context, convID string) (handoff.State, error)
	Accept(ctx context.Context, convID string, ans handoff.AnswerInput) (handoff.State, error)
	Decline(ctx context.Context, convID string, ans handoff.AnswerInput) (handoff.State, error)
	Confirm(ctx context.Context, convID string, c handoff.ConfirmInput) (handoff.State, error)
	ContextAck(ctx context.Context, convID string, ack handoff.ContextAckInput) (handoff.State, error)
	SendEvent(ctx context.Context, convID string, ev handoff.Event) error
	Cancel(ctx context.Context, convID string) error
	SourceAgent(ctx context.Context, convID string) (string, error)
	Decide(in handoff.Input) (handoff.Decision, error)
	CheckHealth(ctx context.Context) error
	// Kind is an agent's kind in the roster ("" when it is not on it).
	Kind(agentID string) handoff.AgentKind
	// The human agent's own operations (agents.go).
	AgentState(ctx context.Context, agentID string) (handoff.AgentState, error)
	Offers(ctx context.Context, agentID string) (service.Offers, error)
	SetPresence(ctx context.Context, agentID string, in handoff.PresenceInput) (handoff.AgentState, error)
	Release(ctx context.Context, agentID string, in handoff.ReleaseInput) (handoff.AgentState, error)
	// The supervisor's board (board.go).
	People(ctx context.Context) (service.People, error)
	Handoffs(ctx context.Context, status string, limit int) (service.HandoffList, error)
	// A supervisor's actions (supervise.go).
	Reassign(ctx context.Context, convID string, in handoff.ReassignInput) (handoff.State, error)
	SetPriority(ctx context.Context, convID string, in handoff.PriorityInput) (handoff.State, error)
	ForceRelease(ctx context.Context, agentID string, in handoff.ReleaseInput) (handoff.AgentState, error)
	// The queues' statistics (queues.go).
	Queues(ctx context.Context) (service.QueuesStats, error)
	QueueStats(ctx context.Context, group string) (handoff.QueueStats, error)
	// Votes, notes, handbacks and warm transfers (collab.go).
	CollabOps
}

// Options tune the server; zero values take the defaults.
type Options struct {
	// MaxBody bounds request bodies (default 1 MiB: a long transcript fits many times over).
	MaxBody int64
	// OpTimeout bounds one Temporal call: start, update, query, signal (default 15s).
	OpTimeout time.Duration
	// WaitTimeout bounds ?wait=true on start, which lasts the whole handoff with its
	// monitoring window (default 15m).
	WaitTimeout time.Duration
	// Codec serves the payload codec endpoint for operators (codec.go); none when unset.
	Codec CodecOptions
	// Tracer and Meter trace and count requests (telemetry.go); nil: neither.
	Tracer trace.TracerProvider
	Meter  metric.MeterProvider
	// Events serves the event stream and its ingest route (events.go), checked with
	// EventsSecret; nil: no stream.
	Events       *events.Hub
	EventsSecret []byte
	// Log is the handoff log behind the outcome and stats routes (outcomes.go); without it
	// they answer 503.
	Log Log
	// Analytics defines success and the minimum sample of GET /v1/stats.
	Analytics config.Analytics
	// Console is the web console at /console (console.go).
	Console ConsoleOptions
	// Experiments are the config's experiments GET /v1/experiments/{name} reports on.
	Experiments *experiments.Set
}

// Server is the API's handler.
type Server struct {
	ops     Ops
	auth    *Auth
	logger  *slog.Logger
	opts    Options
	tel     *telemetry
	console *console.Console
}

// New builds the API over ops, with callers checked by auth.
func New(ops Ops, auth *Auth, logger *slog.Logger, opts Options) *Server {
	if logger == nil {
		logger = slog.Default()
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = 1 << 20
	}
	if opts.OpTimeout <= 0 {
		opts.OpTimeout = 15 * time.Second
	}
	if opts.WaitTimeout <= 0 {
		opts.WaitTimeout = 15 * time.Minute
	}
	s := &Server{ops: ops, auth: auth, logger: logger, opts: opts}
	tel, err := newTelemetry(opts)
	if err != nil {
		// Only an invalid instrument name fails here, which a test would have caught.
		logger.Error("API metrics are off", "error", err.Error())
	}
	s.tel = tel
	s.console = s.newConsole()
	return s
}

// Route is one authenticated API route.
type Route struct {
	Method, Path string
	// Roles may call the route; an empty list means no authentication.
	Roles   []string
	handler http.HandlerFunc
}

// Routes lists the API's routes, for the mux and for the test that checks the OpenAPI
// document covers each of them.
func (s *Server) Routes() []Route {
	return append(s.collabRoutes(), []Route{
		{"POST", "/v1/handoffs", botOnly, s.start},
		{"GET", "/v1/handoffs", operatorOnly, s.listHandoffs},
		{"GET", "/v1/handoffs/{conversation_id}", anyRole, s.status},
		{"POST", "/v1/handoffs/{conversation_id}/accept", human, s.answer(handoff.UpdateAccept)},
		{"POST", "/v1/handoffs/{conversation_id}/decline", human, s.answer(handoff.UpdateDecline)},
		{"POST", "/v1/handoffs/{conversation_id}/confirm", botHuman, s.confirm},
		{"POST", "/v1/handoffs/{conversation_id}/context_ack", botHuman, s.contextAck},
		{"POST", "/v1/handoffs/{conversation_id}/events", anyRole, s.event},
		{"POST", "/v1/handoffs/{conversation_id}/cancel", botOnly, s.cancel},
		{"POST", "/v1/decide", botOnly, s.decide},
		{"GET", "/v1/agents", operatorOnly, s.people},
		{"GET", "/v1/agents/{agent_id}", humanOperator, s.agentState},
		{"GET", "/v1/agents/{agent_id}/offers", humanOperator, s.agentOffers},
		{"GET", "/v1/events/stream", anyRole, s.eventStream},
		{"POST", "/v1/agents/{agent_id}/presence", humanOperator, s.setPresence},
		{"POST", "/v1/agents/{agent_id}/release", humanOperator, s.releaseConversation},
		{"POST", "/v1/handoffs/{conversation_id}/reassign", operatorOnly, s.reassign},
		{"POST", "/v1/handoffs/{conversation_id}/priority", operatorOnly, s.setPriority},
		{"POST", "/v1/conversations/{conversation_id}/outcomes", anyRole, s.reportOutcome},
		{"GET", "/v1/stats", operatorOnly, s.stats},
		{"GET", "/v1/experiments/{name}", operatorOnly, s.experimentReport},
		{"GET", "/v1/queues", operatorOnly, s.queues},
		{"GET", "/v1/queues/{group}", operatorOnly, s.queue},
		{"POST", "/v1/consultations", botHuman, s.startConsultation},
		{"GET", "/v1/consultations/{consultation_id}", anyRole, s.consultation},
		{"POST", "/v1/consultations/{consultation_id}/answers", botHuman, s.answerConsultation},
		{"POST", "/v1/consultations/{consultation_id}/events", anyRole, s.consultationEvent},
		{"GET", "/healthz", nil, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
		}},
		{"GET", "/readyz", nil, s.ready},
		{"GET", "/openapi.yaml", nil, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/yaml")
			_, _ = w.Write(api.OpenAPI)
		}},
	}...)
}

// Handler returns the routes with request logging and panic recovery around them.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.Routes() {
		h := rt.handler
		if len(rt.Roles) > 0 {
			h = s.require(rt.Roles, requireJSON(h))
		}
		mux.HandleFunc(rt.Method+" "+rt.Path, h)
	}
	s.mountCodec(mux)
	if s.console != nil {
		s.console.Mount(mux)
	}
	s.mountEventIngest(mux)
	// Unknown routes get the JSON error shape too. (This catch-all also answers wrong methods
	// on known paths with 404 rather than 405.)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "", "no route "+r.Method+" "+r.URL.Path)
	})
	return s.tel.instrument(s.logRequests(mux))
}

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	if err := s.ops.CheckHealth(ctx); err != nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}
