-- Experiments and re-deciding: each handoff's assignment in an experiment (the variant, whether
-- it was really used, the chance it had, the bandit allocation in force), the decision's
-- inputs as numbers, flags and categories (never the customer's words) so the decision can be
-- re-made with other rules, and the bandit allocations the Schedule computes. The experiment
-- column (its name) was there from the start.

-- +goose Up
ALTER TABLE handoffs ADD COLUMN experiment_variant TEXT NOT NULL DEFAULT '';
ALTER TABLE handoffs ADD COLUMN experiment_exposed SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE handoffs ADD COLUMN experiment_p DOUBLE PRECISION;
ALTER TABLE handoffs ADD COLUMN experiment_allocation TEXT NOT NULL DEFAULT '';
ALTER TABLE handoffs ADD COLUMN decision_signals TEXT NOT NULL DEFAULT '';
CREATE INDEX handoffs_experiment ON handoffs (experiment, conversation_id, started_at);

CREATE TABLE experiment_allocations (
    experiment  TEXT NOT NULL,
    version     TEXT NOT NULL,
    computed_at BIGINT NOT NULL,
    weights     TEXT NOT NULL,
    arms        TEXT NOT NULL,
    PRIMARY KEY (experiment, version)
);
CREATE INDEX experiment_allocations_latest ON experiment_allocations (experiment, computed_at);

-- +goose Down
DROP TABLE experiment_allocations;
DROP INDEX handoffs_experiment;
ALTER TABLE handoffs DROP COLUMN decision_signals;
ALTER TABLE handoffs DROP COLUMN experiment_allocation;
ALTER TABLE handoffs DROP COLUMN experiment_p;
ALTER TABLE handoffs DROP COLUMN experiment_exposed;
ALTER TABLE handoffs DROP COLUMN experiment_variant;
