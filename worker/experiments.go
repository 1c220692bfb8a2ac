package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/workflows"
	"go.temporal.io/sdk/client"
)

// syncAllocationSchedule keeps the bandit Schedule in step with the config: created (or its
// interval updated) when an experiment is a bandit, deleted when none is. A Schedule rather
// than a goroutine like the purge: the allocation must be one for every worker, computed once
// per interval and recorded, and the Web UI shows each run.
func syncAllocationSchedule(ctx context.Context, cl client.Client, cfg *config.Config, logger *slog.Logger) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	bandits := cfg.ExperimentSet.Bandits()
	if len(bandits) == 0 {
		if err := workflows.RemoveAllocationSchedule(ctx, cl); err != nil {
			logger.Warn("could not delete the bandit allocation schedule; it recomputes nothing", "error", err.Error())
		}
		return nil
	}
	every := cfg.Learning.AllocationInterval()
	if err := workflows.EnsureAllocationSchedule(ctx, cl, every); err != nil {
		return fmt.Errorf("the bandit allocation schedule: %w", err)
	}
	logger.Info("bandit allocation schedule", "every", every.String(), "experiments", len(bandits))
	return nil
}
