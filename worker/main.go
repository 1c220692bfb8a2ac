// Command worker runs the handoff service's Temporal worker: it registers the workflows and
// activities and polls the handoff task queue until SIGINT or SIGTERM, then stops polling and
// lets in-flight activities finish (up to worker.shutdown_timeout) before it exits.
package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/redact"
	"github.com/handoffhq/orchestrator/workflows"
	"github.com/spf13/pflag"
	"go.temporal.io/sdk/worker"
)

func main() {
	// Every log line goes through the redactor: no customer email or phone number in logs.
	logger := redact.New(slog.NewJSONHandler(os.Stderr, nil), redact.Options{})
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
	cl, err := cfg.Dial(logger)
	if err != nil {
		return err
	}
	defer cl.Close()

	// The sticky cache keeps recently run workflows in memory so a signal or timer does not
	// replay the whole history. It is process-wide, hence set before the worker starts.
	worker.SetStickyWorkflowCacheSize(cfg.Worker.StickyCacheSize)
	w := worker.New(cl, handoff.TaskQueue, cfg.WorkerOptions())
	workflows.Register(w)
	activities.Register(w, activities.New(cfg, logger, cl))

	logger.Info("worker starting", "config", cfg.File, "temporal", cfg.Temporal.Address,
		"namespace", cfg.Temporal.Namespace, "task_queue", handoff.TaskQueue, "rules_version", cfg.Engine.Version())
	// Run returns after the interrupt, once in-flight activity tasks finished or the stop
	// timeout passed; workflow tasks left undone are picked up again by any other worker.
	if err := w.Run(worker.InterruptCh()); err != nil {
		return err
	}
	logger.Info("worker stopped cleanly")
	return nil
}
