-- The handoff log: one row per handoff run, one per offer, and the late business outcome of
-- each conversation. IDs, agents, numbers and labels only: no customer name, contact or
-- message text, and no free-text reason anyone typed (those are stored as codes).
-- Times are Unix milliseconds (UTC) in BIGINT, and flags SMALLINT 0/1, so that the same SQL
-- runs on SQLite and PostgreSQL.

-- +goose Up
CREATE TABLE handoffs (
    handoff_id         TEXT PRIMARY KEY,
    conversation_id    TEXT NOT NULL,
    source             TEXT NOT NULL,
    target             TEXT NOT NULL DEFAULT '',
    target_kind        TEXT NOT NULL DEFAULT '',
    rule               TEXT NOT NULL DEFAULT '',
    rules_version      TEXT NOT NULL DEFAULT '',
    scenario           TEXT NOT NULL DEFAULT '',
    template           TEXT NOT NULL DEFAULT '',
    outcome            TEXT NOT NULL,
    reason_code        TEXT NOT NULL DEFAULT '',
    started_at         BIGINT NOT NULL,
    decided_ms         BIGINT,
    briefed_ms         BIGINT,
    accepted_ms        BIGINT,
    confirmed_ms       BIGINT,
    closed_ms          BIGINT NOT NULL,
    offers_made        INTEGER NOT NULL DEFAULT 0,
    completeness       DOUBLE PRECISION,
    preservation       DOUBLE PRECISION,
    customer_repeated  INTEGER NOT NULL DEFAULT 0,
    customer_messages  INTEGER NOT NULL DEFAULT 0,
    sentiment_count    INTEGER NOT NULL DEFAULT 0,
    sentiment_mean     DOUBLE PRECISION,
    sentiment_min      DOUBLE PRECISION,
    reported_outcome   TEXT NOT NULL DEFAULT '',
    re_escalations     INTEGER NOT NULL DEFAULT 0,
    ownerless_ms       BIGINT NOT NULL DEFAULT 0,
    taken_over         SMALLINT NOT NULL DEFAULT 0,
    source_unreachable SMALLINT NOT NULL DEFAULT 0,
    pingpong_stopped   SMALLINT NOT NULL DEFAULT 0,
    experiment         TEXT NOT NULL DEFAULT '',
    recorded_at        BIGINT NOT NULL
);
CREATE INDEX handoffs_started_at ON handoffs (started_at);
CREATE INDEX handoffs_conversation ON handoffs (conversation_id, started_at);

CREATE TABLE handoff_offers (
    handoff_id   TEXT NOT NULL REFERENCES handoffs (handoff_id),
    offer_index  INTEGER NOT NULL,
    agent        TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT '',
    result       TEXT NOT NULL,
    decline_code TEXT NOT NULL DEFAULT '',
    started_at   BIGINT NOT NULL,
    answer_ms    BIGINT,
    PRIMARY KEY (handoff_id, offer_index)
);

CREATE TABLE conversation_outcomes (
    conversation_id   TEXT PRIMARY KEY,
    reported_by       TEXT NOT NULL,
    first_reported_at BIGINT NOT NULL,
    reported_at       BIGINT NOT NULL,
    converted         SMALLINT,
    revenue           DOUBLE PRECISION,
    csat              SMALLINT,
    resolved          SMALLINT,
    label             TEXT NOT NULL DEFAULT '',
    days_after        INTEGER
);
CREATE INDEX conversation_outcomes_reported_at ON conversation_outcomes (first_reported_at);

-- +goose Down
DROP TABLE conversation_outcomes;
DROP TABLE handoff_offers;
DROP TABLE handoffs;
