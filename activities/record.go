package activities

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/store"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
)

// OutcomeRecord is what is recorded of each handoff for analytics: the handoff log's row
// (store.Handoff) and the body posted to handoff.outcome_url. It carries IDs, agents, timings,
// numbers and codes only: no customer details. Reason is the only prose (the workflow's own
// words, posted for compatibility); the log keeps ReasonCode instead.
type OutcomeRecord struct {
	HandoffID         string          `json:"handoff_id"`
	ConversationID    string          `json:"conversation_id"`
	Source            string          `json:"source"`
	Target            string          `json:"target,omitempty"`
	Scenario          string          `json:"scenario,omitempty"`
	Rule              string          `json:"rule,omitempty"`
	RulesVersion      string          `json:"rules_version,omitempty"`
	Outcome           handoff.Outcome `json:"outcome"`
	Reason            string          `json:"reason,omitempty"`
	OffersMade        int             `json:"offers_made"`
	CustomerMessages  int             `json:"customer_messages"`
	AverageSentiment  *float64        `json:"average_sentiment,omitempty"`
	ReportedOutcome   string          `json:"reported_outcome,omitempty"`
	StartToBriefedMs  int64           `json:"start_to_briefed_ms,omitempty"`
	StartToAcceptedMs int64           `json:"start_to_accepted_ms,omitempty"`
	// Template, Completeness (as sent) and Preservation (as acknowledged, less repeats) say
	// how well the context reached the receiver.
	Template           string   `json:"template,omitempty"`
	Completeness       *float64 `json:"completeness,omitempty"`
	Preservation       *float64 `json:"preservation,omitempty"`
	ContextFlag        string   `json:"context_flag,omitempty"`
	TotalMs            int64    `json:"total_ms"`
	FollowUpSuggested  bool     `json:"follow_up_suggested"`
	FollowUpReasonText string   `json:"follow_up_reason,omitempty"`

	// What the handoff log needs besides the above.
	TargetKind string    `json:"target_kind,omitempty"`
	ReasonCode string    `json:"reason_code,omitempty"`
	StartedAt  time.Time `json:"started_at,omitzero"`
	// DecidedMs, BriefedMs, AcceptedMs and ConfirmedMs are milliseconds from the start to the
	// routing decision, the first briefing, the acceptance and the new owner's confirmation;
	// nil when the step never happened.
	DecidedMs         *int64        `json:"decided_ms,omitempty"`
	BriefedMs         *int64        `json:"briefed_ms,omitempty"`
	AcceptedMs        *int64        `json:"accepted_ms,omitempty"`
	ConfirmedMs       *int64        `json:"confirmed_ms,omitempty"`
	Offers            []OfferRecord `json:"offers,omitempty"`
	CustomerRepeated  int           `json:"customer_repeated,omitempty"`
	SentimentCount    int           `json:"sentiment_count,omitempty"`
	MinSentiment      *float64      `json:"min_sentiment,omitempty"`
	ReEscalations     int           `json:"re_escalations"`
	OwnerlessMs       int64         `json:"ownerless_ms,omitempty"`
	TakenOver         bool          `json:"taken_over,omitempty"`
	SourceUnreachable bool          `json:"source_unreachable,omitempty"`
	PingPongStopped   bool          `json:"pingpong_stopped,omitempty"`
	// CSAT is the customer's score given in the window (1-5); it goes to the conversation's
	// outcomes, where a later answer through the API lands too.
	CSAT *int `json:"csat,omitempty"`
	// Experiment, Variant, Exposed, AssignP and Allocation are the handoff's assignment in an
	// experiment (handoff.Assignment), Exposed set when the variant was really used.
	Experiment string   `json:"experiment,omitempty"`
	Variant    string   `json:"variant,omitempty"`
	Exposed    bool     `json:"exposed,omitempty"`
	AssignP    *float64 `json:"assign_probability,omitempty"`
	Allocation string   `json:"allocation,omitempty"`
	// Signals are the decision's inputs. RecordOutcome keeps only numbers, flags and
	// categories of the signals the rules know (decision.Engine.RecordableSignals) before it
	// posts or writes anything: enough to re-decide the handoff with other rules, never the
	// customer's words.
	Signals map[string]any `json:"signals,omitempty"`
	// Votes are the team decision's votes: who, which round, yes or no, when. The reason
	// stays out, like a decline's words.
	Votes []VoteRecord `json:"votes,omitempty"`
}

// VoteRecord is one vote as the log keeps it.
type VoteRecord struct {
	Round    int       `json:"round"`
	Approver string    `json:"approver"`
	Approve  bool      `json:"approve"`
	At       time.Time `json:"at"`
}

// OfferRecord is one offer as the log keeps it: its index in the handoff's offers (the key
// that makes a re-recorded offer the same row), the agent, the result and, for a decline, a
// code (handoff.DeclineCode) and never the person's words.
type OfferRecord struct {
	Index       int       `json:"index"`
	Agent       string    `json:"agent"`
	Kind        string    `json:"kind,omitempty"`
	Result      string    `json:"result"`
	DeclineCode string    `json:"decline_code,omitempty"`
	StartedAt   time.Time `json:"started_at"`
	AnswerMs    *int64    `json:"answer_ms,omitempty"`
}

// HandoffLog is where RecordOutcome writes each handoff: *store.Store.
type HandoffLog interface {
	Record(ctx context.Context, h store.Handoff) error
}

// outcomeReporter is the log's late-outcome side (*store.Store): the window's CSAT is merged
// into conversation_outcomes like a report through the API, so the same answer twice (a
// retried record) changes nothing.
type outcomeReporter interface {
	ReportOutcome(ctx context.Context, o store.LateOutcome) error
}

func (a *Activities) recordCSAT(ctx context.Context, rec OutcomeRecord) error {
	r, ok := a.log.(outcomeReporter)
	if rec.CSAT == nil || !ok {
		return nil
	}
	by := rec.Target
	if by == "" {
		by = rec.Source
	}
	return r.ReportOutcome(ctx, store.LateOutcome{ConversationID: rec.ConversationID, ReportedBy: by, Outcome: analytics.Outcome{CSAT: rec.CSAT}})
}

// UseLog makes a's RecordOutcome write every handoff to the log; without one, outcomes are
// logged and posted only. A function, not a method: every exported method of Activities is
// registered as an activity.
func UseLog(a *Activities, l HandoffLog) { a.log = l }

// row is the record as the log's row.
func (rec OutcomeRecord) row() store.Handoff {
	h := store.Handoff{
		HandoffID: rec.HandoffID, ConversationID: rec.ConversationID, Source: rec.Source, Target: rec.Target,
		TargetKind: rec.TargetKind, Rule: rec.Rule, RulesVersion: rec.RulesVersion, Scenario: rec.Scenario,
		Template: rec.Template, Outcome: string(rec.Outcome), ReasonCode: rec.ReasonCode, StartedAt: rec.StartedAt,
		DecidedMs: rec.DecidedMs, BriefedMs: rec.BriefedMs, AcceptedMs: rec.AcceptedMs, ConfirmedMs: rec.ConfirmedMs,
		ClosedMs: rec.TotalMs, OffersMade: rec.OffersMade, Completeness: rec.Completeness, Preservation: rec.Preservation,
		CustomerRepeated: rec.CustomerRepeated, CustomerMessages: rec.CustomerMessages, SentimentCount: rec.SentimentCount,
		SentimentMean: rec.AverageSentiment, SentimentMin: rec.MinSentiment, ReportedOutcome: handoff.Label(rec.ReportedOutcome),
		ReEscalations: rec.ReEscalations, OwnerlessMs: rec.OwnerlessMs, TakenOver: rec.TakenOver,
		SourceUnreachable: rec.SourceUnreachable, PingPongStopped: rec.PingPongStopped,
		Experiment: rec.Experiment, Variant: rec.Variant, Exposed: rec.Exposed, AssignP: rec.AssignP, Allocation: rec.Allocation,
		Signals: rec.Signals,
	}
	for _, v := range rec.Votes {
		h.Votes = append(h.Votes, store.Vote{Round: v.Round, Approver: v.Approver, Approve: v.Approve, At: v.At})
	}
	for _, o := range rec.Offers {
		h.Offers = append(h.Offers, store.Offer{Index: o.Index, Agent: o.Agent, Kind: o.Kind, Result: o.Result,
			DeclineCode: o.DeclineCode, StartedAt: o.StartedAt, AnswerMs: o.AnswerMs})
	}
	return h
}

// RecordOutcome logs the outcome record, writes it to the handoff log when one is configured
// (store.url), and posts it to handoff.outcome_url when that is set. The two are independent:
// a log that is down does not hold back the post, nor a refusing outcome service the log. The
// log write is one transaction keyed by the handoff ID and offer indexes and the post carries
// the handoff ID as its Idempotency-Key, so a retry of either leaves the same result.
func (a *Activities) RecordOutcome(ctx context.Context, rec OutcomeRecord) error {
	rec.Signals, _ = a.cfg.Engine.RecordableSignals(rec.Signals)
	a.logger.Info("handoff outcome", "handoff", rec.HandoffID, "source", rec.Source, "target", rec.Target,
		"scenario", rec.Scenario, "outcome", string(rec.Outcome), "reason_code", rec.ReasonCode, "offers", rec.OffersMade,
		"total_ms", rec.TotalMs, "attempt", activity.GetInfo(ctx).Attempt)
	postErr := a.postOutcome(ctx, rec)
	if err := a.writeLog(ctx, rec); err != nil {
		// Retryable: the retry posts again under the same key and writes again.
		return err
	}
	return postErr
}

func (a *Activities) writeLog(ctx context.Context, rec OutcomeRecord) error {
	if a.log == nil {
		return nil
	}
	if err := a.log.Record(ctx, rec.row()); err != nil {
		return temporal.NewApplicationErrorWithOptions("writing the handoff log: "+err.Error(), "HandoffLogDown",
			temporal.ApplicationErrorOptions{NextRetryDelay: 5 * time.Second})
	}
	if err := a.recordCSAT(ctx, rec); err != nil {
		return temporal.NewApplicationErrorWithOptions("writing the customer's verdict: "+err.Error(), "HandoffLogDown",
			temporal.ApplicationErrorOptions{NextRetryDelay: 5 * time.Second})
	}
	return nil
}

func (a *Activities) postOutcome(ctx context.Context, rec OutcomeRecord) error {
	url := a.cfg.Handoff.OutcomeURL
	if url == "" {
		return nil
	}
	body, err := json.Marshal(rec)
	if err != nil {
		return temporal.NewNonRetryableApplicationError("encode outcome", "EncodeFailed", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return temporal.NewNonRetryableApplicationError("outcome URL", ErrNoEndpoint, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", rec.HandoffID)
	resp, err := a.http.Do(req)
	if err != nil {
		return fmt.Errorf("post outcome: %w", err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		return temporal.NewApplicationErrorWithOptions("outcome service answered "+resp.Status, "OutcomeServiceDown",
			temporal.ApplicationErrorOptions{NextRetryDelay: 10 * time.Second})
	}
	if resp.StatusCode >= 400 {
		return temporal.NewNonRetryableApplicationError("outcome service refused: "+resp.Status, ErrDeliveryRejected, nil)
	}
	return nil
}
