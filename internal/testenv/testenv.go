// Package testenv builds what the starter's tests run against: a config made from the shipped
// real-estate example with its agent URLs pointed at an in-process devagents server and short
// timings, API tokens for every agent, and (for integration tests) the real Temporal dev
// server with a handoff worker and the HTTP API on httptest.
package testenv

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/codec"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/devserver"
	"github.com/handoffhq/orchestrator/internal/redact"
	"github.com/handoffhq/orchestrator/starter/devagents"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/starter/tokens"
	"github.com/handoffhq/orchestrator/store"
	"github.com/handoffhq/orchestrator/telemetry"
	"github.com/handoffhq/orchestrator/workflows"
	"go.opentelemetry.io/otel/metric"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"
	"go.yaml.in/yaml/v3"
)

// exampleAgentsURL is where the shipped example points agents (`starter devagents`).
const exampleAgentsURL = "http://127.0.0.1:8090"

// Options shape a test environment.
type Options struct {
	// Handoff overrides keys of the config's handoff section (e.g. "offer_timeout": "2s").
	Handoff map[string]any
	// NoWorker leaves the task queue unpolled, so started handoffs stay running untouched.
	NoWorker bool
	// API tunes the HTTP server (short timeouts for tests).
	API httpapi.Options
	// Logs, when set, receives every log line of the API, the worker and its activities, the
	// Temporal client and the dev agents, at debug level, through the same redacting handler
	// the binaries use (the PII scan reads it).
	Logs io.Writer
	// Store, when set, is the handoff log's URL (store.url): the worker records every handoff
	// there and the API serves outcomes and stats from it.
	Store string
	// Edit, when set, changes the config document last, before it is written and loaded
	// (e.g. a test's own roster); agent URLs in it already point at the test's devagents.
	Edit func(doc map[string]any, agentsURL string)
	// Telemetry, when set, traces and measures the API, the Temporal client and the worker
	// (all three share it here; in production each process has its own).
	Telemetry *telemetry.Telemetry
	// EventStream points events.stream at this environment's API, with a fresh secret, so
	// the worker feeds the API's event stream (Start only).
	EventStream bool
	// Queues keeps the example's queues[]. Without it the test config has none: handoffs to
	// people try them once, as every test written before queues expects (a queue would keep a
	// handoff whose offers all timed out waiting for its max wait). Edit may set its own.
	Queues bool
}

// Env is a running test environment.
type Env struct {
	Cfg       *config.Config
	Agents    *devagents.Agents
	AgentsURL string
	// Secrets maps token names (agent IDs, and "operator") to bearer tokens.
	Secrets map[string]string
	// Temporal, Client and Service are set by Start (not by NewConfig).
	Temporal *devserver.Server
	Client   client.Client
	Service  *service.Service
	// API is the HTTP API under test.
	API *httptest.Server
	// Log is the handoff log when Options.Store is set (opened by Start or Serve).
	Log *store.Store

	logs io.Writer
	tel  *telemetry.Telemetry
	// apiListener is reserved before the config is written when the config names the API's
	// address (the event stream).
	apiListener net.Listener
}

// ModuleRoot finds the directory holding go.mod.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// NewConfig writes a config derived from the real-estate example into t.TempDir, with a
// devagents server on httptest, development tokens in a tokens file, and the overrides;
// temporalAddr may be empty.
func NewConfig(t testing.TB, temporalAddr string, opts Options) *Env {
	t.Helper()
	agents := devagents.New(newLogger(nil, opts.Logs))
	agentsSrv := httptest.NewServer(agents.Handler())
	t.Cleanup(agentsSrv.Close)

	raw, err := os.ReadFile(filepath.Join(ModuleRoot(t), config.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	raw = bytes.ReplaceAll(raw, []byte(exampleAgentsURL), []byte(agentsSrv.URL))
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("parse example config: %v", err)
	}
	dir := t.TempDir()
	tokensFile := filepath.Join(dir, "tokens.yaml")
	section(doc, "api")["tokens_file"] = tokensFile
	// Payload encryption on, with the test process's key (worker processes read it too).
	keysFile := filepath.Join(dir, "codec-keys.yaml")
	if err := codec.WriteKeysFile(keysFile, devserver.TestKeys(), devserver.TestKeyID); err != nil {
		t.Fatal(err)
	}
	section(doc, "codec")["keys_file"] = keysFile
	if temporalAddr != "" {
		section(doc, "temporal")["address"] = temporalAddr
	}
	// Short timings, and no fallback agent so each test knows exactly whom the handoff tries.
	h := section(doc, "handoff")
	for k, v := range map[string]any{"monitoring_window": "2s", "offer_timeout": "2s", "confirmation_timeout": "2s",
		"breakpoint_wait": "0s", "quiet_period": "1s", "http_timeout": "2s", "fallback_agent": ""} {
		h[k] = v
	}
	for k, v := range opts.Handoff {
		h[k] = v
	}
	// A rule's protocol may set its own offer timeout (90s in the example); the test's wins.
	if rules, ok := section(doc, "routing")["rules"].([]any); ok {
		for _, r := range rules {
			if rule, ok := r.(map[string]any); ok {
				if p, ok := rule["protocol"].(map[string]any); ok && p["offer_timeout"] != nil {
					p["offer_timeout"] = h["offer_timeout"]
				}
			}
		}
	}
	if opts.Store != "" {
		section(doc, "store")["url"] = opts.Store
	}
	if !opts.Queues {
		delete(doc, "queues")
	}
	if opts.Edit != nil {
		opts.Edit(doc, agentsSrv.URL)
	}
	out, err := yaml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(file, out, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadFile(file, nil)
	if err != nil {
		t.Fatalf("load test config: %v", err)
	}
	set, err := tokens.DevSet(cfg)
	if err != nil {
		t.Fatal(err)
	}
	secrets := map[string]string{}
	list := make([]config.Token, 0, len(set))
	for _, tk := range set {
		secrets[tk.Name] = tk.Secret
		list = append(list, tk.Token)
	}
	if err := tokens.Create(tokensFile, list); err != nil {
		t.Fatal(err)
	}
	return &Env{Cfg: cfg, Agents: agents, AgentsURL: agentsSrv.URL, Secrets: secrets, logs: opts.Logs}
}

func section(doc map[string]any, name string) map[string]any {
	m, ok := doc[name].(map[string]any)
	if !ok {
		m = map[string]any{}
		doc[name] = m
	}
	return m
}

// Start runs the dev server, a handoff worker (unless NoWorker) and the HTTP API.
func Start(t testing.TB, opts Options) *Env {
	t.Helper()
	srv := devserver.Start(t)
	var apiListener net.Listener
	if opts.EventStream {
		apiListener = streamConfig(t, &opts)
	}
	e := NewConfig(t, srv.HostPort, opts)
	e.Temporal = srv
	e.tel, e.apiListener = opts.Telemetry, apiListener
	logger := newLogger(t, opts.Logs)
	var with []func(*client.Options)
	if e.tel != nil {
		with = append(with, e.tel.ClientOptions)
	}
	cl, err := service.Dial(e.Cfg, logger, false, with...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cl.Close)
	e.Client = cl
	if !opts.NoWorker {
		w := worker.New(cl, handoff.TaskQueue, worker.Options{})
		workflows.Register(w)
		acts := activities.New(e.Cfg, logger, cl)
		subs, err := e.Cfg.Events.Targets()
		if err != nil {
			t.Fatal(err)
		}
		var mp metric.MeterProvider
		if e.tel != nil {
			mp = e.tel.Meter
			if err := acts.Instrument(mp); err != nil {
				t.Fatal(err)
			}
		}
		pub, err := events.NewPublisher(subs, e.Cfg.Events.TimeoutDuration(), logger, mp)
		if err != nil {
			t.Fatal(err)
		}
		if l := e.OpenLog(t); l != nil {
			activities.UseLog(acts, l)
		}
		activities.Register(w, acts)
		events.Register(w, pub)
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(w.Stop)
	}
	e.Service = service.New(cl, e.Cfg)
	e.Serve(t, e.Service, opts.API)
	return e
}

// Serve runs the HTTP API over ops (the real service, or a test double) on httptest, with the
// environment's tokens.
func (e *Env) Serve(t testing.TB, ops httpapi.Ops, opts httpapi.Options) {
	t.Helper()
	list, _, err := tokens.Load(e.Cfg)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Codec.Codec == nil {
		opts.Codec = httpapi.CodecFromConfig(e.Cfg)
	}
	if opts.Console.Namespace == "" && !opts.Console.Off {
		opts.Console = httpapi.ConsoleFromConfig(e.Cfg)
	}
	if e.tel != nil && opts.Tracer == nil {
		opts.Tracer, opts.Meter = e.tel.Tracer, e.tel.Meter
	}
	if opts.Events == nil && e.Cfg.Events.Stream.URL != "" {
		if opts.EventsSecret, err = e.Cfg.Events.StreamSecret(); err != nil {
			t.Fatal(err)
		}
		if opts.Events, err = events.NewHub(0, opts.Meter); err != nil {
			t.Fatal(err)
		}
	}
	if l := e.OpenLog(t); l != nil && opts.Log == nil {
		opts.Log, opts.Analytics, opts.Experiments = l, e.Cfg.Analytics, e.Cfg.ExperimentSet
	}
	api := httpapi.New(ops, httpapi.NewAuth(list), newLogger(t, e.logs), opts)
	e.API = httptest.NewUnstartedServer(api.Handler())
	if e.apiListener != nil {
		e.API.Listener.Close()
		e.API.Listener = e.apiListener
	}
	e.API.Start()
	// Streams end first, or Close would wait for them.
	t.Cleanup(e.API.Close)
	if opts.Events != nil {
		t.Cleanup(opts.Events.Close)
	}
}

// streamConfig reserves the API's address and points the config's event stream at it, with a
// fresh secret.
func streamConfig(t testing.TB, opts *Options) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(t.TempDir(), "events-stream-secret")
	if err := os.WriteFile(secret, []byte(rand.Text()), 0o600); err != nil {
		t.Fatal(err)
	}
	edit := opts.Edit
	opts.Edit = func(doc map[string]any, agentsURL string) {
		section(doc, "events")["stream"] = map[string]any{"url": "http://" + ln.Addr().String() + "/v1/events/ingest", "secret_file": secret}
		if edit != nil {
			edit(doc, agentsURL)
		}
	}
	return ln
}

// OpenLog opens (once) and returns the handoff log of the config's store.url, nil without one.
func (e *Env) OpenLog(t testing.TB) *store.Store {
	t.Helper()
	if e.Cfg.Store.URL == "" {
		return nil
	}
	if e.Log == nil {
		l, err := store.OpenMigrated(context.Background(), e.Cfg.Store.URL)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
		e.Log = l
	}
	return e.Log
}

// newLogger logs warnings to the test's log (t may be nil: none) and, when logs is set,
// everything to logs; both through the redacting handler and with trace IDs, as in the
// binaries.
func newLogger(t testing.TB, logs io.Writer) *slog.Logger {
	var hs []slog.Handler
	if t != nil {
		hs = append(hs, slog.NewJSONHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if logs != nil {
		hs = append(hs, slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return redact.New(telemetry.LogHandler(slog.NewMultiHandler(hs...)), redact.Options{})
}

// testWriter sends logs to the test's log, shown only when it fails.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// Do sends a request to the API as the named token ("" for none) and returns the status and
// body.
func (e *Env) Do(t testing.TB, method, path, token string, body any) (int, []byte) {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(b); err != nil {
			t.Fatal(err)
		}
		r = &buf
	}
	req, err := http.NewRequest(method, e.API.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		secret, ok := e.Secrets[token]
		if !ok {
			secret = token // a raw (unknown) token
		}
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// WaitFor queries the handoff's state until ok says it is reached or the deadline passes.
func (e *Env) WaitFor(t testing.TB, convID string, within time.Duration, what string, ok func(handoff.State) bool) handoff.State {
	t.Helper()
	deadline := time.Now().Add(within)
	var last handoff.State
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		st, err := e.Service.Status(ctx, convID)
		cancel()
		if err == nil {
			last = st
			if ok(st) {
				return st
			}
		}
		lastErr = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("handoff %s: %s not reached within %s (last phase %q outcome %q, last error %v)", convID, what, within, last.Phase, last.Outcome, lastErr)
	return last
}

// Exists reports whether any workflow run exists with the conversation's handoff ID.
func (e *Env) Exists(t testing.TB, convID string) bool {
	t.Helper()
	_, err := e.Client.DescribeWorkflowExecution(context.Background(), handoff.WorkflowID(convID), "")
	if err == nil {
		return true
	}
	if !isNotFound(err) {
		t.Fatalf("describe %s: %v", convID, err)
	}
	return false
}

func isNotFound(err error) bool {
	var nf *serviceerror.NotFound
	return errors.As(err, &nf)
}

// Sample reads one of the sample conversations in samples/.
func Sample(t testing.TB, name string) handoff.Input {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(ModuleRoot(t), "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	var in handoff.Input
	if err := json.Unmarshal(raw, &in); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return in
}

// PlainClient is a Temporal client without the codec, connected to the test's dev server: it
// sees what the server stores, and sends what a client that skipped encryption would.
func (e *Env) PlainClient(t testing.TB) client.Client {
	t.Helper()
	cl, err := client.Dial(client.Options{
		HostPort: e.Temporal.HostPort, Namespace: e.Cfg.Temporal.Namespace,
		Logger: log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cl.Close)
	return cl
}
