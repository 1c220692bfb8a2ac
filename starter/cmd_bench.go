package main

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/redact"
	"github.com/handoffhq/orchestrator/starter/bench"
	"go.temporal.io/sdk/worker"
)

// runBench is `starter bench` (`make bench`, `make bench-soak`): the load benchmark of
// package bench. `starter bench worker --baselines` is the baselines' worker process it
// starts; it is not meant to be run by hand.
func runBench(e *env, args []string) error {
	if len(args) > 0 && args[0] == "worker" {
		return runBenchWorker(e, args[1:])
	}
	fs := e.flags("bench", "[flags]   (make bench; make bench-soak)")
	o := bench.Options{}
	fs.IntVar(&o.Total, "total", 300, "runs per phase (handoffs mix, bot handoffs, floor, naive)")
	fs.IntVar(&o.Concurrency, "concurrency", 16, "runs in transition at once (a run's monitoring window holds no slot)")
	fs.DurationVar(&o.Window, "window", bench.DefaultWindow, "monitoring window of every handoff, and the naive baseline's timer")
	fs.DurationVar(&o.Think, "think", bench.DefaultThink, "a simulated person's time between an offer and their accept")
	fs.IntVar(&o.Rounds, "rounds", 2, "interleave the bot, floor and naive phases in this many rounds")
	mix := fs.String("mix", "1:1:1", "weights of bot_to_bot:bot_to_human:lead_to_buyer in the handoffs phase")
	fs.IntVar(&o.Warmup, "warmup", 30, "unmeasured runs first")
	fs.IntVar(&o.Idle, "idle", 20, "handoffs of each of two shapes (bot to bot, bot to human) run one at a time before the load: the idle-machine latency")
	fs.IntVar(&o.Humans, "humans", 10, "people in group human_agent (the bench's roster)")
	fs.IntVar(&o.Capacity, "capacity", 5, "conversations each person holds at once")
	fs.IntVar(&o.StickyCache, "sticky-cache", -1, "worker.sticky_cache_size for the worker (default: the config's)")
	fs.BoolVar(&o.StickyPhase, "sticky-phase", true, "also run bot handoffs on a worker with the sticky cache off (what the cache buys)")
	fs.BoolVar(&o.FastBotPath, "fast-bot-path", true, "handoff.fast_bot_path for every phase and the soak (on, as shipped; --fast-bot-path=false runs every I/O step as a regular activity)")
	fs.BoolVar(&o.OtherPhase, "other-phase", true, "also run bot handoffs with handoff.fast_bot_path the other way, interleaved with the baselines (what the fast path buys)")
	fs.BoolVar(&o.Pingpong, "pingpong", true, "keep the ping-pong guard on, as shipped (a conversation's first handoff reads nothing; a later one reads its earlier runs)")
	fs.StringVar(&o.Temporal, "temporal", "", "use the Temporal server at HOST:PORT (make run's dev server, make stack's PostgreSQL-backed server) instead of starting a dev server; with --temporal-namespace, a namespace no other worker polls")
	fs.StringVar(&o.TemporalMetrics, "temporal-metrics", "", "with --temporal: that server's Prometheus URL, to count billed actions (make stack's: http://127.0.0.1:19560/metrics)")
	fs.IntVar(&o.Workers, "workers", 1, "handoff worker processes on the one task queue (the scaling from one worker to more)")
	fs.StringArrayVar(&o.DynamicConfig, "dynamic-config", nil, "KEY=VALUE dynamic config of the bench's dev server (repeatable), e.g. system.enableActivityEagerExecution=true")
	fs.IntVar(&o.Soak, "soak", 0, "instead: park N handoffs in a long monitoring window, then measure memory and new handoffs")
	fs.DurationVar(&o.SoakWindow, "soak-window", bench.DefaultSoakWindow, "monitoring window of the parked handoffs")
	fs.IntVar(&o.SoakBatch, "soak-batch", 200, "bot handoffs started before and while the parked ones wait")
	fs.IntVar(&o.Queue, "queue", 0, "instead: park N handoffs in human_agent's queue with everyone offline, then measure its history and the time to offer the next one")
	fs.IntVar(&o.QueueCycles, "queue-cycles", 30, "offers timed after a release, in the queue bench")
	fs.StringVar(&o.OutDir, "out", "bench-results", "directory for the JSON report")
	fs.BoolVar(&o.KeepTemp, "keep", false, "keep the temporary directory (config, logs, the dev server's database)")
	fs.StringVar(&o.Samples, "samples", "samples", "directory of the sample conversations")
	fs.StringVar(&o.TemporalBin, "temporal-bin", "bin/temporal", "the pinned Temporal CLI (make temporal)")
	fs.StringVar(&o.WorkerBin, "worker-bin", "bin/worker", "the worker binary (make build)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	var err error
	if o.Mix, err = parseMix(*mix); err != nil {
		return err
	}
	if o.Total <= 0 || o.Concurrency <= 0 || o.Humans <= 0 || o.Capacity <= 0 || o.Window <= 0 || o.Think < 0 || o.Soak < 0 || o.Queue < 0 || o.QueueCycles < 1 || o.Workers < 1 {
		return usagef("--total, --concurrency, --humans, --capacity, --window, --queue-cycles and --workers must be positive")
	}
	if o.Queue > handoff.MaxQueueWaiting {
		return usagef("--queue %d: a queue holds at most %d handoffs", o.Queue, handoff.MaxQueueWaiting)
	}
	if o.Queue > 0 && !fs.Changed("capacity") {
		// One conversation at a time: each release is followed by exactly one offer to time.
		o.Capacity = 1
	}
	if a := fs.Lookup("temporal-address"); a != nil && a.Changed && o.Temporal == "" {
		o.Temporal = a.Value.String()
	}
	if o.TemporalMetrics != "" && o.Temporal == "" {
		return usagef("--temporal-metrics goes with --temporal (the bench's own dev server is scraped anyway)")
	}
	o.Namespace = "default"
	if n := fs.Lookup("temporal-namespace"); n != nil && n.Changed {
		o.Namespace = n.Value.String()
	}
	o.BaseConfig = os.Getenv(config.EnvPrefix + "_CONFIG")
	if c := fs.Lookup("config"); c != nil && c.Value.String() != "" {
		o.BaseConfig = c.Value.String()
	}
	if o.BaseConfig == "" {
		o.BaseConfig = config.DefaultFile
	}
	for _, bin := range []string{o.TemporalBin, o.WorkerBin} {
		if _, err := os.Stat(bin); err != nil {
			return fmt.Errorf("%s is missing: run `make bench` (it builds it) or `make temporal build`", bin)
		}
	}
	if o.StarterBin, err = os.Executable(); err != nil {
		return err
	}
	if abs, err := filepath.Abs(o.BaseConfig); err == nil {
		o.BaseConfig = abs
	}
	o.Command = strings.TrimSpace("starter bench " + strings.Join(args, " "))
	ctx, stop := interruptible()
	defer stop()
	return bench.Run(ctx, o, e.stdout, e.stderr)
}

func parseMix(s string) ([3]int, error) {
	var m [3]int
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return m, usagef("--mix %q: want three weights A:B:C (bot_to_bot:bot_to_human:lead_to_buyer)", s)
	}
	sum := 0
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || v < 0 {
			return m, usagef("--mix %q: weights are whole numbers", s)
		}
		m[i], sum = v, sum+v
	}
	if sum == 0 {
		return m, usagef("--mix %q: at least one weight must be positive", s)
	}
	return m, nil
}

// runBenchWorker is the baselines' worker: the floor and naive workflows on their own task
// queue, in a process of their own so their CPU and memory are measured like the worker's.
func runBenchWorker(e *env, args []string) error {
	fs := e.flags("bench worker", "--baselines")
	baselines := fs.Bool("baselines", false, "run the baseline workflows (the only mode)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !*baselines {
		return usagef("starter bench worker needs --baselines")
	}
	cfg, err := config.Load(fs)
	if err != nil {
		return err
	}
	// Logged like the worker: JSON at info, through the redactor.
	logger := redact.New(slog.NewJSONHandler(e.stderr, nil), redact.Options{})
	cl, err := cfg.Dial(logger)
	if err != nil {
		return err
	}
	defer cl.Close()
	worker.SetStickyWorkflowCacheSize(cfg.Worker.StickyCacheSize)
	w := worker.New(cl, bench.BaselineTaskQueue, cfg.WorkerOptions())
	bench.RegisterBaselines(w, bench.NewSteps(logger))
	return w.Run(worker.InterruptCh())
}
