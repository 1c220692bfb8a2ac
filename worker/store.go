package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/store"
)

// purgeEvery is how often the worker applies store.retention.
const purgeEvery = 24 * time.Hour

// openLog opens and migrates the handoff log when store.url is set (nil otherwise), and
// applies the retention at start-up and then daily until ctx ends.
//
// A goroutine rather than a Temporal Schedule: the purge is one idempotent DELETE on a
// database this process already holds, a missed run is caught by the next, and several
// workers purging the same rows do no harm; a Schedule would add a workflow, an activity and
// a namespace object to keep in step with the config for nothing more.
func openLog(ctx context.Context, cfg *config.Config, logger *slog.Logger) (*store.Store, error) {
	if cfg.Store.URL == "" {
		logger.Info("no handoff log: store.url is not set; outcomes are logged (and posted to handoff.outcome_url) only")
		return nil, nil
	}
	s, err := store.Open(ctx, cfg.Store.URL)
	if err != nil {
		return nil, err
	}
	applied, err := s.Migrate(ctx)
	if err != nil {
		s.Close()
		return nil, err
	}
	logger.Info("handoff log open", "store", s.Where(), "migrations_applied", len(applied), "retention", cfg.Store.Retention)
	if keep := cfg.Store.RetentionDuration(); keep > 0 {
		go func() {
			for {
				purge(ctx, s, keep, logger)
				select {
				case <-ctx.Done():
					return
				case <-time.After(purgeEvery):
				}
			}
		}()
	}
	return s, nil
}

func purge(ctx context.Context, s *store.Store, keep time.Duration, logger *slog.Logger) {
	before := time.Now().Add(-keep)
	p, err := s.Purge(ctx, before)
	if err != nil {
		logger.Warn("handoff log purge failed; the next one will retry", "error", err.Error())
		return
	}
	logger.Info("handoff log purged", "before", before.UTC().Format(time.RFC3339), "handoffs", p.Handoffs, "offers", p.Offers, "outcomes", p.Outcomes)
}
