package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Handoff is one handoff run as the log keeps it. Durations are milliseconds from StartedAt;
// nil means the step never happened.
type Handoff struct {
	HandoffID      string
	ConversationID string
	Source         string
	Target         string
	TargetKind     string
	Rule           string
	RulesVersion   string
	Scenario       string
	Template       string
	Outcome        string
	// ReasonCode says why it ended, as a code (handoff.ReasonCode), never the prose.
	ReasonCode string
	StartedAt  time.Time
	DecidedMs  *int64
	BriefedMs  *int64
	AcceptedMs *int64
	// ConfirmedMs is when the target was confirmed as the owner: the transition time.
	ConfirmedMs      *int64
	ClosedMs         int64
	OffersMade       int
	Completeness     *float64
	Preservation     *float64
	CustomerRepeated int
	CustomerMessages int
	SentimentCount   int
	SentimentMean    *float64
	SentimentMin     *float64
	// ReportedOutcome is the receiver's verdict as a label (handoff.Label), or "".
	ReportedOutcome   string
	ReEscalations     int
	OwnerlessMs       int64
	TakenOver         bool
	SourceUnreachable bool
	PingPongStopped   bool
	Offers            []Offer
	// Votes are the team decision's, when the rule asked for one.
	Votes []Vote
	// Experiment and Variant place the handoff in an experiment (handoff.Assignment);
	// Exposed says the variant was really used, AssignP the chance it had, and Allocation the
	// bandit allocation in force ("" for the declared weights).
	Experiment string
	Variant    string
	Exposed    bool
	AssignP    *float64
	Allocation string
	// Signals are the decision's inputs for re-deciding: numbers, flags and categories
	// (decision.Engine.RecordableSignals), never the customer's words.
	Signals map[string]any
}

// Offer is one offer of a handoff, keyed by its index in the handoff's offers.
type Offer struct {
	Index  int
	Agent  string
	Kind   string
	Result string
	// DeclineCode is the category of a decline (handoff.DeclineCode), never the person's words.
	DeclineCode string
	StartedAt   time.Time
	AnswerMs    *int64
}

var handoffColumns = []string{"handoff_id", "conversation_id", "source", "target", "target_kind", "rule", "rules_version",
	"scenario", "template", "outcome", "reason_code", "started_at", "decided_ms", "briefed_ms", "accepted_ms", "confirmed_ms",
	"closed_ms", "offers_made", "completeness", "preservation", "customer_repeated", "customer_messages", "sentiment_count",
	"sentiment_mean", "sentiment_min", "reported_outcome", "re_escalations", "ownerless_ms", "taken_over",
	"source_unreachable", "pingpong_stopped", "experiment", "experiment_variant", "experiment_exposed", "experiment_p",
	"experiment_allocation", "decision_signals", "recorded_at"}

// Vote is one approver's vote in a handoff's team decision (no reason: it may quote anyone).
type Vote struct {
	Round    int
	Approver string
	Approve  bool
	At       time.Time
}

var voteColumns = []string{"handoff_id", "round", "approver", "approve", "voted_at"}

var offerColumns = []string{"handoff_id", "offer_index", "agent", "kind", "result", "decline_code", "started_at", "answer_ms"}

// upsert is an INSERT that overwrites the row with the same key: the same handoff recorded
// again (a retried activity, a worker that died after the commit) writes the same values.
func upsert(table string, cols []string, key string, keep ...string) string {
	var set []string
	for _, c := range cols {
		if strings.Contains(key, c) || contains(keep, c) {
			continue
		}
		set = append(set, c+" = excluded."+c)
	}
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (%s) DO UPDATE SET %s",
		table, strings.Join(cols, ", "), strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "), key, strings.Join(set, ", "))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

var (
	// recorded_at keeps the first write's time: a re-run changes nothing that was recorded.
	upsertHandoff = upsert("handoffs", handoffColumns, "handoff_id", "recorded_at")
	upsertOffer   = upsert("handoff_offers", offerColumns, "handoff_id, offer_index")
	upsertVote    = upsert("handoff_votes", voteColumns, "handoff_id, round, approver")
)

// Record writes a handoff and its offers in one transaction. It is idempotent by handoff ID
// and offer index: recording the same handoff again leaves one row for it and one per offer.
func (s *Store) Record(ctx context.Context, h Handoff) error {
	if h.HandoffID == "" || h.ConversationID == "" || h.Source == "" || h.Outcome == "" {
		return fmt.Errorf("record: handoff_id, conversation_id, source and outcome are required")
	}
	signals := ""
	if len(h.Signals) > 0 {
		b, err := json.Marshal(h.Signals)
		if err != nil {
			return fmt.Errorf("record %s: signals: %w", h.HandoffID, err)
		}
		signals = string(b)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record %s: %w", h.HandoffID, err)
	}
	defer func() { _ = tx.Rollback() }()
	_, err = tx.ExecContext(ctx, s.q(upsertHandoff),
		h.HandoffID, h.ConversationID, h.Source, h.Target, h.TargetKind, h.Rule, h.RulesVersion,
		h.Scenario, h.Template, h.Outcome, h.ReasonCode, ms(h.StartedAt), h.DecidedMs, h.BriefedMs, h.AcceptedMs, h.ConfirmedMs,
		h.ClosedMs, h.OffersMade, h.Completeness, h.Preservation, h.CustomerRepeated, h.CustomerMessages, h.SentimentCount,
		h.SentimentMean, h.SentimentMin, h.ReportedOutcome, h.ReEscalations, h.OwnerlessMs, b2i(h.TakenOver),
		b2i(h.SourceUnreachable), b2i(h.PingPongStopped), h.Experiment, h.Variant, b2i(h.Exposed), h.AssignP, h.Allocation,
		signals, ms(time.Now()))
	if err != nil {
		return fmt.Errorf("record handoff %s: %w", h.HandoffID, err)
	}
	for _, o := range h.Offers {
		_, err = tx.ExecContext(ctx, s.q(upsertOffer),
			h.HandoffID, o.Index, o.Agent, o.Kind, o.Result, o.DeclineCode, ms(o.StartedAt), o.AnswerMs)
		if err != nil {
			return fmt.Errorf("record offer %d of %s: %w", o.Index, h.HandoffID, err)
		}
	}
	for _, v := range h.Votes {
		if _, err = tx.ExecContext(ctx, s.q(upsertVote), h.HandoffID, v.Round, v.Approver, b2i(v.Approve), ms(v.At)); err != nil {
			return fmt.Errorf("record vote of %s on %s: %w", v.Approver, h.HandoffID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record %s: commit: %w", h.HandoffID, err)
	}
	return nil
}

// Counts is how many rows the log holds.
type Counts struct {
	Handoffs, Offers, Outcomes int
}

// Count counts the log's rows.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM handoffs), (SELECT COUNT(*) FROM handoff_offers),
		(SELECT COUNT(*) FROM conversation_outcomes)`).Scan(&c.Handoffs, &c.Offers, &c.Outcomes)
	return c, err
}

// Purged says what a purge deleted.
type Purged struct {
	Handoffs, Offers, Outcomes int64
}

// Purge deletes handoffs started before the time, their offers, the late outcomes of
// conversations whose every handoff goes with them, and the outcomes of conversations that
// never handed off first reported before it. An outcome must go with its conversation's last
// handoff: it is reported days later, and kept alone it would read as a conversation that
// never handed off, inflating the baseline. It is the retention policy's only writer.
func (s *Store) Purge(ctx context.Context, before time.Time) (Purged, error) {
	var p Purged
	cut := ms(before)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return p, err
	}
	defer func() { _ = tx.Rollback() }()
	var handedOff int64
	steps := []struct {
		n     *int64
		query string
		args  []any
	}{
		{&handedOff, `DELETE FROM conversation_outcomes
			WHERE EXISTS (SELECT 1 FROM handoffs h WHERE h.conversation_id = conversation_outcomes.conversation_id AND h.started_at < ?)
			AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.conversation_id = conversation_outcomes.conversation_id AND h.started_at >= ?)`,
			[]any{cut, cut}},
		{&p.Offers, `DELETE FROM handoff_offers WHERE handoff_id IN (SELECT handoff_id FROM handoffs WHERE started_at < ?)`, []any{cut}},
		{new(int64), `DELETE FROM handoff_votes WHERE handoff_id IN (SELECT handoff_id FROM handoffs WHERE started_at < ?)`, []any{cut}},
		{&p.Handoffs, `DELETE FROM handoffs WHERE started_at < ?`, []any{cut}},
		{&p.Outcomes, `DELETE FROM conversation_outcomes WHERE first_reported_at < ?
			AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.conversation_id = conversation_outcomes.conversation_id)`, []any{cut}},
	}
	for _, st := range steps {
		res, err := tx.ExecContext(ctx, s.q(st.query), st.args...)
		if err != nil {
			return p, fmt.Errorf("purge: %w", err)
		}
		if *st.n, err = res.RowsAffected(); err != nil {
			return p, err
		}
	}
	p.Outcomes += handedOff
	return p, tx.Commit()
}
