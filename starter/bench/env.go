package bench

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/codec"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/devserver"
	"github.com/handoffhq/orchestrator/internal/redact"
	"github.com/handoffhq/orchestrator/starter/devagents"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/starter/tokens"
	"github.com/handoffhq/orchestrator/store"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.yaml.in/yaml/v3"
)

// exampleAgentsURL is where the shipped example configs point agents (`starter devagents`).
const exampleAgentsURL = "http://127.0.0.1:8090"

// keyID names the bench's generated payload key.
const keyID = "bench"

// env is everything a bench run starts: the stand-in agents and the hub in-process, the dev
// server (unless reused), the handoff worker and the baselines' worker as subprocesses, a
// Temporal client, and the HTTP API in-process.
type env struct {
	opts Options
	dir  string
	log  *slog.Logger

	keys    string // HANDOFF_CODEC_KEYS
	cfgFile string
	cfg     *config.Config
	dc      converter.DataConverter

	hub       *hub
	agentsSrv *http.Server
	agentsURL string

	server      *proc
	serverUsage *usage
	address     string
	metricsURL  string

	worker      *proc
	workerUsage *usage
	// more are the handoff workers beyond the first (Options.Workers), on the same task queue
	// with the same config; the first is the one whose CPU and memory are reported.
	more      []*proc
	workerGen int
	mode      workerMode
	base      *proc
	baseUsage *usage

	cl  client.Client
	api *http.Server
	// store is the handoff log the API serves, when Options.StoreURL is set.
	store   *store.Store
	apiURL  string
	secrets map[string]string
	httpc   *http.Client
	humans  []string
}

// CleanEnv is cleanEnv, for the simulator's command.
func CleanEnv() { cleanEnv() }

// cleanEnv removes the caller's Temporal and handoff settings from this process's
// environment (and so from the subprocesses'): the bench talks to its own server with its own
// config and key, whatever the shell has set for another deployment.
func cleanEnv() {
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "TEMPORAL_") || strings.HasPrefix(k, config.EnvPrefix+"_") {
			_ = os.Unsetenv(k)
		}
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func newEnv(ctx context.Context, opts Options, log *slog.Logger) (*env, error) {
	dir, err := os.MkdirTemp("", "handoff-bench-")
	if err != nil {
		return nil, err
	}
	e := &env{opts: opts, dir: dir, log: log}
	e.httpc = &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 512, MaxIdleConnsPerHost: 512, IdleConnTimeout: time.Minute},
	}
	key, err := codec.GenerateKey()
	if err != nil {
		return e, err
	}
	e.keys = keyID + ":" + base64.StdEncoding.EncodeToString(key)
	if err := os.Setenv("HANDOFF_CODEC_KEYS", e.keys); err != nil {
		return e, err
	}
	cdc, err := codec.New(map[string][]byte{keyID: key}, keyID)
	if err != nil {
		return e, err
	}
	e.dc = codec.DataConverter(cdc)

	if err := e.startAgents(); err != nil {
		return e, err
	}
	if opts.Temporal == "" {
		if err := e.startServer(ctx); err != nil {
			return e, err
		}
	} else {
		e.address, e.metricsURL = opts.Temporal, opts.TemporalMetrics
	}
	if err := e.writeConfig(opts.StickyCache); err != nil {
		return e, err
	}
	if e.cl, err = e.dial(ctx); err != nil {
		return e, err
	}
	if err := e.checkNamespace(ctx); err != nil {
		return e, err
	}
	if err := e.startWorker(ctx, workerMode{sticky: opts.StickyCache, fast: opts.FastBotPath}); err != nil {
		return e, err
	}
	if !opts.NoBaselines {
		if err := e.startBaselines(ctx); err != nil {
			return e, err
		}
	}
	if err := e.startAPI(); err != nil {
		return e, err
	}
	return e, nil
}

// startAgents serves the stand-in agents, behind the hub, on a free loopback port.
func (e *env) startAgents() error {
	agents := devagents.New(slog.New(slog.DiscardHandler))
	e.hub = newHub(agents.Handler())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	e.agentsURL = "http://" + ln.Addr().String()
	e.agentsSrv = &http.Server{Handler: e.hub, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = e.agentsSrv.Serve(ln) }()
	return nil
}

// searchAttributeFlags registers what the handoff needs: the dev server set the tests use, and
// the completeness score.
func searchAttributeFlags() []string {
	types := map[string]string{}
	for k := range devserver.SearchAttributes().GetUntypedValues() {
		types[k.GetName()] = indexedType(k.GetValueType())
	}
	if _, ok := types[handoff.SACompleteness]; !ok {
		types[handoff.SACompleteness] = "Double"
	}
	names := make([]string, 0, len(types))
	for n := range types {
		names = append(names, n)
	}
	sort.Strings(names)
	var flags []string
	for _, n := range names {
		flags = append(flags, "--search-attribute", n+"="+types[n])
	}
	return flags
}

func indexedType(t enumspb.IndexedValueType) string {
	switch t {
	case enumspb.INDEXED_VALUE_TYPE_TEXT:
		return "Text"
	case enumspb.INDEXED_VALUE_TYPE_INT:
		return "Int"
	case enumspb.INDEXED_VALUE_TYPE_DOUBLE:
		return "Double"
	case enumspb.INDEXED_VALUE_TYPE_BOOL:
		return "Bool"
	case enumspb.INDEXED_VALUE_TYPE_DATETIME:
		return "Datetime"
	case enumspb.INDEXED_VALUE_TYPE_KEYWORD_LIST:
		return "KeywordList"
	}
	return "Keyword"
}

// startServer runs the dev server as `make run` does (SQLite in WAL mode with
// synchronous=NORMAL), on a database in the bench's temporary directory and free ports, with
// no Web UI and its /metrics endpoint on.
func (e *env) startServer(ctx context.Context) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	mport, err := freePort()
	if err != nil {
		return err
	}
	e.address = "127.0.0.1:" + strconv.Itoa(port)
	e.metricsURL = fmt.Sprintf("http://127.0.0.1:%d/metrics", mport)
	args := []string{"server", "start-dev",
		"--db-filename", filepath.Join(e.dir, "temporal.db"),
		"--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=1",
		"--ip", "127.0.0.1", "--port", strconv.Itoa(port), "--headless",
		"--metrics-port", strconv.Itoa(mport), "--log-level", "warn"}
	args = append(args, searchAttributeFlags()...)
	for _, kv := range e.opts.DynamicConfig {
		args = append(args, "--dynamic-config-value", kv)
	}
	e.server, err = startProc("Temporal dev server", filepath.Join(e.dir, "temporal.log"), os.Environ(), e.opts.TemporalBin, args...)
	if err != nil {
		return err
	}
	e.serverUsage = watch(e.server, 250*time.Millisecond)
	return nil
}

// writeConfig derives the bench's config from the base config: agent URLs pointed at the
// stand-ins, the bench's own roster of people, the monitoring window from the command line,
// generous offer timeouts, and the ping-pong guard off unless asked for.
func (e *env) writeConfig(sticky int) error {
	raw, err := os.ReadFile(e.opts.BaseConfig)
	if err != nil {
		return fmt.Errorf("base config: %w", err)
	}
	raw = bytes.ReplaceAll(raw, []byte(exampleAgentsURL), []byte(e.agentsURL))
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("base config %s: %w", e.opts.BaseConfig, err)
	}
	t := section(doc, "temporal")
	t["address"], t["namespace"] = e.address, e.opts.Namespace
	delete(t, "api_key")
	delete(t, "tls")
	section(doc, "api")["tokens_file"] = filepath.Join(e.dir, "tokens.yaml")
	delete(section(doc, "codec"), "keys_file")
	w := section(doc, "worker")
	if sticky >= 0 {
		w["sticky_cache_size"] = sticky
	}
	h := section(doc, "handoff")
	h["monitoring_window"] = e.opts.Window.String()
	h["offer_timeout"] = "5m"
	h["reservation_lease"] = "10m"
	h["initial_presence"] = "online"
	h["outcome_url"] = ""
	pp := map[string]any{"max_handoffs": 0, "window": "1h"}
	if e.opts.Pingpong {
		pp["max_handoffs"] = 3
	}
	h["pingpong"] = pp
	h["fast_bot_path"] = e.opts.FastBotPath
	if e.opts.StoreURL != "" {
		section(doc, "store")["url"] = e.opts.StoreURL
	}
	// The load phases measure handoffs that try people once, as the figures in the README
	// were measured; the queue bench sets its own queue.
	delete(doc, "queues")
	if e.opts.Queue > 0 {
		doc["queues"] = []any{queueBenchConfig()}
	}

	// The roster: the base config's bots, specialists, supervisors and people of other groups
	// (rules may name them, e.g. a consultation's experts), and the bench's people in group
	// human_agent instead of the example's.
	var agents []any
	list, _ := doc["agents"].([]any)
	for _, a := range list {
		m, ok := a.(map[string]any)
		if !ok {
			continue
		}
		groups, _ := m["groups"].([]any)
		if m["kind"] == string(handoff.KindHuman) && slices.Contains(groups, any("human_agent")) {
			continue
		}
		agents = append(agents, m)
	}
	e.humans = nil
	for i := 1; i <= e.opts.Humans; i++ {
		id := fmt.Sprintf("h%02d", i)
		e.humans = append(e.humans, id)
		agents = append(agents, map[string]any{
			"id": id, "kind": string(handoff.KindHuman), "name": "Bench agent " + id,
			"groups": []any{"human_agent"}, "skills": map[string]any{"seller": 5, "buyer": 4, "legal": 4, "empathy": 5},
			"languages": []any{"en"}, "capacity": e.opts.Capacity, "escalates_to": "sam",
			"notify_url": e.agentsURL + "/agents/" + id + "/notify",
		})
	}
	doc["agents"] = agents
	if e.opts.Edit != nil {
		e.opts.Edit(doc)
	}
	out, err := yaml.Marshal(doc)
	if err != nil {
		return err
	}
	e.cfgFile = filepath.Join(e.dir, "config.yaml")
	if err := os.WriteFile(e.cfgFile, out, 0o600); err != nil {
		return err
	}
	e.cfg, err = config.LoadFile(e.cfgFile, nil)
	if err != nil {
		return fmt.Errorf("bench config (from %s): %w", e.opts.BaseConfig, err)
	}
	return nil
}

func section(doc map[string]any, name string) map[string]any {
	m, ok := doc[name].(map[string]any)
	if !ok {
		m = map[string]any{}
		doc[name] = m
	}
	return m
}

// dial connects to Temporal, waiting for a dev server that is still starting.
func (e *env) dial(ctx context.Context) (client.Client, error) {
	deadline := time.Now().Add(60 * time.Second)
	logger := redact.New(slog.NewJSONHandler(e.logFile("client.log"), &slog.HandlerOptions{Level: slog.LevelWarn}), redact.Options{})
	for {
		cl, err := service.Dial(e.cfg, logger, false)
		if err == nil {
			return cl, nil
		}
		if e.server != nil && e.server.exited() {
			return nil, fmt.Errorf("the Temporal dev server exited: %v\n%s", e.server.err, e.server.tail(20))
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return nil, fmt.Errorf("connect to Temporal at %s: %w", e.address, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// logFile opens a log in the bench's directory (closed with the process).
func (e *env) logFile(name string) *os.File {
	f, err := os.OpenFile(filepath.Join(e.dir, name), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return os.Stderr
	}
	return f
}

// checkNamespace makes sure the search attributes are there and, on a reused server, that no
// other handoff worker polls the task queue (its config would run the bench's handoffs).
func (e *env) checkNamespace(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := e.cl.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: e.opts.Namespace})
		if err == nil {
			missing := []string{}
			for _, n := range handoff.SearchAttributeNames {
				if _, ok := resp.GetCustomAttributes()[n]; !ok {
					missing = append(missing, n)
				}
			}
			if len(missing) == 0 {
				break
			}
			if e.server == nil {
				return fmt.Errorf("namespace %s on %s lacks the search attributes %s (start the server as scripts/run.sh does)",
					e.opts.Namespace, e.address, strings.Join(missing, ", "))
			}
			err = fmt.Errorf("search attributes %s not registered yet", strings.Join(missing, ", "))
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(200 * time.Millisecond)
	}
	if e.server != nil {
		return nil
	}
	return e.checkPollers(ctx, true)
}

// checkPollers fails when another worker polls the bench's task queues. A worker stopped a
// moment ago (the previous bench run's) stays listed until its last poll is a minute old, and
// cannot be told from one still polling: with wait, the listing is given that minute first.
func (e *env) checkPollers(ctx context.Context, wait bool) error {
	for _, tq := range []string{handoff.TaskQueue, BaselineTaskQueue} {
		pollers, err := e.pollers(ctx, tq)
		if err != nil {
			return err
		}
		for _, p := range pollers {
			last := p.GetLastAccessTime().AsTime()
			if since := time.Since(last); wait && since < time.Minute {
				fmt.Fprintf(os.Stderr, "bench: a worker (%s) last polled %s %s ago; waiting for it to age out\n", p.GetIdentity(), tq, since.Round(time.Second))
				select {
				case <-time.After(time.Minute - since + time.Second):
				case <-ctx.Done():
					return ctx.Err()
				}
				return e.checkPollers(ctx, false)
			}
			if time.Since(last) < time.Minute {
				return fmt.Errorf("a worker (%s) polls task queue %s in namespace %s on %s: it would run the bench's workflows with its own config. Stop it, or use another namespace (--temporal-namespace)",
					p.GetIdentity(), tq, e.opts.Namespace, e.address)
			}
		}
	}
	return nil
}

func (e *env) pollers(ctx context.Context, taskQueue string) ([]*taskqueuepb.PollerInfo, error) {
	resp, err := e.cl.WorkflowService().DescribeTaskQueue(ctx, &workflowservice.DescribeTaskQueueRequest{
		Namespace:     e.opts.Namespace,
		TaskQueue:     &taskqueuepb.TaskQueue{Name: taskQueue, Kind: enumspb.TASK_QUEUE_KIND_NORMAL},
		TaskQueueType: enumspb.TASK_QUEUE_TYPE_WORKFLOW,
	})
	if err != nil {
		return nil, fmt.Errorf("describe task queue %s: %w", taskQueue, err)
	}
	return resp.GetPollers(), nil
}

// waitPolling waits until the process polls the task queue (its identity starts PID@).
func (e *env) waitPolling(ctx context.Context, p *proc, taskQueue string) error {
	deadline := time.Now().Add(60 * time.Second)
	prefix := strconv.Itoa(p.pid()) + "@"
	for {
		if p.exited() {
			return fmt.Errorf("%s exited: %v\n%s", p.name, p.err, p.tail(20))
		}
		pollers, err := e.pollers(ctx, taskQueue)
		if err == nil {
			for _, pl := range pollers {
				if strings.HasPrefix(pl.GetIdentity(), prefix) {
					return nil
				}
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("%s is not polling task queue %s after 60 s; log %s:\n%s", p.name, taskQueue, p.log, p.tail(20))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// workerMode is what the handoff worker runs with, beyond the bench's config.
type workerMode struct {
	// sticky overrides worker.sticky_cache_size (-1: the config's).
	sticky int
	// fast turns handoff.fast_bot_path on.
	fast bool
}

// ensureWorker restarts the worker if it runs in another mode.
func (e *env) ensureWorker(ctx context.Context, m workerMode, progress io.Writer) error {
	if e.worker != nil && e.mode == m {
		return nil
	}
	fmt.Fprintf(progress, "bench: restarting the worker (%s)\n", m)
	return e.startWorker(ctx, m)
}

func (m workerMode) String() string {
	s := "sticky cache as configured"
	if m.sticky >= 0 {
		s = fmt.Sprintf("worker.sticky_cache_size %d", m.sticky)
	}
	if m.fast {
		s += ", handoff.fast_bot_path on"
	} else {
		s += ", fast bot path off"
	}
	return s
}

// startWorker runs the real worker binary with the bench's config in a mode, Options.Workers
// processes of it on the one task queue. Running workers are stopped first.
func (e *env) startWorker(ctx context.Context, m workerMode) error {
	e.stopWorkers()
	e.workerGen++
	e.mode = m
	env := os.Environ()
	if m.sticky >= 0 {
		env = append(env, fmt.Sprintf("HANDOFF_WORKER_STICKY_CACHE_SIZE=%d", m.sticky))
	}
	env = append(env, fmt.Sprintf("HANDOFF_HANDOFF_FAST_BOT_PATH=%v", m.fast))
	for i := range max(e.opts.Workers, 1) {
		name, log := "worker", fmt.Sprintf("worker-%d.log", e.workerGen)
		if i > 0 {
			name, log = fmt.Sprintf("worker %d", i+1), fmt.Sprintf("worker-%d-%d.log", e.workerGen, i+1)
		}
		p, err := startProc(name, filepath.Join(e.dir, log), env, e.opts.WorkerBin, "--config", e.cfgFile)
		if err != nil {
			return err
		}
		if i == 0 {
			e.worker, e.workerUsage = p, watch(p, 250*time.Millisecond)
		} else {
			e.more = append(e.more, p)
		}
		if err := e.waitPolling(ctx, p, handoff.TaskQueue); err != nil {
			return err
		}
	}
	return nil
}

// stopWorkers stops every handoff worker, together: stopped one by one, the last would run
// everything the others left while they shut down.
func (e *env) stopWorkers() {
	if e.worker == nil {
		return
	}
	e.workerUsage.close()
	var wg sync.WaitGroup
	for _, p := range append([]*proc{e.worker}, e.more...) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.stop(40 * time.Second)
		}()
	}
	wg.Wait()
	e.worker, e.more = nil, nil
}

// startBaselines runs `starter bench worker --baselines`, the baselines' worker process.
func (e *env) startBaselines(ctx context.Context) error {
	var err error
	e.base, err = startProc("baselines worker", filepath.Join(e.dir, "baselines.log"), os.Environ(),
		e.opts.StarterBin, "--config", e.cfgFile, "bench", "worker", "--baselines")
	if err != nil {
		return err
	}
	e.baseUsage = watch(e.base, 250*time.Millisecond)
	return e.waitPolling(ctx, e.base, BaselineTaskQueue)
}

// startAPI serves the real HTTP API in-process, with a token for every agent of the roster.
func (e *env) startAPI() error {
	set, err := tokens.DevSet(e.cfg)
	if err != nil {
		return err
	}
	e.secrets = map[string]string{}
	list := make([]config.Token, 0, len(set))
	for _, tk := range set {
		e.secrets[tk.Name] = tk.Secret
		list = append(list, tk.Token)
	}
	if err := tokens.Create(e.cfg.API.TokensFile, list); err != nil {
		return err
	}
	loaded, _, err := tokens.Load(e.cfg)
	if err != nil {
		return err
	}
	logger := redact.New(slog.NewJSONHandler(e.logFile("api.log"), &slog.HandlerOptions{Level: slog.LevelWarn}), redact.Options{})
	opts := httpapi.Options{Analytics: e.cfg.Analytics, Experiments: e.cfg.ExperimentSet}
	if e.cfg.Store.URL != "" {
		if e.store, err = store.OpenMigrated(context.Background(), e.cfg.Store.URL); err != nil {
			return err
		}
		opts.Log = e.store
	}
	api := httpapi.New(service.New(e.cl, e.cfg), httpapi.NewAuth(loaded), logger, opts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	e.apiURL = "http://" + ln.Addr().String()
	e.api = &http.Server{Handler: api.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = e.api.Serve(ln) }()
	return nil
}

// close stops everything, newest first. keep leaves the temporary directory (logs, config).
func (e *env) close(keep bool) {
	if e.api != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = e.api.Shutdown(ctx)
		cancel()
	}
	if e.base != nil {
		e.baseUsage.close()
		e.base.stop(20 * time.Second)
	}
	e.stopWorkers()
	if e.cl != nil {
		if e.server == nil {
			// On a reused server, end the entity workflows of the bench's own people.
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			for _, id := range e.humans {
				_ = e.cl.TerminateWorkflow(ctx, handoff.AgentWorkflowID(id), "", "handoff bench finished")
			}
			cancel()
		}
		e.cl.Close()
	}
	if e.server != nil {
		e.serverUsage.close()
		e.server.stop(20 * time.Second)
	}
	if e.store != nil {
		e.store.Close()
	}
	if e.agentsSrv != nil {
		_ = e.agentsSrv.Close()
	}
	if !keep && e.dir != "" {
		_ = os.RemoveAll(e.dir)
	}
}
