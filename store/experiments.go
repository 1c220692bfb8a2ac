package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
)

// SaveAllocation records a bandit's allocation. Its version is its key: saving the same one
// again (a retried activity) changes nothing.
func (s *Store) SaveAllocation(ctx context.Context, a experiments.Allocation) error {
	if a.Experiment == "" || a.Version == "" || len(a.Weights) == 0 {
		return errors.New("save allocation: experiment, version and weights are required")
	}
	weights, err := json.Marshal(a.Weights)
	if err != nil {
		return err
	}
	arms, err := json.Marshal(a.Arms)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, s.q(`INSERT INTO experiment_allocations (experiment, version, computed_at, weights, arms)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (experiment, version) DO NOTHING`), a.Experiment, a.Version, ms(a.At), string(weights), string(arms))
	if err != nil {
		return fmt.Errorf("save allocation of %s: %w", a.Experiment, err)
	}
	return nil
}

// LatestAllocation is the experiment's most recent allocation, nil when none was computed.
func (s *Store) LatestAllocation(ctx context.Context, experiment string) (*experiments.Allocation, error) {
	var (
		a             = experiments.Allocation{Experiment: experiment}
		at            int64
		weights, arms string
	)
	err := s.db.QueryRowContext(ctx, s.q(`SELECT version, computed_at, weights, arms FROM experiment_allocations
		WHERE experiment = ? ORDER BY computed_at DESC, version DESC LIMIT 1`), experiment).Scan(&a.Version, &at, &weights, &arms)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the allocation of %s: %w", experiment, err)
	}
	a.At = fromMs(at)
	if err := json.Unmarshal([]byte(weights), &a.Weights); err != nil {
		return nil, fmt.Errorf("allocation %s of %s: %w", a.Version, experiment, err)
	}
	if err := json.Unmarshal([]byte(arms), &a.Arms); err != nil {
		return nil, fmt.Errorf("allocation %s of %s: %w", a.Version, experiment, err)
	}
	return &a, nil
}

// EarlierAssignment is the conversation's assignment in its first recorded handoff in the
// experiment, nil when it has none: a later handoff keeps that variant.
func (s *Store) EarlierAssignment(ctx context.Context, conversationID, experiment string) (*handoff.Assignment, error) {
	var (
		a handoff.Assignment
		p sql.Null[float64]
	)
	err := s.db.QueryRowContext(ctx, s.q(`SELECT experiment_variant, experiment_p, experiment_allocation FROM handoffs
		WHERE experiment = ? AND conversation_id = ? AND experiment_variant <> ''
		ORDER BY started_at, handoff_id LIMIT 1`), experiment, conversationID).Scan(&a.Variant, &p, &a.AllocationVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the earlier assignment of %s in %s: %w", conversationID, experiment, err)
	}
	a.Experiment, a.Probability = experiment, p.V
	return &a, nil
}

// ExperimentReport reads the experiment's handoffs, and a bandit's allocation in force, and
// analyses them as of now.
func (s *Store) ExperimentReport(ctx context.Context, e *experiments.Experiment, success analytics.Success, now time.Time) (experiments.Report, error) {
	hs, err := s.Handoffs(ctx, Filter{Experiment: e.Name})
	if err != nil {
		return experiments.Report{}, err
	}
	var alloc *experiments.Allocation
	if e.Mode == experiments.ModeBandit {
		if alloc, err = s.LatestAllocation(ctx, e.Name); err != nil {
			return experiments.Report{}, err
		}
	}
	return experiments.Analyze(e, hs, success, now, alloc), nil
}
