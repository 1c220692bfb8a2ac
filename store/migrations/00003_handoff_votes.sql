-- Team decisions: every vote of a handoff's approvers, keyed by the handoff, the round and the
-- approver. Who voted what and when, never the reason they typed (it stays in the workflow's
-- state, like a decline's words).

-- +goose Up
CREATE TABLE handoff_votes (
    handoff_id TEXT NOT NULL,
    round      INTEGER NOT NULL,
    approver   TEXT NOT NULL,
    approve    SMALLINT NOT NULL,
    voted_at   BIGINT NOT NULL,
    PRIMARY KEY (handoff_id, round, approver)
);

-- +goose Down
DROP TABLE handoff_votes;
