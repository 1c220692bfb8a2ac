// Command worker runs the handoff service's Temporal worker: it registers the workflows and
// activities and polls the handoff task queue until SIGINT or SIGTERM, then stops polling and
// lets in-flight activities finish (up to worker.shutdown_timeout) before it exits.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/redact"
	"github.com/handoffhq/orchestrator/telemetry"
	"github.com/handoffhq/orchestrator/workflows"
	"github.com/spf13/pflag"
	"go.temporal.io/sdk/worker"
)

func main() {
	// Every log line goes through the redactor: no customer email or phone number in logs.
	// Lines logged with a context carry its trace and span IDs.
	logger := redact.New(telemetry.LogHandler(slog.NewJSONHandler(os.Stderr, nil)), redact.Options{})
	if err := run(logger, os.Args[1:]); err != nil {
		logger.Error("worker stopped", "error", err.Error())
		fmt.Fprintln(os.Stderr, "worker:", err)
		os.Exit(1)
	}
}

func run(logger *slog.Logger, args []string) error {
	fs := pflag.NewFlagSet("worker", pflag.ContinueOnError)
	config.Flags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil
		}
		return err
	}
	cfg, err := config.Load(fs)
	if err != nil {
		return err
	}
	tel, err := telemetry.New(context.Background(), telemetry.Options{Service: "handoff-worker", Config: cfg.Telemetry, Logger: logger})
	if err != nil {
		return err
	}
	defer shutdown(tel.Shutdown)
	if addr := cfg.Worker.MetricsListen; addr != "" {
		stop, err := tel.Serve(addr, logger)
		if err != nil {
			return err
		}
		defer shutdown(stop)
	}
	cl, err := cfg.Dial(logger, tel.ClientOptions)
	if err != nil {
		return err
	}
	defer cl.Close()
	subs, err := cfg.Events.Targets()
	if err != nil {
		return err
	}
	pub, err := events.NewPublisher(subs, cfg.Events.TimeoutDuration(), logger, tel.Meter)
	if err != nil {
		return err
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	handoffLog, err := openLog(ctx, cfg, logger)
	if err != nil {
		return err
	}

	// The sticky cache keeps recently run workflows in memory so a signal or timer does not
	// replay the whole history. It is process-wide, hence set before the worker starts.
	worker.SetStickyWorkflowCacheSize(cfg.Worker.StickyCacheSize)
	w := worker.New(cl, handoff.TaskQueue, cfg.WorkerOptions())
	workflows.Register(w)
	acts := activities.New(cfg, logger, cl)
	if err := acts.Instrument(tel.Meter); err != nil {
		return err
	}
	if handoffLog != nil {
		defer handoffLog.Close()
		activities.UseLog(acts, handoffLog)
	}
	activities.Register(w, acts)
	events.Register(w, pub)
	if err := syncAllocationSchedule(ctx, cl, cfg, logger); err != nil {
		return err
	}

	logger.Info("worker starting", "config", cfg.File, "temporal", cfg.Temporal.Address,
		"namespace", cfg.Temporal.Namespace, "task_queue", handoff.TaskQueue, "rules_version", cfg.Engine.Version(),
		"event_subscriptions", len(subs))
	// Run returns after the interrupt, once in-flight activity tasks finished or the stop
	// timeout passed; workflow tasks left undone are picked up again by any other worker.
	if err := w.Run(worker.InterruptCh()); err != nil {
		return err
	}
	logger.Info("worker stopped cleanly")
	return nil
}

// shutdown runs a stop function at exit with a bounded wait: the last spans to export, the
// metrics listener to close.
func shutdown(stop func(context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = stop(ctx)
}
